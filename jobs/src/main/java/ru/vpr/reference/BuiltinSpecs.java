package ru.vpr.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The specifications of real works that travel with the jar (from {@code conf/specs/}): FIOKO's task
 * lists and mark scales, so that a region can ingest its FIS OKO exports of those works without a spec
 * of its own. A region's own {@code specs/} folder always wins for the works it describes.
 */
public final class BuiltinSpecs {
  /** {@code --specs builtin}: no region folder, the built-in works only. */
  public static final String ONLY = "builtin";
  private static final String FOLDER = "specs/";
  private static volatile SpecCatalog catalog;

  private BuiltinSpecs() {}

  public static SpecCatalog catalog() {
    SpecCatalog loaded = catalog;
    if (loaded == null) {
      synchronized (BuiltinSpecs.class) {
        if (catalog == null) catalog = load();
        loaded = catalog;
      }
    }
    return loaded;
  }

  private static SpecCatalog load() {
    try (InputStream tasks = resource(SpecCatalog.TASKS_FILE);
        InputStream scales = resource(SpecCatalog.SCALES_FILE);
        InputStream subjects = resource(SpecCatalog.SUBJECTS_FILE)) {
      return SpecCatalog.read(tasks, scales, subjects, "built-in specs (conf/specs)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in specs", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BuiltinSpecs.class.getClassLoader().getResourceAsStream(FOLDER + name);
    if (in == null) throw new IllegalStateException("the jar lacks its built-in specs: " + FOLDER + name);
    return in;
  }
}
