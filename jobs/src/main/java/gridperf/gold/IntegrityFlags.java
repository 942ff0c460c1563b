package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.IntegrityConfig;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code integrity_flags} — grain: one row per (manager_code, year, month, flag) where the flag is
 * raised; no row otherwise. Keys: manager_code, year, month, flag; year is the partition column.
 * Sources: the credited rows of fact_touchpoint (channel = visit) and fact_sales_line of the month
 * (the manager of the retailer's version valid on the business date, not the manager an event
 * names). Rules (docs/integrity.md), with "the last 3 days" the month's last three calendar days:
 *
 * <ul>
 *   <li>VISIT_BUNCHING: evidence = visits on the last 3 days, value = evidence / visits; raised
 *       when visits ≥ min_visits and value ≥ min_share.
 *   <li>TOKEN_ORDERS: evidence = ordering retailers (a credited line with qty_cartons &gt; 0) whose
 *       credited lines of the month all fall on the last 3 days and net to exactly 1 carton; value
 *       = evidence / ordering retailers; raised when evidence ≥ min_count and value ≥ min_share.
 *   <li>SHORT_VISITS: evidence = visits whose duration_min is absent, not a number (both NULL in
 *       silver) or below 3; value = evidence / visits; raised when visits ≥ min_visits and value ≥
 *       min_share.
 *   <li>REPEAT_VISITS: evidence = visits beyond the first to one retailer on one business date;
 *       value = evidence / visits; raised when evidence ≥ min_count and value ≥ min_share.
 * </ul>
 *
 * value is one double division; threshold is the min_share compared with it.
 */
public final class IntegrityFlags {
  /** Keys of a row. */
  public static final List<String> KEYS = List.of("manager_code", "year", "month", "flag");

  /** The columns as written. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "manager_code string not null, year int not null, month int not null, flag string not null,"
              + " value double,"
              + " threshold double, evidence bigint");

  /** The four flags, in the order of the docs. */
  public static final List<String> FLAGS =
      List.of("VISIT_BUNCHING", "TOKEN_ORDERS", "SHORT_VISITS", "REPEAT_VISITS");

  private IntegrityFlags() {}

  /** A day in the last three calendar days of its month. */
  static Column lastThreeDays(Column date) {
    return dayofmonth(date).gt(dayofmonth(last_day(date)).minus(3));
  }

  /**
   * The raised flags of the given silver rows (pure). {@code touchpoints}: fact_touchpoint rows;
   * {@code sales}: fact_sales_line rows; both already restricted to the months to compute.
   */
  public static Dataset<Row> build(
      Dataset<Row> touchpoints, Dataset<Row> sales, IntegrityConfig cfg) {
    Dataset<Row> perDay =
        touchpoints
            .where(col("channel").equalTo("visit"))
            .groupBy(
                col("manager_code"),
                col("year"),
                col("month"),
                col("retailer_code"),
                col("business_date"))
            .agg(
                count(lit(1)).as("n"),
                count(when(col("duration_min").isNull().or(col("duration_min").lt(3)), 1))
                    .as("short"));
    Dataset<Row> visits =
        perDay
            .groupBy("manager_code", "year", "month")
            .agg(
                sum("n").as("visits"),
                sum(when(lastThreeDays(col("business_date")), col("n")).otherwise(0L)).as("late"),
                sum("short").as("short"),
                sum(col("n").minus(1)).as("repeats"));
    Dataset<Row> perRetailer =
        sales
            .groupBy(col("manager_code"), col("year"), col("month"), col("retailer_code"))
            .agg(
                max(col("qty_cartons")).as("max_qty"),
                sum(col("qty_cartons")).as("net"),
                min(col("order_date")).as("first_day"))
            .where(col("max_qty").gt(0));
    Dataset<Row> tokens =
        perRetailer
            .groupBy("manager_code", "year", "month")
            .agg(
                count(lit(1)).as("ordering"),
                count(when(col("net").equalTo(1).and(lastThreeDays(col("first_day"))), 1))
                    .as("tokens"));

    Dataset<Row> bunching =
        flag(
            visits,
            "VISIT_BUNCHING",
            col("late"),
            col("visits"),
            cfg.bunchingMinShare(),
            col("visits").geq(cfg.bunchingMinVisits()));
    Dataset<Row> token =
        flag(
            tokens,
            "TOKEN_ORDERS",
            col("tokens"),
            col("ordering"),
            cfg.tokenMinShare(),
            col("tokens").geq(cfg.tokenMinCount()));
    Dataset<Row> shortVisits =
        flag(
            visits,
            "SHORT_VISITS",
            col("short"),
            col("visits"),
            cfg.shortMinShare(),
            col("visits").geq(cfg.shortMinVisits()));
    Dataset<Row> repeat =
        flag(
            visits,
            "REPEAT_VISITS",
            col("repeats"),
            col("visits"),
            cfg.repeatMinShare(),
            col("repeats").geq(cfg.repeatMinCount()));
    return bunching.unionByName(token).unionByName(shortVisits).unionByName(repeat);
  }

  private static Dataset<Row> flag(
      Dataset<Row> counts,
      String name,
      Column evidence,
      Column denominator,
      double minShare,
      Column volumeRule) {
    Column value = evidence.cast("double").divide(denominator.cast("double"));
    return counts
        .where(denominator.gt(0))
        .select(
            col("manager_code"),
            col("year").cast("int").as("year"),
            col("month").cast("int").as("month"),
            lit(name).as("flag"),
            value.as("value"),
            lit(minShare).as("threshold"),
            evidence.cast("bigint").as("evidence"),
            volumeRule.as("_volume_ok"))
        .where(col("_volume_ok").and(col("value").geq(col("threshold"))))
        .drop("_volume_ok");
  }
}
