package gridperf.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.silver.DimGrid;
import gridperf.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar under {@code spark-submit} on a real standalone cluster (a master and two worker
 * JVMs on loopback): jobs run their Spark work on executors in other JVMs, write the lake through
 * {@code file:} URIs, record {@code pipeline_runs}, and exit non-zero with a one-line reason on
 * failure. The tables are then read back in this JVM.
 */
class StandaloneClusterIT extends SparkTestBase {
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(20);
  private static StandaloneCluster cluster;
  private static List<ProcessHandle> processes = new ArrayList<>();
  private static Path jar;

  @BeforeAll
  static void startCluster() throws IOException {
    jar = Path.of(System.getProperty("gridperf.jar"));
    Path work = newDir("standalone-");
    cluster =
        StandaloneCluster.start(
            work,
            Path.of(System.getProperty("gridperf.classpath.file")),
            System.getProperty("gridperf.spark.java.options"),
            2);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      processes = cluster.startedProcesses();
      cluster.close();
      assertThat(processes).as("processes left behind").noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void maintainCompactsAndVacuumsOnExecutorsAndRecordsTheRun() throws Exception {
    String lakeUri = newDir("lake-").toUri().toString();
    Lake lake = new Lake(spark(), lakeUri);
    for (int i = 0; i < 4; i++) {
      lake.write(
              TableId.DIM_GRID,
              df(
                  DimGrid.SCHEMA,
                  row("G0" + i, "grid " + i, "S1", "urban"),
                  row("G1" + i, "grid", "S2", "rural")))
          .append()
          .commit();
    }
    assertThat(numFiles(lake, TableId.DIM_GRID)).isGreaterThanOrEqualTo(4);

    StandaloneCluster.Submission run =
        cluster.submit(
            jar,
            List.of(),
            SUBMIT_TIMEOUT,
            "maintain",
            "--lake",
            lakeUri,
            "--retain-hours",
            "0",
            "--allow-short-retention");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("maintain: 1 tables");
    assertThat(run.stderr()).contains("[maintain] optimize dim_grid");
    assertThat(numFiles(lake, TableId.DIM_GRID)).isEqualTo(1);
    assertThat(lake.read(TableId.DIM_GRID).count()).isEqualTo(8);
    // VACUUM with 0 h retention deleted the 4+ compacted-away files from storage
    assertThat(lake.read(TableId.DIM_GRID).inputFiles()).hasSize(1);
    assertThat(dataFilesOnDisk(lakeUri, "silver/dim_grid")).isEqualTo(1);

    List<Row> runs =
        lake.read(TableId.PIPELINE_RUNS)
            .selectExpr("job", "status", "error", "delta_versions['dim_grid'] IS NOT NULL")
            .collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getString(0)).isEqualTo("maintain");
    assertThat(runs.get(0).getString(1)).isEqualTo("SUCCEEDED");
    assertThat(runs.get(0).isNullAt(2)).isTrue();
    assertThat(runs.get(0).getBoolean(3)).isTrue();
  }

  @Test
  void aFailedRunExitsNonZeroWithOneLineReasonUnderSparkSubmit() throws Exception {
    String lakeUri = newDir("lake-").toUri().toString();
    StandaloneCluster.Submission run =
        cluster.submit(
            jar,
            List.of(),
            SUBMIT_TIMEOUT,
            "maintain",
            "--lake",
            lakeUri,
            "--tables",
            "perf_nothing");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.lastErrorLine())
        .isEqualTo("gridperf maintain: --tables: unknown table 'perf_nothing'");
  }

  @Test
  void jsonLogsAreOneObjectALineWithTheReasonAsAnErrorEvent() throws Exception {
    String lakeUri = newDir("lake-").toUri().toString();
    StandaloneCluster.Submission run =
        cluster.submit(
            jar,
            List.of(),
            SUBMIT_TIMEOUT,
            "maintain",
            "--lake",
            lakeUri,
            "--set",
            "log.format=json",
            "--tables",
            "perf_nothing");

    assertThat(run.exitCode()).isEqualTo(2);
    List<String> lines = run.stderr().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("{\"") && l.endsWith("}"));
    assertThat(run.lastErrorLine())
        .contains("\"log.level\":\"ERROR\"")
        .contains("\"message\":\"gridperf maintain: --tables: unknown table 'perf_nothing'\"")
        .contains("\"service.name\":\"gridperf\"");
  }

  @Test
  void theDemoPipelineRunsDistributed() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Main.newCommandLine()
            .getSubcommands()
            .keySet()
            .containsAll(List.of("generate", "ingest", "build", "score")),
        "generate, ingest, build and score are not on this branch yet");
    ClusterPipeline.runAndCheck(cluster, jar, newDir("pipeline-"), SUBMIT_TIMEOUT);
  }

  private static long numFiles(Lake lake, TableId t) {
    return lake.delta(t).detail().select("numFiles").head().getLong(0);
  }

  private static long dataFilesOnDisk(String lakeUri, String table) throws IOException {
    try (var walk =
        java.nio.file.Files.walk(Path.of(java.net.URI.create(lakeUri)).resolve(table))) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log"))
          .count();
    }
  }
}
