package ru.vpr.config;

import com.typesafe.config.Config;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the Hive catalog keeps its metadata ({@code vpr.metastore}): which tables exist, their
 * locations and properties. The tables' data stays in the warehouse whatever the kind.
 *
 * @param kind embedded, external or jdbc (see {@link Kind})
 * @param uris the Hive metastore service, {@code thrift://host:9083} (external only; blank lets the
 *     cluster's own {@code hive-site.xml} name it)
 * @param url the metastore database, {@code jdbc:postgresql://host:5432/database} (jdbc only)
 * @param user the database user (jdbc only; blank: the driver's default)
 * @param password the database password (jdbc only): from the environment, never from a committed
 *     file; {@link #toString()} and {@link #describe()} never show it
 */
public record Metastore(Kind kind, String uris, String url, String user, String password) {

  /** The kinds of catalog, by who may use it at once. */
  public enum Kind {
    /** A Derby database inside the warehouse folder: one process at a time. */
    EMBEDDED,
    /** A Hive metastore service at {@code uris}: the choice for clusters. */
    EXTERNAL,
    /**
     * Spark's own Hive metastore client on a shared database (PostgreSQL) reached over JDBC: every
     * job, {@code bin/vpr sql} and notebook at once, without running a metastore service.
     */
    JDBC;

    /** The name used in configuration files. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.configName().equals(text)) return k;
      }
      throw new IllegalArgumentException("vpr.metastore.kind must be 'embedded', 'external' or 'jdbc', not '" + text + "'");
    }
  }

  /**
   * JDBC drivers by URL prefix. Only PostgreSQL's is inside the jar (and tested); the others must
   * come with {@code spark-submit --jars}.
   */
  private static final Map<String, String> DRIVERS = Map.of(
      "jdbc:postgresql:", "org.postgresql.Driver",
      "jdbc:mysql:", "com.mysql.cj.jdbc.Driver",
      "jdbc:mariadb:", "org.mariadb.jdbc.Driver");

  private static final String MASK = "***";
  // password=... in a URL's parameters (PostgreSQL, MySQL, Derby), and user:password@ before a host.
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;,\\s)]*");
  private static final Pattern PASSWORD_USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");

  public Metastore {
    if (kind == null) throw new IllegalArgumentException("vpr.metastore.kind is not set");
    uris = uris == null ? "" : uris.trim();
    url = url == null ? "" : url.trim();
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (kind == Kind.JDBC) {
      if (url.isEmpty()) {
        throw new IllegalArgumentException("vpr.metastore.kind = jdbc needs vpr.metastore.url (or VPR_METASTORE_URL), "
            + "e.g. jdbc:postgresql://db-host:5432/vpr_metastore; see conf/postgres.conf");
      }
      if (driverFor(url) == null) {
        throw new IllegalArgumentException("vpr.metastore.url must be a JDBC URL of PostgreSQL ("
            + "jdbc:postgresql://host:5432/database), MySQL or MariaDB, not '" + redact(url) + "'");
      }
    }
  }

  /** The default: Derby inside the warehouse folder. */
  public static Metastore embedded() {
    return new Metastore(Kind.EMBEDDED, "", "", "", "");
  }

  /** Reads {@code vpr.metastore}; url, user and password may be absent from older site files. */
  static Metastore from(Config c) {
    return new Metastore(Kind.parse(c.getString("kind")), c.getString("uris"), optional(c, "url"),
        optional(c, "user"), optional(c, "password"));
  }

  /** The JDBC driver class of {@link #url()} (jdbc only). */
  public String jdbcDriver() {
    return driverFor(url);
  }

  /** One line for people and logs: kind and where, never the password. */
  public String describe() {
    return switch (kind) {
      case EMBEDDED -> kind.configName();
      case EXTERNAL -> kind.configName() + " " + (uris.isEmpty() ? "(no uris set)" : uris);
      case JDBC -> kind.configName() + " " + redact(url) + (user.isEmpty() ? "" : " as " + user)
          + (password.isEmpty() ? "" : " (password set)");
    };
  }

  @Override
  public String toString() {
    return "Metastore[kind=" + kind.configName() + ", uris=" + uris + ", url=" + redact(url) + ", user=" + user
        + ", password=" + (password.isEmpty() ? "" : MASK) + "]";
  }

  /**
   * The text with any password in a JDBC URL masked: error messages of drivers and of the metastore
   * echo the URL they failed on, and a URL may carry {@code password=...}.
   */
  public static String redact(String text) {
    if (text == null) return null;
    String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + MASK);
    return PASSWORD_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
  }

  private static String driverFor(String url) {
    return DRIVERS.entrySet().stream().filter(e -> url.startsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static String optional(Config c, String path) {
    return c.hasPath(path) ? c.getString(path) : "";
  }
}
