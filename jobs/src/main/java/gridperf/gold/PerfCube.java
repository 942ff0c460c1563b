package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.lakehouse.ScalaSeq;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code perf_cube} — grain: one row per value combination of each grouping set × period
 * (docs/contract.md, perf_cube). Keys: grid_code, manager_code, format, market_type, scale,
 * price_class, grouping_id, period_type, period (dimension columns outside the set are NULL).
 * Source: the sales pre-aggregate of {@link Monthly}. Rules: grouping_id is Spark's grouping_id()
 * over the six dimensions (computed as Spark's grouping_id over the dimensions and the period
 * columns, which are in every set, shifted right by three; first column the most significant bit, a
 * bit set when the column is not in the set); rows exist for combinations present in credited sales
 * lines; metrics retailers_ordering, volume_cases, revenue_yuan, revenue_per_case, high_class_share
 * as in {@link PerfMetrics}.
 */
public final class PerfCube {
  public static final List<String> DIMENSIONS =
      List.of("grid_code", "manager_code", "format", "market_type", "scale", "price_class");

  /** The grouping sets of docs/contract.md, perf_cube; () is the company total (grouping_id 63). */
  public static final List<List<String>> SETS =
      List.of(
          List.of("grid_code", "manager_code"),
          List.of("grid_code", "price_class"),
          List.of("manager_code", "price_class"),
          List.of("format", "market_type", "scale"),
          List.of("format", "market_type", "scale", "price_class"),
          List.of("market_type", "price_class"),
          List.of("price_class"),
          List.of());

  /** Key columns, in table order. */
  public static final List<String> KEYS =
      List.of(
          "grid_code",
          "manager_code",
          "format",
          "market_type",
          "scale",
          "price_class",
          "grouping_id",
          "period_type",
          "period");

  /**
   * The table's columns as written: the dimensions outside a row's grouping set are NULL, so only
   * grouping_id and the period columns are non-nullable.
   */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "grid_code string, manager_code string, format string, market_type string,"
              + " scale string, price_class int, grouping_id bigint not null, "
              + PerfMetrics.PERIOD_COLUMNS
              + ", retailers_ordering bigint, volume_cases "
              + PerfMetrics.VOLUME_TYPE
              + ", revenue_yuan "
              + PerfMetrics.REVENUE_TYPE
              + ", revenue_per_case double, high_class_share double");

  private PerfCube() {}

  /**
   * Columns: the six dimensions, grouping_id, period_type, period, year, retailers_ordering,
   * volume_cases, revenue_yuan, revenue_per_case, high_class_share.
   */
  public static Dataset<Row> build(Monthly in) {
    List<String> base = new ArrayList<>(DIMENSIONS);
    base.addAll(List.of("retailer_code", "year", "month", "qty", "amount", "ordered"));
    Dataset<Row> sales =
        Periods.explode(
            in.sales()
                .select(PerfMetrics.cols(base).toArray(new Column[0]))
                .withColumn(
                    "qty_high", when(col("price_class").leq(2), col("qty")).otherwise(lit(0L))));
    List<String> periodCols = List.of("period_type", "period", "year");
    // one row per (dimensions, retailer, period) before the grouping sets: the expansion into
    // eight sets (and Spark's second expansion for the distinct count) then multiplies about 1.4
    // rows per monthly row instead of 3 (a year's twelve months are one row)
    List<String> perRetailer = new ArrayList<>(DIMENSIONS);
    perRetailer.add("retailer_code");
    perRetailer.addAll(periodCols);
    sales =
        sales
            .groupBy(PerfMetrics.cols(perRetailer).toArray(new Column[0]))
            .agg(
                sum("qty").as("qty"),
                sum("qty_high").as("qty_high"),
                sum("amount").as("amount"),
                max("ordered").as("ordered"));
    List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
    for (List<String> set : SETS) {
      List<String> withPeriod = new ArrayList<>(set);
      withPeriod.addAll(periodCols);
      sets.add(ScalaSeq.of(PerfMetrics.cols(withPeriod)));
    }
    List<String> all = new ArrayList<>(DIMENSIONS);
    all.addAll(periodCols);
    Dataset<Row> agg =
        sales
            .groupingSets(ScalaSeq.of(sets), PerfMetrics.cols(all).toArray(new Column[0]))
            .agg(
                shiftright(grouping_id(), 3).as("grouping_id"),
                count_distinct(when(col("ordered"), col("retailer_code"))).as("retailers_ordering"),
                sum("qty").as("qty"),
                sum("qty_high").as("qty_high"),
                sum("amount").cast(PerfMetrics.REVENUE_TYPE).as("revenue_yuan"));
    Column volume = PerfMetrics.volume(col("qty"));
    List<Column> out = PerfMetrics.cols(DIMENSIONS);
    out.add(col("grouping_id"));
    out.add(col("period_type"));
    out.add(col("period"));
    out.add(col("year"));
    out.add(col("retailers_ordering"));
    out.add(volume.as("volume_cases"));
    out.add(col("revenue_yuan"));
    out.add(PerfMetrics.revenuePerCase(col("revenue_yuan"), volume).as("revenue_per_case"));
    out.add(PerfMetrics.highClassShare(col("qty_high"), col("qty")).as("high_class_share"));
    return agg.select(out.toArray(new Column[0]));
  }
}
