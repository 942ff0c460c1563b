package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code update} runs ingest, build and score in this JVM, each with its own pipeline_runs row,
 * and stops at the first step that fails (the worked examples run through it as well, see
 * WorkedExamplesTest).
 */
class UpdateCommandTest extends SparkTestBase {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("gridperf.project.root", ".."), "..", "shared", "examples",
              "mid-month-reassignment", "landing")
          .normalize();

  @Test
  void runsTheThreeJobsAndStopsAtARefusedIngest() throws Exception {
    Path landing = newDir("update-landing");
    copyTree(EXAMPLE, landing);
    Path lakeDir = newDir("update-lake");
    String[] args = {
      "update", "--landing", landing.toString(), "--lake", lakeDir.toString(),
      "--as-of", "2026-11-29", "--set", "spark.shuffle_partitions=2"
    };

    assertThat(Main.run(args)).isZero();
    Lake lake = new Lake(spark(), lakeDir.toString());
    assertThat(jobs(lake)).containsExactly("build SUCCEEDED", "ingest SUCCEEDED", "score SUCCEEDED");
    assertThat(lake.read(TableId.PERF_MANAGER).count()).isPositive();
    assertThat(lake.read(TableId.MANAGER_SCORECARD).count()).isPositive();
    long managerVersion = lake.version(TableId.PERF_MANAGER);

    // a sales file whose header lacks amount_yuan: ingest refuses it, nothing else runs
    Path bad = landing.resolve("sales/2015/zz-bad-header.csv");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons\n"
        + "Z1,1,2015-03-02,370784100231,S1,5\n");
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = Main.run(args);
    } finally {
      System.setErr(old);
    }
    assertThat(rc).isNotZero();
    // besides the progress lines ("[ingest] …"), one line: the reason
    List<String> lines =
        err.toString(StandardCharsets.UTF_8).strip().lines().filter(l -> !l.startsWith("[")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("gridperf ingest: ").contains("zz-bad-header.csv", "amount_yuan");
    assertThat(jobs(lake))
        .containsExactly("build SUCCEEDED", "ingest FAILED", "ingest SUCCEEDED", "score SUCCEEDED");
    assertThat(lake.version(TableId.PERF_MANAGER)).isEqualTo(managerVersion);
  }

  private static List<String> jobs(Lake lake) {
    return lake.read(TableId.PIPELINE_RUNS)
        .selectExpr("concat(job, ' ', status) AS run")
        .orderBy("run")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
