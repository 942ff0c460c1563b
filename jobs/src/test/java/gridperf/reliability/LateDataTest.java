package gridperf.reliability;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.input_file_name;
import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Late sales for the closed month 2014-03. The next ingest + build + score rebuild 2014-03,
 * 2014-Q1, 2014 and the periods a year later that read them (volume_yoy of 2015-03, 2015-Q1, 2015)
 * and the scorecard; every other period keeps the very same files and rows (time travel to the
 * version before). That the incremental result equals a full rebuild is proven by GoldBuildTest and
 * IngestScenariosTest.
 */
class LateDataTest extends ReliabilityBase {
  static final Set<String> REBUILT =
      Set.of("M|2014-03", "Q|2014-Q1", "Y|2014", "M|2015-03", "Q|2015-Q1", "Y|2015");
  static final List<TableId> PERIOD_TABLES =
      List.of(TableId.PERF_MANAGER, TableId.PERF_GRID, TableId.PERF_CATEGORY, TableId.PERF_CUBE);

  private static Lake lake;
  private static Map<TableId, Long> before;
  private static BigDecimal m1Before;
  private static BigDecimal m2Before;
  private static Object yoyBefore;

  /** period → files holding it, at a version of a table. */
  static Map<String, Set<String>> filesByPeriod(Dataset<Row> d) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Row r :
        d.select(
                concat_ws("|", col("period_type"), col("period")).as("period"),
                input_file_name().as("file"))
            .distinct()
            .collectAsList()) {
      out.computeIfAbsent(r.getAs("period"), k -> new TreeSet<>()).add(r.getAs("file"));
    }
    return out;
  }

  static Dataset<Row> at(Lake lake, TableId t, long version) {
    return spark().read().format("delta").option("versionAsOf", version).load(lake.path(t));
  }

  static BigDecimal revenue(Lake lake, String manager, String period) {
    return lake.read(TableId.PERF_MANAGER)
        .filter("manager_code = '" + manager + "' AND period = '" + period + "'")
        .first()
        .getAs("revenue_yuan");
  }

  /** M2's volume_yoy of 2015. */
  static Object yoy2015(Lake lake) {
    return lake.read(TableId.PERF_MANAGER)
        .filter("manager_code = 'M2' AND period = '2015'")
        .first()
        .getAs("volume_yoy");
  }

  @BeforeAll
  static void lateFileIngestedBuiltAndScored() {
    lake = copy(SharedLakes.reference());
    Path landing = copyTree(SharedLakes.landing2());
    before = versions(lake);
    m1Before = revenue(lake, "M1", "2014-03");
    m2Before = revenue(lake, "M2", "2014-03");
    yoyBefore = yoy2015(lake);

    TinyLanding.late(landing);
    ingest(lake, landing);
    build(lake);
    score(lake);
  }

  @Test
  void lateRowsLandInTheirMonthAndItsQuarter() {
    // the late rows land in 2014-03: M1 +800.00, M2 +12000.00
    assertThat(revenue(lake, "M1", "2014-03"))
        .isEqualByComparingTo(m1Before.add(new BigDecimal("800.00")));
    assertThat(revenue(lake, "M2", "2014-03"))
        .isEqualByComparingTo(m2Before.add(new BigDecimal("12000.00")));
    assertThat(revenue(lake, "M2", "2014-Q1"))
        .isEqualByComparingTo(revenue(lake, "M2", "2014-03").add(revenue(lake, "M2", "2014-01")));
  }

  @Test
  void lateRowsMoveNextYearsVolumeYoy() {
    assertThat(yoy2015(lake)).isNotEqualTo(yoyBefore);
  }

  @Test
  void periodTablesRewriteOnlyTheLatePeriodsAndTheYearAfterAndKeepOtherPeriodsByteForByte() {
    for (TableId t : PERIOD_TABLES) {
      Map<String, Set<String>> old = filesByPeriod(at(lake, t, before.get(t)));
      Map<String, Set<String>> now = filesByPeriod(lake.read(t));
      assertThat(now.keySet()).as(t.tableName()).isEqualTo(old.keySet());
      for (String p : old.keySet()) {
        if (REBUILT.contains(p)) {
          assertThat(now.get(p))
              .as(t.tableName() + " " + p + " rewritten")
              .doesNotContainAnyElementsOf(old.get(p));
        } else {
          assertThat(now.get(p))
              .as(t.tableName() + " " + p + " keeps its files")
              .isEqualTo(old.get(p));
        }
      }
      String others =
          "NOT (concat(period_type, '|', period) IN ('" + String.join("', '", REBUILT) + "'))";
      assertThat(rows(lake.read(t).filter(others)))
          .as(t.tableName() + " other periods' rows")
          .isEqualTo(rows(at(lake, t, before.get(t)).filter(others)));
    }
  }

  @Test
  void serviceVisitsRewriteOnlyTheLateMonthsFile() {
    // service_visits: one file per month
    Map<String, Set<String>> svOld =
        monthFiles(at(lake, TableId.SERVICE_VISITS, before.get(TableId.SERVICE_VISITS)));
    Map<String, Set<String>> svNow = monthFiles(lake.read(TableId.SERVICE_VISITS));
    for (String m : svOld.keySet()) {
      if (!m.equals("2014-3")) {
        assertThat(svNow.get(m)).as("service_visits " + m).isEqualTo(svOld.get(m));
      }
    }
  }

  @Test
  void scorecardGrowthIsTheRebuiltVolumeYoy() {
    Object growth =
        lake.read(TableId.MANAGER_SCORECARD)
            .filter("manager_code = 'M2' AND year = 2015")
            .first()
            .getAs("growth_value");
    assertThat(growth).isEqualTo(yoy2015(lake));
  }

  static Map<String, Set<String>> monthFiles(Dataset<Row> d) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Row r :
        d.select(
                concat_ws("-", col("year"), col("month")).as("month"), input_file_name().as("file"))
            .distinct()
            .collectAsList()) {
      out.computeIfAbsent(r.getAs("month"), k -> new TreeSet<>()).add(r.getAs("file"));
    }
    return out;
  }
}
