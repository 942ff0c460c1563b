package gridperf.docs;

import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;
import gridperf.score.ManagerScorecard;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Dictionary entries of the scorecard tables (docs/contract.md, Manager scorecard), written by
 * {@code score}. Their schemas follow the components of the scoring file ({@link
 * ManagerScorecard#schema}, enforced when the score job writes); listed here for the official
 * {@code conf/scoring.conf}.
 */
public final class ScoreTables {
  /** The official components, in the scoring file's order: name, metric, better. */
  private static final List<String[]> COMPONENTS =
      List.of(
          new String[] {"attainment", "target_attainment", "higher"},
          new String[] {"growth", "volume_yoy", "higher"},
          new String[] {"structure", "revenue_per_case", "higher"},
          new String[] {"activity", "order_rate", "higher"},
          new String[] {"service", "service_compliance", "higher"},
          new String[] {"experience", "peak_end_avg", "higher"},
          new String[] {"complaints", "complaints_per_100", "lower"});

  /** manager_scorecard's columns for the official components. */
  public static final StructType MANAGER_SCORECARD_SCHEMA =
      ManagerScorecard.schema(COMPONENTS.stream().map(c -> c[0]).toList(), true);

  /** scorecard_scenario's columns for the official components. */
  public static final StructType SCORECARD_SCENARIO_SCHEMA =
      gridperf.score.ScorecardScenario.schema(MANAGER_SCORECARD_SCHEMA);

  private ScoreTables() {}

  private static TableDefinition fair(TableDefinition d) {
    return d.column(
            "eligible",
            "assigned on at least min_assigned_days days of the year (default"
                + " 0: always true); an ineligible manager keeps its values with NULL scores, points,"
                + " composite, tier and bonus, and market_type NULL")
        .column(
            "assigned_days",
            "distinct days of the year inside the data range with at least"
                + " one retailer assigned to the manager")
        .rule(
            "Fair-scoring settings of the scoring file: missing = reweight leaves NULL"
                + " components out of the composite; a market type with fewer eligible managers than"
                + " min_peer_group is scored against all eligible managers (market_type = all);"
                + " bonus_prorate multiplies the bonus by assigned_days / days of the year in range.");
  }

  private static TableDefinition card(TableDefinition d) {
    for (String[] c : COMPONENTS) {
      d =
          d.column(c[0] + "_value", "the manager's Y-row " + c[1] + " (" + c[2] + " is better)")
              .column(
                  c[0] + "_score",
                  "100 × (k − 1) / (n − 1) within the peer group: n non-NULL values,"
                      + " k of them no better; n = 1 scores 100; NULL scores 0")
              .column(c[0] + "_points", "weight × " + c[0] + "_score");
    }
    return d.sources(
            "perf_manager (Y rows)",
            "dim_retailer (primary grid)",
            "conf/scoring.conf",
            "service_standards (Y rows)",
            "retailer_segment and service_visits (what-if only)")
        .partitionedBy("year")
        .rule(
            "Columns per component follow the scoring file; listed here for the official"
                + " conf/scoring.conf (weights 0.25, 0.15, 0.15, 0.10, 0.15, 0.10, 0.10).")
        .rule(
            "Tier by rank = 1 + the number of managers of the year with a strictly higher"
                + " composite, p = (rank − 1) / n: A if p < 0.2, B if p < 0.5, C if p < 0.9, else D.")
        .column("manager_code", "account manager")
        .column("year", "scored year")
        .column("market_type", "peer group: market type of the primary grid")
        .column(
            "primary_grid_code",
            "grid of most of the manager's assigned retailer-days in the"
                + " year (ties grid_code ascending)")
        .column("composite", "Σ points / Σ weight, rounded half-up to 2 decimals")
        .rule(
            "Standards gate (standards.gate_tier, default none): a manager whose service_standards"
                + " year row misses the standards gets at best the gate tier; nobody else moves.")
        .column("tier", "A, B, C or D: the worse of ranked_tier and the gate")
        .column(
            "bonus_yuan",
            "base bonus × the tier's multiplier (defaults 10,000 yuan × 1.5 / 1.2 / 1.0 / 0.6)")
        .column("ranked_tier", "the tier from the composite alone, before the standards gate")
        .column(
            "standards_met",
            "service_standards' standards_met of the manager's year, judged"
                + " with the scoring file's min_self_check_month_share and min_spot_pass_rate")
        .apply(ScoreTables::fair);
  }

  static final TableDefinition MANAGER_SCORECARD =
      TableDefinition.of(TableId.MANAGER_SCORECARD, MANAGER_SCORECARD_SCHEMA)
          .apply(ScoreTables::card)
          .grain("one row per manager and year with at least one assigned retailer in the year")
          .keys("manager_code", "year")
          .rule(
              "The official scorecard: `score` without `--scenario` overwrites it, except the"
                  + " rows of years closed in period_close, which stay as they were at the close.");

  static final TableDefinition SCORECARD_ADJUSTMENT =
      TableDefinition.of(TableId.SCORECARD_ADJUSTMENT, gridperf.score.ScorecardAdjustment.SCHEMA)
          .grain(
              "one row per manager and closed year whose composite, tier or bonus differs"
                  + " between the closed scorecard and the year re-scored on today's data with the"
                  + " closed scoring file, or who is on one side only")
          .keys("manager_code", "year")
          .partitionedBy("year")
          .sources(
              "manager_scorecard (closed rows)",
              "period_close (closed scoring file)",
              "perf_manager, dim_retailer (today's data)")
          .rule(
              "Every official `score` rewrites the table for the years closed at that time: a"
                  + " year's earlier adjustment rows are replaced; a reopened year has none.")
          .rule("Closed bonus total + Σ bonus_delta_yuan = the re-scored bonus total of the year.")
          .column("manager_code", "account manager")
          .column("year", "closed year")
          .column("closed_composite", "composite in the closed scorecard (NULL: not in it)")
          .column("current_composite", "composite re-scored today (NULL: not scored today)")
          .column("closed_tier", "tier in the closed scorecard")
          .column("current_tier", "tier re-scored today")
          .column("closed_bonus_yuan", "bonus in the closed scorecard")
          .column("current_bonus_yuan", "bonus re-scored today")
          .column("bonus_delta_yuan", "current − closed bonus, a NULL side counting 0")
          .column("computed_at", "when the score run computed the row");

  static final TableDefinition SCORECARD_SCENARIO =
      TableDefinition.of(TableId.SCORECARD_SCENARIO, SCORECARD_SCENARIO_SCHEMA)
          .apply(ScoreTables::card)
          .grain("one row per what-if scenario, manager and year")
          .keys("scenario", "manager_code", "year")
          .partitionedBy("scenario")
          .rule(
              "`score --scenario NAME --scoring FILE` replaces that scenario's rows only; segments"
                  + " and service_compliance are recomputed under its menu and cut-offs. Compare with"
                  + " manager_scorecard on (manager_code, year).")
          .column("scenario", "the what-if's name (partition)");
}
