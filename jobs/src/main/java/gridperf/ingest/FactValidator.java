package gridperf.ingest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Validates and credits bronze fact rows on the executors against broadcast master data, in one
 * pass: each row becomes its {@link RowStatus} columns ({@code valid} or {@code quarantined} with
 * reason and detail) followed by the typed, credited fact columns (NULL when quarantined).
 */
public final class FactValidator {
  private static final Set<String> LINEAGE = Set.of("src_file", "src_line", "batch_id");

  /** The physical line column of a validated row (fact_sales_line has its own line_no). */
  public static final String FILE_LINE = "file_line";

  /** Status of a row that passed every rule, before precedence decides accepted or duplicate. */
  public static final String VALID = "valid";

  private FactValidator() {}

  /** Status columns + a fact table's typed columns (without lineage). */
  static StructType validated(StructType fact) {
    StructType s = new StructType();
    for (StructField f : RowStatus.SCHEMA.fields()) {
      s = s.add(f.name().equals("line_no") ? FILE_LINE : f.name(), f.dataType(), f.nullable());
    }
    for (StructField f : fact.fields()) {
      if (!LINEAGE.contains(f.name())) {
        s = s.add(f.name(), f.dataType(), true);
      }
    }
    return s;
  }

  /** The {@link RowStatus} columns of a validated dataset. */
  public static Dataset<Row> statuses(Dataset<Row> validated) {
    return validated.select(
        org.apache.spark.sql.functions.col("source"),
        org.apache.spark.sql.functions.col("source_file"),
        org.apache.spark.sql.functions.col(FILE_LINE).as("line_no"),
        org.apache.spark.sql.functions.col("raw"),
        org.apache.spark.sql.functions.col("batch_id"),
        org.apache.spark.sql.functions.col("batch_seq"),
        org.apache.spark.sql.functions.col("status"),
        org.apache.spark.sql.functions.col("reason"),
        org.apache.spark.sql.functions.col("detail"),
        org.apache.spark.sql.functions.col("encoding"));
  }

  /** The fact columns of a validated schema (after the status columns). */
  public static String[] factColumns(StructType validated) {
    String[] names = validated.fieldNames();
    return java.util.Arrays.copyOfRange(names, RowStatus.SCHEMA.size(), names.length);
  }

  /** Validates bronze rows (Bronze.SCHEMA) of one fact source. */
  static Dataset<Row> validate(
      Dataset<Row> bronze, FactSource source, Broadcast<MasterData> master, ZoneId zone) {
    StructType schema = source.validatedSchema();
    int width = schema.size() - RowStatus.SCHEMA.size();
    MapPartitionsFunction<Row, Row> f =
        rows ->
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return rows.hasNext();
              }

              @Override
              public Row next() {
                return check(rows.next(), source, master.value(), zone, width);
              }
            };
    return bronze.mapPartitions(f, Encoders.row(schema));
  }

  static Row check(Row b, FactSource source, MasterData m, ZoneId zone, int width) {
    LocalDate asOf = b.getDate(Bronze.AS_OF).toLocalDate();
    Object[] out = new Object[RowStatus.SCHEMA.size() + width];
    RowStatus.copyLineage(b, out);
    try {
      if (!b.isNullAt(Bronze.PARSE_ERROR)) {
        throw Reason.MALFORMED.reject(b.getString(Bronze.PARSE_ERROR));
      }
      Object[] typed = source.typed(b, m, asOf, zone);
      out[RowStatus.STATUS] = VALID;
      // the raw text is kept in bronze; a valid row needs it nowhere after this (only quarantined
      // rows carry it on), and dropping it here shrinks every row the precedence window sorts
      out[RowStatus.RAW] = null;
      System.arraycopy(typed, 0, out, RowStatus.SCHEMA.size(), width);
    } catch (Reason.Reject e) {
      out[RowStatus.STATUS] = RowStatus.QUARANTINED;
      out[RowStatus.REASON] = e.reason().name();
      out[RowStatus.DETAIL] = e.getMessage();
    }
    return RowFactory.create(out);
  }
}
