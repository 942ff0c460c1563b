package gridperf.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.config.ConfigLoader;
import gridperf.config.ScoringConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.silver.DimManager;
import gridperf.silver.DimRetailer;
import gridperf.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden-file test of the score job on src/test/resources/score/golden/ (its README has the
 * arithmetic): the official scorecard, a what-if that leaves it untouched, and a statement.
 */
class ScoreJobGoldenTest extends SparkTestBase {
  static final Path GOLDEN = Path.of("src/test/resources/score/golden");
  static final ScoringConfig OFFICIAL = ScoringConfig.defaults();
  static Lake lake;

  @BeforeAll
  static void lake() {
    lake = goldenLake();
  }

  /** A fresh lake holding the golden inputs. */
  static Lake goldenLake() {
    Lake l = new Lake(spark(), newDir("score-lake").toString());
    write(l, TableId.PERF_MANAGER, csv("perf_manager.csv", ScoreFixtures.PERF_MANAGER));
    write(l, TableId.DIM_RETAILER, csv("dim_retailer.csv", DimRetailer.SCHEMA));
    write(l, TableId.DIM_MANAGER, csv("dim_manager.csv", DimManager.SCHEMA));
    write(
        l,
        TableId.RETAILER_SEGMENT,
        csv(
            "retailer_segment.csv",
            StructType.fromDDL(
                "retailer_code string, year int, market_type string, revenue_yuan decimal(28,2),"
                    + " segment string")));
    write(
        l,
        TableId.SERVICE_VISITS,
        csv(
            "service_visits.csv",
            StructType.fromDDL(
                "entity_type string, entity_code string, retailer_code string, year int, month int,"
                    + " visits long")));
    write(
        l,
        TableId.SERVICE_STANDARDS,
        csv("service_standards.csv", gridperf.gold.ServiceStandards.SCHEMA));
    Dataset<Row> facts =
        csv("facts.csv", StructType.fromDDL("order_date date, business_date date"));
    write(l, TableId.FACT_SALES_LINE, facts.select("order_date"));
    write(l, TableId.FACT_TOUCHPOINT, facts.select("business_date"));
    return l;
  }

  /** One flow, so the tiny lake is scored a few times only (Spark jobs are the slow part). */
  @Test
  void officialRunStatementThenWhatIfsThatLeaveTheOfficialScorecardAndGoldUntouched()
      throws Exception {
    JobOutcome official = run(new ScoreJob.Request(OFFICIAL, null, false));
    assertThat(csvLines(lake.read(TableId.MANAGER_SCORECARD)))
        .isEqualTo(expected("manager_scorecard.csv"));
    // the golden facts end on 2015-02-20: 2015 is provisional
    assertThat(official.summary())
        .contains(
            "data through 2015-02-20 (period range 2015-01 to 2015-02)\n"
                + "2015 (provisional, data through 2015-02-20): 4 managers  A 1 B 2 C 1 D 0  bonus"
                + " total 49,000.00 yuan");

    ManagerStatement.Input m1 =
        StatementReader.read(lake, OFFICIAL, "M1", 2015, null, SegmentRules.gold());
    assertThat(ManagerStatement.render(m1).replace(OFFICIAL.source(), "<scoring>"))
        .isEqualTo(expectedText("statement-M1-2015.txt"));
    assertThat(ManagerStatement.render(m1, true).replace(OFFICIAL.source(), "<scoring>"))
        .isEqualTo(expectedText("statement-M1-2015-detail.txt"));
    // a manager of a whole county: 150 retailers × 12 months are listed with --detail only
    ManagerStatement.Input county = withRetailerMonths(m1, 150);
    String retailerMonth = "  c\\d{3} +2015-\\d\\d .*";
    List<String> summary = ManagerStatement.render(county).lines().toList();
    assertThat(summary).hasSizeLessThan(120).noneMatch(l -> l.matches(retailerMonth));
    assertThat(summary).contains("  2015-12    150  150           1");
    assertThat(ManagerStatement.render(county, true).lines().filter(l -> l.matches(retailerMonth)))
        .hasSize(150 * 12);
    assertThatThrownBy(
            () -> StatementReader.read(lake, OFFICIAL, "M5", 2015, null, SegmentRules.gold()))
        .hasMessageContaining("no scorecard row for manager M5 in 2015");

    long card = lake.version(TableId.MANAGER_SCORECARD);
    long perf = lake.version(TableId.PERF_MANAGER);
    long segments = lake.version(TableId.RETAILER_SEGMENT);
    ScoringConfig cheap =
        ScoringConfig.load(GOLDEN.resolve("scenario-cheap-visits.conf").toString());
    run(new ScoreJob.Request(cheap, "cheap-visits", true));
    JobOutcome again =
        run(new ScoreJob.Request(cheap, "cheap-visits", true)); // replaces, never duplicates
    assertThat(again.summary())
        .contains(
            "2015 (provisional, data through 2015-02-20): 4 managers  A 1 B 1 C 2 D 0  bonus total"
                + " 47,000.00 yuan");
    run(new ScoreJob.Request(OFFICIAL, "as-official", true));

    assertThat(lake.version(TableId.MANAGER_SCORECARD)).isEqualTo(card);
    assertThat(lake.version(TableId.PERF_MANAGER)).isEqualTo(perf);
    assertThat(lake.version(TableId.RETAILER_SEGMENT)).isEqualTo(segments);
    assertThat(csvLines(lake.read(TableId.SCORECARD_SCENARIO).where("scenario = 'cheap-visits'")))
        .isEqualTo(expected("scorecard_scenario.csv"));
    // the data dictionary (docs/tables.md) declares what score writes
    assertThat(lake.read(TableId.MANAGER_SCORECARD).schema().simpleString())
        .isEqualTo(gridperf.docs.ScoreTables.MANAGER_SCORECARD_SCHEMA.simpleString());
    assertThat(lake.read(TableId.SCORECARD_SCENARIO).schema().simpleString())
        .isEqualTo(gridperf.docs.ScoreTables.SCORECARD_SCENARIO_SCHEMA.simpleString());
    // re-applying the official menu and cut-offs reproduces the official scorecard
    assertThat(
            csvLines(
                lake.read(TableId.SCORECARD_SCENARIO)
                    .where("scenario = 'as-official'")
                    .drop("scenario")))
        .isEqualTo(csvLines(lake.read(TableId.MANAGER_SCORECARD)));

    String whatIf =
        ManagerStatement.render(
            StatementReader.read(lake, cheap, "M1", 2015, "cheap-visits", SegmentRules.gold()),
            true);
    assertThat(whatIf)
        .contains("What-if scenario 'cheap-visits'")
        .contains("Tier C: rank 3 of 4 managers")
        .contains("2 of 3 retailer-months met the menu = 0.6667 (A 1, B 1, C 1");
  }

  /** {@code in} with every month of its year met by {@code retailers} retailers c001, c002, …. */
  static ManagerStatement.Input withRetailerMonths(ManagerStatement.Input in, int retailers) {
    Row template = in.pairs().get(0);
    StructType schema = template.schema();
    List<Row> pairs = new ArrayList<>();
    for (int r = 1; r <= retailers; r++) {
      for (int month = 1; month <= 12; month++) {
        Object[] v = new Object[schema.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = template.get(i);
        }
        v[schema.fieldIndex("retailer_code")] = String.format("c%03d", r);
        v[schema.fieldIndex("month")] = month;
        v[schema.fieldIndex("visits")] = 4L;
        v[schema.fieldIndex("met")] = true;
        pairs.add(new GenericRowWithSchema(v, schema));
      }
    }
    return new ManagerStatement.Input(
        in.cfg(),
        in.scenario(),
        in.card(),
        in.peers(),
        in.yearComposites(),
        in.names(),
        pairs,
        in.standards(),
        in.daysInRange(),
        in.coverage());
  }

  @Test
  void badScenarioNameIsRefusedBeforeAnyWork() {
    assertThatThrownBy(() -> new ScoreJob.Request(OFFICIAL, "x' OR '1'='1", true))
        .hasMessageContaining("bad scenario name");
  }

  static JobOutcome run(ScoreJob.Request req) {
    JobContext ctx =
        new JobContext(
            ConfigLoader.load(null, List.of()),
            spark(),
            lake,
            "test",
            Progress.silent("score"),
            Clock.systemUTC());
    return ScoreJob.run(ctx, req, SegmentRules.gold());
  }

  static void write(Lake l, TableId t, Dataset<Row> df) {
    l.write(t, df).commit();
  }

  static Dataset<Row> csv(String name, StructType schema) {
    return spark()
        .read()
        .schema(schema)
        .option("header", "true")
        .csv(GOLDEN.resolve(name).toString());
  }

  static String expectedText(String name) throws Exception {
    return Files.readString(GOLDEN.resolve("expected").resolve(name), StandardCharsets.UTF_8);
  }

  static List<String> expected(String name) throws Exception {
    return Files.readAllLines(GOLDEN.resolve("expected").resolve(name), StandardCharsets.UTF_8);
  }

  /** Header, then rows sorted: nulls empty, doubles as Java prints them, decimals plain. */
  static List<String> csvLines(Dataset<Row> df) {
    List<String> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        cells.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString());
      }
      rows.add(String.join(",", cells));
    }
    rows.sort(null);
    List<String> out = new ArrayList<>();
    out.add(String.join(",", df.columns()));
    out.addAll(rows);
    return out;
  }
}
