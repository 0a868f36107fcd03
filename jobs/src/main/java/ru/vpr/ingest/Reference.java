package ru.vpr.ingest;

import java.io.Serializable;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;

/** What validation checks forms against; broadcast once to the executors. */
public record Reference(SpecCatalog specs, SchoolRegistry schools) implements Serializable {}
