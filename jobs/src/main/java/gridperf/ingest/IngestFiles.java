package gridperf.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ingest_files} — the file ledger (DESIGN.md §2). Grain: one row per source path ever
 * ingested (its latest delivery; files later removed from landing stay). Key: source_file
 * (relative to the landing root). content_hash is SHA-256 of the bytes; encoding is the file's
 * label ({@code UTF-8}, {@code UTF-8 BOM}, {@code GB18030}, {@code UTF-8+GB18030}, a {@code
 * +MALFORMED} suffix when some line decodes in neither, or the configured charset); the row counts
 * are as the lake stands now and always reconcile: rows_read = rows_accepted + rows_quarantined +
 * rows_duplicate. Committed last by every ingest run.
 */
public final class IngestFiles {
  public static final StructType SCHEMA =
      new StructType()
          .add("source_file", DataTypes.StringType, false)
          .add("content_hash", DataTypes.StringType, false)
          .add("batch_id", DataTypes.StringType, false)
          .add("encoding", DataTypes.StringType, false)
          .add("rows_read", DataTypes.LongType, false)
          .add("rows_accepted", DataTypes.LongType, false)
          .add("rows_quarantined", DataTypes.LongType, false)
          .add("rows_duplicate", DataTypes.LongType, false)
          .add("source", DataTypes.StringType, false)
          .add("size", DataTypes.LongType, false)
          .add("modification_time", DataTypes.LongType, false)
          .add("batch_seq", DataTypes.LongType, false);

  /** One ledger row, without its counts. */
  public record Entry(
      String sourceFile,
      String contentHash,
      String batchId,
      String encoding,
      String source,
      long size,
      long modificationTime,
      long batchSeq,
      long rowsRead)
      implements Serializable {}

  /** Counts of one file. */
  public record Counts(long read, long accepted, long quarantined, long duplicate) {
    public boolean reconciles() {
      return read == accepted + quarantined + duplicate;
    }
  }

  private IngestFiles() {}

  /** The ledger entries by source_file (empty when the table does not exist yet). */
  public static Map<String, Entry> entries(Dataset<Row> ledger) {
    Map<String, Entry> out = new HashMap<>();
    if (ledger == null) {
      return out;
    }
    for (Row r :
        ledger
            .select(
                "source_file",
                "content_hash",
                "batch_id",
                "encoding",
                "source",
                "size",
                "modification_time",
                "batch_seq",
                "rows_read")
            .collectAsList()) {
      out.put(
          r.getString(0),
          new Entry(
              r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
              r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)));
    }
    return out;
  }

  /** Per-file counts of {@link RowStatus} rows. */
  public static Map<String, Counts> counts(Dataset<Row> statuses) {
    List<Row> rows =
        statuses
            .groupBy("source_file")
            .agg(
                count("*"),
                sum(when(col("status").equalTo(RowStatus.ACCEPTED), 1).otherwise(0)),
                sum(when(col("status").equalTo(RowStatus.QUARANTINED), 1).otherwise(0)),
                sum(when(col("status").equalTo(RowStatus.DUPLICATE), 1).otherwise(0)))
            .collectAsList();
    Map<String, Counts> out = new HashMap<>();
    for (Row r : rows) {
      out.put(r.getString(0), new Counts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
    }
    return out;
  }
}
