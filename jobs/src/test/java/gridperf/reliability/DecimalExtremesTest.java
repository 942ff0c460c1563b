package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Amounts at the largest accepted magnitude (10^16 − 0.01, decimal(18,2)) summed over many lines.
 * Every total — perf_manager, perf_grid, perf_cube, retailer_segment at M, Q and Y — is the exact
 * decimal (about 10^19, beyond a long and beyond a double's 16 digits), returns cancel to the fen,
 * and 10^16 itself is quarantined OUT_OF_RANGE rather than overflowing.
 */
class DecimalExtremesTest extends ReliabilityBase {
  static final BigDecimal MAX = new BigDecimal("9999999999999999.99");
  static final int LINES = 1500;

  private static Lake lake;
  private static BigDecimal march;
  private static BigDecimal april;
  private static BigDecimal year;

  @BeforeAll
  static void hugeAmountsIngestedAndBuilt() {
    Path landing = newDir("landing");
    TinyLanding.master(landing);
    List<String> lines = new ArrayList<>();
    lines.add(TinyLanding.SALES);
    march = BigDecimal.ZERO;
    for (int i = 1; i <= LINES; i++) {
      lines.add(
          "X"
              + i
              + ",1,2014-03-"
              + (1 + i % 28 < 10 ? "0" : "")
              + (1 + i % 28)
              + ",R1,S3,1,"
              + MAX.toPlainString());
      march = march.add(MAX);
    }
    // a return of one huge line and one fen: a double sum would lose the fen
    lines.add("X0,1,2014-03-30,R1,S3,-1,-" + MAX.toPlainString());
    lines.add("X0,2,2014-03-30,R1,S3,1,0.01");
    march = march.subtract(MAX).add(new BigDecimal("0.01"));
    lines.add("X0,3,2014-04-01,R1,S3,1,10000000000000000.00");
    lines.add("X0,4,2014-04-01,R1,S3,1,0.02");
    write(landing, "sales/2014/huge.csv", lines.toArray(new String[0]));
    lake = newLake();
    ingest(lake, landing);
    build(lake);
    april = new BigDecimal("0.02");
    year = march.add(april);
  }

  @Test
  void anAmountOfTenToTheSixteenthIsQuarantinedOutOfRange() {
    assertThat(
            lake.read(TableId.QUARANTINE)
                .selectExpr("concat_ws(':', source_file, line_no, reason) AS at_reason")
                .collectAsList())
        .extracting(r -> r.<String>getAs("at_reason"))
        .containsExactly("sales/2014/huge.csv:" + (LINES + 4) + ":OUT_OF_RANGE");
  }

  @Test
  void perfManagerSumsHugeAmountsExactlyAtEveryPeriod() {
    assertThat(march.toPlainString()).isEqualTo("14989999999999999985.02");
    assertThat(revenue(lake, TableId.PERF_MANAGER, "manager_code = 'M1'", "2014-03"))
        .isEqualTo(march);
    assertThat(revenue(lake, TableId.PERF_MANAGER, "manager_code = 'M1'", "2014-04"))
        .isEqualTo(april);
    assertThat(revenue(lake, TableId.PERF_MANAGER, "manager_code = 'M1'", "2014-Q1"))
        .isEqualTo(march);
    assertThat(revenue(lake, TableId.PERF_MANAGER, "manager_code = 'M1'", "2014")).isEqualTo(year);
  }

  @Test
  void gridCategoryCubeAndSegmentYearTotalsAreExactToo() {
    assertThat(revenue(lake, TableId.PERF_GRID, "grid_code = 'G1'", "2014")).isEqualTo(year);
    assertThat(
            revenue(lake, TableId.PERF_CATEGORY, "format = 'grocery' AND scale = 'medium'", "2014"))
        .isEqualTo(year);
    assertThat(revenue(lake, TableId.PERF_CUBE, "grouping_id = 63", "2014")).isEqualTo(year);
    Row seg =
        lake.read(TableId.RETAILER_SEGMENT).filter("retailer_code = 'R1' AND year = 2014").first();
    assertThat((BigDecimal) seg.getAs("revenue_yuan")).isEqualTo(year);
  }

  @Test
  void revenueIsStoredAsDecimalOfTwentyEightDigits() {
    assertThat(
            lake.read(TableId.PERF_MANAGER)
                .schema()
                .apply("revenue_yuan")
                .dataType()
                .simpleString())
        .isEqualTo("decimal(28,2)");
  }

  static BigDecimal revenue(Lake lake, TableId t, String entity, String period) {
    List<Row> r =
        lake.read(t)
            .filter(entity + " AND period = '" + period + "'")
            .select("revenue_yuan")
            .collectAsList();
    assertThat(r).as(t.tableName() + " " + entity + " " + period).hasSize(1);
    return r.get(0).getAs("revenue_yuan");
  }
}
