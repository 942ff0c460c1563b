package gridperf.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import gridperf.lakehouse.TableId;
import gridperf.landingfiles.LandingReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code bronze_sales_line}, {@code bronze_touchpoint}, {@code bronze_master} — grain: one row per
 * non-blank data line of the current delivery of each landing file (key: source_file, line_no), as
 * read: raw text (decoded; a lossy rendering when undecodable), the line's encoding ({@code ASCII},
 * {@code UTF-8}, {@code GB18030}, {@code MALFORMED} or the configured charset), for CSV the fields
 * in contract order (NULL when the line cannot be split), the parse error if any, and the batch
 * (id, sequence, time, as-of date) that read it; a row's date range is checked against the as-of
 * date of the batch that read it, so recomputing it later gives the same answer. A re-delivered
 * file's rows replace its earlier rows. Every silver, quarantine and ledger row can be recomputed
 * from bronze plus master data.
 */
public final class Bronze {
  public static final StructType SCHEMA =
      new StructType()
          .add("source", StringType, false)
          .add("source_file", StringType, false)
          .add("line_no", LongType, false)
          .add("raw", StringType, true)
          .add("encoding", StringType, false)
          .add("fields", DataTypes.createArrayType(StringType, false), true)
          .add("parse_error", StringType, true)
          .add("batch_id", StringType, false)
          .add("batch_seq", LongType, false)
          .add("ingest_ts", TimestampType, false)
          .add("as_of", DataTypes.DateType, false);

  /** Positions of the columns in {@link #SCHEMA}, for the per-row code that reads bronze rows. */
  static final int SOURCE = SCHEMA.fieldIndex("source");

  static final int SOURCE_FILE = SCHEMA.fieldIndex("source_file");
  static final int LINE_NO = SCHEMA.fieldIndex("line_no");
  static final int RAW = SCHEMA.fieldIndex("raw");
  static final int ENCODING = SCHEMA.fieldIndex("encoding");
  static final int FIELDS = SCHEMA.fieldIndex("fields");
  static final int PARSE_ERROR = SCHEMA.fieldIndex("parse_error");
  static final int BATCH_ID = SCHEMA.fieldIndex("batch_id");
  static final int BATCH_SEQ = SCHEMA.fieldIndex("batch_seq");
  static final int AS_OF = SCHEMA.fieldIndex("as_of");

  /** Precedence (docs/contract.md): batch, then code-point order of the path, then line. */
  public static final Comparator<Row> PRECEDENCE =
      Comparator.comparingLong((Row r) -> r.getLong(BATCH_SEQ))
          .thenComparing((Row r) -> r.getString(SOURCE_FILE), LandingReader.CODE_POINT_ORDER)
          .thenComparingLong(r -> r.getLong(LINE_NO));

  /** The bronze tables a landing file can feed: master, then the fact sources'. */
  static final List<TableId> TABLES = tables();

  private Bronze() {}

  private static List<TableId> tables() {
    List<TableId> out = new ArrayList<>(List.of(TableId.BRONZE_MASTER));
    out.addAll(FactSource.bronzeTables());
    return List.copyOf(out);
  }

  /** A {@link RowStatus} row for a bronze row. */
  static Row status(Row bronze, String status, String reason, String detail) {
    Object[] out = new Object[RowStatus.SCHEMA.size()];
    RowStatus.copyLineage(bronze, out);
    out[RowStatus.STATUS] = status;
    out[RowStatus.REASON] = reason;
    out[RowStatus.DETAIL] = detail;
    return RowFactory.create(out);
  }
}
