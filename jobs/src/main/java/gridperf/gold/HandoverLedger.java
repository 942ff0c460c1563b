package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import gridperf.lakehouse.ScalaSeq;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * {@code handover_ledger} — grain: one row per move, i.e. an active retailer version whose
 * manager_code differs from that of the retailer's previous active version, with valid_from inside
 * the period range. Keys: retailer_code, moved_on. Sources: dim_retailer (versions and assignment)
 * and fact_sales_line (the retailer's volume, whoever it was credited to). Rules
 * (docs/integrity.md): the post window starts at the first whole month under the new manager (the
 * move's month when moved_on is the 1st, else the next month) and runs months_compared = k months,
 * at most 12 and up to the last month of the range; post_cases = the retailer's Σ qty_cartons / 250
 * in those months; baseline_cases = the same over the k calendar months one year earlier, NULL
 * (with uplift_cases) when the retailer has no assigned day in those months inside the range;
 * uplift_cases = post − baseline; with k = 0 all three are NULL. Not partitioned (small).
 */
public final class HandoverLedger {
  /** Keys of a row. */
  public static final List<String> KEYS = List.of("retailer_code", "moved_on");

  /** The columns as written. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "retailer_code string not null, moved_on date not null, from_manager string, to_manager string,"
              + " months_compared int, post_cases decimal(23,3), baseline_cases decimal(23,3),"
              + " uplift_cases decimal(23,3)");

  private HandoverLedger() {}

  /** A month as a running index: year × 12 + month − 1. */
  private static Column index(Column year, Column month) {
    return year.multiply(12).plus(month).minus(1);
  }

  /** The moves of {@code dimRetailer} inside {@code range} (pure). */
  public static Dataset<Row> moves(Dataset<Row> dimRetailer, PeriodRange range) {
    Dataset<Row> active =
        dimRetailer
            .where(col("license_status").equalTo("active"))
            .select(col("retailer_code"), col("valid_from"), col("manager_code"))
            .withColumn(
                "from_manager",
                lag(col("manager_code"), 1)
                    .over(Window.partitionBy("retailer_code").orderBy("valid_from")));
    return active
        .where(col("from_manager").isNotNull())
        .where(col("from_manager").notEqual(col("manager_code")))
        .where(
            col("valid_from")
                .between(lit(Date.valueOf(range.start())), lit(Date.valueOf(range.end()))))
        .select(
            col("retailer_code"),
            col("valid_from").as("moved_on"),
            col("from_manager"),
            col("manager_code").as("to_manager"));
  }

  /**
   * The ledger (pure): {@code dimRetailer} all versions, {@code sales} fact_sales_line rows of
   * every month of the range, {@code range} the period range.
   */
  public static Dataset<Row> build(
      Dataset<Row> dimRetailer, Dataset<Row> sales, PeriodRange range) {
    int lastIndex = range.last().getYear() * 12 + range.last().getMonthValue() - 1;
    Column start =
        index(year(col("moved_on")), month(col("moved_on")))
            .plus(when(dayofmonth(col("moved_on")).equalTo(1), 0).otherwise(1));
    Dataset<Row> moves =
        moves(dimRetailer, range)
            .withColumn("post_from", start)
            .withColumn(
                "k",
                greatest(lit(0), least(lit(12), lit(lastIndex).minus(col("post_from")).plus(1))))
            .withColumn("post_to", col("post_from").plus(col("k")).minus(1))
            .withColumn("base_from", col("post_from").minus(12))
            .withColumn("base_to", col("post_to").minus(12));

    Dataset<Row> monthly =
        sales
            .groupBy(col("retailer_code").as("_s_retailer"), col("year"), col("month"))
            .agg(sum("qty_cartons").as("qty"))
            .withColumn("_s_index", index(col("year"), col("month")));
    Column r = col("retailer_code").equalTo(col("_s_retailer"));
    Column inPost = col("_s_index").between(col("post_from"), col("post_to"));
    Column inBase = col("_s_index").between(col("base_from"), col("base_to"));
    Dataset<Row> volumes =
        moves
            .join(monthly, r.and(inPost.or(inBase)), "left")
            .groupBy("retailer_code", "moved_on")
            .agg(
                sum(when(inPost, col("qty"))).as("post_qty"),
                sum(when(inBase, col("qty"))).as("base_qty"));

    Dataset<Row> assigned =
        Assignment.activeIntervals(dimRetailer, range)
            .select(
                col("retailer_code").as("_a_retailer"),
                index(year(col("from_date")), month(col("from_date"))).as("_a_from"),
                index(year(col("to_date")), month(col("to_date"))).as("_a_to"));
    Dataset<Row> baselineAssigned =
        moves
            .join(
                assigned,
                col("retailer_code")
                    .equalTo(col("_a_retailer"))
                    .and(col("_a_from").leq(col("base_to")))
                    .and(col("_a_to").geq(col("base_from"))))
            .groupBy("retailer_code", "moved_on")
            .agg(max(lit(true)).as("base_assigned"));

    Column k = col("k");
    Column post = when(k.gt(0), PerfMetrics.volume(coalesce0(col("post_qty"))));
    Column base =
        when(
            k.gt(0).and(col("base_assigned").isNotNull()),
            PerfMetrics.volume(coalesce0(col("base_qty"))));
    return moves
        .join(volumes, ScalaSeq.of("retailer_code", "moved_on"), "left")
        .join(baselineAssigned, ScalaSeq.of("retailer_code", "moved_on"), "left")
        .select(
            col("retailer_code"),
            col("moved_on"),
            col("from_manager"),
            col("to_manager"),
            k.cast("int").as("months_compared"),
            post.as("post_cases"),
            base.as("baseline_cases"),
            post.minus(base).cast(PerfMetrics.VOLUME_TYPE).as("uplift_cases"));
  }

  private static Column coalesce0(Column c) {
    return org.apache.spark.sql.functions.coalesce(c, lit(0L));
  }
}
