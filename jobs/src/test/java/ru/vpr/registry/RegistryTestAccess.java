package ru.vpr.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ru.vpr.ingest.LandingLayout;
import ru.vpr.reference.SchoolRegistry;

/** The registry build without Spark, from files on disk: what {@link RegistryJob} does on the executors. */
public final class RegistryTestAccess {
  private RegistryTestAccess() {}

  public static RegistryBuilder.Built build(Path root, List<Path> exports, Path schoolList) throws IOException {
    List<SchoolSighting> sightings = new ArrayList<>();
    for (Path file : exports) {
      String path = "file:" + file;
      sightings.addAll(ExportSightings.of(file.getFileName().toString(),
          LandingLayout.place("file:" + root, path).login(), Files.readAllBytes(file)));
    }
    if (schoolList != null) sightings.addAll(SchoolList.read(schoolList.getFileName().toString(), Files.readAllBytes(schoolList)));
    return RegistryBuilder.build(new SchoolRegistry(List.of()), sightings);
  }
}
