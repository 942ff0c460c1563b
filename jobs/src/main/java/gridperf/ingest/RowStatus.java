package gridperf.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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

  /**
   * Positions of the columns in {@link #SCHEMA}; a validated row ({@link FactValidator}) begins
   * with the same columns ({@code line_no} named {@link FactValidator#FILE_LINE} there).
   */
  static final int SOURCE = SCHEMA.fieldIndex("source");

  static final int SOURCE_FILE = SCHEMA.fieldIndex("source_file");
  static final int LINE_NO = SCHEMA.fieldIndex("line_no");
  static final int RAW = SCHEMA.fieldIndex("raw");
  static final int BATCH_ID = SCHEMA.fieldIndex("batch_id");
  static final int BATCH_SEQ = SCHEMA.fieldIndex("batch_seq");
  static final int STATUS = SCHEMA.fieldIndex("status");
  static final int REASON = SCHEMA.fieldIndex("reason");
  static final int DETAIL = SCHEMA.fieldIndex("detail");
  static final int ENCODING = SCHEMA.fieldIndex("encoding");

  private RowStatus() {}

  /**
   * Copies what a status row keeps of its bronze row (source, file, line, raw text, batch,
   * encoding) into {@code out}, at the status columns' positions.
   */
  static void copyLineage(Row bronze, Object[] out) {
    out[SOURCE] = bronze.getString(Bronze.SOURCE);
    out[SOURCE_FILE] = bronze.getString(Bronze.SOURCE_FILE);
    out[LINE_NO] = bronze.getLong(Bronze.LINE_NO);
    out[RAW] = bronze.getString(Bronze.RAW);
    out[BATCH_ID] = bronze.getString(Bronze.BATCH_ID);
    out[BATCH_SEQ] = bronze.getLong(Bronze.BATCH_SEQ);
    out[ENCODING] = bronze.getString(Bronze.ENCODING);
  }

  /** The status row {@code st} with another status, reason and detail. */
  static Row withStatus(Row st, String status, String reason, String detail) {
    Object[] out = new Object[SCHEMA.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = st.get(i);
    }
    out[STATUS] = status;
    out[REASON] = reason;
    out[DETAIL] = detail;
    return RowFactory.create(out);
  }
}
