package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.WorkedExamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code update} (ingest, build and score in one application) leaves the same tables as the three
 * commands run one after the other, writes one pipeline_runs row per step, and stops at the first
 * step that fails: a refused ingest never reaches the build.
 */
class UpdateTest extends ReliabilityBase {
  /** The landing tree the runs start from (a published example). */
  private static Path example() {
    return WorkedExamples.landing("mid-month-reassignment");
  }

  @Test
  void equalsTheThreeCommandsAndStopsAtARefusedIngest() {
    Path landing = copyTree(example());
    Lake lake = newLake();
    String[] update =
        lakeArgs(
            lake,
            "update",
            "--landing",
            landing.toString(),
            "--as-of",
            AS_OF,
            "--set",
            "ingest.max_quarantine_rate=0.5");
    Cli first = cli(update);
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(runs(lake))
        .containsExactly("build SUCCEEDED", "ingest SUCCEEDED", "score SUCCEEDED");

    Lake separate = newLake();
    ingest(separate, landing);
    build(separate);
    score(separate);
    assertThat(lake.read(TableId.PERF_MANAGER).count()).isPositive();
    assertThat(lake.read(TableId.MANAGER_SCORECARD).count()).isPositive();
    assertSameTables(lake, separate, COMPARED);

    // a sales file whose header lacks amount_yuan: ingest refuses it and nothing else runs
    write(
        landing,
        "sales/2015/zz-bad-header.csv",
        "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons",
        "Z1,1,2015-03-02,370784100231,S1,5");
    var before = versions(lake);
    Cli refused = cli(update);
    assertThat(refused.status()).isNotZero();
    // besides the progress lines ("[ingest] …"), one line: the reason, naming the step and file
    List<String> reasons = refused.err().strip().lines().filter(l -> !l.startsWith("[")).toList();
    assertThat(reasons).hasSize(1);
    assertThat(reasons.get(0))
        .startsWith("gridperf ingest: ")
        .contains("sales/2015/zz-bad-header.csv", "amount_yuan");
    assertThat(runs(lake))
        .containsExactly("build SUCCEEDED", "ingest FAILED", "ingest SUCCEEDED", "score SUCCEEDED");
    var after = versions(lake);
    after.remove(TableId.PIPELINE_RUNS);
    before.remove(TableId.PIPELINE_RUNS);
    assertThat(after).isEqualTo(before);
  }

  /** A lake after one {@code update} of {@link #updatedLanding}, copied for each test. */
  private static Lake updated;

  private static Path updatedLanding;

  private static synchronized Lake updatedLake() {
    if (updated == null) {
      updatedLanding = copyTree(example());
      updated = newLake();
      Out o =
          out(
              lakeArgs(
                  updated,
                  "update",
                  "--landing",
                  updatedLanding.toString(),
                  "--as-of",
                  AS_OF,
                  "--set",
                  "ingest.max_quarantine_rate=0.5"));
      assertThat(o.status()).isZero();
    }
    return copy(updated);
  }

  @Test
  void updateWithNothingNewCommitsNothingAndSaysSo() {
    Lake lake = updatedLake();
    Path landing = updatedLanding; // the same files, untouched since the first update
    var before = versions(lake);
    Out second =
        out(
            lakeArgs(
                lake,
                "update",
                "--landing",
                landing.toString(),
                "--as-of",
                AS_OF,
                "--set",
                "ingest.max_quarantine_rate=0.5"));
    assertThat(second.status()).isZero();
    assertThat(second.out())
        .contains("ingest: nothing new", "build: nothing to do", "score: nothing to do");
    var after = versions(lake);
    assertThat(after.remove(TableId.PIPELINE_RUNS))
        .isGreaterThan(before.remove(TableId.PIPELINE_RUNS));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void maintainChangesNoDataSoTheNextBuildAndScoreHaveNothingToDo() {
    Lake lake = updatedLake();
    Out maintain = out(lakeArgs(lake, "maintain"));
    assertThat(maintain.status()).isZero();
    var before = versions(lake);
    Out build = out(lakeArgs(lake, "build"));
    assertThat(build.out()).contains("build: nothing to do").doesNotContain("full");
    Out score = out(lakeArgs(lake, "score"));
    assertThat(score.out()).contains("score: nothing to do");
    var after = versions(lake);
    after.remove(TableId.PIPELINE_RUNS);
    before.remove(TableId.PIPELINE_RUNS);
    assertThat(after).isEqualTo(before);

    // a real change after the maintenance is still seen, and only its month is rebuilt
    Path landing = copyTree(example());
    write(
        landing,
        "sales/2014/zz-late.csv",
        "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan",
        "Z1,1,2014-06-20,000000000001,S1,5,2000.00");
    ingest(lake, landing);
    Out rebuild = out(lakeArgs(lake, "build"));
    assertThat(rebuild.out()).contains("build: incremental");
  }

  /** Exit status, stdout and stderr of one command. */
  record Out(int status, String out, String err) {}

  static synchronized Out out(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    Cli c;
    try {
      c = cli(args);
    } finally {
      System.setOut(old);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    old.print(text);
    return new Out(c.status(), text, c.err());
  }

  private static List<String> runs(Lake lake) {
    return lake
        .read(TableId.PIPELINE_RUNS)
        .selectExpr("concat(job, ' ', status) AS run")
        .orderBy("run")
        .collectAsList()
        .stream()
        .map(r -> r.<String>getAs("run"))
        .toList();
  }
}
