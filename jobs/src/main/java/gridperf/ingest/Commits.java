package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Writes that commit only real changes, so a rerun over the same input makes no new table version
 * and a table's Change Data Feed holds exactly what changed: a table is replaced only when its
 * content differs, and a partitioned table only in the (year, month) partitions that differ.
 */
final class Commits {
  private Commits() {}

  /** Replaces the table's content with {@code data} where it differs; empty when equal. */
  static Optional<WriteResult> replaceIfChanged(
      Lake lake, TableId table, Dataset<Row> data, boolean partitioned) {
    if (!lake.exists(table)) {
      var w = lake.write(table, data).overwrite();
      if (partitioned) {
        w = w.partitionBy("year", "month");
      }
      return Optional.of(w.commit());
    }
    Dataset<Row> current = lake.read(table).select(columns(data));
    if (!partitioned) {
      if (current.exceptAll(data).union(data.exceptAll(current)).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(lake.write(table, data).overwrite().commit());
    }
    List<Row> changed =
        current
            .except(data)
            .union(data.except(current))
            .select("year", "month")
            .distinct()
            .collectAsList();
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    Column keep = null;
    for (Row r : changed) {
      int year = r.getAs("year");
      int month = r.getAs("month");
      parts.add("(year = " + year + " AND month = " + month + ")");
      Column c = col("year").equalTo(year).and(col("month").equalTo(month));
      keep = keep == null ? c : keep.or(c);
    }
    String where = String.join(" OR ", parts);
    return Optional.of(
        lake.write(table, data.filter(keep)).overwrite().replaceWhere(where).commit());
  }

  /**
   * Replaces a small table with rows built on the driver where its content differs (one job: the
   * current rows are collected and compared as a multiset); empty when equal.
   */
  static Optional<WriteResult> replaceIfChanged(
      Lake lake, TableId table, List<Row> rows, StructType schema) {
    Dataset<Row> data = lake.spark().createDataFrame(rows, schema);
    if (lake.exists(table)) {
      // a local relation collects without a job, normalising values (decimal scale) as stored
      Map<Row, Integer> want = multiset(data.collectAsList());
      Map<Row, Integer> have = multiset(lake.read(table).select(columns(data)).collectAsList());
      if (want.equals(have)) {
        return Optional.empty();
      }
    }
    return Optional.of(lake.write(table, data).overwrite().commit());
  }

  private static Map<Row, Integer> multiset(List<Row> rows) {
    Map<Row, Integer> out = new HashMap<>();
    rows.forEach(r -> out.merge(r, 1, Integer::sum));
    return out;
  }

  /**
   * The batch_seq a table's latest commit was made by ({@link #tag}), or -1 (no table, or not an
   * ingest commit). Reads the Delta log only.
   */
  static long lastBatchSeq(Lake lake, TableId table) {
    if (!lake.exists(table)) {
      return -1;
    }
    gridperf.lakehouse.CommitLog.Commit c = gridperf.lakehouse.CommitLog.latest(lake, table);
    String m = c == null || c.userMetadata() == null ? "" : c.userMetadata();
    return m.startsWith(TAG) ? Long.parseLong(m.substring(TAG.length())) : -1;
  }

  /** The commit tag of a batch: every Delta commit of an ingest run carries it as userMetadata. */
  static String tag(long batchSeq) {
    return TAG + batchSeq;
  }

  /** The session setting that puts userMetadata on every commit. */
  static final String USER_METADATA = gridperf.lakehouse.DeltaWrite.SESSION_USER_METADATA;

  private static final String TAG = "gridperf-ingest batch_seq=";

  /**
   * Writes the ledger when it differs from the one the run started from (no job: both small). The
   * ledger is a full overwrite computed from the version read at the start, so a ledger committed
   * meanwhile by another ingest on the same lake would be silently replaced: the run refuses
   * instead (its data commits are in; a rerun finishes the batch).
   */
  static Optional<WriteResult> ledger(Lake lake, Batch b, Map<String, IngestFiles.Entry> ledger) {
    long now = lake.version(TableId.INGEST_FILES);
    if (now != b.ledgerVersion()) {
      throw new IllegalStateException(
          "ingest_files changed while this ingest ran (version "
              + b.ledgerVersion()
              + " -> "
              + now
              + "): another ingest wrote to this lake at the same time; rerun this ingest");
    }
    if (ledger.equals(b.ledger()) && lake.exists(TableId.INGEST_FILES)) {
      return Optional.empty();
    }
    Dataset<Row> rows = lake.spark().createDataFrame(IngestFiles.rows(ledger), IngestFiles.SCHEMA);
    return Optional.of(lake.write(TableId.INGEST_FILES, rows).overwrite().commit());
  }

  /** Reports a table's commit, or that it is unchanged, as a progress step; returns {@code w}. */
  static Optional<WriteResult> reported(Progress progress, TableId t, Optional<WriteResult> w) {
    progress.step(w.isPresent() ? "committed " + t.tableName() : t.tableName() + " unchanged");
    return w;
  }

  /** Replaces the rows of the given source files (a file's earlier delivery) with {@code data}. */
  static WriteResult replaceFiles(
      Lake lake, TableId table, Dataset<Row> data, Collection<String> files) {
    if (!lake.exists(table)) {
      return lake.write(table, data).overwrite().commit();
    }
    List<String> quoted = new ArrayList<>();
    for (String f : files) {
      quoted.add("'" + f.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }
    return lake.write(table, data)
        .overwrite()
        .replaceWhere("source_file IN (" + String.join(", ", quoted) + ")")
        .commit();
  }

  private static Column[] columns(Dataset<Row> data) {
    return java.util.Arrays.stream(data.columns()).map(c -> col(c)).toArray(Column[]::new);
  }
}
