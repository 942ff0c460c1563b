package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import gridperf.config.ScoringConfig;
import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.DeltaWrite;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes the gold tables of one {@link BuildPlan} from the cached pre-aggregates, writes each
 * with one file per period (replaceWhere on the planned periods, or a full overwrite) and runs the
 * data tests after each write.
 */
final class GoldWriter {
  private static final List<String> RATIOS_01 =
      List.of("order_rate", "visit_coverage", "complaint_resolved_24h_rate");

  private GoldWriter() {}

  static List<WriteResult> write(
      JobContext ctx, BuildPlan plan, Monthly in, Dataset<Row> targets, ScoringConfig scoring) {
    // both feed service_compliance and are written themselves: computed once
    Dataset<Row> segments = RetailerSegment.build(in, scoring).persist();
    Dataset<Row> visits = ServiceVisits.build(in).persist();
    try {
      return writeAll(ctx, plan, in, targets, scoring, segments, visits);
    } finally {
      segments.unpersist();
      visits.unpersist();
    }
  }

  private static List<WriteResult> writeAll(
      JobContext ctx,
      BuildPlan plan,
      Monthly in,
      Dataset<Row> targets,
      ScoringConfig scoring,
      Dataset<Row> segments,
      Dataset<Row> visits) {
    Lake lake = ctx.lake();
    List<WriteResult> writes = new ArrayList<>();
    Set<Integer> priorYears = plan.storedPriorYears();
    Dataset<Row> allSegments = segments;
    if (!plan.full() && !priorYears.isEmpty()) {
      allSegments =
          segments.unionByName(
              lake.read(TableId.RETAILER_SEGMENT)
                  .where(col("year").isin(priorYears.toArray()))
                  .selectExpr(segments.columns()));
    }
    Dataset<Row> compliance =
        ServiceVisits.serviceCompliance(visits, allSegments, scoring).persist();

    Dataset<Row> manager =
        PerfManager.build(
            in, stored(lake, plan, TableId.PERF_MANAGER, PerfManager.ENTITY), targets, compliance);
    writes.add(writePeriods(ctx, plan, TableId.PERF_MANAGER, manager));
    Dataset<Row> grid =
        PerfGrid.build(in, stored(lake, plan, TableId.PERF_GRID, PerfGrid.ENTITY), compliance);
    writes.add(writePeriods(ctx, plan, TableId.PERF_GRID, grid));
    Dataset<Row> category =
        PerfCategory.build(in, stored(lake, plan, TableId.PERF_CATEGORY, PerfCategory.ENTITY));
    writes.add(writePeriods(ctx, plan, TableId.PERF_CATEGORY, category));
    writes.add(writePeriods(ctx, plan, TableId.PERF_CUBE, PerfCube.build(in)));
    compliance.unpersist();

    Column filter = plan.full() ? expr("true") : GoldBuild.periodFilter(plan);
    GoldChecks.revenueReconciles(
        lake.read(TableId.PERF_MANAGER).where(filter),
        lake.read(TableId.PERF_GRID).where(filter),
        lake.read(TableId.PERF_CUBE).where(filter),
        in.sales(),
        plan.full() ? "true" : Periods.predicate(plan.periods()));

    Set<Integer> segYears = plan.full() ? plan.computedYears() : plan.segmentYears();
    Dataset<Row> seg = segments.where(col("year").isin(segYears.toArray()));
    List<String> yearKeys = segYears.stream().map(String::valueOf).toList();
    writes.add(
        commit(
            lake.write(TableId.RETAILER_SEGMENT, FileLayout.onePerKey(seg, yearKeys, "year")),
            plan,
            "year IN (" + String.join(", ", yearKeys) + ")"));
    GoldChecks.keys(
        "retailer_segment",
        lake.read(TableId.RETAILER_SEGMENT).where(col("year").isin(segYears.toArray())),
        List.of("retailer_code", "year"),
        List.of());
    ctx.progress().step("wrote retailer_segment");

    List<String> monthKeys =
        plan.changedMonths().stream().map(m -> m.getYear() + "|" + m.getMonthValue()).toList();
    String svPred = Periods.monthPredicate(plan.changedMonths());
    Column monthFilter = expr(svPred);
    Dataset<Row> sv = plan.full() ? visits : visits.where(monthFilter);
    writes.add(
        commit(
            lake.write(
                TableId.SERVICE_VISITS, FileLayout.onePerKey(sv, monthKeys, "year", "month")),
            plan,
            svPred));
    GoldChecks.keys(
        "service_visits",
        plan.full()
            ? lake.read(TableId.SERVICE_VISITS)
            : lake.read(TableId.SERVICE_VISITS).where(monthFilter),
        List.of("entity_type", "entity_code", "retailer_code", "year", "month"),
        List.of());
    ctx.progress().step("wrote service_visits");
    return writes;
  }

  /** Writes a perf table's planned periods, one file per period, then checks it. */
  private static WriteResult writePeriods(
      JobContext ctx, BuildPlan plan, TableId table, Dataset<Row> rows) {
    Dataset<Row> planned = rows.where(GoldBuild.periodFilter(plan));
    Dataset<Row> laid =
        FileLayout.onePerKey(planned, plan.periodLayoutKeys(), "period_type", "period");
    WriteResult w = commit(ctx.lake().write(table, laid), plan, Periods.predicate(plan.periods()));
    check(ctx.lake(), table, plan);
    ctx.progress().step("wrote " + table.tableName());
    return w;
  }

  private static WriteResult commit(DeltaWrite w, BuildPlan plan, String predicate) {
    w.partitionBy("year").overwrite();
    if (plan.full()) {
      w.overwriteSchema();
    } else {
      w.replaceWhere(predicate);
    }
    return w.commit();
  }

  /**
   * The data tests of one perf table, over the periods just written (the others were checked when
   * they were written and a replaceWhere leaves them as they were): one query per table.
   */
  private static void check(Lake lake, TableId table, BuildPlan plan) {
    Dataset<Row> t = lake.read(table);
    if (!plan.full()) {
      t = t.where(GoldBuild.periodFilter(plan));
    }
    String name = table.tableName();
    if (table == TableId.PERF_CUBE) {
      GoldChecks.check(
          name,
          t,
          PerfCube.KEYS,
          PerfCube.DIMENSIONS,
          List.of(
              new Bound(
                  List.of("revenue_per_case"),
                  Double.NEGATIVE_INFINITY,
                  Double.POSITIVE_INFINITY)));
      return;
    }
    List<String> keys = new ArrayList<>(entity(table));
    keys.add("period_type");
    keys.add("period");
    List<Bound> bounds = new ArrayList<>();
    bounds.add(new Bound(RATIOS_01, 0, 1));
    bounds.add(new Bound(List.of("satisfaction_avg", "peak_end_avg"), 1, 5));
    bounds.add(new Bound(List.of("complaints_per_100"), 0, Double.POSITIVE_INFINITY));
    if (table != TableId.PERF_CATEGORY) {
      bounds.add(new Bound(List.of("service_compliance"), 0, 1));
    }
    GoldChecks.check(name, t, keys, List.of(), bounds);
  }

  private static List<String> entity(TableId table) {
    return switch (table) {
      case PERF_MANAGER -> PerfManager.ENTITY;
      case PERF_GRID -> PerfGrid.ENTITY;
      default -> PerfCategory.ENTITY;
    };
  }

  /**
   * Stored (entity, period, volume_cases) rows of prior years not recomputed; NULL on a full build.
   */
  private static Dataset<Row> stored(
      Lake lake, BuildPlan plan, TableId table, List<String> entity) {
    if (plan.full() || plan.storedPriorYears().isEmpty()) {
      return null;
    }
    return lake.read(table).where(col("year").isin(plan.storedPriorYears().toArray()));
  }
}
