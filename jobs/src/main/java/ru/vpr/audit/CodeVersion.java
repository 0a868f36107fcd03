package ru.vpr.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The commit the running jar was built from ({@code vpr-git.properties}, written by the build), so that
 * every runs row says which code computed it: {@code 585a03b}, {@code 585a03b-dirty} for a build with
 * uncommitted changes, {@code unknown} for a build outside a git checkout.
 */
public final class CodeVersion {
  static final String RESOURCE = "/vpr-git.properties";
  public static final String UNKNOWN = "unknown";

  private static final String CURRENT = read();

  private CodeVersion() {}

  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return UNKNOWN;
      Properties p = new Properties();
      p.load(in);
      String commit = p.getProperty("git.commit.id.abbrev", "").trim();
      if (commit.isEmpty()) return UNKNOWN;
      return Boolean.parseBoolean(p.getProperty("git.dirty", "false").trim()) ? commit + "-dirty" : commit;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
