package gridperf.lakehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

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

  /** Commits and reports the version written and the rows it wrote. */
  public WriteResult commit() {
    DataFrameWriter<Row> w = data.write().format("delta").mode(mode);
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
    if (txnAppId != null) {
      w = w.option("txnAppId", txnAppId).option("txnVersion", txnVersion);
    }
    CommitHooks.fire(CommitHooks.Stage.BEFORE_COMMIT, table);
    w.save(lake.path(table));
    CommitHooks.fire(CommitHooks.Stage.AFTER_COMMIT, table);
    return lastCommit(lake, table);
  }

  /** The latest commit of a table as a {@link WriteResult} (also after a merge or delete). */
  public static WriteResult lastCommit(Lake lake, TableId table) {
    CommitLog.Commit c = CommitLog.latest(lake, table);
    long version = c.version();
    Map<String, String> metrics = c.metrics();
    long rows = 0;
    for (String k : List.of("numOutputRows", "numTargetRowsInserted", "numTargetRowsUpdated")) {
      String v = metrics.get(k);
      if (v != null) {
        rows += Long.parseLong(v);
      }
    }
    return new WriteResult(table, version, rows);
  }
}
