package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.DeltaWrite;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.ScalaSeq;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
  /** Columns in table order. */
  public static final List<String> COLUMNS =
      List.of(
          "retailer_code",
          "period_type",
          "period",
          "year",
          "primary_grid_code",
          "primary_manager_code",
          "segment",
          "class",
          "assigned_days",
          "volume_cases",
          "revenue_yuan",
          "revenue_per_case",
          "high_class_share",
          "volume_yoy",
          "orders",
          "months_ordering",
          "touchpoints",
          "visits",
          "phone",
          "wechat",
          "complaints",
          "visits_owed",
          "contacts_owed",
          "menu_months",
          "menu_months_met",
          "mot_avg",
          "satisfaction_avg",
          "peak_end");

  private static final List<String> KEY = List.of("retailer_code", "period_type", "period", "year");

  private PerfRetailer() {}

  /**
   * (retailer_code, year, month, order_id) of every order with a line of qty_cartons &gt; 0, from
   * silver sales lines.
   */
  public static Dataset<Row> orders(Dataset<Row> factSales) {
    return factSales
        .where(col("qty_cartons").gt(0))
        .select("retailer_code", "year", "month", "order_id")
        .distinct();
  }

  /**
   * The table's rows for the computed years. {@code segments}: retailer_segment rows
   * (retailer_code, year, segment, class, preferred_remote) of the years before; {@code
   * storedPrior}: stored perf_retailer rows of years not recomputed (for volume_yoy), NULL on a
   * full build.
   */
  public static Dataset<Row> build(
      Monthly in,
      Dataset<Row> orders,
      Dataset<Row> segments,
      Dataset<Row> storedPrior,
      ScoringConfig cfg) {
    Monthly byRetailer =
        new Monthly(
            in.sales().withColumn("_r", col("retailer_code")),
            in.touchpoints().withColumn("_r", col("retailer_code")),
            in.assigned().withColumn("_r", col("retailer_code")));
    Dataset<Row> prior =
        storedPrior == null
            ? null
            : storedPrior.select(
                col("retailer_code").as("_r"),
                col("period_type"),
                col("period"),
                col("year"),
                col("volume_cases"));
    Dataset<Row> metrics =
        PerfMetrics.computeWithYoy(byRetailer, List.of("_r"), prior)
            .withColumnRenamed("_r", "retailer_code");

    Dataset<Row> extra =
        primary(in, "grid_code", "primary_grid_code")
            .join(
                primary(in, "manager_code", "primary_manager_code"),
                ScalaSeq.of(KEY),
                "full_outer");
    Dataset<Row> channels =
        Periods.explode(
                in.touchpoints().select("retailer_code", "year", "month", "phone", "wechat"))
            .groupBy("retailer_code", "period_type", "period", "year")
            .agg(sum("phone").as("_phone"), sum("wechat").as("_wechat"));
    Dataset<Row> ordering =
        Periods.explode(orders.withColumn("_month", col("month")))
            .groupBy("retailer_code", "period_type", "period", "year")
            .agg(
                countDistinct(col("order_id")).as("_orders"),
                countDistinct(col("_month")).as("_months_ordering"));
    Dataset<Row> menu = menu(in, segments, cfg);
    Dataset<Row> before =
        segments.select(
            col("retailer_code"), col("year").plus(1).as("year"), col("segment"), col("class"));

    Dataset<Row> all =
        metrics
            .join(extra, ScalaSeq.of(KEY), "left")
            .join(channels, ScalaSeq.of(KEY), "left")
            .join(ordering, ScalaSeq.of(KEY), "left")
            .join(menu, ScalaSeq.of(KEY), "left")
            .join(before, ScalaSeq.of("retailer_code", "year"), "left");
    return all.select(
        col("retailer_code"),
        col("period_type"),
        col("period"),
        col("year"),
        col("primary_grid_code"),
        col("primary_manager_code"),
        col("segment"),
        col("class"),
        zero("_assigned_days").as("assigned_days"),
        col("volume_cases"),
        col("revenue_yuan"),
        col("revenue_per_case"),
        col("high_class_share"),
        col("volume_yoy"),
        zero("_orders").as("orders"),
        zero("_months_ordering").as("months_ordering"),
        col("touchpoints"),
        col("visits"),
        zero("_phone").as("phone"),
        zero("_wechat").as("wechat"),
        col("complaints"),
        zero("_visits_owed").as("visits_owed"),
        zero("_contacts_owed").as("contacts_owed"),
        zero("_menu_months").as("menu_months"),
        zero("_menu_months_met").as("menu_months_met"),
        col("mot_avg"),
        col("satisfaction_avg"),
        col("peak_end_avg").as("peak_end"));
  }

  private static Column zero(String c) {
    return coalesce(col(c), lit(0L)).cast("long");
  }

  /**
   * Primary value of {@code attribute} per (retailer, period) with its assigned days of the period
   * (_assigned_days, carried on the grid's rows).
   */
  static Dataset<Row> primary(Monthly in, String attribute, String as) {
    Dataset<Row> perValue =
        Periods.explode(
                in.assigned()
                    .select(
                        col("retailer_code"),
                        col("year"),
                        col("month"),
                        col(attribute).as("_v"),
                        col("days")))
            .groupBy("retailer_code", "period_type", "period", "year", "_v")
            .agg(sum("days").as("_d"));
    Dataset<Row> p =
        perValue
            .groupBy("retailer_code", "period_type", "period", "year")
            .agg(
                min(struct(col("_d").multiply(-1).as("d"), col("_v").as("v"))).as("_p"),
                sum("_d").as("_days"));
    List<Column> out =
        List.of(
            col("retailer_code"),
            col("period_type"),
            col("period"),
            col("year"),
            col("_p.v").as(as));
    if (attribute.equals("grid_code")) {
      return p.select(
          out.get(0),
          out.get(1),
          out.get(2),
          out.get(3),
          out.get(4),
          col("_days").as("_assigned_days"));
    }
    return p.select(out.toArray(new Column[0]));
  }

  /**
   * Per (retailer, period): visits_owed, contacts_owed, menu_months, menu_months_met from its
   * months with an assigned day and its class of the year before.
   */
  static Dataset<Row> menu(Monthly in, Dataset<Row> segments, ScoringConfig cfg) {
    Dataset<Row> months =
        in.assigned().groupBy("retailer_code", "year", "month").agg(sum("days").as("_days"));
    Dataset<Row> got =
        in.touchpoints()
            .groupBy("retailer_code", "year", "month")
            .agg(
                sum("visits").as("visits"),
                sum("phone").as("phone"),
                sum("wechat").as("wechat"),
                sum("training").as("training"));
    Dataset<Row> cls =
        segments.select(
            col("retailer_code"),
            col("year").plus(1).as("year"),
            col("class").as("_class"),
            col("preferred_remote").as("_pref"));
    Column c = col("_class");
    Dataset<Row> monthly =
        months
            .where(col("_days").gt(0))
            .join(got, ScalaSeq.of("retailer_code", "year", "month"), "left")
            .join(cls, ScalaSeq.of("retailer_code", "year"), "inner")
            .select(
                col("retailer_code"),
                col("year"),
                col("month"),
                RetailerClasses.owed(cfg.classes(), c, "visit").cast("long").as("_vo"),
                RetailerClasses.owedTotal(cfg.classes(), c).cast("long").as("_co"),
                RetailerClasses.owes(cfg.classes(), c).as("_owes"),
                RetailerClasses.owes(cfg.classes(), c)
                    .and(RetailerClasses.met(cfg.classes(), c, col("_pref")))
                    .as("_met"));
    return Periods.explode(monthly)
        .groupBy("retailer_code", "period_type", "period", "year")
        .agg(
            sum("_vo").as("_visits_owed"),
            sum("_co").as("_contacts_owed"),
            count(when(col("_owes"), 1)).as("_menu_months"),
            count(when(col("_met"), 1)).as("_menu_months_met"));
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
        build(in, orders(factSales), segments, stored, scoring).where(GoldBuild.periodFilter(plan));
    Dataset<Row> laid =
        FileLayout.onePerKey(rows, plan.periodLayoutKeys(), "period_type", "period");
    DeltaWrite w = lake.write(TableId.PERF_RETAILER, laid).partitionBy("year").overwrite();
    if (plan.full()) {
      w.overwriteSchema();
    } else {
      w.replaceWhere(Periods.predicate(plan.periods()));
    }
    WriteResult result = w.commit();
    Dataset<Row> written = lake.read(TableId.PERF_RETAILER);
    Dataset<Row> cube = lake.read(TableId.PERF_CUBE);
    if (!plan.full()) {
      written = written.where(GoldBuild.periodFilter(plan));
      cube = cube.where(GoldBuild.periodFilter(plan));
    }
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
    reconcile(written, cube);
    ctx.progress().step("wrote perf_retailer");
    return result;
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
