package gridperf.score;

import static gridperf.score.ScoreFixtures.PERF_MANAGER;
import static gridperf.score.ScoreFixtures.PRIMARY_GRID;
import static gridperf.score.ScoreFixtures.grid;
import static gridperf.score.ScoreFixtures.year;
import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ScoringConfig;
import gridperf.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ManagerScorecardTest extends SparkTestBase {
  private static final ScoringConfig CFG = ScoringConfig.defaults();
  private static final double TWO_THIRDS = 100.0 * 2 / 3;
  private static final BigDecimal A = new BigDecimal("15000.00");
  private static final BigDecimal B = new BigDecimal("12000.00");
  private static final BigDecimal C = new BigDecimal("10000.00");
  private static final BigDecimal D = new BigDecimal("6000.00");

  /**
   * Urban U1–U4 share a peer group; rural R1 is alone. Values per component (attainment, growth,
   * structure, activity, service, experience, complaints — the last lower is better): U1 1, NULL,
   * 100, 1, .5, 4, 0; U2 2, .1, 100, .5, NULL, 4, 10; U3 2, −.2, 200, .5, .5, NULL, 10; U4 NULL,
   * .3, 50, .25, 1, 3.5, 20; R1 .5, NULL, 80, 1, 0, 5, 50.
   */
  @Test
  void scoresPeerGroupsWithTiesNullsAloneAndLowerIsBetter() {
    Dataset<Row> pm =
        df(
            PERF_MANAGER,
            year("U1", 2014, 3, 1.0, null, 100.0, 1.0, 0.5, 4.0, 0.0),
            year("U2", 2014, 3, 2.0, 0.1, 100.0, 0.5, null, 4.0, 10.0),
            year("U3", 2014, 3, 2.0, -0.2, 200.0, 0.5, 0.5, null, 10.0),
            year("U4", 2014, 3, null, 0.3, 50.0, 0.25, 1.0, 3.5, 20.0),
            year("R1", 2014, 1, 0.5, null, 80.0, 1.0, 0.0, 5.0, 50.0),
            // no assigned retailer: not scored
            year("X9", 2014, 0, 9.0, 9.0, 9.0, 1.0, 1.0, 5.0, 0.0));
    Dataset<Row> grids =
        df(
            PRIMARY_GRID,
            grid("U1", 2014, "G1", "urban"),
            grid("U2", 2014, "G1", "urban"),
            grid("U3", 2014, "G2", "urban"),
            grid("U4", 2014, "G2", "urban"),
            grid("R1", 2014, "G9", "rural"));
    Dataset<Row> card = ManagerScorecard.build(pm, grids, null, CFG);
    assertThat(card.columns())
        .containsExactlyElementsOf(ManagerScorecard.columnNames(CFG.components()));
    // U1: attainment k=1 of 3 → 0; growth NULL → 0; structure k=3 of 4 → 66.67; activity 100;
    // service k=2 of 3 → 50; experience k=3 of 3 → 100; complaints: 4 of 4 no better than 0 → 100.
    // composite 0 + 0 + 10 + 10 + 7.5 + 10 + 10 = 47.5; rank 4 of 5, p = .6 → C.
    assertRows(
        card,
        row(
            "U1",
            2014,
            "urban",
            "G1",
            1.0,
            0.0,
            0.0,
            null,
            0.0,
            0.0,
            100.0,
            TWO_THIRDS,
            0.15 * TWO_THIRDS,
            1.0,
            100.0,
            10.0,
            0.5,
            50.0,
            7.5,
            4.0,
            100.0,
            10.0,
            0.0,
            100.0,
            10.0,
            47.5,
            "C",
            C,
            "C",
            null),
        // U2: 100, 50 (k=2 of 3), 66.67, 66.67, NULL → 0, 100, 66.67 (3 of 4 are ≥ 10)
        // 25 + 7.5 + 10 + 6.67 + 0 + 10 + 6.67 = 65.83; rank 2, p = .2 exactly → B.
        row(
            "U2",
            2014,
            "urban",
            "G1",
            2.0,
            100.0,
            25.0,
            0.1,
            50.0,
            7.5,
            100.0,
            TWO_THIRDS,
            0.15 * TWO_THIRDS,
            0.5,
            TWO_THIRDS,
            0.1 * TWO_THIRDS,
            null,
            0.0,
            0.0,
            4.0,
            100.0,
            10.0,
            10.0,
            TWO_THIRDS,
            0.1 * TWO_THIRDS,
            65.83,
            "B",
            B,
            "B",
            null),
        // U3: 100, 0, 100, 66.67, 50, NULL → 0, 66.67 → 60.83; rank 3, p = .4 → B.
        row(
            "U3",
            2014,
            "urban",
            "G2",
            2.0,
            100.0,
            25.0,
            -0.2,
            0.0,
            0.0,
            200.0,
            100.0,
            15.0,
            0.5,
            TWO_THIRDS,
            0.1 * TWO_THIRDS,
            0.5,
            50.0,
            7.5,
            null,
            0.0,
            0.0,
            10.0,
            TWO_THIRDS,
            0.1 * TWO_THIRDS,
            60.83,
            "B",
            B,
            "B",
            null),
        // U4: NULL → 0, 100, 0, 0, 100, 0 (k=1 of 3), 0 (worst) → 30; rank 5, p = .8 → C.
        row(
            "U4", 2014, "urban", "G2", null, 0.0, 0.0, 0.3, 100.0, 15.0, 50.0, 0.0, 0.0, 0.25, 0.0,
            0.0, 1.0, 100.0, 15.0, 3.5, 0.0, 0.0, 20.0, 0.0, 0.0, 30.0, "C", C, "C", null),
        // R1 alone: every non-NULL value scores 100, growth NULL 0 → 85; rank 1 → A.
        row(
            "R1", 2014, "rural", "G9", 0.5, 100.0, 25.0, null, 0.0, 0.0, 80.0, 100.0, 15.0, 1.0,
            100.0, 10.0, 0.0, 100.0, 15.0, 5.0, 100.0, 10.0, 50.0, 100.0, 10.0, 85.0, "A", A, "A",
            null));
  }

  /**
   * Ten managers alone in ten peer groups with distinct composites: positions 0, .1, …, .9, so the
   * cut-offs fall exactly on p = .2 (B), .5 (C) and .9 (D); a year of ties is all A.
   */
  @Test
  void tiersCutExactlyAtTwentyFiftyNinetyPercentAndTiesShareTheBetterTier() {
    Row[] rows = new Row[15];
    Row[] grids = new Row[15];
    for (int i = 1; i <= 10; i++) {
      // only attainment varies: values i in one urban group score 100 (i − 1) / 9
      rows[i - 1] =
          year(String.format("M%02d", i), 2014, 1, (double) i, null, 100.0, 1.0, null, null, 0.0);
      grids[i - 1] = grid(String.format("M%02d", i), 2014, "G1", "urban");
    }
    for (int i = 11; i <= 15; i++) {
      rows[i - 1] = year("M" + i, 2015, 1, null, null, 100.0, 1.0, null, null, 0.0);
      grids[i - 1] = grid("M" + i, 2015, "G1", "urban");
    }
    Dataset<Row> card =
        ManagerScorecard.build(df(PERF_MANAGER, rows), df(PRIMARY_GRID, grids), null, CFG)
            .select("manager_code", "year", "composite", "tier", "bonus_yuan");
    assertRows(
        card,
        row("M10", 2014, 60.0, "A", A),
        row("M09", 2014, 57.22, "A", A),
        row("M08", 2014, 54.44, "B", B), // p = .2
        row("M07", 2014, 51.67, "B", B),
        row("M06", 2014, 48.89, "B", B),
        row("M05", 2014, 46.11, "C", C), // p = .5
        row("M04", 2014, 43.33, "C", C),
        row("M03", 2014, 40.56, "C", C),
        row("M02", 2014, 37.78, "C", C),
        row("M01", 2014, 35.0, "D", D), // p = .9
        row("M11", 2015, 35.0, "A", A),
        row("M12", 2015, 35.0, "A", A),
        row("M13", 2015, 35.0, "A", A),
        row("M14", 2015, 35.0, "A", A),
        row("M15", 2015, 35.0, "A", A));
  }

  @Test
  void whatIfServiceComplianceReplacesPerfManagersColumn() {
    Dataset<Row> pm =
        df(
            PERF_MANAGER,
            year("U1", 2015, 2, null, null, null, null, 0.9, null, null),
            year("U2", 2015, 2, null, null, null, null, 0.1, null, null));
    Dataset<Row> grids =
        df(PRIMARY_GRID, grid("U1", 2015, "G1", "urban"), grid("U2", 2015, "G1", "urban"));
    Dataset<Row> service =
        df(
            new org.apache.spark.sql.types.StructType()
                .add("manager_code", "string")
                .add("year", "int")
                .add("service_compliance", "double"),
            row("U2", 2015, 0.5));
    List<Row> got =
        ManagerScorecard.build(pm, grids, service, CFG)
            .select("manager_code", "service_value", "service_score", "composite")
            .orderBy("manager_code")
            .collectAsList();
    // U1 has no recomputed pairs: NULL → 0; U2 alone non-NULL → 100 × .15 / Σ weights = 15.
    assertThat(got.toString()).isEqualTo("[[U1,null,0.0,0.0], [U2,0.5,100.0,15.0]]");
  }

  /**
   * The ten managers of the cut-off test (M10, M09 A; M08–M06 B; M05–M02 C; M01 D) with their
   * service_standards year rows: M10 met 11 of 12 months (false), M09 12 of 12 with no spot check
   * (true), M07 12 of 12 but 8 of 10 spot checks = 0.8 (false), M05 and M01 false.
   */
  private static Dataset<Row> tenManagersWithStandards(ScoringConfig cfg) {
    Row[] rows = new Row[10];
    Row[] grids = new Row[10];
    for (int i = 1; i <= 10; i++) {
      rows[i - 1] =
          year(String.format("M%02d", i), 2014, 1, (double) i, null, 100.0, 1.0, null, null, 0.0);
      grids[i - 1] = grid(String.format("M%02d", i), 2014, "G1", "urban");
    }
    org.apache.spark.sql.types.StructType std =
        org.apache.spark.sql.types.StructType.fromDDL(
            "manager_code string, period_type string, period string, year int, months_assigned int,"
                + " self_check_months_met int, spot_check_pass_rate double");
    Dataset<Row> standards =
        df(
            std,
            row("M10", "Y", "2014", 2014, 12, 11, null),
            row("M10", "M", "2014-01", 2014, 1, 1, null),
            row("M09", "Y", "2014", 2014, 12, 12, null),
            row("M08", "Y", "2014", 2014, 12, 12, 0.9),
            row("M07", "Y", "2014", 2014, 12, 12, 0.8),
            row("M06", "Y", "2014", 2014, 0, 0, 0.1),
            row("M05", "Y", "2014", 2014, 12, 0, null),
            row("M04", "Y", "2014", 2014, 12, 12, null),
            row("M03", "Y", "2014", 2014, 12, 12, null),
            row("M02", "Y", "2014", 2014, 12, 12, null),
            row("M01", "Y", "2014", 2014, 12, 3, null));
    return ManagerScorecard.build(
        df(PERF_MANAGER, rows), df(PRIMARY_GRID, grids), null, standards, null, cfg);
  }

  /**
   * With standards.gate_tier = B only M10 moves (A → B, bonus 12,000); M07 is already B, M05 C and
   * M01 D (worse than the gate); nobody is re-ranked.
   */
  @Test
  void gateCapsOnlyManagersMissingTheirStandardsAndTheBonusFollowsTheTier() {
    ScoringConfig gated =
        new ScoringConfig(
            CFG.components(),
            CFG.segmentA(),
            CFG.segmentB(),
            CFG.classes(),
            CFG.tierA(),
            CFG.tierB(),
            CFG.tierC(),
            CFG.baseBonusYuan(),
            CFG.multipliers(),
            "gate B",
            new gridperf.config.StandardsConfig(2, 1.0, 0.9, "B"),
            CFG.integrity(),
            CFG.fair());
    assertRows(
        tenManagersWithStandards(gated)
            .select("manager_code", "tier", "bonus_yuan", "ranked_tier", "standards_met"),
        row("M10", "B", B, "A", false),
        row("M09", "A", A, "A", true),
        row("M08", "B", B, "B", true), // 0.9 ≥ 0.90
        row("M07", "B", B, "B", false),
        row("M06", "B", B, "B", true), // no assigned month: met
        row("M05", "C", C, "C", false),
        row("M04", "C", C, "C", true),
        row("M03", "C", C, "C", true),
        row("M02", "C", C, "C", true),
        row("M01", "D", D, "D", false));
  }

  /** With the default gate (none) the tier is the ranked tier, standards missed or not. */
  @Test
  void withoutAGateAManagerMissingTheStandardsKeepsTheRankedTierAndBonus() {
    Dataset<Row> card = tenManagersWithStandards(CFG);
    assertThat(card.where("tier <> ranked_tier").collectAsList()).isEmpty();
    assertThat(
            card.where("manager_code = 'M10'")
                .select("tier", "bonus_yuan", "standards_met")
                .first()
                .toString())
        .isEqualTo("[A,15000.00,false]");
  }
}
