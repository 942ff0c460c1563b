package gridperf.lakehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;

/**
 * A builder for one Delta commit: {@code lake.write(table, df).partitionBy("year")
 * .replaceWhere("year = 2015").commit()} returns a {@link WriteResult}. Overwrite is the default;
 * {@link #append()} appends. {@link #idempotent(String, long)} makes a retried write a no-op
 * (Delta's txnAppId/txnVersion), which is what lets a killed run be rerun without duplicates.
 */
public final class DeltaWrite {
  private final Lake lake;
  private final TableId table;
  private final Dataset<Row> data;
  private final List<String> partitionBy = new ArrayList<>();
  private SaveMode mode = SaveMode.Overwrite;
  private String replaceWhere;
  private boolean overwriteSchema;
  private boolean mergeSchema;
  private String userMetadata;
  private String txnAppId;
  private long txnVersion = -1;
  private StructType declared;
  private List<String> statsColumns;

  DeltaWrite(Lake lake, TableId table, Dataset<Row> data) {
    this.lake = lake;
    this.table = table;
    this.data = data;
  }

  public DeltaWrite partitionBy(String... columns) {
    partitionBy.addAll(List.of(columns));
    return this;
  }

  public DeltaWrite append() {
    this.mode = SaveMode.Append;
    return this;
  }

  public DeltaWrite overwrite() {
    this.mode = SaveMode.Overwrite;
    return this;
  }

  /** Overwrites only the rows matching {@code predicate}; the rest of the table keeps its files. */
  public DeltaWrite replaceWhere(String predicate) {
    this.replaceWhere = predicate;
    return this;
  }

  /** Allows the table's schema to change on a full overwrite. */
  public DeltaWrite overwriteSchema() {
    this.overwriteSchema = true;
    return this;
  }

  /**
   * Adds the data's new columns to the table's schema (an append to a table of an older layout).
   */
  public DeltaWrite mergeSchema() {
    this.mergeSchema = true;
    return this;
  }

  /**
   * Declares the table's schema: the rows must carry exactly its columns and types, are written in
   * its order, and a NULL in a non-nullable column fails the write ({@link TableSchemas#conform}).
   */
  public DeltaWrite schema(StructType schema) {
    this.declared = schema;
    return this;
  }

  /**
   * The columns a table created by this write keeps min/max statistics for (Delta's {@code
   * delta.dataSkippingStatsColumns}); the others get none, which saves computing them on every
   * write. Applies when the write creates the table; an existing table keeps its setting.
   */
  public DeltaWrite statsColumns(List<String> columns) {
    this.statsColumns = List.copyOf(columns);
    return this;
  }

  /** Records a text in the commit's {@code userMetadata} (e.g. what the data was computed from). */
  public DeltaWrite userMetadata(String text) {
    this.userMetadata = text;
    return this;
  }

  /** Skips the write when this (appId, version) pair was already committed to the table. */
  public DeltaWrite idempotent(String appId, long version) {
    this.txnAppId = appId;
    this.txnVersion = version;
    return this;
  }

  /**
   * Commits and reports the version this commit produced and the rows it wrote. The version is
   * found in the log, not taken as the table's latest: another writer may commit to the table
   * between this commit and the reading of the log. It is the first version after the one read
   * before the write whose commit is this write ({@link #isThisWrite}).
   */
  public WriteResult commit() {
    Dataset<Row> rows = declared == null ? data : TableSchemas.conform(table, data, declared);
    DataFrameWriter<Row> w = rows.write().format("delta").mode(mode);
    if (!partitionBy.isEmpty()) {
      w = w.partitionBy(partitionBy.toArray(new String[0]));
    }
    if (replaceWhere != null) {
      w = w.option("replaceWhere", replaceWhere);
    }
    if (overwriteSchema) {
      w = w.option("overwriteSchema", "true");
    }
    if (userMetadata != null) {
      w = w.option("userMetadata", userMetadata);
    }
    if (mergeSchema) {
      w = w.option("mergeSchema", "true");
    }
    if (statsColumns != null && !statsColumns.isEmpty()) {
      w = w.option("delta.dataSkippingStatsColumns", String.join(",", statsColumns));
    }
    if (txnAppId != null) {
      w = w.option("txnAppId", txnAppId).option("txnVersion", txnVersion);
    }
    long before = CommitLog.latestVersion(lake, table);
    CommitHooks.fire(CommitHooks.Stage.BEFORE_COMMIT, table);
    w.save(lake.path(table));
    CommitHooks.fire(CommitHooks.Stage.AFTER_COMMIT, table);
    String metadata =
        userMetadata != null ? userMetadata : lake.spark().conf().get(SESSION_USER_METADATA, null);
    for (CommitLog.Commit c : CommitLog.after(lake, table, before)) {
      if (isThisWrite(c, metadata)) {
        return result(table, c);
      }
    }
    // no commit of this write: Delta made none (an overwrite of nothing with nothing, or a txn id
    // already committed): the table's latest commit, as before
    return lastCommit(lake, table);
  }

  /** The session setting Delta takes a commit's user metadata from when the write sets none. */
  public static final String SESSION_USER_METADATA =
      "spark.databricks.delta.commitInfo.userMetadata";

  /**
   * True when commit {@code c} records this write: its save mode, replaceWhere predicate, user
   * metadata and idempotent-write id. Among the commits made after this write started, that is this
   * write's own: the writes of gridperf that could record the same are idempotent appends with the
   * same id, of which Delta commits one, and overwrites of the same rows, which Delta does not let
   * two concurrent writers both commit.
   */
  private boolean isThisWrite(CommitLog.Commit c, String metadata) {
    return mode.name().equals(c.parameters().get("mode"))
        && Objects.equals(replaceWhere, c.parameters().get("predicate"))
        && Objects.equals(metadata, c.userMetadata())
        && Objects.equals(txnAppId, c.txnAppId())
        && (txnAppId == null || txnVersion == c.txnVersion());
  }

  /** The latest commit of a table as a {@link WriteResult} (also after a merge or delete). */
  public static WriteResult lastCommit(Lake lake, TableId table) {
    return result(table, CommitLog.latest(lake, table));
  }

  private static WriteResult result(TableId table, CommitLog.Commit c) {
    Map<String, String> metrics = c.metrics();
    long rows = 0;
    for (String k : List.of("numOutputRows", "numTargetRowsInserted", "numTargetRowsUpdated")) {
      String v = metrics.get(k);
      if (v != null) {
        rows += Long.parseLong(v);
      }
    }
    return new WriteResult(table, c.version(), rows);
  }
}
