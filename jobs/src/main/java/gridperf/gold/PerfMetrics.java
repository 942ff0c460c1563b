package gridperf.gold;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The one definition of the metrics (docs/contract.md, Metrics), parameterised by the entity
 * columns: perf_manager (manager_code), perf_grid (grid_code) and perf_category (format,
 * market_type, scale) all call {@link #compute}. Each period is computed from its own monthly rows:
 * the pre-aggregates are exploded into their month, quarter and year, grouped per (entity, period,
 * retailer) — so distinct counts and peak–end scores are over retailer keys — and then per (entity,
 * period). A row exists for every entity and period with an assigned retailer or a credited sale or
 * touchpoint.
 */
public final class PerfMetrics {
  /** Decimal types of the exact sums. */
  public static final String VOLUME_TYPE = "decimal(23,3)";

  public static final String REVENUE_TYPE = "decimal(28,2)";

  /** The period columns of every perf table, keys declared non-nullable (DDL). */
  static final String PERIOD_COLUMNS =
      "period_type string not null, period string not null, year int not null";

  /** The sales metrics of perf_manager, perf_grid and perf_category, in table order (DDL). */
  static final String SALES_COLUMNS =
      "retailers_ordering bigint, order_rate double, volume_cases "
          + VOLUME_TYPE
          + ", revenue_yuan "
          + REVENUE_TYPE
          + ", revenue_per_case double, high_class_share double, volume_yoy double";

  /** The service metrics of perf_manager, perf_grid and perf_category, in table order (DDL). */
  static final String SERVICE_COLUMNS =
      "touchpoints bigint, visits bigint, complaints bigint, visit_coverage double, mot_avg double,"
          + " satisfaction_avg double, peak_end_avg double, complaints_per_100 double,"
          + " complaint_resolved_24h_rate double";

  private PerfMetrics() {}

  /**
   * Columns: entity..., period_type, period, year, retailers_assigned, retailers_ordering,
   * order_rate, volume_cases, revenue_yuan, revenue_per_case, high_class_share, touchpoints,
   * visits, complaints, visit_coverage, mot_avg, satisfaction_avg, peak_end_avg,
   * complaints_per_100, complaint_resolved_24h_rate (volume_yoy is added by {@link #withYoy}).
   */
  public static Dataset<Row> compute(Monthly in, List<String> entity) {
    List<Column> ent = cols(entity);
    Dataset<Row> s =
        in.sales()
            .select(
                plus(
                        ent,
                        col("retailer_code"),
                        col("year"),
                        col("month"),
                        col("qty"),
                        when(col("price_class").leq(2), col("qty"))
                            .otherwise(lit(0L))
                            .as("qty_high"),
                        col("amount"),
                        col("ordered"))
                    .toArray(new Column[0]));
    Dataset<Row> t =
        in.touchpoints()
            .select(
                plus(
                        ent,
                        col("retailer_code"),
                        col("year"),
                        col("month"),
                        col("touchpoints"),
                        col("visits"),
                        col("complaints"),
                        col("resolved_24h"),
                        col("mot_sum"),
                        col("mot_n"),
                        col("sat_sum"),
                        col("sat_n"))
                    .toArray(new Column[0]));
    Dataset<Row> a =
        in.assigned()
            .select(
                plus(ent, col("retailer_code"), col("year"), col("month"), lit(true).as("assigned"))
                    .toArray(new Column[0]));
    Dataset<Row> periods = Periods.explode(s.unionByName(t, true).unionByName(a, true));

    List<Column> retailerKey = plus(ent, col("period_type"), col("period"), col("year"));
    retailerKey.add(col("retailer_code"));
    Dataset<Row> perRetailer =
        periods
            .groupBy(retailerKey.toArray(new Column[0]))
            .agg(
                sum("qty").as("qty"),
                sum("qty_high").as("qty_high"),
                sum("amount").as("amount"),
                max("ordered").as("ordered"),
                max("assigned").as("assigned"),
                sum("touchpoints").as("touchpoints"),
                sum("visits").as("visits"),
                sum("complaints").as("complaints"),
                sum("resolved_24h").as("resolved_24h"),
                sum("mot_sum").as("mot_sum"),
                sum("mot_n").as("mot_n"),
                sum("sat_sum").as("sat_sum"),
                sum("sat_n").as("sat_n"));

    Column assigned = coalesce(col("assigned"), lit(false));
    Dataset<Row> agg =
        perRetailer
            .groupBy(
                plus(ent, col("period_type"), col("period"), col("year")).toArray(new Column[0]))
            .agg(
                count(when(assigned, 1)).as("retailers_assigned"),
                count(when(col("ordered"), 1)).as("retailers_ordering"),
                zero(sum("qty"), 0L).as("qty"),
                zero(sum("qty_high"), 0L).as("qty_high"),
                coalesce(sum("amount").cast(REVENUE_TYPE), lit(0).cast(REVENUE_TYPE))
                    .as("revenue_yuan"),
                zero(sum("touchpoints"), 0L).as("touchpoints"),
                zero(sum("visits"), 0L).as("visits"),
                zero(sum("complaints"), 0L).as("complaints"),
                zero(sum("resolved_24h"), 0L).as("resolved_24h"),
                count(when(assigned.and(col("visits").gt(0)), 1)).as("covered"),
                sum("mot_sum").as("mot_sum"),
                zero(sum("mot_n"), 0L).as("mot_n"),
                zero(sum("sat_sum"), 0L).as("sat_sum"),
                zero(sum("sat_n"), 0L).as("sat_n"))
            .join(peakEnd(in, entity), periodKey(entity), "left");

    Column volume = volume(col("qty"));
    List<Column> out = plus(ent, col("period_type"), col("period"), col("year"));
    out.add(col("retailers_assigned"));
    out.add(col("retailers_ordering"));
    out.add(ratio(col("retailers_ordering"), col("retailers_assigned")).as("order_rate"));
    out.add(volume.as("volume_cases"));
    out.add(col("revenue_yuan"));
    out.add(revenuePerCase(col("revenue_yuan"), volume).as("revenue_per_case"));
    out.add(highClassShare(col("qty_high"), col("qty")).as("high_class_share"));
    out.add(col("touchpoints"));
    out.add(col("visits"));
    out.add(col("complaints"));
    out.add(ratio(col("covered"), col("retailers_assigned")).as("visit_coverage"));
    out.add(ratio(col("mot_sum"), col("mot_n").multiply(3)).as("mot_avg"));
    out.add(ratio(col("sat_sum"), col("sat_n")).as("satisfaction_avg"));
    out.add(col("peak_end_avg"));
    out.add(
        ratio(col("complaints"), col("retailers_assigned"))
            .multiply(100.0)
            .as("complaints_per_100"));
    out.add(ratio(col("resolved_24h"), col("complaints")).as("complaint_resolved_24h_rate"));
    return agg.select(out.toArray(new Column[0]));
  }

  /**
   * peak_end_avg per (entity, period): the mean over retailers with a credited rating of the
   * retailer's peak–end score in the period, its peak and end the max of the monthly structs. Kept
   * apart from the other metrics because a max over structs needs a sort-based aggregation: here it
   * sorts only the rated touchpoint rows, not every sales and assignment row. Key columns carry a
   * "_pe_" prefix (see {@link #periodKey}).
   */
  static Dataset<Row> peakEnd(Monthly in, List<String> entity) {
    List<Column> ent = cols(entity);
    Dataset<Row> rated =
        in.touchpoints()
            .where(col("peak").isNotNull())
            .select(
                plus(ent, col("retailer_code"), col("year"), col("month"), col("peak"), col("last"))
                    .toArray(new Column[0]));
    List<Column> retailerKey = plus(ent, col("period_type"), col("period"), col("year"));
    retailerKey.add(col("retailer_code"));
    List<Column> out = new ArrayList<>();
    for (String e : entity) {
      out.add(col(e).as("_pe_" + e));
    }
    out.add(col("period_type").as("_pe_period_type"));
    out.add(col("period").as("_pe_period"));
    out.add(col("year").as("_pe_year"));
    out.add(col("peak_end_avg"));
    return Periods.explode(rated)
        .groupBy(retailerKey.toArray(new Column[0]))
        .agg(max("peak").as("peak"), max("last").as("last"))
        .groupBy(plus(ent, col("period_type"), col("period"), col("year")).toArray(new Column[0]))
        .agg(avg(col("peak.s").plus(col("last.s")).cast("double").divide(2.0)).as("peak_end_avg"))
        .select(out.toArray(new Column[0]));
  }

  /** Null-safe equality of (entity..., period_type, period, year) with the "_pe_" columns. */
  private static Column periodKey(List<String> entity) {
    Column on =
        col("period_type")
            .equalTo(col("_pe_period_type"))
            .and(col("period").equalTo(col("_pe_period")))
            .and(col("year").equalTo(col("_pe_year")));
    for (String e : entity) {
      on = on.and(col(e).eqNullSafe(col("_pe_" + e)));
    }
    return on;
  }

  /**
   * {@link #compute} with volume_yoy after high_class_share: volume_cases / volume_cases of the
   * same entity and period one year earlier − 1, NULL when that row is missing or its volume ≤ 0.
   * The earlier year's row is one of the rows computed here or one of {@code storedPrior} —
   * (entity..., period_type, period, year, volume_cases) rows of years not recomputed in this build
   * (NULL on a full build). Entity columns may be NULL and then match each other.
   *
   * <p>A window over (entity, period_type, the period without its year) ordered by year, not a join
   * of the computed rows with themselves: a self-join makes Spark run {@link #compute}'s
   * aggregations once per side (the two sides prune different columns, so their exchanges are not
   * reused).
   */
  public static Dataset<Row> computeWithYoy(
      Monthly in, List<String> entity, Dataset<Row> storedPrior) {
    return withYoy(compute(in, entity), storedPrior, entity);
  }

  /** Adds volume_yoy to {@code current} (rows of {@link #compute}); see {@link #computeWithYoy}. */
  static Dataset<Row> withYoy(Dataset<Row> current, Dataset<Row> storedPrior, List<String> entity) {
    Dataset<Row> rows = current.withColumn("_yoy_current", lit(true));
    if (storedPrior != null) {
      List<Column> keys = plus(cols(entity), col("period_type"), col("period"), col("year"));
      keys.add(col("volume_cases"));
      rows =
          rows.unionByName(
              storedPrior
                  .select(keys.toArray(new Column[0]))
                  .withColumn("_yoy_current", lit(false)),
              true);
    }
    List<Column> partition =
        plus(cols(entity), col("period_type"), substring(col("period"), 5, 10));
    WindowSpec sameOtherYears =
        Window.partitionBy(partition.toArray(new Column[0])).orderBy(col("year"));
    Column priorYear = lag(col("year"), 1).over(sameOtherYears);
    Column priorVolume = lag(col("volume_cases"), 1).over(sameOtherYears);
    Column yoy =
        when(
                priorYear.equalTo(col("year").minus(1)).and(priorVolume.gt(0)),
                col("volume_cases").cast("double").divide(priorVolume.cast("double")).minus(1.0))
            .as("volume_yoy");
    return insertAfter(rows, "high_class_share", yoy)
        .where(col("_yoy_current"))
        .drop("_yoy_current");
  }

  /** Inserts {@code added} into {@code df} right after column {@code after}. */
  static Dataset<Row> insertAfter(Dataset<Row> df, String after, Column... added) {
    List<Column> out = new ArrayList<>();
    for (String c : df.columns()) {
      out.add(df.col(c));
      if (c.equals(after)) {
        out.addAll(List.of(added));
      }
    }
    return df.select(out.toArray(new Column[0]));
  }

  /** volume_cases = Σ qty_cartons / 250, exact. */
  static Column volume(Column qty) {
    return qty.cast(VOLUME_TYPE).divide(250).cast(VOLUME_TYPE);
  }

  /** revenue_yuan / volume_cases; NULL when volume_cases ≤ 0. */
  static Column revenuePerCase(Column revenue, Column volume) {
    return when(volume.gt(0), revenue.cast("double").divide(volume.cast("double")));
  }

  /** Σ qty of price_class 1–2 / Σ qty; NULL when Σ qty ≤ 0. */
  static Column highClassShare(Column qtyHigh, Column qty) {
    return when(qty.gt(0), qtyHigh.cast("double").divide(qty.cast("double")));
  }

  /** One double division; NULL on a zero or missing denominator. */
  static Column ratio(Column num, Column den) {
    return when(
        den.isNotNull().and(den.notEqual(0)), num.cast("double").divide(den.cast("double")));
  }

  private static Column zero(Column c, Object zero) {
    return coalesce(c, lit(zero));
  }

  static List<Column> cols(List<String> names) {
    List<Column> out = new ArrayList<>();
    for (String n : names) {
      out.add(col(n));
    }
    return out;
  }

  static List<Column> plus(List<Column> head, Column... tail) {
    List<Column> out = new ArrayList<>(head);
    out.addAll(List.of(tail));
    return out;
  }
}
