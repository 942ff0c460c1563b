package gridperf.gold;

import static gridperf.gold.Silver.sale;
import static gridperf.gold.Silver.target;
import static gridperf.gold.Silver.tp;
import static gridperf.gold.Silver.v;
import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ScoringConfig;
import gridperf.silver.DimRetailer;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTarget;
import gridperf.silver.FactTouchpoint;
import gridperf.testing.SparkTestBase;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric (docs/contract.md, Metrics) on hand-written silver rows, compared as whole rows with
 * the golden {@value #MANAGER}. The story:
 *
 * <ul>
 *   <li>R1 is with G1/M1 (urban) until 14 Feb 2014 and with G2/M2 (town) from 15 Feb: a mid-month
 *       reassignment.
 *   <li>R2 (G1/M1) is closed from 2 Jan 2014: assigned one day of 2014-Q1; its only 2014 sale is a
 *       return (−50 cartons of class 2) on that day; a visit on its closed version in February is
 *       credited to M1 but R2 is not assigned in February.
 *   <li>The range is 2013-12 (first sale) to 2014-03 (last touchpoint); 2013 has no prior year; M2
 *       has no sale in March (a row with zeros) and M1 no target in February (Q1 target NULL).
 *   <li>Ratings of R1 for M1: 5 (Jan 10), 1 (Jan 20), 4 (Feb 1): January's peak is the later of the
 *       tied 5 and 1 (1, end 1 → 1.0); Q1's peak is 1 and end 4 → 2.5.
 *   <li>Segments 2013 (urban): R1 40,000 yuan → A, R2 0 → C (p = 0.5); service 2014: M1 pairs R1
 *       Jan (1 visit &lt; 4), R1 Feb (1 &lt; 4), R2 Jan (1 ≥ 1) → 1/3; M2 pairs R1 Feb (0), Mar (1)
 *       → 0.
 * </ul>
 */
class PerfTablesTest extends SparkTestBase {
  static final Silver.V R1A = v("R1", "2013-01-01", "2014-02-15", "G1", "M1", "urban");
  static final Silver.V R1B = v("R1", "2014-02-15", null, "G2", "M2", "town");
  static final Silver.V R2A = v("R2", "2013-01-01", "2014-01-02", "G1", "M1", "urban");
  static final Silver.V R2B =
      new Silver.V("R2", "2014-01-02", null, "G1", "M1", "grocery", "urban", "small", "closed");

  static Monthly in;
  static Dataset<Row> compliance;
  static final ScoringConfig CFG = ScoringConfig.defaults();

  static Dataset<Row> retailers() {
    return df(DimRetailer.SCHEMA, R1A.row(), R1B.row(), R2A.row(), R2B.row());
  }

  static Dataset<Row> sales() {
    return df(
        FactSalesLine.SCHEMA,
        sale("S1", "2013-12-10", R1A, 1, 500, "40000.00"),
        sale("S2", "2014-01-05", R1A, 3, 250, "10000.00"),
        sale("S3", "2014-01-01", R2A, 2, -50, "-4000.00"),
        sale("S4", "2014-02-20", R1B, 1, 250, "20000.00"));
  }

  static Dataset<Row> touchpoints() {
    Double[] full = {5.0, 4.0, 4.0};
    Double[] partial = {3.0, 3.0, null};
    return df(
        FactTouchpoint.SCHEMA,
        tp("T1", "2014-01-10T10:00", R1A, "visit", 5, full, null),
        tp("T2", "2014-01-20T10:00", R1A, "phone", 1, null, null),
        tp("T8", "2014-01-01T09:00", R2A, "visit", null, null, null),
        tp("T3", "2014-02-01T10:00", R1A, "visit", 4, null, null),
        tp("T4", "2014-02-10T10:00", R1A, "complaint", null, null, true),
        tp("T7", "2014-02-12T10:00", R2B, "visit", 2, null, null),
        tp("T5", "2014-03-05T10:00", R1B, "complaint", null, null, false),
        tp("T6", "2014-03-06T10:00", R1B, "visit", null, partial, null));
  }

  static Dataset<Row> targets() {
    return df(
        FactTarget.SCHEMA,
        target(2013, 12, "M1", "4"),
        target(2014, 1, "M1", "2"),
        target(2014, 2, "M2", "1"),
        target(2014, 3, "M2", "1"),
        target(2014, 4, "M1", "99"));
  }

  @BeforeAll
  static void compute() {
    PeriodRange range = new PeriodRange(YearMonth.of(2013, 12), YearMonth.of(2014, 3));
    in = Monthly.of(sales(), touchpoints(), retailers(), range);
    compliance =
        ServiceVisits.serviceCompliance(
            ServiceVisits.build(in), RetailerSegment.build(in, CFG), CFG);
  }

  /**
   * perf_manager of these rows, hand-computed, one golden file with {@link GoldBuildTest}, which
   * builds the same rows through the lake.
   */
  static final String MANAGER = "build/perf_manager.csv";

  /** Asserts {@code got} has {@code want}'s columns, in order, and exactly its rows. */
  private static void assertWholeRows(Dataset<Row> got, Golden.Table want, int keyColumns) {
    assertThat(got.columns()).containsExactlyElementsOf(want.columns());
    assertThat(got.count()).as(want.name() + " rows").isEqualTo(want.rows().size());
    Golden.assertMatches(got, want, keyColumns);
  }

  @Test
  void perfManagerHasEveryMetricPerPeriod() throws IOException {
    assertWholeRows(PerfManager.build(in, null, targets(), compliance), Golden.read(MANAGER), 3);
  }

  @Test
  void perfGridSharesTheDefinitionWithoutTargets() throws IOException {
    // G1 is M1's grid, G2 M2's
    Golden.Table grid =
        Golden.read(MANAGER)
            .without("target_cases", "target_attainment")
            .replace(
                "manager_code", List.of("grid_code"), m -> List.of(m.equals("M1") ? "G1" : "G2"));
    assertWholeRows(PerfGrid.build(in, null, compliance), grid, 3);
  }

  @Test
  void perfCategorySharesTheDefinitionWithoutTargetsOrCompliance() throws IOException {
    // every retailer is a small grocery; M1's are urban, M2's town
    Golden.Table category =
        Golden.read(MANAGER)
            .without("target_cases", "target_attainment", "service_compliance")
            .replace(
                "manager_code",
                List.of("format", "market_type", "scale"),
                m -> List.of("grocery", m.equals("M1") ? "urban" : "town", "small"));
    assertWholeRows(PerfCategory.build(in, null), category, 5);
  }

  @Test
  void volumeYoyReadsStoredPriorRowsOfYearsNotRecomputed() {
    Monthly only2014 = in.where(org.apache.spark.sql.functions.col("year").equalTo(2014));
    Dataset<Row> stored = PerfManager.build(in, null, targets(), compliance).where("year = 2013");
    Dataset<Row> got =
        PerfManager.build(only2014, stored, targets(), compliance)
            .where("manager_code = 'M1' AND period_type = 'Y'")
            .select("period", "volume_yoy");
    assertRows(got, row("2014", 0.8 / 2.0 - 1));
  }
}
