package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.score.ScoreJobGoldenTestAccess;
import gridperf.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The commands end to end on the golden lake: exit status, audit rows, printed statement. */
class ScoreCliTest extends SparkTestBase {
  static final Path GOLDEN = Path.of("src/test/resources/score/golden");
  static final String OFFICIAL =
      Path.of(System.getProperty("gridperf.project.root", ".."), "conf/scoring.conf").toString();

  @Test
  void scoreScenarioAndStatementCommands() {
    Lake lake = ScoreJobGoldenTestAccess.goldenLake();
    String root = lake.root();
    assertThat(Main.run("score", "--lake", root, "--scoring", OFFICIAL)).isEqualTo(0);
    long official = lake.version(TableId.MANAGER_SCORECARD);
    String cheap = GOLDEN.resolve("scenario-cheap-visits.conf").toString();
    assertThat(Main.run("score", "--lake", root, "--scoring", cheap, "--scenario", "cheap-visits"))
        .isEqualTo(0);
    assertThat(lake.version(TableId.MANAGER_SCORECARD)).isEqualTo(official);
    assertThat(lake.read(TableId.SCORECARD_SCENARIO).count()).isEqualTo(4);

    List<Row> runs =
        lake.read(TableId.PIPELINE_RUNS)
            .orderBy("start_ts")
            .select("job", "args", "status")
            .collectAsList();
    assertThat(runs)
        .extracting(r -> r.getAs("job") + " " + r.getAs("status"))
        .containsExactly("score SUCCEEDED", "score SUCCEEDED");
    assertThat(runs.get(1).<String>getAs("args")).contains("--scenario cheap-visits");

    String[] statement = {
      "statement", "--lake", root, "--scoring", OFFICIAL, "--manager", "M4", "--year", "2015"
    };
    String text = stdout(statement);
    assertThat(text)
        .contains("Statement of M4 赵敏, 2015 (provisional, data through 2015-02-20)")
        .contains("Data through 2015-02-20 (period range 2015-01 to 2015-02)")
        .contains("Peer group: town (market type of primary grid G4), 1 managers")
        .contains("Tier B: rank 2 of 4 managers")
        .contains("2 of 2 retailer-months met the menu = 1")
        .contains("Service compliance 2015 by month")
        .contains("(each retailer-month, owed against visits: statement --detail)")
        .doesNotContain("retailer  month");
    // --detail adds the retailer-months, and only them
    String detail = stdout(append(statement, "--detail"));
    assertThat(detail).contains("retailer  month").contains(text.lines().findFirst().get());
    assertThat(detail.lines().count() - text.lines().count()).isEqualTo(3 - 1);
    assertThat(
            Main.run("statement", "--lake", root, "--retailer", "r1", "--year", "2015", "--detail"))
        .isEqualTo(2);
    // read-only: no audit row
    assertThat(lake.read(TableId.PIPELINE_RUNS).count()).isEqualTo(2);
  }

  private static String stdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(0);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String[] append(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
