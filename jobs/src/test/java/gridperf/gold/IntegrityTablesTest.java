package gridperf.gold;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import gridperf.config.IntegrityConfig;
import gridperf.config.ScoringConfig;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import gridperf.testing.WorkedExamples;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * integrity_flags and handover_ledger: the flag rules on hand-written credited rows (a flag per
 * rule, each at and below its threshold, under other thresholds too), and on a small lake built by
 * the jobs from the handover worked examples every ledger row's post_cases and baseline_cases equal
 * a plain SQL sum over fact_sales_line of the same months.
 */
class IntegrityTablesTest extends SparkTestBase {
  private static final StructType VISITS =
      StructType.fromDDL(
          "manager_code string, year int, month int, retailer_code string, business_date date,"
              + " channel string, duration_min double");
  private static final StructType LINES =
      StructType.fromDDL(
          "manager_code string, year int, month int, retailer_code string, order_date date,"
              + " qty_cartons bigint");

  private static Row visit(String mgr, String day, String retailer, Double duration) {
    return visit(mgr, day, retailer, duration, "visit");
  }

  private static Row visit(String mgr, String day, String retailer, Double duration, String ch) {
    Date d = Date.valueOf(day);
    return RowFactory.create(
        mgr, d.toLocalDate().getYear(), d.toLocalDate().getMonthValue(), retailer, d, ch, duration);
  }

  private static Row line(String mgr, String day, String retailer, long qty) {
    Date d = Date.valueOf(day);
    return RowFactory.create(
        mgr, d.toLocalDate().getYear(), d.toLocalDate().getMonthValue(), retailer, d, qty);
  }

  private static List<String> flags(Dataset<Row> out) {
    return out.collectAsList().stream()
        .map(
            r ->
                r.<String>getAs("manager_code")
                    + "|"
                    + r.<Integer>getAs("year")
                    + "-"
                    + r.<Integer>getAs("month")
                    + "|"
                    + r.<String>getAs("flag")
                    + "|"
                    + r.<Double>getAs("value")
                    + "|"
                    + r.<Double>getAs("threshold")
                    + "|"
                    + r.<Long>getAs("evidence"))
        .sorted()
        .toList();
  }

  /** Credited touchpoints of M1 and M2 in February and March 2015. */
  private static Dataset<Row> creditedVisits() {
    List<Row> v = new ArrayList<>();
    // M1, February 2015 (28 days: the 26th-28th are the last 3): 10 visits, 5 late, 3 short
    for (int i = 0; i < 5; i++) {
      v.add(visit("M1", "2015-02-" + (26 + i % 3), "R" + i, i == 0 ? null : i == 1 ? 2.99 : 30.0));
    }
    for (int i = 5; i < 10; i++) {
      v.add(visit("M1", "2015-02-1" + i % 10, "R" + i, i == 5 ? 0.0 : 30.0));
    }
    v.add(visit("M1", "2015-02-27", "R1", null, "phone")); // not a visit
    // M1, March: 9 visits, all late and short: below the visit minimum
    for (int i = 0; i < 9; i++) {
      v.add(visit("M1", "2015-03-" + (29 + i % 3), "R" + i, 1.0));
    }
    // M2, February: R9 visited 6 times on the 3rd (5 repeats) of 50 visits → 0.1
    for (int i = 0; i < 6; i++) {
      v.add(visit("M2", "2015-02-03", "R9", 20.0));
    }
    for (int i = 0; i < 44; i++) {
      v.add(visit("M2", "2015-02-" + String.format("%02d", 4 + i % 20), "S" + i, 20.0));
    }
    // M2, March: 4 repeats only
    for (int i = 0; i < 5; i++) {
      v.add(visit("M2", "2015-03-03", "R9", 20.0));
    }
    return df(VISITS, v.toArray(new Row[0]));
  }

  /** Credited sales lines of M1 in February and March 2015. */
  private static Dataset<Row> creditedLines() {
    List<Row> s = new ArrayList<>();
    // M1, February: 3 tokens of 60 ordering retailers → 0.05; T3 nets 1 with a return, T4 has a
    // carton on the 25th, T5 nets 2
    s.add(line("M1", "2015-02-26", "T0", 1));
    s.add(line("M1", "2015-02-28", "T1", 1));
    s.add(line("M1", "2015-02-27", "T2", 3));
    s.add(line("M1", "2015-02-28", "T2", -2));
    s.add(line("M1", "2015-02-25", "T4", 1));
    s.add(line("M1", "2015-02-27", "T5", 2));
    for (int i = 0; i < 55; i++) {
      s.add(line("M1", "2015-02-05", "U" + i, 10));
    }
    s.add(line("M1", "2015-02-27", "T6", -1)); // a return alone: not ordering
    // M1, March: 3 tokens of 61 ordering retailers
    for (int i = 0; i < 3; i++) {
      s.add(line("M1", "2015-03-30", "T" + i, 1));
    }
    for (int i = 0; i < 58; i++) {
      s.add(line("M1", "2015-03-05", "U" + i, 10));
    }
    return df(LINES, s.toArray(new Row[0]));
  }

  @Test
  void raisesEachFlagAtItsDefaultThresholdAndNotJustBelow() {
    Dataset<Row> out =
        IntegrityFlags.build(creditedVisits(), creditedLines(), IntegrityConfig.DEFAULTS);
    assertThat(out.schema().simpleString()).isEqualTo(IntegrityFlags.SCHEMA.simpleString());
    assertThat(flags(out))
        .containsExactly(
            "M1|2015-2|SHORT_VISITS|0.3|0.25|3",
            "M1|2015-2|TOKEN_ORDERS|0.05|0.05|3",
            "M1|2015-2|VISIT_BUNCHING|0.5|0.5|5",
            "M2|2015-2|REPEAT_VISITS|0.1|0.1|5");
  }

  @Test
  void otherThresholdsRaiseAndDropFlagsOnTheSameRows() {
    // bunching needs 60 %, repeats 4 of them, the visit minimum is 9
    IntegrityConfig strict = new IntegrityConfig(0.6, 9, 0.05, 3, 0.25, 9, 0.1, 4);
    Dataset<Row> other = IntegrityFlags.build(creditedVisits(), creditedLines(), strict);
    assertThat(flags(other))
        .containsExactly(
            "M1|2015-2|SHORT_VISITS|0.3|0.25|3",
            "M1|2015-2|TOKEN_ORDERS|0.05|0.05|3",
            "M1|2015-3|SHORT_VISITS|1.0|0.25|9",
            "M1|2015-3|VISIT_BUNCHING|1.0|0.6|9",
            "M2|2015-2|REPEAT_VISITS|0.1|0.1|5",
            "M2|2015-3|REPEAT_VISITS|0.8|0.1|4");
  }

  /** A scoring file without an integrity section. */
  private static final String BASE =
      "components = [{ name = a, metric = order_rate, weight = 1, better = higher }]\n"
          + "segments { a = 0.2, b = 0.5 }\nservice_menu { A = 4, B = 2, C = 1 }\n"
          + "tiers { a = 0.2, b = 0.5, c = 0.9 }\nbase_bonus_yuan = 1\n"
          + "multipliers { A = 1, B = 1, C = 1, D = 1 }\n";

  @Test
  void scoringFileWithoutIntegritySectionHasTheDefaultThresholds() {
    assertThat(ScoringConfig.parse(BASE, "s.conf").integrity()).isEqualTo(IntegrityConfig.DEFAULTS);
    assertThat(ScoringConfig.defaults().integrity()).isEqualTo(IntegrityConfig.DEFAULTS);
  }

  @Test
  void aThresholdInTheScoringFileReplacesOnlyItsOwnDefault() {
    IntegrityConfig c =
        ScoringConfig.parse(BASE + "integrity { token_orders { min_count = 4 } }", "s.conf")
            .integrity();
    assertThat(c.tokenMinCount()).isEqualTo(4);
    assertThat(c.bunchingMinShare()).isEqualTo(0.5);
  }

  @Test
  void badThresholdsAreRefusedNamingTheFileAndTheKey() {
    for (String[] bad :
        new String[][] {
          {
            "integrity { visit_bunching { min_share = 1.5 } }",
            "integrity.visit_bunching.min_share must lie in [0, 1]"
          },
          {
            "integrity { short_visits { min_visits = 2.5 } }",
            "integrity.short_visits.min_visits must be a whole number"
          },
          {
            "integrity { repeat_visits { min_count = 0 } }",
            "integrity.repeat_visits.min_count must be a whole number ≥ 1"
          },
          {
            "integrity { repeat_visits { min_cnt = 3 } }",
            "unknown key 'integrity.repeat_visits.min_cnt'"
          },
          {"integrity { bunching { min_share = 0.5 } }", "unknown key 'integrity.bunching'"},
          {
            "integrity { token_orders { min_share = lots } }",
            "integrity.token_orders.min_share must be a number"
          },
        }) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> ScoringConfig.parse(BASE + bad[0], "s.conf")))
          .as(bad[0])
          .isInstanceOf(gridperf.config.ConfigException.class)
          .hasMessageContaining("s.conf")
          .hasMessageContaining(bad[1]);
    }
  }

  @Test
  void ledgerVolumesEqualPlainSumsOverSalesLinesOfTheSameMonths() {
    for (String example : List.of("handover-windows", "handover-edges")) {
      Path lakeDir = newDir("lake-" + example);
      run(
          "update",
          "--skip-score",
          "--landing",
          WorkedExamples.landing(example).toString(),
          "--lake",
          lakeDir.toString(),
          "--set",
          "spark.shuffle_partitions=2",
          "--set",
          "ingest.max_quarantine_rate=1");
      Lake lake = new Lake(spark(), lakeDir.toString());
      lake.read(TableId.HANDOVER_LEDGER).createOrReplaceTempView("ledger");
      lake.read(TableId.FACT_SALES_LINE).createOrReplaceTempView("sales");
      List<Row> rows =
          spark()
              .sql(
                  "WITH w AS (SELECT *, year(moved_on) * 12 + month(moved_on) - 1"
                      + " + IF(day(moved_on) = 1, 0, 1) AS p FROM ledger)"
                      + " SELECT w.retailer_code, w.moved_on, w.months_compared, w.post_cases,"
                      + " w.baseline_cases,"
                      + " (SELECT coalesce(sum(qty_cartons), 0) FROM sales s WHERE"
                      + "  s.retailer_code = w.retailer_code AND s.year * 12 + s.month - 1"
                      + "  BETWEEN w.p AND w.p + w.months_compared - 1) AS post_sql,"
                      + " (SELECT coalesce(sum(qty_cartons), 0) FROM sales s WHERE"
                      + "  s.retailer_code = w.retailer_code AND s.year * 12 + s.month - 1"
                      + "  BETWEEN w.p - 12 AND w.p + w.months_compared - 13) AS base_sql"
                      + " FROM w")
              .collectAsList();
      assertThat(rows).as(example).hasSize(example.equals("handover-windows") ? 6 : 7);
      for (Row r : rows) {
        String what = example + " " + r.getAs("retailer_code") + " " + r.getAs("moved_on");
        if (r.<Integer>getAs("months_compared") == 0) {
          assertThat(r.getAs("post_cases") == null && r.getAs("baseline_cases") == null)
              .as(what)
              .isTrue();
          continue;
        }
        // cases × 250 = the plain sum of cartons, exactly
        BigDecimal cartons = BigDecimal.valueOf(250);
        assertThat(r.<BigDecimal>getAs("post_cases").multiply(cartons))
            .as(what)
            .isEqualByComparingTo(BigDecimal.valueOf(r.<Long>getAs("post_sql")));
        if (r.getAs("baseline_cases") != null) {
          assertThat(r.<BigDecimal>getAs("baseline_cases").multiply(cartons))
              .as(what)
              .isEqualByComparingTo(BigDecimal.valueOf(r.<Long>getAs("base_sql")));
        }
      }
      assertThat(
              rows.stream()
                  .filter(
                      r ->
                          r.getAs("baseline_cases") == null
                              && r.<Integer>getAs("months_compared") > 0)
                  .count())
          .as(example)
          .isEqualTo(1);
    }
  }

  @Test
  void movesSkipSuspendedVersionsAndChangesBeforeTheRange() {
    StructType dim = gridperf.silver.DimRetailer.SCHEMA;
    Dataset<Row> versions =
        df(
            dim,
            version("R1", "2013-01-01", "M1", "active"),
            version("R1", "2014-02-10", "M2", "suspended"),
            version("R1", "2014-03-01", "M2", "active"),
            version("R2", "2012-01-01", "M1", "active"),
            version("R2", "2012-06-01", "M2", "active"),
            version("R3", "2014-01-01", "M3", "active"),
            version("R3", "2014-05-01", "M3", "closed"),
            version("R3", "2014-06-01", "M4", "active"));
    List<String> moves =
        HandoverLedger.moves(
                versions, new PeriodRange(YearMonth.of(2013, 1), YearMonth.of(2014, 12)))
            .collectAsList()
            .stream()
            .map(
                r ->
                    r.getAs("retailer_code")
                        + " "
                        + r.getAs("moved_on")
                        + " "
                        + r.getAs("from_manager")
                        + ">"
                        + r.getAs("to_manager"))
            .sorted()
            .toList();
    assertThat(moves).containsExactly("R1 2014-03-01 M1>M2", "R3 2014-06-01 M3>M4");
  }

  @Test
  void statementListsTheYearsFlagsAndWhatWasInheritedAndAdded() {
    List<Row> flags =
        List.of(
            flag("M2", 2014, 11, "VISIT_BUNCHING", 0.625, 0.5, 25L),
            flag("M2", 2014, 3, "TOKEN_ORDERS", 0.1, 0.05, 4L));
    List<Row> moves =
        List.of(
            move("R1", "2014-03-10", "M1", "M2", 9, "3.5", "2", "1.5"),
            move("R2", "2014-06-01", "M2", "M3", 7, "1", "2", "-1"),
            move("R3", "2014-02-15", "M1", "M2", 10, "1", null, null));
    String text = gridperf.score.IntegrityStatement.render("M2", 2014, flags, moves);
    assertThat(text)
        .contains("Integrity flags 2014")
        .containsSubsequence("2014-03  TOKEN_ORDERS", "2014-11  VISIT_BUNCHING")
        .contains("0.625")
        .containsSubsequence("R3", "R1", "R2")
        .contains(
            "taken over: inherited 2 cases (Σ baseline), added 1.5 cases (Σ uplift);"
                + " handed over: 1 cases");
    assertThat(gridperf.score.IntegrityStatement.render("M9", 2014, List.of(), List.of()))
        .contains("none raised")
        .contains("no retailer moved to or from M9");
  }

  private static Row flag(String m, int y, int mo, String f, double v, double t, long e) {
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        new Object[] {m, y, mo, f, v, t, e}, IntegrityFlags.SCHEMA);
  }

  private static Row move(
      String r, String on, String from, String to, int k, String post, String base, String up) {
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        new Object[] {
          r,
          Date.valueOf(on),
          from,
          to,
          k,
          new BigDecimal(post),
          base == null ? null : new BigDecimal(base),
          up == null ? null : new BigDecimal(up)
        },
        HandoverLedger.SCHEMA);
  }

  private static Row version(String code, String from, String mgr, String status) {
    return RowFactory.create(
        code, Date.valueOf(from), null, "shop", "grocery", "small", 5, "G1", mgr, status, "urban");
  }

  private static void run(String... args) {
    int rc = Main.newCommandLine().execute(args);
    assertThat(rc).as("gridperf " + String.join(" ", args)).isZero();
  }
}
