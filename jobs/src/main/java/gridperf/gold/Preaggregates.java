package gridperf.gold;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The monthly pre-aggregates every gold table is computed from (docs/contract.md, Implementation
 * advice): sales per (month, retailer, version, price_class), touchpoints per (month, retailer,
 * version), assignment per (month, retailer version). A version fixes the credited grid, manager
 * and category, so every entity table groups these rows by its own entity columns. Sums stay exact
 * (long, decimal); the peak and end ratings are kept as structs whose max rolls up exactly to
 * quarters and years.
 */
public final class Preaggregates {
  /** Columns that identify a retailer version and its credited entities. */
  public static final List<String> VERSION =
      List.of(
          "year",
          "month",
          "retailer_code",
          "retailer_valid_from",
          "grid_code",
          "manager_code",
          "format",
          "market_type",
          "scale");

  private Preaggregates() {}

  /**
   * Sales grain: (year, month, retailer version, price_class). Columns: {@link #VERSION},
   * price_class, lines, qty (Σ qty_cartons, long), amount (Σ amount_yuan, decimal(28,2)), ordered
   * (true when a line has qty_cartons &gt; 0).
   */
  public static Dataset<Row> sales(Dataset<Row> factSales) {
    return factSales
        .groupBy(
            PerfMetrics.plus(PerfMetrics.cols(VERSION), col("price_class")).toArray(new Column[0]))
        .agg(
            count(lit(1)).as("lines"),
            sum(col("qty_cartons")).as("qty"),
            sum(col("amount_yuan")).as("amount"),
            max(col("qty_cartons").gt(0)).as("ordered"));
  }

  /**
   * Touchpoint grain: (year, month, retailer version). Columns: {@link #VERSION}, touchpoints,
   * visits, complaints, phone, wechat, training, resolved_24h (longs), mot_sum (Σ appearance +
   * behaviour + communication over visits with all three), mot_n, sat_sum, sat_n, peak = max
   * struct(d = |s − 3|, ts, event_id, s) and last = max struct(ts, event_id, s) over touchpoints
   * with a satisfaction.
   */
  public static Dataset<Row> touchpoints(Dataset<Row> factTouchpoints) {
    Column visit = col("channel").equalTo("visit");
    Column complaint = col("channel").equalTo("complaint");
    Column motComplete =
        visit
            .and(col("mot_appearance").isNotNull())
            .and(col("mot_behaviour").isNotNull())
            .and(col("mot_communication").isNotNull());
    Column s = col("satisfaction");
    return factTouchpoints
        .groupBy(PerfMetrics.cols(VERSION).toArray(new Column[0]))
        .agg(
            count(lit(1)).as("touchpoints"),
            count(when(visit, 1)).as("visits"),
            count(when(complaint, 1)).as("complaints"),
            count(when(col("channel").equalTo("phone"), 1)).as("phone"),
            count(when(col("channel").equalTo("wechat"), 1)).as("wechat"),
            count(when(col("channel").equalTo("training"), 1)).as("training"),
            count(when(complaint.and(col("complaint_resolved_24h").equalTo(true)), 1))
                .as("resolved_24h"),
            sum(when(
                    motComplete,
                    col("mot_appearance")
                        .plus(col("mot_behaviour"))
                        .plus(col("mot_communication"))))
                .as("mot_sum"),
            count(when(motComplete, 1)).as("mot_n"),
            sum(s.cast("long")).as("sat_sum"),
            count(s).as("sat_n"),
            max(when(
                    s.isNotNull(),
                    struct(
                        abs(s.minus(3)).as("d"),
                        col("ts").as("ts"),
                        col("event_id").as("event_id"),
                        s.as("s"))))
                .as("peak"),
            max(when(
                    s.isNotNull(),
                    struct(col("ts").as("ts"), col("event_id").as("event_id"), s.as("s"))))
                .as("last"));
  }

  /**
   * Assignment grain: (year, month, active retailer version). Columns: {@link #VERSION} (valid_from
   * as retailer_valid_from), the version's grade and days assigned in the month.
   */
  public static Dataset<Row> assigned(Dataset<Row> monthlyAssignment) {
    return monthlyAssignment.select(
        col("year"),
        col("month"),
        col("retailer_code"),
        col("valid_from").as("retailer_valid_from"),
        col("grid_code"),
        col("manager_code"),
        col("format"),
        col("market_type"),
        col("scale"),
        col("grade"),
        col("days"));
  }
}
