package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import gridperf.lakehouse.TableId;
import gridperf.landingfiles.LandingSource;
import gridperf.silver.FactInspection;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTouchpoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The fact sources of the landing contract as ingest handles them: each has its landing source,
 * bronze table, silver fact table (partitioned by year, month), key columns and field rules. Both
 * ingest paths ({@link Incremental}, {@link FullRecompute}) treat every fact source alike.
 */
enum FactSource {
  SALES(
      LandingSource.SALES,
      TableId.BRONZE_SALES_LINE,
      TableId.FACT_SALES_LINE,
      FactSalesLine.SCHEMA,
      "order_id",
      "line_no"),
  TOUCHPOINTS(
      LandingSource.TOUCHPOINTS,
      TableId.BRONZE_TOUCHPOINT,
      TableId.FACT_TOUCHPOINT,
      FactTouchpoint.SCHEMA,
      "event_id"),
  INSPECTIONS(
      LandingSource.INSPECTIONS,
      TableId.BRONZE_INSPECTION,
      TableId.FACT_INSPECTION,
      FactInspection.SCHEMA,
      "inspection_id");

  private final LandingSource landing;
  private final TableId bronze;
  private final TableId fact;
  private final StructType factSchema;
  private final String[] keys;
  private final StructType validated;

  FactSource(
      LandingSource landing, TableId bronze, TableId fact, StructType factSchema, String... keys) {
    this.landing = landing;
    this.bronze = bronze;
    this.fact = fact;
    this.factSchema = factSchema;
    this.keys = keys;
    this.validated = FactValidator.validated(factSchema);
  }

  /** The label of its rows in bronze, quarantine and the tally ({@code sales}, ...). */
  String label() {
    return landing.label();
  }

  TableId bronze() {
    return bronze;
  }

  TableId fact() {
    return fact;
  }

  String[] keys() {
    return keys.clone();
  }

  /** Status columns + the fact table's typed columns (without lineage). */
  StructType validatedSchema() {
    return validated;
  }

  /** The typed, credited values of a bronze row that passed parsing, or the first broken rule. */
  Object[] typed(Row bronzeRow, MasterData m, LocalDate asOf, ZoneId zone) throws Reason.Reject {
    return switch (this) {
      case SALES -> SalesRules.typed(bronzeRow.getList(Bronze.FIELDS), m, asOf);
      case TOUCHPOINTS -> TouchpointRules.typed(bronzeRow.getString(Bronze.RAW), m, asOf, zone);
      case INSPECTIONS -> InspectionRules.typed(bronzeRow.getList(Bronze.FIELDS), m, asOf);
    };
  }

  /**
   * The winners of a classified dataset of this source in the fact table's column order, with
   * lineage, clustered by (year, month).
   */
  Dataset<Row> winners(Dataset<Row> classified) {
    List<Column> cols = new ArrayList<>();
    for (String c : factSchema.fieldNames()) {
      cols.add(
          switch (c) {
            case "src_file" -> col("source_file").as("src_file");
            case "src_line" -> col(FactValidator.FILE_LINE).as("src_line");
            default -> col(c);
          });
    }
    // one task per (year, month): one file per partition folder instead of one per task
    return classified
        .filter(col(Precedence.WINNER))
        .select(cols.toArray(new Column[0]))
        .repartition(col("year"), col("month"));
  }

  /** Bronze tables of the fact sources, in this enum's order. */
  static List<TableId> bronzeTables() {
    return java.util.Arrays.stream(values()).map(FactSource::bronze).toList();
  }
}
