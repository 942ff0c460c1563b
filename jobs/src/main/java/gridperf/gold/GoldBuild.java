package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import gridperf.config.ScoringConfig;
import gridperf.job.Concurrently;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import gridperf.silver.DimRetailer;
import gridperf.silver.FactInspection;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTarget;
import gridperf.silver.FactTouchpoint;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code build} job: silver → perf_manager, perf_grid, perf_category, perf_cube,
 * retailer_segment, service_visits, service_standards, then pilot_effect from the stored perf_grid.
 * Reads config → silver at fixed versions → plans what changed since the last build ({@link
 * BuildPlan}) → computes the monthly pre-aggregates once → computes every table → writes
 * (replaceWhere on the planned periods) → runs the data tests → records the silver versions in
 * build_state.
 */
public final class GoldBuild {
  /** Silver tables the build reads, in the order recorded in build_state. */
  public static final List<TableId> SOURCES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  TableId.FACT_SALES_LINE,
                  TableId.FACT_TOUCHPOINT,
                  TableId.DIM_RETAILER,
                  TableId.FACT_TARGET,
                  TableId.FACT_INSPECTION),
              PilotEffectWrite.SOURCES.stream())
          .toList();

  /** Gold tables the build writes (build_state aside). */
  public static final List<TableId> OUTPUTS =
      List.of(
          TableId.PERF_MANAGER,
          TableId.PERF_GRID,
          TableId.PERF_CATEGORY,
          TableId.PERF_CUBE,
          TableId.RETAILER_SEGMENT,
          TableId.SERVICE_VISITS,
          TableId.SERVICE_STANDARDS,
          TableId.PILOT_EFFECT,
          TableId.INTEGRITY_FLAGS,
          TableId.HANDOVER_LEDGER,
          TableId.PERF_RETAILER);

  private GoldBuild() {}

  /** Runs a build; {@code from}/{@code to} (may be NULL) force a range of months to be rebuilt. */
  public static JobOutcome run(
      JobContext ctx, ScoringConfig scoring, YearMonth from, YearMonth to) {
    Lake lake = ctx.lake();
    Map<TableId, Long> versions = new LinkedHashMap<>();
    for (TableId t : SOURCES) {
      versions.put(t, lake.version(t));
    }
    if (from == null && to == null && nothingChanged(lake, versions)) {
      ctx.progress().step("plan: nothing to do");
      return new JobOutcome(
          0,
          0,
          0,
          List.of(),
          "build: nothing to do (no silver source changed since the last build)");
    }
    Dataset<Row> sales = read(lake, TableId.FACT_SALES_LINE, FactSalesLine.SCHEMA, versions);
    Dataset<Row> touchpoints = read(lake, TableId.FACT_TOUCHPOINT, FactTouchpoint.SCHEMA, versions);
    Dataset<Row> retailers = read(lake, TableId.DIM_RETAILER, DimRetailer.SCHEMA, versions);
    Dataset<Row> targets = read(lake, TableId.FACT_TARGET, FactTarget.SCHEMA, versions);
    Dataset<Row> inspections = read(lake, TableId.FACT_INSPECTION, FactInspection.SCHEMA, versions);
    Optional<PeriodRange> range = PeriodRange.ofPartitions(sales, touchpoints);
    BuildPlan plan = plan(lake, versions, range, from, to);
    ctx.progress().step("plan: " + plan.reason());
    List<WriteResult> writes = new ArrayList<>();
    long rowsIn = 0;
    if (!plan.empty()) {
      Column years = col("year").isin(plan.computedYears().toArray());
      Monthly in =
          range.isPresent()
              ? Monthly.of(sales.where(years), touchpoints.where(years), retailers, range.get())
                  .where(years)
              : Monthly.of(sales, touchpoints, retailers, PeriodRange.PLACEHOLDER)
                  .where(lit(false));
      in = in.persist();
      try {
        rowsIn = lines(in);
        ctx.progress().rows("pre-aggregated silver lines", rowsIn);
        writes.addAll(GoldWriter.write(ctx, plan, in, targets.where(years), scoring));
        Monthly cached = in;
        // independent of each other: written at once, so the small tables' stages fill the
        // cores perf_retailer's leave idle
        List<Callable<List<WriteResult>>> steps = new ArrayList<>();
        if (!left(TableId.SERVICE_STANDARDS)) {
          steps.add(
              () ->
                  List.of(
                      ServiceStandards.write(
                          ctx, plan, cached, inspections.where(years), scoring.standards())));
        }
        steps.add(
            () ->
                IntegrityBuild.write(
                    ctx, plan, sales, touchpoints, retailers, range, scoring.integrity()));
        if (!left(TableId.PERF_RETAILER)) {
          steps.add(
              () -> List.of(PerfRetailer.write(ctx, plan, cached, sales.where(years), scoring)));
        }
        for (List<WriteResult> w : Concurrently.run(steps)) {
          writes.addAll(w);
        }
      } finally {
        in.unpersist();
      }
    }
    PilotEffectWrite.write(ctx, !plan.empty(), range, versions).ifPresent(writes::add);
    writes.add(BuildState.write(lake, new BuildState.State(versions, range), ctx.runId()));
    long rowsOut = writes.stream().mapToLong(WriteResult::rowsWritten).sum();
    String summary =
        "build: "
            + plan.reason()
            + "; "
            + periodsInRange(plan, range)
            + " periods rebuilt; "
            + writes.stream()
                .map(
                    w ->
                        String.format(
                            java.util.Locale.ROOT,
                            "%s v%d %,d rows",
                            w.table().tableName(),
                            w.version(),
                            w.rowsWritten()))
                .collect(Collectors.joining(", "));
    return new JobOutcome(rowsIn, rowsOut, 0, writes, summary);
  }

  /**
   * For the benchmark only: the system property {@value #WITHOUT} names tables (comma-separated)
   * the build leaves out, so a run can be timed beside one without them; a lake built so is rebuilt
   * in full by the next build, which finds those tables missing.
   */
  static final String WITHOUT = "gridperf.bench.build-without";

  private static boolean left(TableId t) {
    return List.of(System.getProperty(WITHOUT, "").split(",")).contains(t.tableName());
  }

  /**
   * The rebuilt periods that hold data: the plan also clears the year after a changed year
   * (volume_yoy, service_compliance), which is empty when the range ends before it.
   */
  static long periodsInRange(BuildPlan plan, Optional<PeriodRange> range) {
    return range
        .map(r -> plan.periods().stream().filter(k -> k.year() <= r.last().getYear()).count())
        .orElse(0L);
  }

  /**
   * True when the last build read every source at its current data: no source has a commit that
   * changed data since (compaction and vacuum by {@code maintain} change none) and every output
   * exists. The build then commits nothing, build_state included.
   */
  static boolean nothingChanged(Lake lake, Map<TableId, Long> versions) {
    Optional<BuildState.State> state = BuildState.read(lake);
    if (state.isEmpty()) {
      return false;
    }
    for (TableId t : OUTPUTS) {
      if (!lake.exists(t) && !left(t)) {
        return false;
      }
    }
    for (TableId t : SOURCES) {
      if (changedSince(lake, t, state.get().versions().getOrDefault(t, -2L), versions.get(t))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code t} changed data after version {@code before} (the one a build read), up to
   * {@code now}: a commit of {@code maintain} after {@code before} is no change.
   */
  static boolean changedSince(Lake lake, TableId t, long before, long now) {
    if (before == now) {
      return false;
    }
    return before > now || lake.dataVersion(t) > before;
  }

  /** Decides full or incremental and which months changed. */
  static BuildPlan plan(
      Lake lake,
      Map<TableId, Long> versions,
      Optional<PeriodRange> range,
      YearMonth from,
      YearMonth to) {
    Set<YearMonth> all =
        range.map(r -> ChangedMonths.months(r.first(), r.last())).orElse(new TreeSet<>());
    Optional<BuildState.State> state = BuildState.read(lake);
    if (state.isEmpty()) {
      return BuildPlan.full(all, "full (no previous build)");
    }
    for (TableId t : OUTPUTS) {
      if (!lake.exists(t) && !left(t)) {
        return BuildPlan.full(all, "full (" + t.tableName() + " missing)");
      }
    }
    if (!RetailerClasses.storedColumnsPresent(lake)) {
      return BuildPlan.full(all, "full (classes and channel counts not yet stored)");
    }
    Map<TableId, Long> before = state.get().versions();
    long retailersBefore = before.getOrDefault(TableId.DIM_RETAILER, -2L);
    if (changedSince(
        lake, TableId.DIM_RETAILER, retailersBefore, versions.get(TableId.DIM_RETAILER))) {
      return BuildPlan.full(all, "full (dim_retailer changed)");
    }
    Set<YearMonth> changed = new TreeSet<>();
    for (TableId t :
        List.of(
            TableId.FACT_SALES_LINE,
            TableId.FACT_TOUCHPOINT,
            TableId.FACT_TARGET,
            TableId.FACT_INSPECTION)) {
      if (!changedSince(lake, t, before.getOrDefault(t, -1L), versions.get(t))) {
        continue;
      }
      Optional<Set<YearMonth>> c =
          ChangedMonths.of(lake, t, before.getOrDefault(t, -1L), versions.get(t));
      if (c.isEmpty()) {
        return BuildPlan.full(all, "full (no change feed for " + t.tableName() + ")");
      }
      changed.addAll(c.get());
    }
    changed.addAll(ChangedMonths.rangeDifference(state.get().range(), range));
    if (from != null || to != null) {
      YearMonth f = from != null ? from : range.map(PeriodRange::first).orElse(to);
      YearMonth l = to != null ? to : range.map(PeriodRange::last).orElse(from);
      changed.addAll(ChangedMonths.months(f, l));
    }
    return BuildPlan.incremental(changed, "incremental (" + changed.size() + " changed months)");
  }

  private static Dataset<Row> read(Lake lake, TableId t, StructType schema, Map<TableId, Long> v) {
    if (v.get(t) < 0) {
      return lake.spark().createDataFrame(List.of(), schema);
    }
    return lake.read(t, v.get(t));
  }

  private static long lines(Monthly in) {
    Row s = in.sales().agg(sum("lines")).head();
    Row t = in.touchpoints().agg(sum("touchpoints")).head();
    return (s.isNullAt(0) ? 0 : s.getLong(0)) + (t.isNullAt(0) ? 0 : t.getLong(0));
  }

  static Column periodFilter(BuildPlan plan) {
    return expr(Periods.predicate(plan.periods()));
  }
}
