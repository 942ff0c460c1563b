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

  /** Counts of one file. */
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
      out.put(
          r.getString(0),
          new Entry(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(8),
              r.getLong(9),
              r.getLong(10),
              r.getLong(11),
              new Counts(r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7))));
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
