package ru.vpr.ingest;

import java.io.Serializable;
import ru.vpr.ingest.read.ReadLimits;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;

/**
 * What validation checks forms against, and how big a form may be; broadcast once to the executors.
 */
public record Reference(SpecCatalog specs, SchoolRegistry schools, ReadLimits limits) implements Serializable {

  /** The default limits. */
  public Reference(SpecCatalog specs, SchoolRegistry schools) {
    this(specs, schools, ReadLimits.DEFAULT);
  }
}
