package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The score job: reads the gold and silver tables, builds {@link ManagerScorecard} and writes it —
 * to {@code manager_scorecard} (official: every year replaced but the closed ones, see {@link
 * PeriodClose}; their re-scored differences go to {@code scorecard_adjustment}) or, for a what-if,
 * to {@code scorecard_scenario} (only that scenario's rows replaced; nothing else is touched).
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
          0,
          0,
          0,
          List.of(),
          "score: nothing to do (manager_scorecard is up to date: no silver or gold table, no close"
              + " and not the scoring file changed since it was written)");
    }
    ctx.progress().step("read perf_manager and assignment");
    Inputs in = Inputs.read(lake, req.recomputeService());
    Map<Integer, PeriodClose.Closed> closed =
        req.scenario() == null ? PeriodClose.inForce(lake) : Map.of();
    ctx.progress().step("score");
    Dataset<Row> card = scorecard(lake, in, req.scoring(), req.recomputeService(), rules, null);
    Column open = closed.isEmpty() ? lit(true) : not(col("year").isin(closed.keySet().toArray()));
    card = card.where(open).cache();
    try {
      long rows = check(card, in.perfManager().where(open));
      ctx.progress().rows("scorecard rows", rows);
      List<WriteResult> writes = new ArrayList<>();
      long adjustments = 0;
      WriteResult w;
      if (req.scenario() == null) {
        Dataset<Row> adjusted = null;
        if (!closed.isEmpty() || lake.exists(TableId.SCORECARD_ADJUSTMENT)) {
          ctx.progress().step("re-score closed years " + closed.keySet());
          adjusted = closedYears(ctx, in, closed, rules).cache();
          adjusted.count(); // computed from the closed rows before anything is written
        }
        w =
            writeOfficial(
                lake,
                card,
                ManagerScorecard.schema(req.scoring()),
                closed.keySet(),
                in.note(req.scoring()) + " " + inputs);
        writes.add(w);
        if (adjusted != null) {
          WriteResult a =
              lake.write(TableId.SCORECARD_ADJUSTMENT, adjusted)
                  .schema(ScorecardAdjustment.SCHEMA)
                  .partitionBy("year")
                  .overwrite()
                  .commit();
          adjusted.unpersist();
          adjustments = a.rowsWritten();
          writes.add(a);
        }
      } else {
        sameColumnsAsOtherScenarios(lake, card);
        w =
            lake.write(TableId.SCORECARD_SCENARIO, ScorecardScenario.of(card, req.scenario()))
                .schema(ScorecardScenario.schema(req.scoring()))
                .partitionBy("scenario")
                .replaceWhere(ScorecardScenario.predicate(req.scenario()))
                .commit();
        writes.add(w);
      }
      String summary =
          (req.scenario() == null
                  ? "manager_scorecard"
                  : "scorecard_scenario '" + req.scenario() + "'")
              + ": "
              + String.format(Locale.ROOT, "%,d", rows)
              + " rows (Delta version "
              + w.version()
              + ", scoring file "
              + req.scoring().source()
              + ")\n"
              + (closed.isEmpty()
                  ? ""
                  : "closed years "
                      + closed.keySet()
                      + " kept as closed; scorecard_adjustment: "
                      + String.format(Locale.ROOT, "%,d", adjustments)
                      + " rows\n")
              + ScorecardSummary.byYear(
                  req.scenario() == null && !closed.isEmpty()
                      ? lake.read(TableId.MANAGER_SCORECARD)
                      : card,
                  DataCoverage.read(lake));
      return new JobOutcome(rows, rows + adjustments, 0, writes, summary);
    } finally {
      card.unpersist();
    }
  }

  /**
   * The tables the scorecard reads, each at the version current when the run started (so a close
   * can record exactly what its scorecard was computed from).
   */
  record Inputs(
      Dataset<Row> perfManager,
      Dataset<Row> primary,
      Dataset<Row> assignedDays,
      Dataset<Row> assigned,
      Dataset<Row> standards,
      Map<TableId, Long> versions) {
    static Inputs read(Lake lake, boolean service) {
      Map<TableId, Long> v = new LinkedHashMap<>();
      List<TableId> tables =
          new ArrayList<>(
              List.of(
                  TableId.PERF_MANAGER,
                  TableId.SERVICE_STANDARDS,
                  TableId.FACT_SALES_LINE,
                  TableId.FACT_TOUCHPOINT,
                  TableId.DIM_RETAILER));
      if (service) {
        tables.addAll(List.of(TableId.RETAILER_SEGMENT, TableId.SERVICE_VISITS));
      }
      for (TableId t : tables) {
        v.put(t, lake.version(t));
      }
      Dataset<Row> retailers = lake.read(TableId.DIM_RETAILER, v.get(TableId.DIM_RETAILER));
      Optional<PeriodRange> range =
          PeriodRange.ofPartitions(
              lake.read(TableId.FACT_SALES_LINE, v.get(TableId.FACT_SALES_LINE)),
              lake.read(TableId.FACT_TOUCHPOINT, v.get(TableId.FACT_TOUCHPOINT)));
      // a lake without facts (master data landed first) has empty gold tables and gets an empty
      // scorecard, as build writes empty gold tables: nobody is assigned inside an empty range
      PeriodRange r = range.orElse(PeriodRange.PLACEHOLDER);
      Dataset<Row> assigned = Assignment.activeIntervals(retailers, r);
      if (range.isEmpty()) {
        assigned = assigned.where(lit(false));
      }
      return new Inputs(
          lake.read(TableId.PERF_MANAGER, v.get(TableId.PERF_MANAGER)),
          PrimaryGrid.of(Assignment.monthly(assigned)),
          AssignedDays.of(assigned, r),
          assigned,
          v.get(TableId.SERVICE_STANDARDS) < 0
              ? null
              : lake.read(TableId.SERVICE_STANDARDS, v.get(TableId.SERVICE_STANDARDS)),
          v);
    }

    /** The commit note of manager_scorecard: the scoring file's hash and the versions read. */
    String note(ScoringConfig scoring) {
      StringBuilder sb = new StringBuilder("gridperf-score");
      sb.append(" scoring_sha256=").append(ScoreNote.sha(scoring));
      versions.forEach((t, n) -> sb.append(' ').append(t.tableName()).append('=').append(n));
      return sb.toString();
    }
  }

  /**
   * What an official scorecard is computed from, as a tag of its commit: a SHA-256 over the data
   * version of every silver and gold table the score reads and of period_close (compaction and
   * vacuum are no change), the scoring settings, whether segments and service were recomputed, and
   * the business time zone. It ends the commit's note ({@link ScoreNote}).
   */
  static String inputs(JobContext ctx, Request req) {
    StringBuilder text = new StringBuilder();
    for (TableId t : TableId.values()) {
      boolean read = t.layer() == Layer.SILVER || t.layer() == Layer.GOLD;
      boolean own =
          t == TableId.MANAGER_SCORECARD
              || t == TableId.SCORECARD_SCENARIO
              || t == TableId.SCORECARD_ADJUSTMENT;
      if ((read && !own) || t == TableId.PERIOD_CLOSE) {
        text.append(t.tableName()).append('=').append(ctx.lake().dataVersion(t)).append('\n');
      }
    }
    text.append(req.scoring()).append('\n').append(req.recomputeService()).append('\n');
    text.append(ctx.config().business().timezone()).append('\n');
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return INPUTS_TAG + HexFormat.of().formatHex(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String INPUTS_TAG = "inputs=";

  /** Whether manager_scorecard's last data commit was computed from exactly {@code inputs}. */
  static boolean upToDate(Lake lake, String inputs) {
    if (!lake.exists(TableId.MANAGER_SCORECARD)) {
      return false;
    }
    CommitLog.Commit c =
        CommitLog.at(lake, TableId.MANAGER_SCORECARD, lake.dataVersion(TableId.MANAGER_SCORECARD));
    return c != null && c.userMetadata() != null && c.userMetadata().endsWith(" " + inputs);
  }

  /** The scorecard of every year, or of {@code year} only, under {@code scoring}. */
  static Dataset<Row> scorecard(
      Lake lake,
      Inputs in,
      ScoringConfig scoring,
      boolean recomputeService,
      SegmentRules rules,
      Integer year) {
    Dataset<Row> perf = in.perfManager();
    Dataset<Row> primary = in.primary();
    if (year != null) {
      perf = perf.where(col("year").equalTo(year));
      primary = primary.where(col("year").equalTo(year));
    }
    Dataset<Row> service =
        recomputeService ? managerService(lake, scoring, rules, in.assigned()) : null;
    return ManagerScorecard.build(
        perf, primary, service, in.standards(), in.assignedDays(), scoring);
  }

  /**
   * Writes the official scorecard: every year, or, with closed years, every other year (their rows
   * and files stay as the close left them). The commit carries {@code note}.
   */
  static WriteResult writeOfficial(
      Lake lake,
      Dataset<Row> card,
      org.apache.spark.sql.types.StructType schema,
      java.util.Set<Integer> closed,
      String note) {
    String key = ScoreNote.USER_METADATA;
    var conf = lake.spark().conf();
    String before = conf.contains(key) ? conf.get(key) : null;
    conf.set(key, note);
    try {
      var write =
          lake.write(TableId.MANAGER_SCORECARD, card)
              .schema(schema)
              .partitionBy("year")
              .overwrite();
      if (closed.isEmpty()) {
        return write.overwriteSchema().commit();
      }
      return write.replaceWhere(ScoreNote.openYears(closed)).commit();
    } finally {
      if (before == null) {
        conf.unset(key);
      } else {
        conf.set(key, before);
      }
    }
  }

  /**
   * The adjustments of the closed years: each re-scored on today's data with its closed scoring
   * file, against its closed rows in manager_scorecard.
   */
  static Dataset<Row> closedYears(
      JobContext ctx, Inputs in, Map<Integer, PeriodClose.Closed> closed, SegmentRules rules) {
    Lake lake = ctx.lake();
    Dataset<Row> out = lake.spark().createDataFrame(List.of(), ScorecardAdjustment.SCHEMA);
    if (closed.isEmpty()) {
      return out;
    }
    ScoringConfig build = buildScoring(ctx);
    Dataset<Row> cards = lake.read(TableId.MANAGER_SCORECARD);
    Instant now = ctx.clock().instant();
    for (PeriodClose.Closed c : closed.values()) {
      ScoringConfig cfg = c.config();
      boolean recompute = build == null || !sameService(build, cfg);
      Dataset<Row> current = scorecard(lake, in, cfg, recompute, rules, c.year());
      Dataset<Row> frozen = cards.where(col("year").equalTo(c.year()));
      out = out.unionByName(ScorecardAdjustment.of(frozen, current, now));
    }
    return out;
  }

  private static ScoringConfig buildScoring(JobContext ctx) {
    try {
      return ScoringConfig.load(ctx.config().scoring().file());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** True when two scoring files give the same segments, classes and menus as the build used. */
  static boolean sameService(ScoringConfig a, ScoringConfig b) {
    return a.segmentA() == b.segmentA()
        && a.segmentB() == b.segmentB()
        && a.classes().equals(b.classes());
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
   * Active retailer versions clipped to the period range of the facts. A lake without facts (master
   * data landed first) has empty gold tables and gets an empty scorecard, as build writes empty
   * gold tables: nobody is assigned inside an empty range.
   */
  public static Dataset<Row> assignedIntervals(Lake lake) {
    Optional<PeriodRange> range =
        PeriodRange.ofPartitions(
            lake.read(TableId.FACT_SALES_LINE), lake.read(TableId.FACT_TOUCHPOINT));
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

  /**
   * Service compliance of each manager and year under the request's classes, menus and cut-offs.
   */
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
