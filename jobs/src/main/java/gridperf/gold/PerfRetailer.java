package gridperf.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.ScalaSeq;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code perf_retailer} — grain: retailer × period (M, Q, Y). Keys: retailer_code, period_type,
 * period (year is the partition column). Sources: the monthly pre-aggregates of {@link Monthly}
 * (every row credited to the retailer, whichever manager), the orders of fact_sales_line, the
 * stored retailer_segment (segment, class and preferred remote channel of the year before) and the
 * scoring file's menus. Rules: a row for every retailer assigned on at least one day of the period
 * or with a credited sale or touchpoint in it; primary_grid_code and primary_manager_code are the
 * values held on most assigned days of the period (days of all versions with the value added up,
 * ties to the smallest code; NULL with no assigned day); the §4 metrics over the retailer's own
 * rows; orders = distinct order_id with a line of qty_cartons &gt; 0; months_ordering = months with
 * such a line; visits_owed and contacts_owed = Σ over its months with an assigned day of the
 * class's visit entry and of all its entries; menu_months = those months when the class owes
 * something, menu_months_met = those whose touchpoints (any manager) meet every menu entry. Data
 * tests after the write, then Σ volume_cases and Σ revenue_yuan per period must equal perf_cube's
 * company total.
 */
public final class PerfRetailer {
  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "retailer_code string not null, "
              + PerfMetrics.PERIOD_COLUMNS
              + ", primary_grid_code string, primary_manager_code string, segment string,"
              + " class string, assigned_days bigint, volume_cases "
              + PerfMetrics.VOLUME_TYPE
              + ", revenue_yuan "
              + PerfMetrics.REVENUE_TYPE
              + ", revenue_per_case double, high_class_share double, volume_yoy double,"
              + " orders bigint, months_ordering bigint, touchpoints bigint, visits bigint,"
              + " phone bigint, wechat bigint, complaints bigint, visits_owed bigint,"
              + " contacts_owed bigint, menu_months bigint, menu_months_met bigint,"
              + " mot_avg double, satisfaction_avg double, peak_end double");

  private static final List<String> KEY = List.of("retailer_code", "_pid");

  private PerfRetailer() {}

  /**
   * Per (retailer_code, period_type, period, year): _orders = distinct order_id with a line of
   * qty_cartons &gt; 0 in the period and _months_ordering = months with such a line, from silver
   * sales lines. One aggregation keeps each (retailer, year, order_id) with the bit mask of the
   * months it has such a line in; a period's orders are then the orders whose mask meets the
   * period's months, exactly as a distinct count over the period's lines (an order with lines in
   * two months counts once in their quarter and year).
   */
  public static Dataset<Row> ordering(Dataset<Row> factSales) {
    Dataset<Row> perOrder =
        factSales
            .where(col("qty_cartons").gt(0))
            .groupBy("retailer_code", "year", "order_id")
            .agg(bit_or(expr("shiftleft(1, month - 1)")).as("_mask"));
    List<Column> aggs = new ArrayList<>();
    List<Column> periods = new ArrayList<>();
    Column mask = col("_mask");
    Column all = col("_all");
    for (int m = 1; m <= 12; m++) {
      aggs.add(count(when(mask.bitwiseAND(1 << (m - 1)).notEqual(0), 1)).as("_o_m" + m));
      periods.add(period(PeriodIds.month(col("year"), m), "_o_m" + m, 1 << (m - 1)));
    }
    for (int q = 1; q <= 4; q++) {
      int bits = 0b111 << (3 * (q - 1));
      aggs.add(count(when(mask.bitwiseAND(bits).notEqual(0), 1)).as("_o_q" + q));
      periods.add(period(PeriodIds.quarter(col("year"), q), "_o_q" + q, bits));
    }
    aggs.add(count(lit(1)).as("_o_y"));
    periods.add(period(PeriodIds.year(col("year")), "_o_y", 0xFFF));
    aggs.add(bit_or(mask).as("_all"));
    Dataset<Row> perYear =
        perOrder
            .groupBy("retailer_code", "year")
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    return perYear
        .select(col("retailer_code"), explode(array(periods.toArray(new Column[0]))).as("_p"))
        .where(col("_p._orders").gt(0))
        .select(
            col("retailer_code"),
            col("_p.id").as("_pid"),
            col("_p._orders").as("_orders"),
            col("_p._months").as("_months_ordering"));
  }

  /** One period of a retailer-year: its id, its order count and its ordering months. */
  private static Column period(Column id, String orders, int monthBits) {
    return struct(
        id.as("id"),
        col(orders).as("_orders"),
        bit_count(col("_all").bitwiseAND(monthBits)).cast("long").as("_months"));
  }

  /**
   * The table's rows for the computed years. {@code orders}: {@link #ordering} of the silver sales
   * lines; {@code segments}: retailer_segment rows (retailer_code, year, segment, class,
   * preferred_remote) of the years before; {@code storedPrior}: stored perf_retailer rows of years
   * not recomputed (for volume_yoy), NULL on a full build.
   *
   * <p>The retailer is the entity and the key, so every sum is one aggregation of the retailer's
   * months ({@link #retailerMonths}, with the menu's monthly verdicts) exploded into their periods.
   * volume_yoy needs the same period a year earlier: each month is also exploded into the periods
   * one year later, where only its volume counts, as {@code _prior_vol} (a stored row of a year not
   * recomputed brings its volume_cases the same way), which equals the earlier row's volume_cases
   * because qty_cartons / 250 is exact in three decimals.
   */
  public static Dataset<Row> build(
      Monthly in,
      Dataset<Row> orders,
      Dataset<Row> segments,
      Dataset<Row> storedPrior,
      ScoringConfig cfg) {
    Dataset<Row> periods =
        withMenu(retailerMonths(in), segments, cfg)
            .withColumn("volume", PerfMetrics.volume(col("qty")))
            .withColumn("_p", explode(PeriodIds.withYearAfter(col("year"), col("month"))))
            .select(col("*"), col("_p.id").as("_pid"), col("_p.current").as("_cur"))
            .drop("year", "month", "_p");
    if (storedPrior != null) {
      periods =
          periods.unionByName(
              storedPrior.select(
                  col("retailer_code"),
                  PeriodIds.of(col("period_type"), col("period"), col("year"))
                      .plus(PeriodIds.ONE_YEAR)
                      .as("_pid"),
                  lit(false).as("_cur"),
                  col("volume_cases").as("volume")),
              true);
    }
    Column cur = col("_cur");
    List<Column> aggs = new ArrayList<>();
    for (String c : MONTH_SUMS) {
      if (!c.equals("training")) {
        aggs.add(sum(when(cur, col(c))).as(c));
      }
    }
    aggs.add(sum(when(cur, col("_vo"))).as("visits_owed"));
    aggs.add(sum(when(cur, col("_co"))).as("contacts_owed"));
    aggs.add(count(when(cur.and(col("_owes")), 1)).as("menu_months"));
    aggs.add(count(when(cur.and(col("_met")), 1)).as("menu_months_met"));
    aggs.add(sum(when(not(cur), col("volume"))).as("_prior_vol"));
    Dataset<Row> sums =
        periods
            .groupBy("retailer_code", "_pid")
            .agg(max(cur).as("_present"), aggs.toArray(new Column[0]))
            .where(col("_present"));

    Dataset<Row> before =
        segments.select(
            col("retailer_code"), col("year").plus(1).as("year"), col("segment"), col("class"));
    Dataset<Row> all =
        sums.join(peakEnd(in), ScalaSeq.of(KEY), "left")
            .join(primary(in, "grid_code", "primary_grid_code"), ScalaSeq.of(KEY), "left")
            .join(primary(in, "manager_code", "primary_manager_code"), ScalaSeq.of(KEY), "left")
            .join(orders, ScalaSeq.of(KEY), "left")
            .withColumn("year", PeriodIds.yearOf(col("_pid")))
            .join(before, ScalaSeq.of("retailer_code", "year"), "left");
    Column qty = zero("qty");
    Column volume = PerfMetrics.volume(qty);
    Column revenue =
        coalesce(
            col("amount").cast(PerfMetrics.REVENUE_TYPE), lit(0).cast(PerfMetrics.REVENUE_TYPE));
    Column priorVolume = col("_prior_vol");
    return all.select(
        col("retailer_code"),
        PeriodIds.type(col("_pid")).as("period_type"),
        PeriodIds.period(col("_pid")).as("period"),
        col("year"),
        col("primary_grid_code"),
        col("primary_manager_code"),
        col("segment"),
        col("class"),
        zero("days").as("assigned_days"),
        volume.as("volume_cases"),
        revenue.as("revenue_yuan"),
        PerfMetrics.revenuePerCase(revenue, volume).as("revenue_per_case"),
        PerfMetrics.highClassShare(zero("qty_high"), qty).as("high_class_share"),
        when(priorVolume.gt(0), volume.cast("double").divide(priorVolume.cast("double")).minus(1.0))
            .as("volume_yoy"),
        zero("_orders").as("orders"),
        zero("_months_ordering").as("months_ordering"),
        zero("touchpoints").as("touchpoints"),
        zero("visits").as("visits"),
        zero("phone").as("phone"),
        zero("wechat").as("wechat"),
        zero("complaints").as("complaints"),
        zero("visits_owed").as("visits_owed"),
        zero("contacts_owed").as("contacts_owed"),
        zero("menu_months").as("menu_months"),
        zero("menu_months_met").as("menu_months_met"),
        PerfMetrics.ratio(col("mot_sum"), zero("mot_n").multiply(3)).as("mot_avg"),
        PerfMetrics.ratio(zero("sat_sum"), zero("sat_n")).as("satisfaction_avg"),
        col("peak_end"));
  }

  /**
   * peak_end per (retailer, period): (s of the peak + s of the last rating) / 2, the peak and the
   * last the max of the monthly structs of the period's months; a separate sort-based aggregation
   * over the rated months only.
   */
  static Dataset<Row> peakEnd(Monthly in) {
    return PeriodIds.explode(
            in.touchpoints()
                .where(col("peak").isNotNull())
                .select("retailer_code", "year", "month", "peak", "last"))
        .groupBy("retailer_code", "_pid")
        .agg(max("peak").as("peak"), max("last").as("last"))
        .select(
            col("retailer_code"),
            col("_pid"),
            col("peak.s").plus(col("last.s")).cast("double").divide(2.0).as("peak_end"));
  }

  private static Column zero(String c) {
    return coalesce(col(c), lit(0L)).cast("long");
  }

  /**
   * Primary value of {@code attribute} per (retailer, period): the value held on most assigned days
   * of the period, days of all versions with the value added up, ties to the smallest value.
   */
  static Dataset<Row> primary(Monthly in, String attribute, String as) {
    return PeriodIds.explode(
            in.assigned()
                .select(
                    col("retailer_code"),
                    col("year"),
                    col("month"),
                    col(attribute).as("_v"),
                    col("days")))
        .groupBy("retailer_code", "_pid", "_v")
        .agg(sum("days").as("_d"))
        .groupBy("retailer_code", "_pid")
        .agg(min(struct(col("_d").multiply(-1).as("d"), col("_v").as("v"))).as("_p"))
        .select(col("retailer_code"), col("_pid"), col("_p.v").as(as));
  }

  /**
   * One row per (retailer, year, month) with a credited sale or touchpoint or an assigned day: the
   * month's sums over every version of the retailer (qty, qty_high, amount, touchpoints, visits,
   * complaints, phone, wechat, training, mot_sum, mot_n, sat_sum, sat_n, days), NULL where the
   * month has no row of that source. Collapsing the versions and price classes first leaves one row
   * a month to explode into its periods.
   */
  static Dataset<Row> retailerMonths(Monthly in) {
    Dataset<Row> sales =
        in.sales()
            .select(
                col("retailer_code"),
                col("year"),
                col("month"),
                col("qty"),
                when(col("price_class").leq(2), col("qty")).otherwise(lit(0L)).as("qty_high"),
                col("amount"));
    List<String> tp = new ArrayList<>(List.of("retailer_code", "year", "month"));
    tp.addAll(TOUCHPOINT_SUMS);
    Dataset<Row> touchpoints = in.touchpoints().selectExpr(tp.toArray(new String[0]));
    Dataset<Row> assigned = in.assigned().select("retailer_code", "year", "month", "days");
    List<Column> sums = new ArrayList<>();
    for (String c : MONTH_SUMS) {
      sums.add(sum(c).as(c));
    }
    return sales
        .unionByName(touchpoints, true)
        .unionByName(assigned, true)
        .groupBy("retailer_code", "year", "month")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
  }

  /**
   * The touchpoint pre-aggregate's sums a retailer month keeps (training only for the menu's
   * verdict: perf_retailer has no training column).
   */
  private static final List<String> TOUCHPOINT_SUMS =
      List.of(
          "touchpoints",
          "visits",
          "complaints",
          "phone",
          "wechat",
          "training",
          "mot_sum",
          "mot_n",
          "sat_sum",
          "sat_n");

  /** A retailer month's columns besides its key: sales, touchpoints and assigned days. */
  private static final List<String> MONTH_SUMS =
      java.util.stream.Stream.of(
              List.of("qty", "qty_high", "amount"), TOUCHPOINT_SUMS, List.of("days"))
          .flatMap(List::stream)
          .toList();

  /**
   * Adds the menu's verdict to each retailer month with an assigned day whose retailer has a class
   * (the class of the year before): visits owed (_vo), contacts owed (_co), whether the class owes
   * anything (_owes) and whether the month's touchpoints (any manager) meet every menu entry
   * (_met); NULL on the other months.
   */
  static Dataset<Row> withMenu(Dataset<Row> months, Dataset<Row> segments, ScoringConfig cfg) {
    Dataset<Row> cls =
        segments.select(
            col("retailer_code"),
            col("year").plus(1).as("year"),
            col("class").as("_class"),
            col("preferred_remote").as("_pref"),
            lit(true).as("_classed"));
    Column c = col("_class");
    Column owing = col("days").gt(0).and(col("_classed"));
    return months
        .join(cls, ScalaSeq.of("retailer_code", "year"), "left")
        .withColumn(
            "_vo", when(owing, RetailerClasses.owed(cfg.classes(), c, "visit").cast("long")))
        .withColumn("_co", when(owing, RetailerClasses.owedTotal(cfg.classes(), c).cast("long")))
        .withColumn("_owes", when(owing, RetailerClasses.owes(cfg.classes(), c)))
        .withColumn(
            "_met",
            when(
                owing,
                RetailerClasses.owes(cfg.classes(), c)
                    .and(RetailerClasses.met(cfg.classes(), c, col("_pref")))))
        .drop("_class", "_pref", "_classed");
  }

  /**
   * Computes, writes (replaceWhere on the planned periods, or a full overwrite), checks and
   * reconciles perf_retailer; called by the build after the other gold tables are written (it reads
   * the stored retailer_segment and perf_cube).
   */
  static WriteResult write(
      JobContext ctx, BuildPlan plan, Monthly in, Dataset<Row> factSales, ScoringConfig scoring) {
    Lake lake = ctx.lake();
    Dataset<Row> segments =
        lake.read(TableId.RETAILER_SEGMENT)
            .select("retailer_code", "year", "segment", "class", "preferred_remote");
    Dataset<Row> stored =
        plan.full() || plan.storedPriorYears().isEmpty() || !lake.exists(TableId.PERF_RETAILER)
            ? null
            : lake.read(TableId.PERF_RETAILER)
                .where(col("year").isin(plan.storedPriorYears().toArray()));
    Dataset<Row> rows =
        build(in, ordering(factSales), segments, stored, scoring)
            .where(GoldBuild.periodFilter(plan));
    Dataset<Row> laid =
        FileLayout.onePerKey(rows, plan.yearTypeLayoutKeys(), "year", "period_type");
    Dataset<Row> companyTotals =
        plan.full()
            ? lake.read(TableId.PERF_CUBE)
            : lake.read(TableId.PERF_CUBE).where(GoldBuild.periodFilter(plan));
    return new GoldOutput(
            TableId.PERF_RETAILER,
            SCHEMA,
            laid,
            GoldOutput.replacing(plan, Periods.predicate(plan.periods())),
            GoldOutput.BY_YEAR,
            written -> {
              GoldChecks.check(
                  "perf_retailer",
                  written,
                  List.of("retailer_code", "period_type", "period"),
                  List.of(),
                  List.of(
                      new Bound(List.of("satisfaction_avg", "peak_end"), 1, 5),
                      new Bound(
                          List.of(
                              "assigned_days",
                              "orders",
                              "months_ordering",
                              "visits_owed",
                              "contacts_owed",
                              "menu_months",
                              "menu_months_met"),
                          0,
                          Double.POSITIVE_INFINITY)));
              reconcile(written, companyTotals);
            })
        .write(ctx);
  }

  /**
   * Per period, Σ volume_cases (to 1e-9 relative) and Σ revenue_yuan (exactly) of perf_retailer
   * equal perf_cube's company total (grouping_id 63); a period on one side only must be zero.
   */
  static void reconcile(Dataset<Row> retailer, Dataset<Row> cube) {
    Dataset<Row> r =
        retailer
            .groupBy("period_type", "period")
            .agg(sum("volume_cases").as("_rv"), sum("revenue_yuan").as("_rr"));
    Dataset<Row> c =
        cube.where(col("grouping_id").equalTo(63))
            .select(
                col("period_type"),
                col("period"),
                col("volume_cases").as("_cv"),
                col("revenue_yuan").as("_cr"));
    for (Row row : r.join(c, ScalaSeq.of("period_type", "period"), "full_outer").collectAsList()) {
      BigDecimal rv = dec(row.getAs("_rv"));
      BigDecimal cv = dec(row.getAs("_cv"));
      BigDecimal rr = dec(row.getAs("_rr"));
      BigDecimal cr = dec(row.getAs("_cr"));
      double tol = 1e-9 * Math.max(1.0, Math.abs(cv.doubleValue()));
      if (rr.compareTo(cr) != 0 || Math.abs(rv.doubleValue() - cv.doubleValue()) > tol) {
        throw new GoldChecks.DataTestFailure(
            "perf_retailer: "
                + row.getAs("period_type")
                + " "
                + row.getAs("period")
                + " does not reconcile with perf_cube's company total: volume_cases "
                + rv.toPlainString()
                + " vs "
                + cv.toPlainString()
                + ", revenue_yuan "
                + rr.toPlainString()
                + " vs "
                + cr.toPlainString());
      }
    }
  }

  private static BigDecimal dec(Object v) {
    if (v == null) {
      return BigDecimal.ZERO;
    }
    return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
  }
}
