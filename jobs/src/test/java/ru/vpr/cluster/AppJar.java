package ru.vpr.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The application jar to submit, packed from the compiled classes and resources of this build
 * ({@code target/classes}, which holds {@code application.conf} too). Tests run in Maven's
 * {@code test} phase, before {@code package} makes {@code vpr-jobs.jar}, so that jar is missing on a
 * fresh clone and stale after an edit; {@code target/classes} is always what the tests compiled.
 */
final class AppJar {
  private AppJar() {}

  static Path pack(Path classes, Path jar, String mainClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> !p.equals(classes)).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
      for (Path p : files) {
        String name = classes.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        if (Files.isDirectory(p)) {
          zip.putNextEntry(new JarEntry(name + "/"));
        } else {
          zip.putNextEntry(new JarEntry(name));
          Files.copy(p, zip);
        }
        zip.closeEntry();
      }
    }
    return jar;
  }
}
