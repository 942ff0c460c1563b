package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.analyst.SmallLake;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import gridperf.testing.WorkedExamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SqlCommandTest extends SparkTestBase {
  private static Lake lake;

  @BeforeAll
  static void lake() {
    lake = SmallLake.write(spark(), newDir("sql-lake").toString());
  }

  /** Runs {@code gridperf sql} in this JVM (shared session) and returns its stdout. */
  private static String run(String... args) {
    SqlCommand cmd = new SqlCommand();
    StringWriter out = new StringWriter();
    cmd.out = out;
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--lake", lake.root(), "--set", "spark.shuffle_partitions=2"));
    int rc = new CommandLine(cmd).execute(all.toArray(String[]::new));
    assertThat(rc).as("exit status").isZero();
    return out.toString();
  }

  @Test
  void csvHasHeaderPlainNumbersEmptyNullsAndRfc4180Quotes() {
    String csv =
        run(
            "SELECT manager_code, manager_name, order_rate, volume_cases, revenue_yuan,"
                + " visit_coverage FROM perf_manager ORDER BY manager_code",
            "--format",
            "csv");
    assertThat(csv)
        .isEqualTo(
            "manager_code,manager_name,order_rate,volume_cases,revenue_yuan,visit_coverage\r\n"
                + "M017,张伟,0.5,10.250,123456.78,0.75\r\n"
                + "M018,李娜,0.3333333333333333,0.004,0.10,\r\n"
                + "M019,\"欧阳, \"\"小明\"\"\",0.0001,-2.500,-500.00,0.0000001\r\n"
                + "M020,,,,,\r\n");
  }

  @Test
  void timeTravelByVersionSeesTheFirstCommit() {
    assertThat(run("SELECT count(*) AS n FROM perf_manager VERSION AS OF 0", "--format", "csv"))
        .isEqualTo("n\r\n2\r\n");
    assertThat(run("SELECT count(*) AS n FROM perf_manager", "--format", "csv"))
        .isEqualTo("n\r\n4\r\n");
  }

  @Test
  void jsonIsOneObjectPerLineWithCodesAsTextAndDatesIso() {
    String json =
        run(
            "SELECT retailer_code, retailer_name, grade, valid_from, valid_to FROM dim_retailer"
                + " ORDER BY retailer_code",
            "--format",
            "json");
    assertThat(json)
        .isEqualTo(
            "{\"retailer_code\":\"000000000001\",\"retailer_name\":\"好又多超市\",\"grade\":22,"
                + "\"valid_from\":\"2012-01-01\",\"valid_to\":null}\n"
                + "{\"retailer_code\":\"370784100231\",\"retailer_name\":\"红旗便利店\",\"grade\":7,"
                + "\"valid_from\":\"2012-01-01\",\"valid_to\":\"2014-06-16\"}\n");
  }

  @Test
  void tableAlignsChineseTextByDisplayWidthAndRightAlignsNumbers() {
    String table =
        run(
            "SELECT manager_code, manager_name, composite, tier FROM manager_scorecard"
                + " ORDER BY manager_code");
    assertThat(table)
        .isEqualTo(
            "manager_code | manager_name | composite | tier\n"
                + "------------ | ------------ | --------- | ----\n"
                + "M017         | 张伟         |    0.8125 | A\n"
                + "M018         | 李娜         |      0.25 | C\n"
                + "(2 rows)\n");
  }

  @Test
  void tableGroupsTheDigitsOfBigintsAndDecimalsButNotOfInts() {
    assertThat(
            run(
                "SELECT CAST(1130286 AS BIGINT) AS rows_read, 2015 AS year,"
                    + " CAST(-15000.5 AS DECIMAL(12, 2)) AS yuan, CAST(999 AS BIGINT) AS small"))
        .isEqualTo(
            "rows_read | year | yuan       | small\n"
                + "--------- | ---- | ---------- | -----\n"
                + "1,130,286 | 2015 | -15,000.50 |   999\n"
                + "(1 row)\n");
    assertThat(run("SELECT CAST(1130286 AS BIGINT) AS n", "--format", "csv"))
        .isEqualTo("n\r\n1130286\r\n");
  }

  @Test
  void fileWithSeveralStatementsPrintsTheLastResult() throws Exception {
    Path q = newDir("sql-file").resolve("q.sql");
    Files.writeString(
        q,
        "-- tiers; of the year\nCREATE TEMPORARY VIEW a AS SELECT * FROM manager_scorecard"
            + " WHERE tier = 'A';\nSELECT manager_code FROM a; -- trailing\n",
        StandardCharsets.UTF_8);
    assertThat(run("--file", q.toString(), "--format", "csv"))
        .isEqualTo("manager_code\r\nM017\r\n");
  }

  @Test
  void sqlErrorPrintsSparksMessageOnOneLineAndExitsNonZero() {
    String err = runExpectingFailure("SELECT nope FROM perf_manager");
    assertThat(err).startsWith("gridperf sql: [UNRESOLVED_COLUMN").contains("nope");
    assertThat(err.strip().lines().count()).isEqualTo(1);
  }

  @Test
  void writesAreRefusedAndNothingIsAudited() {
    String err = runExpectingFailure("DELETE FROM perf_manager WHERE manager_code = 'M017'");
    assertThat(err).contains("read-only");
    assertThat(runExpectingFailure("INSERT INTO dim_retailer SELECT * FROM dim_retailer"))
        .contains("read-only");
    assertThat(lake.read(TableId.PERF_MANAGER).count()).isEqualTo(4);
    assertThat(lake.exists(TableId.PIPELINE_RUNS)).isFalse();
  }

  /**
   * Runs {@code gridperf sql} as the launcher does, with {@code script} on standard input; returns
   * exit status, stdout and stderr.
   */
  private static String[] shell(String script, String... args) {
    List<String> all = new ArrayList<>(List.of("sql"));
    all.addAll(List.of(args));
    all.addAll(List.of("--lake", lake.root(), "--set", "spark.shuffle_partitions=2"));
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    InputStream savedIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try {
      System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      rc = Main.run(all.toArray(String[]::new));
    } finally {
      System.setIn(savedIn);
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    return new String[] {
      String.valueOf(rc), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void aScriptOnStandardInputAnswersEveryStatementFromOneSession() {
    String[] r =
        shell(
            "SELECT count(*) AS n FROM perf_manager;\n"
                + "-- a comment line\n"
                + "SELECT manager_code\n  FROM perf_manager\n  WHERE manager_code = 'M018';\n"
                + "SELECT 1 AS a\nUNION ALL SELECT 2\nORDER BY a DESC;\n"
                + "SELECT 'a;b' AS s",
            "--format",
            "csv");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).isEqualTo("n\r\n4\r\nmanager_code\r\nM018\r\na\r\n2\r\n1\r\ns\r\na;b\r\n");
  }

  @Test
  void fileDashReadsStandardInputAndDotCommandsListTablesAndSwitchFormat() {
    String[] r =
        shell(
            ".tables\n.format json\nSELECT count(*) AS n FROM perf_manager;\n.quit\nSELECT 1;\n",
            "--file",
            "-",
            "--format",
            "csv");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("perf_manager").contains("dim_retailer").endsWith("{\"n\":4}\n");
    assertThat(r[1]).doesNotContain("\"1\"");
  }

  @Test
  void aScriptStopsAtItsFirstFailingStatementNamingIt() {
    String[] r =
        shell("SELECT 1 AS one;\nDELETE FROM perf_manager;\nSELECT 2 AS two;\n", "--format", "csv");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).isEqualTo("one\r\n1\r\n");
    assertThat(r[2].strip().lines().toList())
        .singleElement()
        .asString()
        .startsWith("gridperf sql: statement 2: ")
        .contains("read-only");
    assertThat(lake.read(TableId.PERF_MANAGER).count()).isEqualTo(4);
  }

  private static String runExpectingFailure(String sql) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      rc = Main.run("sql", sql, "--lake", lake.root(), "--set", "spark.shuffle_partitions=2");
    } finally {
      System.setErr(saved);
    }
    assertThat(rc).isEqualTo(1);
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvExportPassesTheExamplesChecker() throws Exception {
    Path checker = WorkedExamples.dir().resolve("check_examples.py");
    Path dir = newDir("check");
    Path ex = Files.createDirectories(dir.resolve("ex/one"));
    Files.writeString(
        ex.resolve("expected.csv"),
        "table,key,column,value\n"
            + "perf_manager,manager_code=M018;period_type=M;period=2014-06,order_rate,0.333333333333333\n"
            + "perf_manager,manager_code=M019;period_type=Y;period=2014,manager_name,\"欧阳, \"\"小明\"\"\"\n"
            + "perf_manager,manager_code=M019;period_type=Y;period=2014,visit_coverage,0.0000001\n"
            + "perf_manager,manager_code=M020;period_type=M;period=2014-07,volume_cases,\n"
            + "perf_manager,manager_code=M017;period_type=M;period=2014-06,revenue_yuan,123456.78\n"
            + "perf_manager,,_rows,4\n",
        StandardCharsets.UTF_8);
    Path out = Files.createDirectories(dir.resolve("out/one"));
    Files.writeString(
        out.resolve("perf_manager.csv"),
        run("SELECT * FROM perf_manager", "--format", "csv"),
        StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("python3", checker.toString(), ex.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(report).contains("one: OK (6 cells)");
    assertThat(p.exitValue()).isZero();
  }
}
