package ru.vpr.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.vpr.config.Metastore;
import ru.vpr.config.PipelineConfig;

/**
 * Says in one line why the catalog could not be opened, for the failures people meet when they
 * share it. Spark reports them as "Unable to instantiate SessionHiveMetaStoreClient" with the reason
 * a dozen causes deep; the reason and what to do about it is what a person needs.
 */
final class CatalogFailures {
  // Derby's XSDB6: the database folder is locked by another JVM.
  private static final String DERBY_BUSY = "Another instance of Derby may have already booted the database";

  private CatalogFailures() {}

  /** The explanation of {@code failure}, when it is a catalog failure this class knows. */
  static Optional<String> explain(Throwable failure, PipelineConfig config) {
    List<Throwable> chain = chain(failure);
    if (chain.stream().anyMatch(t -> contains(t, DERBY_BUSY))) {
      return Optional.of("another process uses the embedded metastore (" + config.warehouse() + "/metastore_db): "
          + "Derby admits one process at a time. Stop the other process (a job, bin/vpr sql, a notebook's session) "
          + "or use a shared metastore: vpr.metastore.kind = jdbc, see conf/postgres.conf");
    }
    Metastore metastore = config.metastore();
    if (metastore.kind() != Metastore.Kind.JDBC) return Optional.empty();
    String database = "the metastore database " + Metastore.redact(metastore.url());
    Optional<SQLException> sql = chain.stream().filter(SQLException.class::isInstance).map(SQLException.class::cast)
        .filter(e -> e.getSQLState() != null).findFirst();
    String state = sql.map(SQLException::getSQLState).orElse("");
    String reason = Metastore.redact(sql.<Throwable>map(e -> e).orElse(chain.get(chain.size() - 1)).getMessage());
    boolean unreachable = state.startsWith("08") || chain.stream().anyMatch(t -> t instanceof ConnectException
        || t instanceof UnknownHostException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException);
    if (unreachable) {
      return Optional.of("cannot reach " + database + " (vpr.metastore.url, VPR_METASTORE_URL): " + reason);
    }
    if (state.startsWith("28")) {
      return Optional.of(database + " refused the login of '" + metastore.user()
          + "' (vpr.metastore.user and password, VPR_METASTORE_USER and VPR_METASTORE_PASSWORD): " + reason);
    }
    if (state.equals("3D000")) {
      return Optional.of(database + " does not exist; create it as the README says (A catalog many people share): "
          + reason);
    }
    if (chain.stream().anyMatch(t -> t.getClass().getSimpleName().equals("MetaException")) || sql.isPresent()) {
      return Optional.of(database + " failed: " + reason);
    }
    return Optional.empty();
  }

  /**
   * The failure and everything behind it: causes, and the next exceptions of JDBC errors (Derby puts
   * the reason there).
   */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> pending = new ArrayList<>(List.of(failure));
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(0);
      if (t == null || seen.put(t, Boolean.TRUE) != null) continue;
      chain.add(t);
      pending.add(t.getCause());
      if (t instanceof SQLException s) pending.add(s.getNextException());
    }
    return chain;
  }

  private static boolean contains(Throwable t, String text) {
    return t.getMessage() != null && t.getMessage().contains(text);
  }
}
