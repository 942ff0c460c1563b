package gridperf.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The outcome of every bronze row under the current master data and precedence: {@code accepted}
 * (the first valid row of its key or a correction), {@code duplicate} (equal to its key's winner),
 * or {@code quarantined} with a reason, and the line's encoding. Not a table: the quarantine table
 * and the ledger's counts are derived from it.
 */
public final class RowStatus {
  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATE = "duplicate";
  public static final String QUARANTINED = "quarantined";

  public static final StructType SCHEMA =
      new StructType()
          .add("source", StringType, false)
          .add("source_file", StringType, false)
          .add("line_no", LongType, false)
          .add("raw", StringType, true)
          .add("batch_id", StringType, false)
          .add("batch_seq", LongType, false)
          .add("status", StringType, false)
          .add("reason", StringType, true)
          .add("detail", StringType, true)
          .add("encoding", StringType, true);

  private RowStatus() {}
}
