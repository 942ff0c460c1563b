package gridperf.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Commits of a Delta table read straight from its {@code _delta_log} (one listing and one small
 * JSON file per commit, on the driver). {@code DeltaTable.history(1)} gives the same answer but
 * runs a Spark job, which is a noticeable fixed cost when a run makes a dozen commits.
 */
public final class CommitLog {
  /**
   * One commit: its version, operation parameters ({@code mode}, {@code predicate}, ...), operation
   * metrics, user metadata, and the idempotent-write id it carries ({@code txnAppId}, or null).
   */
  public record Commit(
      long version,
      Map<String, String> parameters,
      Map<String, String> metrics,
      String userMetadata,
      String txnAppId,
      long txnVersion) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private CommitLog() {}

  /**
   * Operations that rewrite or delete files without changing a row: compaction and vacuum ({@code
   * maintain}), and table properties.
   */
  static final Set<String> NO_DATA_OPERATIONS =
      Set.of("OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES");

  /**
   * The latest version of the table whose commit changed its data: the current version, or an
   * earlier one when the commits after it only compacted, vacuumed or set table properties
   * (operation {@link #NO_DATA_OPERATIONS}, or no add or remove action with {@code dataChange}). A
   * commit whose log file is gone (log clean-up) counts as a data change. −1 when the table has no
   * log.
   */
  public static long dataVersion(Lake lake, TableId table) {
    Commit latest = latest(lake, table);
    if (latest == null) {
      return -1;
    }
    Path log = new Path(lake.path(table) + "/_delta_log");
    try {
      FileSystem fs = log.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      for (long v = latest.version(); v > 0; v--) {
        Path file = new Path(log, String.format("%020d.json", v));
        if (!fs.exists(file) || changesData(fs, file)) {
          return v;
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + table.tableName(), e);
    }
  }

  private static boolean changesData(FileSystem fs, Path file) throws IOException {
    boolean change = false;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode action = JSON.readTree(line);
        JsonNode info = action.get("commitInfo");
        if (info != null && NO_DATA_OPERATIONS.contains(info.path("operation").asText())) {
          return false;
        }
        for (String kind : new String[] {"add", "remove", "cdc"}) {
          JsonNode a = action.get(kind);
          if (a != null && a.path("dataChange").asBoolean(true)) {
            change = true;
          }
        }
        if (action.has("metaData") || action.has("protocol")) {
          change = true;
        }
      }
    }
    return change;
  }

  /** The latest commit of the table, or null when the table has no log. */
  public static Commit latest(Lake lake, TableId table) {
    Path log = new Path(lake.path(table) + "/_delta_log");
    try {
      FileSystem fs = log.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      long version = latestVersion(fs, log);
      return version < 0 ? null : read(fs, log, version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + table.tableName(), e);
    }
  }

  /** The latest version of the table (a listing of its log only), or -1 when it has no log. */
  public static long latestVersion(Lake lake, TableId table) {
    Path log = new Path(lake.path(table) + "/_delta_log");
    try {
      return latestVersion(
          log.getFileSystem(lake.spark().sparkContext().hadoopConfiguration()), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + table.tableName(), e);
    }
  }

  /**
   * The commits after {@code version} (−1: all), oldest first; a version whose log file is gone is
   * left out.
   */
  public static List<Commit> after(Lake lake, TableId table, long version) {
    Path log = new Path(lake.path(table) + "/_delta_log");
    try {
      FileSystem fs = log.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      List<Commit> out = new ArrayList<>();
      for (long v = version + 1, last = latestVersion(fs, log); v <= last; v++) {
        if (fs.exists(new Path(log, String.format("%020d.json", v)))) {
          out.add(read(fs, log, v));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + table.tableName(), e);
    }
  }

  private static long latestVersion(FileSystem fs, Path log) throws IOException {
    if (!fs.exists(log)) {
      return -1;
    }
    long version = -1;
    for (FileStatus st : fs.listStatus(log)) {
      String n = st.getPath().getName();
      if (n.matches("\\d{20}\\.json")) {
        version = Math.max(version, Long.parseLong(n.substring(0, 20)));
      }
    }
    return version;
  }

  /** The commit of one version of the table, or null when its log file is gone. */
  public static Commit at(Lake lake, TableId table, long version) {
    Path log = new Path(lake.path(table) + "/_delta_log");
    try {
      FileSystem fs = log.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      if (version < 0 || !fs.exists(new Path(log, String.format("%020d.json", version)))) {
        return null;
      }
      return read(fs, log, version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + table.tableName(), e);
    }
  }

  private static Commit read(FileSystem fs, Path log, long version) throws IOException {
    Map<String, String> parameters = new HashMap<>();
    Map<String, String> metrics = new HashMap<>();
    String userMetadata = null;
    String txnAppId = null;
    long txnVersion = -1;
    Path file = new Path(log, String.format("%020d.json", version));
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode action = JSON.readTree(line);
        JsonNode txn = action.get("txn");
        if (txn != null) {
          txnAppId = txn.path("appId").asText();
          txnVersion = txn.path("version").asLong();
        }
        JsonNode info = action.get("commitInfo");
        if (info == null) {
          continue;
        }
        putText(info.get("operationParameters"), parameters);
        putText(info.get("operationMetrics"), metrics);
        JsonNode u = info.get("userMetadata");
        userMetadata = u == null || u.isNull() ? null : u.asText();
      }
    }
    return new Commit(version, parameters, metrics, userMetadata, txnAppId, txnVersion);
  }

  private static void putText(JsonNode fields, Map<String, String> out) {
    if (fields != null) {
      fields.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
  }
}
