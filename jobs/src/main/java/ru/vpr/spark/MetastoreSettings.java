package ru.vpr.spark;

import java.io.File;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.vpr.config.Metastore;

/**
 * The Spark settings that point the session's Hive catalog at the configured metastore. Hive's
 * settings travel as {@code spark.hadoop.*}: Spark copies them into the Hadoop configuration its
 * built-in Hive 2.3 client reads, so they work from a {@code --conf} file, from
 * {@code spark-submit --conf} and from a notebook's builder alike.
 */
final class MetastoreSettings {
  private static final String JDO = "spark.hadoop.javax.jdo.option.";

  /**
   * Every persistent class of the Hive 2.3 metastore (the {@code <class>} entries of
   * {@code package.jdo} in {@code hive-metastore-2.3.10.jar}). Named up front so that DataNucleus
   * creates all their tables when the metastore opens, in one go. Left to itself it creates each
   * table the first time a class is used, from whichever thread or process gets there: three
   * processes opening an empty PostgreSQL metastore at once then hung with open transactions (five
   * minutes, until killed), where with this list they finished in half a minute.
   */
  static final List<String> HIVE_MODEL_CLASSES = List.of(
      "MColumnDescriptor", "MConstraint", "MDBPrivilege", "MDatabase", "MDelegationToken", "MFieldSchema",
      "MFunction", "MGlobalPrivilege", "MIndex", "MMasterKey", "MNotificationLog", "MNotificationNextId",
      "MOrder", "MPartition", "MPartitionColumnPrivilege", "MPartitionColumnStatistics", "MPartitionEvent",
      "MPartitionPrivilege", "MResourceUri", "MRole", "MRoleMap", "MSerDeInfo", "MStorageDescriptor",
      "MStringList", "MTable", "MTableColumnPrivilege", "MTableColumnStatistics", "MTablePrivilege", "MType",
      "MVersionTable").stream()
      .map(name -> "org.apache.hadoop.hive.metastore.model." + name)
      .toList();

  private MetastoreSettings() {}

  static Map<String, String> of(Metastore metastore, String warehouse) {
    return switch (metastore.kind()) {
      case EMBEDDED -> embedded(warehouse);
      case EXTERNAL -> external(metastore);
      case JDBC -> jdbc(metastore);
    };
  }

  private static Map<String, String> embedded(String warehouse) {
    String folder = warehouse.startsWith("file:") ? URI.create(warehouse).getPath() : warehouse;
    // Derby needs its folder to exist before it can write its log there.
    new File(folder).mkdirs();
    // Derby writes its log to the working folder unless told otherwise.
    System.setProperty("derby.stream.error.file", folder + "/derby.log");
    return Map.of(JDO + "ConnectionURL", "jdbc:derby:;databaseName=" + folder + "/metastore_db;create=true");
  }

  private static Map<String, String> external(Metastore metastore) {
    // Blank: leave hive.metastore.uris to the cluster's hive-site.xml instead of overriding it with "".
    return metastore.uris().isEmpty() ? Map.of() : Map.of("spark.hadoop.hive.metastore.uris", metastore.uris());
  }

  private static Map<String, String> jdbc(Metastore metastore) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(JDO + "ConnectionURL", metastore.url());
    s.put(JDO + "ConnectionDriverName", metastore.jdbcDriver());
    if (!metastore.user().isEmpty()) s.put(JDO + "ConnectionUserName", metastore.user());
    // Spark redacts settings whose name contains "password" (spark.redaction.regex) in its UI and logs.
    if (!metastore.password().isEmpty()) s.put(JDO + "ConnectionPassword", metastore.password());
    // Spark turns these on only for an embedded Derby metastore. With them the first process to open
    // an empty database creates the metastore's tables, and no schema version is demanded (there is
    // no Hive schematool here to write one).
    s.put("spark.hadoop.datanucleus.schema.autoCreateAll", "true");
    s.put("spark.hadoop.hive.metastore.schema.verification", "false");
    s.put("spark.hadoop.datanucleus.autoStartMechanism", "Classes");
    s.put("spark.hadoop.datanucleus.autoStartClassNames", String.join(",", HIVE_MODEL_CLASSES));
    return s;
  }
}
