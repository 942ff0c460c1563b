package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code quarantine} — grain: one row per rejected line of the current deliveries (key:
 * source_file, line_no), as the lake stands now: a row re-validated into acceptance after a master
 * change leaves it, an accepted row that no longer passes enters it. Columns: file, line, raw text,
 * reason code (docs/contract.md, Reason codes: the first that applies), a detail naming the column
 * and value, the batch that read the line, and its source ({@code sales}, {@code touchpoints},
 * {@code retailers}, ...).
 */
public final class Quarantine {
  public static final StructType SCHEMA =
      new StructType()
          .add("source_file", DataTypes.StringType, false)
          .add("line_no", DataTypes.LongType, false)
          .add("raw", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, false)
          .add("detail", DataTypes.StringType, true)
          .add("batch_id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("batch_seq", DataTypes.LongType, false);

  private Quarantine() {}

  /** The quarantine rows of {@link RowStatus} rows. */
  public static Dataset<Row> of(Dataset<Row> statuses) {
    return statuses
        .filter(col("status").equalTo(RowStatus.QUARANTINED))
        .select(
            col("source_file"),
            col("line_no"),
            col("raw"),
            col("reason"),
            col("detail"),
            col("batch_id"),
            col("source"),
            col("batch_seq"));
  }
}
