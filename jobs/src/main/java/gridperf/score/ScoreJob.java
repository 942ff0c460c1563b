package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import gridperf.config.ScoringConfig;
import gridperf.gold.Assignment;
import gridperf.gold.PeriodRange;
import gridperf.gold.RetailerClasses;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.CommitLog;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.Layer;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The score job: reads the gold and silver tables, builds {@link ManagerScorecard} and writes it —
 * to {@code manager_scorecard} (official, all years replaced) or, for a what-if, to {@code
 * scorecard_scenario} (only that scenario's rows replaced; nothing else is touched).
 */
public final class ScoreJob {
  private ScoreJob() {}

  /**
   * What to score.
   *
   * @param scoring the scoring file in force
   * @param scenario the what-if's name, or null for the official scorecard
   * @param recomputeService recompute segments and service compliance under {@code scoring} (always
   *     for a what-if; for an official run when its menu or cut-offs differ from the build's)
   */
  public record Request(ScoringConfig scoring, String scenario, boolean recomputeService) {
    public Request {
      if (scenario != null) {
        ScorecardScenario.predicate(scenario);
        recomputeService = true;
      }
    }
  }

  public static JobOutcome run(JobContext ctx, Request req, SegmentRules rules) {
    Lake lake = ctx.lake();
    String inputs = req.scenario() == null ? inputs(ctx, req) : null;
    if (inputs != null && upToDate(lake, inputs)) {
      ctx.progress().step("nothing to do");
      return new JobOutcome(
          0, 0, 0, List.of(),
          "score: nothing to do (manager_scorecard is up to date: no silver or gold table and not"
              + " the scoring file changed since it was written)");
    }
    ctx.progress().step("read perf_manager and assignment");
    Dataset<Row> perfManager = lake.read(TableId.PERF_MANAGER);
    Dataset<Row> assigned = assignedIntervals(lake);
    Dataset<Row> primary = PrimaryGrid.of(Assignment.monthly(assigned));
    Dataset<Row> service = null;
    if (req.recomputeService()) {
      ctx.progress().step("recompute segments, classes and service compliance");
      service = managerService(lake, req.scoring(), rules, assigned);
    }
    ctx.progress().step("score");
    Dataset<Row> card =
        ManagerScorecard.build(
                perfManager, primary, service, lake.read(TableId.SERVICE_STANDARDS), req.scoring())
            .cache();
    try {
      long rows = check(card, perfManager);
      ctx.progress().rows("scorecard rows", rows);
      WriteResult w;
      if (req.scenario() == null) {
        w =
            lake.write(TableId.MANAGER_SCORECARD, card)
                .partitionBy("year")
                .overwrite()
                .overwriteSchema()
                .userMetadata(inputs)
                .commit();
      } else {
        sameColumnsAsOtherScenarios(lake, card);
        w =
            lake.write(TableId.SCORECARD_SCENARIO, ScorecardScenario.of(card, req.scenario()))
                .partitionBy("scenario")
                .replaceWhere(ScorecardScenario.predicate(req.scenario()))
                .commit();
      }
      String summary =
          (req.scenario() == null
                  ? "manager_scorecard"
                  : "scorecard_scenario '" + req.scenario() + "'")
              + ": "
              + rows
              + " rows (Delta version "
              + w.version()
              + ", scoring file "
              + req.scoring().source()
              + ")\n"
              + ScorecardSummary.lastYear(card);
      return new JobOutcome(rows, rows, 0, List.of(w), summary);
    } finally {
      card.unpersist();
    }
  }

  /**
   * What an official scorecard is computed from, as a tag of its commit: a SHA-256 over the data
   * version of every silver and gold table (compaction and vacuum are no change), the scoring
   * settings, whether segments and service were recomputed, and the business time zone.
   */
  static String inputs(JobContext ctx, Request req) {
    StringBuilder text = new StringBuilder();
    for (TableId t : TableId.values()) {
      boolean read = t.layer() == Layer.SILVER || t.layer() == Layer.GOLD;
      if (read && t != TableId.MANAGER_SCORECARD && t != TableId.SCORECARD_SCENARIO) {
        text.append(t.tableName()).append('=').append(ctx.lake().dataVersion(t)).append('\n');
      }
    }
    text.append(req.scoring()).append('\n').append(req.recomputeService()).append('\n');
    text.append(ctx.config().business().timezone()).append('\n');
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return INPUTS_TAG + HexFormat.of().formatHex(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String INPUTS_TAG = "score-inputs:";

  /** Whether manager_scorecard's last data commit was computed from exactly {@code inputs}. */
  static boolean upToDate(Lake lake, String inputs) {
    if (!lake.exists(TableId.MANAGER_SCORECARD)) {
      return false;
    }
    CommitLog.Commit c =
        CommitLog.at(lake, TableId.MANAGER_SCORECARD, lake.dataVersion(TableId.MANAGER_SCORECARD));
    return c != null && inputs.equals(c.userMetadata());
  }

  /**
   * Scenarios share one table so they compare column by column: a scenario must keep the component
   * names (a weight of 0 drops a component's points but keeps its columns).
   */
  static void sameColumnsAsOtherScenarios(Lake lake, Dataset<Row> card) {
    if (!lake.exists(TableId.SCORECARD_SCENARIO)) {
      return;
    }
    java.util.Set<String> have =
        new java.util.LinkedHashSet<>(List.of(lake.read(TableId.SCORECARD_SCENARIO).columns()));
    have.remove("scenario");
    java.util.Set<String> want = new java.util.LinkedHashSet<>(List.of(card.columns()));
    if (!have.equals(want)) {
      throw new IllegalArgumentException(
          "scorecard_scenario has columns "
              + have
              + " but this scoring file gives "
              + want
              + ": keep the official component names in a what-if (set a weight to 0 to drop a"
              + " component)");
    }
  }

  /**
   * Active retailer versions clipped to the period range of the facts. A lake without facts
   * (master data landed first) has empty gold tables and gets an empty scorecard, as build writes
   * empty gold tables: nobody is assigned inside an empty range.
   */
  public static Dataset<Row> assignedIntervals(Lake lake) {
    Optional<PeriodRange> range =
        PeriodRange.ofPartitions(lake.read(TableId.FACT_SALES_LINE), lake.read(TableId.FACT_TOUCHPOINT));
    return range.isPresent()
        ? Assignment.activeIntervals(lake.read(TableId.DIM_RETAILER), range.get())
        : Assignment.activeIntervals(lake.read(TableId.DIM_RETAILER), PeriodRange.PLACEHOLDER)
            .where(lit(false));
  }

  /**
   * retailer_segment recomputed under {@code scoring}: segments by its cut-offs, classes by its
   * rules (primary format, scale and grade from {@code assigned}, the active intervals), the stored
   * preferred remote channel (it does not depend on the scoring file).
   */
  public static Dataset<Row> scenarioSegments(
      Lake lake, ScoringConfig scoring, SegmentRules rules, Dataset<Row> assigned) {
    Dataset<Row> stored = lake.read(TableId.RETAILER_SEGMENT);
    Dataset<Row> preferred =
        List.of(stored.columns()).contains("preferred_remote")
            ? stored.select("retailer_code", "year", "preferred_remote")
            : null;
    return RetailerClasses.withClass(
        rules.segments(stored, scoring),
        RetailerClasses.attributes(Assignment.monthly(assigned)),
        preferred,
        scoring.classes());
  }

  /** Service compliance of each manager and year under the request's classes, menus and cut-offs. */
  static Dataset<Row> managerService(
      Lake lake, ScoringConfig scoring, SegmentRules rules, Dataset<Row> assigned) {
    Dataset<Row> segments = scenarioSegments(lake, scoring, rules, assigned);
    return rules
        .serviceCompliance(lake.read(TableId.SERVICE_VISITS), segments, scoring)
        .where(col("entity_type").equalTo("manager"))
        .select(col("entity_code").as("manager_code"), col("year"), col("service_compliance"));
  }

  /**
   * Data tests before the write: one row per (manager_code, year), and one for every manager with
   * an assigned retailer in the year (a manager without a primary grid would otherwise vanish).
   */
  static long check(Dataset<Row> card, Dataset<Row> perfManager) {
    long rows = card.count();
    long keys = card.select("manager_code", "year").distinct().count();
    if (keys != rows) {
      throw new IllegalStateException(
          "manager_scorecard: " + (rows - keys) + " duplicate (manager_code, year) keys");
    }
    Dataset<Row> missing =
        perfManager
            .where(col("period_type").equalTo("Y").and(col("retailers_assigned").gt(0)))
            .select("manager_code", "year")
            .except(card.select("manager_code", "year"));
    List<Row> lost = missing.limit(5).collectAsList();
    if (!lost.isEmpty()) {
      throw new IllegalStateException(
          "manager_scorecard: no primary grid for managers with assigned retailers, e.g. "
              + lost
              + " (perf_manager and dim_retailer disagree: rebuild the gold tables)");
    }
    return rows;
  }
}
