package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import gridperf.config.ScoringConfig;
import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Computes the gold tables of one {@link BuildPlan} from the cached pre-aggregates as a list of
 * {@link GoldOutput}s (perf_manager, perf_grid, perf_category, perf_cube, retailer_segment,
 * service_visits), writes them in that order, each followed by its data test, then reconciles the
 * revenue of the perf tables with the silver lines.
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
    try {
      List<WriteResult> writes = new ArrayList<>();
      for (GoldOutput o : outputs(lake, plan, in, targets, compliance, segments, visits)) {
        writes.add(o.write(ctx));
      }
      Column filter = plan.full() ? expr("true") : GoldBuild.periodFilter(plan);
      GoldChecks.revenueReconciles(
          lake.read(TableId.PERF_MANAGER).where(filter),
          lake.read(TableId.PERF_GRID).where(filter),
          lake.read(TableId.PERF_CUBE).where(filter),
          in.sales(),
          plan.full() ? "true" : Periods.predicate(plan.periods()));
      return writes;
    } finally {
      compliance.unpersist();
    }
  }

  /** The tables written from the pre-aggregates, in the order they are written. */
  private static List<GoldOutput> outputs(
      Lake lake,
      BuildPlan plan,
      Monthly in,
      Dataset<Row> targets,
      Dataset<Row> compliance,
      Dataset<Row> segments,
      Dataset<Row> visits) {
    Dataset<Row> manager =
        PerfManager.build(
            in, stored(lake, plan, TableId.PERF_MANAGER, PerfManager.ENTITY), targets, compliance);
    Dataset<Row> grid =
        PerfGrid.build(in, stored(lake, plan, TableId.PERF_GRID, PerfGrid.ENTITY), compliance);
    Dataset<Row> category =
        PerfCategory.build(in, stored(lake, plan, TableId.PERF_CATEGORY, PerfCategory.ENTITY));

    Set<Integer> segYears = plan.full() ? plan.computedYears() : plan.segmentYears();
    List<String> yearKeys = segYears.stream().map(String::valueOf).toList();
    Dataset<Row> seg = segments.where(col("year").isin(segYears.toArray()));

    List<String> monthKeys =
        plan.changedMonths().stream().map(m -> m.getYear() + "|" + m.getMonthValue()).toList();
    String months = Periods.monthPredicate(plan.changedMonths());
    Dataset<Row> sv = plan.full() ? visits : visits.where(expr(months));

    return List.of(
        perf(plan, TableId.PERF_MANAGER, PerfManager.SCHEMA, manager, PerfManager.ENTITY),
        perf(plan, TableId.PERF_GRID, PerfGrid.SCHEMA, grid, PerfGrid.ENTITY),
        perf(plan, TableId.PERF_CATEGORY, PerfCategory.SCHEMA, category, PerfCategory.ENTITY),
        new GoldOutput(
            TableId.PERF_CUBE,
            PerfCube.SCHEMA,
            periodLayout(plan, PerfCube.build(in)),
            GoldOutput.replacing(plan, Periods.predicate(plan.periods())),
            GoldOutput.BY_YEAR,
            written ->
                GoldChecks.check(
                    "perf_cube",
                    written,
                    PerfCube.KEYS,
                    PerfCube.DIMENSIONS,
                    List.of(
                        new Bound(
                            List.of("revenue_per_case"),
                            Double.NEGATIVE_INFINITY,
                            Double.POSITIVE_INFINITY)))),
        new GoldOutput(
            TableId.RETAILER_SEGMENT,
            RetailerSegment.SCHEMA,
            FileLayout.onePerKey(seg, yearKeys, "year"),
            GoldOutput.replacing(plan, "year IN (" + String.join(", ", yearKeys) + ")"),
            GoldOutput.BY_YEAR,
            written ->
                GoldChecks.keys(
                    "retailer_segment", written, List.of("retailer_code", "year"), List.of())),
        new GoldOutput(
            TableId.SERVICE_VISITS,
            ServiceVisits.SCHEMA,
            FileLayout.onePerKey(sv, monthKeys, "year", "month"),
            GoldOutput.replacing(plan, months),
            GoldOutput.BY_YEAR,
            written ->
                GoldChecks.keys(
                    "service_visits",
                    written,
                    List.of("entity_type", "entity_code", "retailer_code", "year", "month"),
                    List.of())));
  }

  /** The planned periods of a table, one file per period. */
  private static Dataset<Row> periodLayout(BuildPlan plan, Dataset<Row> rows) {
    return FileLayout.onePerKey(
        rows.where(GoldBuild.periodFilter(plan)), plan.periodLayoutKeys(), "period_type", "period");
  }

  /**
   * perf_manager, perf_grid or perf_category: the planned periods, one file per period, tested for
   * unique keys and the bounds of their ratios.
   */
  private static GoldOutput perf(
      BuildPlan plan, TableId table, StructType schema, Dataset<Row> rows, List<String> entity) {
    List<String> keys = new ArrayList<>(entity);
    keys.add("period_type");
    keys.add("period");
    List<Bound> bounds = new ArrayList<>();
    bounds.add(new Bound(RATIOS_01, 0, 1));
    bounds.add(new Bound(List.of("satisfaction_avg", "peak_end_avg"), 1, 5));
    bounds.add(new Bound(List.of("complaints_per_100"), 0, Double.POSITIVE_INFINITY));
    if (table != TableId.PERF_CATEGORY) {
      bounds.add(new Bound(List.of("service_compliance"), 0, 1));
    }
    return new GoldOutput(
        table,
        schema,
        periodLayout(plan, rows),
        GoldOutput.replacing(plan, Periods.predicate(plan.periods())),
        GoldOutput.BY_YEAR,
        written -> GoldChecks.check(table.tableName(), written, keys, List.of(), bounds));
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
