package ru.vpr.config;

import com.typesafe.config.Config;
import java.io.File;
import java.util.Optional;
import ru.vpr.ingest.read.ReadLimits;

/** Settings of the ingest job ({@code vpr.ingest} in the HOCON files): how big a form may be. */
public record IngestConfig(ReadLimits limits) {

  public static IngestConfig load(Optional<File> confFile) {
    return from(PipelineConfig.layered(confFile).getConfig("vpr.ingest"));
  }

  /** The defaults of application.conf. */
  public static IngestConfig defaults() {
    return load(Optional.empty());
  }

  static IngestConfig from(Config c) {
    Config l = c.getConfig("limits");
    return new IngestConfig(new ReadLimits(l.getBytes("max-file-size"), l.getBytes("max-inflated-size"),
        l.getDouble("max-compression-ratio"), l.getBytes("ratio-from-size"), l.getLong("max-rows")));
  }
}
