package gridperf.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ingest_files} — the file ledger (docs/contract.md, Quarantine and the file ledger). Grain:
 * one row per source path ever ingested (its latest delivery; files later removed from landing
 * stay). Key: source_file (relative to the landing root). content_hash is SHA-256 of the bytes;
 * encoding is the file's label ({@code UTF-8}, {@code UTF-8 BOM}, {@code GB18030}, {@code
 * UTF-8+GB18030}, a {@code +MALFORMED} suffix when some line decodes in neither, or the configured
 * charset); the row counts are as the lake stands now and always reconcile: rows_read =
 * rows_accepted + rows_quarantined + rows_duplicate. Committed last by every ingest run.
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

  /** One ledger row. */
  public record Entry(
      String sourceFile,
      String contentHash,
      String batchId,
      String encoding,
      String source,
      long size,
      long modificationTime,
      long batchSeq,
      Counts counts)
      implements Serializable {

    /** The same entry with other counts. */
    Entry withCounts(Counts c) {
      return new Entry(
          sourceFile, contentHash, batchId, encoding, source, size, modificationTime, batchSeq, c);
    }

    /** The ledger row (schema {@link IngestFiles#SCHEMA}). */
    Row toRow() {
      return RowFactory.create(
          sourceFile,
          contentHash,
          batchId,
          encoding,
          counts.read(),
          counts.accepted(),
          counts.quarantined(),
          counts.duplicate(),
          source,
          size,
          modificationTime,
          batchSeq);
    }
  }

  /** Rows of one file (or, in the run summary, of one source) by status. */
  public record Counts(long read, long accepted, long quarantined, long duplicate)
      implements Serializable {
    public boolean reconciles() {
      return read == accepted + quarantined + duplicate;
    }
  }

  private IngestFiles() {}

  /** The ledger entries by source_file (empty when the table does not exist yet). One job. */
  public static Map<String, Entry> entries(Dataset<Row> ledger) {
    Map<String, Entry> out = new TreeMap<>();
    if (ledger == null) {
      return out;
    }
    for (Row r : ledger.select(SCHEMA.fieldNames()[0], rest()).collectAsList()) {
      String sourceFile = r.getAs("source_file");
      Counts counts =
          new Counts(
              r.<Long>getAs("rows_read"),
              r.<Long>getAs("rows_accepted"),
              r.<Long>getAs("rows_quarantined"),
              r.<Long>getAs("rows_duplicate"));
      out.put(
          sourceFile,
          new Entry(
              sourceFile,
              r.getAs("content_hash"),
              r.getAs("batch_id"),
              r.getAs("encoding"),
              r.getAs("source"),
              r.<Long>getAs("size"),
              r.<Long>getAs("modification_time"),
              r.<Long>getAs("batch_seq"),
              counts));
    }
    return out;
  }

  private static String[] rest() {
    String[] all = SCHEMA.fieldNames();
    return java.util.Arrays.copyOfRange(all, 1, all.length);
  }

  /** The ledger table's rows for these entries, in source_file order. */
  static List<Row> rows(Map<String, Entry> entries) {
    List<Row> out = new ArrayList<>();
    new TreeMap<>(entries).values().forEach(e -> out.add(e.toRow()));
    return out;
  }
}
