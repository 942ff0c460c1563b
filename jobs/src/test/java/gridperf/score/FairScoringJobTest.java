package gridperf.score;

import static gridperf.score.ScoreFixtures.PERF_MANAGER;
import static gridperf.score.ScoreFixtures.year;
import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ConfigLoader;
import gridperf.config.ScoringConfig;
import gridperf.job.JobContext;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.silver.DimRetailer;
import gridperf.testing.SparkTestBase;
import java.sql.Date;
import java.time.Clock;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four fair-scoring settings, each alone and all together, worked by hand on one tiny lake
 * (docs/scoring.md, "Fair scoring", has the same cases). The data range is 2015-01 … 2015-12, so
 * 2015 has 365 days in range. Two components of weight 0.5 each, higher is better: attainment
 * (target_attainment) and structure (revenue_per_case).
 *
 * <pre>
 * manager  grid (market)  assigned from   days  attainment  revenue_per_case
 * U1       G1 urban       2014-01-01      365   1.2         300
 * U2       G1 urban       2014-01-01      365   1.0         200
 * U3       G2 urban       2014-01-01      365   NULL        400
 * P1       G1 urban       2015-10-01       92   1.1         150   (part-year: Oct 31 + Nov 30 + Dec 31)
 * N1       G2 urban       2015-12-01       31   2.0         500   (new in December)
 * T1       G3 town        2014-01-01      365   0.9         250   (alone in its market type)
 * </pre>
 *
 * Defaults: urban attainment (4 values) N1 100, U1 66.67, P1 33.33, U2 0, U3 NULL → 0; urban
 * structure (5 values) N1 100, U3 75, U1 50, U2 25, P1 0; T1 alone 100, 100. Composites N1 100, T1
 * 100, U1 58.33, U3 37.5, P1 16.67, U2 12.5; tiers over 6: A A B C C C.
 */
class FairScoringJobTest extends SparkTestBase {
  static Lake lake;

  @BeforeAll
  static void lake() {
    lake = new Lake(spark(), newDir("fair-lake").toString());
    lake.write(
            TableId.PERF_MANAGER,
            df(
                PERF_MANAGER,
                year("U1", 2015, 1, 1.2, null, 300.0, null, null, null, null),
                year("U2", 2015, 1, 1.0, null, 200.0, null, null, null, null),
                year("U3", 2015, 1, null, null, 400.0, null, null, null, null),
                year("P1", 2015, 1, 1.1, null, 150.0, null, null, null, null),
                year("N1", 2015, 1, 2.0, null, 500.0, null, null, null, null),
                year("T1", 2015, 1, 0.9, null, 250.0, null, null, null, null)))
        .commit();
    lake.write(
            TableId.DIM_RETAILER,
            df(
                DimRetailer.SCHEMA,
                retailer("r1", "2014-01-01", "G1", "U1", "urban"),
                retailer("r2", "2014-01-01", "G1", "U2", "urban"),
                retailer("r3", "2014-01-01", "G2", "U3", "urban"),
                retailer("r4", "2015-10-01", "G1", "P1", "urban"),
                retailer("r5", "2015-12-01", "G2", "N1", "urban"),
                retailer("r6", "2014-01-01", "G3", "T1", "town")))
        .commit();
    Dataset<Row> facts =
        df(
            StructType.fromDDL("order_date date, business_date date"),
            row(Date.valueOf("2015-01-10"), Date.valueOf("2015-12-20")));
    lake.write(TableId.FACT_SALES_LINE, facts.select("order_date")).commit();
    lake.write(TableId.FACT_TOUCHPOINT, facts.select("business_date")).commit();
    // no segments of 2014: service compliance is NULL for everyone (it is not scored here)
    lake.write(
            TableId.RETAILER_SEGMENT,
            df(
                StructType.fromDDL(
                    "retailer_code string, year int, market_type string,"
                        + " revenue_yuan decimal(28,2), segment string")))
        .commit();
    lake.write(
            TableId.SERVICE_VISITS,
            df(
                StructType.fromDDL(
                    "entity_type string, entity_code string, retailer_code string, year int,"
                        + " month int, visits long")))
        .commit();
  }

  static Row retailer(String code, String from, String grid, String manager, String market) {
    return row(
        code,
        Date.valueOf(from),
        null,
        code,
        "grocery",
        "small",
        5,
        grid,
        manager,
        "active",
        market);
  }

  /** Two components and the given fair-scoring lines. */
  static ScoringConfig scoring(String fair) {
    return ScoringConfig.parse(
        String.join(
            "\n",
            "components = [",
            "  { name = attainment, metric = target_attainment, weight = 0.5, better = higher }",
            "  { name = structure, metric = revenue_per_case, weight = 0.5, better = higher }",
            "]",
            "segments { a = 0.2, b = 0.5 }",
            "service_menu { A = 4, B = 2, C = 1 }",
            "tiers { a = 0.2, b = 0.5, c = 0.9 }",
            "base_bonus_yuan = 10000",
            "multipliers { A = 1.5, B = 1.2, C = 1.0, D = 0.6 }",
            fair),
        "fair-test.conf");
  }

  /**
   * Scores the lake as a what-if and returns its rows as "code market composite tier bonus eligible
   * days".
   */
  static List<String> score(String scenario, ScoringConfig cfg) {
    JobContext ctx =
        new JobContext(
            ConfigLoader.load(null, List.of()),
            spark(),
            lake,
            "test-" + scenario,
            Progress.silent("score"),
            Clock.systemUTC());
    ScoreJob.run(ctx, new ScoreJob.Request(cfg, scenario, true), SegmentRules.gold());
    return lake.read(TableId.SCORECARD_SCENARIO)
        .where("scenario = '" + scenario + "'")
        .orderBy("manager_code")
        .selectExpr(
            "concat_ws(' ', manager_code, coalesce(market_type, '-'),"
                + " coalesce(cast(composite as string), '-'), coalesce(tier, '-'),"
                + " coalesce(cast(bonus_yuan as string), '-'), cast(eligible as string),"
                + " cast(assigned_days as string))")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  @Test
  void defaultsScoreEveryoneInTheirMarketTypeWithNullAsZeroAndFullBonuses() {
    assertThat(score("defaults", scoring("")))
        .containsExactly(
            "N1 urban 100.0 A 15000.00 true 31",
            "P1 urban 16.67 C 10000.00 true 92",
            "T1 town 100.0 A 15000.00 true 365",
            "U1 urban 58.33 B 12000.00 true 365",
            "U2 urban 12.5 C 10000.00 true 365",
            "U3 urban 37.5 C 10000.00 true 365");
  }

  /**
   * missing = reweight: U3's attainment is NULL, so its composite is its structure points over
   * structure's weight, 37.5 / 0.5 = 75 (was 37.5). Ranks: N1, T1 100 (A); U3 75 rank 3, p = 2/6 →
   * B; U1 58.33 rank 4, p = .5 → C.
   */
  @Test
  void reweightLeavesANullComponentOutOfTheComposite() {
    assertThat(score("reweight", scoring("missing = reweight")))
        .containsExactly(
            "N1 urban 100.0 A 15000.00 true 31",
            "P1 urban 16.67 C 10000.00 true 92",
            "T1 town 100.0 A 15000.00 true 365",
            "U1 urban 58.33 C 10000.00 true 365",
            "U2 urban 12.5 C 10000.00 true 365",
            "U3 urban 75.0 B 12000.00 true 365");
    List<Row> u3 =
        lake.read(TableId.SCORECARD_SCENARIO)
            .where("scenario = 'reweight' AND manager_code = 'U3'")
            .select("attainment_score", "attainment_points", "structure_points")
            .collectAsList();
    assertThat(u3.get(0).<Double>getAs("attainment_score")).isNull();
    assertThat(u3.get(0).<Double>getAs("attainment_points")).isNull();
    assertThat(u3.get(0).<Double>getAs("structure_points")).isEqualTo(37.5);
  }

  /**
   * min_peer_group = 3: town has one eligible manager, so T1 is scored against all six. Its
   * attainment 0.9 is the lowest of five values → 0; its structure 250 has k = 3 of 6 → 100 × 2 / 5
   * = 40; composite 20. Urban (five) keeps its scores. Tiers over 6: N1 100 A, U1 58.33 (rank 2, p
   * = 1/6) A, U3 37.5 B, T1 20 C, P1 C, U2 C.
   */
  @Test
  void smallMarketTypeIsScoredAgainstAllEligibleManagers() {
    assertThat(score("peers", scoring("min_peer_group = 3")))
        .containsExactly(
            "N1 urban 100.0 A 15000.00 true 31",
            "P1 urban 16.67 C 10000.00 true 92",
            "T1 all 20.0 C 10000.00 true 365",
            "U1 urban 58.33 A 15000.00 true 365",
            "U2 urban 12.5 C 10000.00 true 365",
            "U3 urban 37.5 B 12000.00 true 365");
  }

  /**
   * min_assigned_days = 90: N1 (31 days) is not eligible: no peer group, score, tier or bonus.
   * Urban without N1: attainment U1 100, P1 50, U2 0 (U3 NULL → 0); structure U3 100, U1 66.67, U2
   * 33.33, P1 0. Composites U1 83.33, U3 50, P1 25, U2 16.67, T1 100; tiers over 5: T1 A, U1 (p =
   * .2) B, U3 (p = .4) B, P1 C, U2 C.
   */
  @Test
  void managerUnderMinAssignedDaysIsKeptButNotEligible() {
    assertThat(score("days", scoring("min_assigned_days = 90")))
        .containsExactly(
            "N1 - - - - false 31",
            "P1 urban 25.0 C 10000.00 true 92",
            "T1 town 100.0 A 15000.00 true 365",
            "U1 urban 83.33 B 12000.00 true 365",
            "U2 urban 16.67 C 10000.00 true 365",
            "U3 urban 50.0 B 12000.00 true 365");
    Row n1 =
        lake.read(TableId.SCORECARD_SCENARIO)
            .where("scenario = 'days' AND manager_code = 'N1'")
            .select("attainment_value", "attainment_score", "structure_value")
            .first();
    assertThat(n1.<Double>getAs("attainment_value")).isEqualTo(2.0);
    assertThat(n1.<Double>getAs("attainment_score")).isNull();
    assertThat(n1.<Double>getAs("structure_value")).isEqualTo(500.0);
  }

  /**
   * bonus_prorate: P1 (C) 10,000 × 92 / 365 = 2,520.547… → 2,520.55; N1 (A) 15,000 × 31 / 365 =
   * 1,273.972… → 1,273.97; full-year managers keep their bonus.
   */
  @Test
  void prorateMultipliesTheBonusByAssignedDaysOverDaysInRange() {
    assertThat(score("prorate", scoring("bonus_prorate = true")))
        .containsExactly(
            "N1 urban 100.0 A 1273.97 true 31",
            "P1 urban 16.67 C 2520.55 true 92",
            "T1 town 100.0 A 15000.00 true 365",
            "U1 urban 58.33 B 12000.00 true 365",
            "U2 urban 12.5 C 10000.00 true 365",
            "U3 urban 37.5 C 10000.00 true 365");
  }

  /**
   * All four (as conf/scoring-fair.conf): N1 not eligible; urban has 4 eligible (≥ 3) and keeps its
   * group; T1 against the 5 eligible: attainment 0.9 lowest of 4 → 0, structure 250 k = 3 of 5 →
   * 50, composite 25. U3 re-weighted: structure 100 → 100. U1 83.33, P1 25, U2 16.67. Tiers over 5:
   * U3 A, U1 (p = .2) B, P1 and T1 tie at rank 3 (p = .4) B, U2 C. P1's bonus 12,000 × 92 / 365 =
   * 3,024.657… → 3,024.66. The statement names each rule that applied.
   */
  @Test
  void allFourTogetherAndTheStatementExplainsEach() {
    ScoringConfig fair =
        scoring(
            "missing = reweight\nmin_peer_group = 3\nmin_assigned_days = 90\nbonus_prorate = true");
    assertThat(score("fair", fair))
        .containsExactly(
            "N1 - - - - false 31",
            "P1 urban 25.0 B 3024.66 true 92",
            "T1 all 25.0 B 12000.00 true 365",
            "U1 urban 83.33 B 12000.00 true 365",
            "U2 urban 16.67 C 10000.00 true 365",
            "U3 urban 100.0 A 15000.00 true 365");
    assertThat(statement(fair, "N1"))
        .contains("Not eligible: assigned on 31 days of 2015, fewer than min_assigned_days 90")
        .contains("No tier")
        .contains("No bonus");
    assertThat(statement(fair, "T1"))
        .contains(
            "Left out of its peer group: the market type of G3 had fewer than"
                + " min_peer_group 3 eligible managers in 2015, so it is scored against all 5"
                + " eligible managers of the year (market_type = all)");
    assertThat(statement(fair, "U3"))
        .contains(
            "Re-weighted: attainment has no value and is left out; composite = Σ points /"
                + " Σ weight over the other components (weight 0.5 of 1)");
    assertThat(statement(fair, "P1"))
        .contains(
            "Pro-rated: 12,000.00 × 92 assigned days / 365 days of 2015 in the data range"
                + " = 3,024.66 yuan");
    assertThat(statement(fair, "U1"))
        .doesNotContain("Pro-rated")
        .doesNotContain("Re-weighted")
        .doesNotContain("Left out");
  }

  static String statement(ScoringConfig cfg, String manager) {
    return ManagerStatement.render(
        StatementReader.read(lake, cfg, manager, 2015, "fair", SegmentRules.gold()));
  }
}
