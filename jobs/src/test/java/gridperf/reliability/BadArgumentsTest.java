package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.WorkedExamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad configuration and bad arguments through {@code Main.run}. Each is refused with exactly one
 * line on stderr naming the problem and a non-zero exit, and nothing is written: a missing lake is
 * not created, and an existing lake keeps every table version.
 */
class BadArgumentsTest extends ReliabilityBase {
  /** A command line against a lake folder that does not exist, and what stderr must say. */
  static Stream<Arguments> refusedOnAMissingLake() {
    return Stream.of(
        refused(
            "unknown setting",
            "unknown",
            "ingest",
            "--landing",
            "x",
            "--set",
            "ingest.max_quarantine_ratio=0.1"),
        refused(
            "setting of the wrong type",
            "ingest.max_quarantine_rate",
            "ingest",
            "--landing",
            "x",
            "--set",
            "ingest.max_quarantine_rate=lots"),
        refused("bad --as-of", "--as-of", "ingest", "--landing", "x", "--as-of", "2015-13-01"),
        refused(
            "missing landing folder",
            "landing directory /nonexistent/landing does not exist",
            "ingest",
            "--create-lake",
            "--landing",
            "/nonexistent/landing"),
        refused(
            "ingest on a missing lake",
            "does not exist (check --lake / lake.root; to start a new lake there, run ingest or update with --create-lake)",
            "ingest",
            "--landing",
            "x"),
        refused(
            "update on a missing lake",
            "does not exist (check --lake / lake.root; to start a new lake there, run ingest or update with --create-lake)",
            "update",
            "--landing",
            "x"),
        refused("maintain on a missing lake", "does not exist", "maintain"),
        refused("build on a missing lake", "does not exist", "build"),
        refused("score on a missing lake", "does not exist", "score"),
        refused("sql on a missing lake", "does not exist", "sql", "SELECT 1"),
        refused(
            "statement on a missing lake",
            "does not exist",
            "statement",
            "--manager",
            "M1",
            "--year",
            "2014"),
        refused(
            "build --from after --to",
            "--from 2015-03 is after --to 2015-01",
            "build",
            "--from",
            "2015-03",
            "--to",
            "2015-01"),
        refused(
            "export of an unknown table",
            "unknown table perf_managers",
            "export",
            "--table",
            "perf_managers",
            "--format",
            "csv",
            "--out",
            "OUT"),
        refused(
            "export in an unknown format",
            "xls",
            "export",
            "--table",
            "perf_manager",
            "--format",
            "xls",
            "--out",
            "OUT"),
        refused(
            "a settings file that does not exist",
            "x.conf: no such file or directory",
            "build",
            "--conf",
            "/nonexistent/x.conf"),
        refused(
            "generate checks --set as every command does",
            "unknown setting 'nope'",
            "generate",
            "--scale",
            "0.01",
            "--out",
            "OUT",
            "--set",
            "nope=1"),
        // usage errors: the reason and where help is, not the whole usage text
        refused(
            "missing required option",
            "Missing required option: '--format=FORMAT' (see 'gridperf export --help')",
            "export",
            "--table",
            "perf_manager",
            "--out",
            "OUT"),
        refused(
            "unknown option",
            "Unknown option: '--nope' (see 'gridperf build --help')",
            "build",
            "--nope"),
        refused(
            "value of the wrong type",
            "'--scale': 'abc' is not a double",
            "generate",
            "--scale",
            "abc",
            "--out",
            "OUT"));
  }

  private static Arguments refused(String name, String says, String... args) {
    return Arguments.of(Named.of(name, args), says);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedOnAMissingLake")
  void refusedInOneLineAndNothingIsCreated(String[] args, String says) {
    Path parent = newDir("missing");
    Path lake = parent.resolve("lake");
    Path out = parent.resolve("out.csv");
    List<String> a = new ArrayList<>();
    for (String s : args) {
      a.add(s.equals("OUT") ? out.toString() : s);
    }
    a.addAll(List.of("--lake", lake.toString()));
    Cli c = cli(a.toArray(new String[0]));
    assertThat(c.status()).isNotZero();
    assertThat(c.err().strip().lines().toList()).as(c.err()).hasSize(1);
    assertThat(c.err()).startsWith("gridperf " + args[0] + ": ").contains(says);
    assertThat(Files.exists(lake)).as("lake created").isFalse();
    assertThat(Files.exists(out)).as("export file created").isFalse();
  }

  @Test
  void updateWithATypoedLakeCreatesNothingAndSaysHowToCreateOne() throws IOException {
    Path landing = copyTree(WorkedExamples.landing("reason-codes"));
    Path lake = newDir("typo").resolve("lakee");
    Cli c =
        cli("update", "--lake", lake.toString(), "--landing", landing.toString(), "--as-of", AS_OF);
    assertThat(c.status()).isEqualTo(2);
    assertThat(c.err().strip())
        .isEqualTo(
            "gridperf update: lake folder "
                + lake
                + " does not exist (check --lake / lake.root; to start"
                + " a new lake there, run ingest or update with --create-lake)");
    assertThat(Files.exists(lake)).isFalse();
  }

  @Test
  void aRelativeLakeIsNamedByItsAbsolutePath() {
    Cli c = cli("build", "--lake", "no-such-lake-here");
    assertThat(c.status()).isEqualTo(2);
    assertThat(c.err().strip())
        .startsWith(
            "gridperf build: lake folder "
                + Path.of("no-such-lake-here").toAbsolutePath()
                + " does not exist");
  }

  @Test
  void theDemoReplacesOnlyItsOwnLake() throws IOException {
    Path dir = newDir("demo");
    Path table = Files.createDirectories(dir.resolve("lake/gold/perf_manager"));
    Cli c = cli("demo", "--dir", dir.toString());
    assertThat(c.status()).isEqualTo(2);
    assertThat(c.err().strip())
        .isEqualTo(
            "gridperf demo: "
                + dir.resolve("lake")
                + " is a lake the demo did not write; it"
                + " replaces only its own. Run the demo in another folder (--dir DIR) or move that one away");
    assertThat(table).exists();
    assertThat(dir.resolve("landing")).doesNotExist();
  }

  @Test
  void unknownSettingShowsTheValueAsGivenAndTheNearestKey() {
    Cli c =
        cli("build", "--lake", newDir("lake").toString(), "--set", "ingest.max_quarantine_rat=0.1");
    assertThat(c.err().strip())
        .isEqualTo(
            "gridperf build: unknown setting 'ingest.max_quarantine_rat' in --set"
                + " ingest.max_quarantine_rat=0.1; did you mean ingest.max_quarantine_rate?");
    Cli far = cli("build", "--lake", newDir("lake").toString(), "--set", "completely.different=1");
    assertThat(far.err().strip())
        .isEqualTo(
            "gridperf build: unknown setting 'completely.different' in --set completely.different=1");
  }

  /**
   * docs/operations.md section 4: 2 for a run refused before it starts, 1 for a run that failed.
   */
  @Test
  void usageErrorsExitWith2AndFailedRunsWith1() {
    String lake = newDir("lake").toString();
    assertThat(cli("build", "--nope").status()).as("unknown option").isEqualTo(2);
    assertThat(cli("build", "--lake", lake, "--set", "ingest.max_quarantine_rat=1").status())
        .as("unknown setting")
        .isEqualTo(2);
    assertThat(cli("build", "--lake", lake, "--from", "2015-13").status())
        .as("bad --from")
        .isEqualTo(2);
    assertThat(cli("build", "--lake", lake + "/missing").status()).as("missing lake").isEqualTo(2);
    assertThat(cli("ingest", "--lake", lake, "--landing", lake + "/nowhere").status())
        .as("missing landing")
        .isEqualTo(1);
  }

  /**
   * A run refused by the quarantine-rate guard records what it read: the reason-codes example's 14
   * sales and 9 touchpoint rows, 12 + 8 of them quarantined (its README), under the default rate of
   * 5 %.
   */
  @Test
  void refusedIngestRecordsItsCountsInItsFailedRow() throws IOException {
    Path landing = copyTree(WorkedExamples.landing("reason-codes"));
    Path facts = newDir("facts");
    Files.move(landing.resolve("sales"), facts.resolve("sales"));
    Files.move(landing.resolve("touchpoints"), facts.resolve("touchpoints"));
    Path lake = newDir("refused").resolve("lake");
    String[] ingest = {
      "ingest",
      "--create-lake",
      "--lake",
      lake.toString(),
      "--landing",
      landing.toString(),
      "--as-of",
      AS_OF
    };
    assertThat(cli(ingest).status()).as("master data alone").isZero();
    Files.move(facts.resolve("sales"), landing.resolve("sales"));
    Files.move(facts.resolve("touchpoints"), landing.resolve("touchpoints"));

    Cli c = cli(ingest);
    assertThat(c.status()).isNotZero();
    assertThat(c.err()).contains("quarantined share 86.96% of this batch's 23 fact rows");
    Row failed =
        new Lake(spark(), lake.toString())
            .read(TableId.PIPELINE_RUNS)
            .where("status = 'FAILED'")
            .selectExpr("rows_in", "rows_out", "rows_quarantined")
            .collectAsList()
            .get(0);
    assertThat(List.of(failed.getLong(0), failed.getLong(1), failed.getLong(2)))
        .isEqualTo(List.of(23L, 0L, 20L));
  }

  @Test
  void everyCommandPrintsItsHelp() {
    for (String command : Main.newCommandLine().getSubcommands().keySet()) {
      PrintStream old = System.out;
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      int status;
      try {
        status = Main.run(command, "--help");
      } finally {
        System.setOut(old);
      }
      String out = buf.toString(StandardCharsets.UTF_8);
      assertThat(status).as(command).isZero();
      assertThat(out)
          .as(command)
          .startsWith("Usage: gridperf " + command)
          .contains("--conf", "--set", "--lake");
    }
  }

  @Test
  void unknownKeyInASettingsFileIsRefusedNamingKeyAndFile() throws IOException {
    Path dir = newDir("conf");
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "ingest { max_quarantine_rate = 0.1 }\nlake { rooot = \"x\" }\n");
    Path lake = dir.resolve("lake");
    Cli c = cli("build", "--conf", conf.toString(), "--lake", lake.toString());
    assertThat(c.status()).isNotZero();
    assertThat(c.err().strip().lines().toList()).hasSize(1);
    assertThat(c.err()).contains("lake.rooot").contains("bad.conf");
    assertThat(Files.exists(lake)).isFalse();
  }

  @Test
  void refusalsOnAnExistingLakeChangeNoTableVersion() {
    Lake lake = copy(SharedLakes.base());
    Map<TableId, Long> before = versions(lake);
    List<String[]> bad =
        List.of(
            new String[] {"build", "--lake", lake.root(), "--from", "2015-03", "--to", "2015-01"},
            new String[] {"build", "--lake", lake.root(), "--to", "2015-1"},
            new String[] {"score", "--lake", lake.root(), "--scenario", "no spaces allowed"},
            new String[] {"sql", "--lake", lake.root(), "DROP TABLE perf_manager"},
            new String[] {"ingest", "--lake", lake.root(), "--landing", lake.root() + "/nowhere"});
    for (String[] args : bad) {
      Cli c = cli(args);
      assertThat(c.status()).as(String.join(" ", args)).isNotZero();
      assertThat(c.err().lines().filter(l -> !l.isBlank() && !l.startsWith("[")).toList())
          .as(c.err())
          .hasSize(1);
    }
    Map<TableId, Long> after = versions(lake);
    for (TableId t : TableId.values()) {
      if (t != TableId.PIPELINE_RUNS) {
        assertThat(after.get(t)).as(t.tableName()).isEqualTo(before.get(t));
      }
    }
  }
}
