package gridperf.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.SparkSessions;
import gridperf.lakehouse.TableId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The daily pipeline — generate a tiny county, ingest, build, score — each step a separate {@code
 * spark-submit} of the shaded jar to a {@link StandaloneCluster}, then the lake read back here:
 * every table filled, the landing reconciled, one SUCCEEDED {@code pipeline_runs} row per job.
 */
final class ClusterPipeline {
  private ClusterPipeline() {}

  static void runAndCheck(StandaloneCluster cluster, Path jar, Path dir, Duration timeout)
      throws Exception {
    // generate is plain Java on the driver and takes a local folder; the jobs read it as a URI
    String landing = dir.resolve("landing").toUri().toString();
    String lakeUri = dir.resolve("lake").toUri().toString();
    List<String> conf = List.of();
    submitOk(
        cluster,
        jar,
        conf,
        timeout,
        "generate",
        "--scale",
        "0.01",
        "--years",
        "2014-2015",
        "--seed",
        "7",
        "--out",
        dir.resolve("landing").toString());
    submitOk(
        cluster,
        jar,
        conf,
        timeout,
        "ingest",
        "--create-lake",
        "--landing",
        landing,
        "--lake",
        lakeUri,
        "--as-of",
        "2016-01-31",
        "--set",
        "spark.shuffle_partitions=4");
    submitOk(
        cluster,
        jar,
        conf,
        timeout,
        "build",
        "--lake",
        lakeUri,
        "--set",
        "spark.shuffle_partitions=4");
    submitOk(
        cluster,
        jar,
        conf,
        timeout,
        "score",
        "--lake",
        lakeUri,
        "--set",
        "spark.shuffle_partitions=4");

    SparkSession spark = SparkSession.active();
    assertThat(spark.conf().get("spark.sql.extensions"))
        .isEqualTo(SparkSessions.deltaSettings().get("spark.sql.extensions"));
    Lake lake = new Lake(spark, lakeUri);
    for (TableId t :
        List.of(
            TableId.DIM_RETAILER,
            TableId.FACT_SALES_LINE,
            TableId.FACT_TOUCHPOINT,
            TableId.PERF_MANAGER,
            TableId.PERF_GRID,
            TableId.PERF_CATEGORY,
            TableId.PERF_CUBE,
            TableId.RETAILER_SEGMENT,
            TableId.MANAGER_SCORECARD)) {
      assertThat(lake.read(t).count()).as(t.tableName()).isPositive();
    }
    Row rec =
        lake.read(TableId.INGEST_FILES)
            .selectExpr("sum(rows_read)", "sum(rows_accepted + rows_quarantined + rows_duplicate)")
            .head();
    assertThat(rec.getLong(0)).as("landing reconciled").isEqualTo(rec.getLong(1)).isPositive();
    assertThat(
            lake.read(TableId.MANAGER_SCORECARD)
                .selectExpr("count(DISTINCT year)")
                .head()
                .getLong(0))
        .isEqualTo(2);

    Map<String, Long> succeeded =
        lake
            .read(TableId.PIPELINE_RUNS)
            .where("status = 'SUCCEEDED'")
            .groupBy("job")
            .count()
            .collectAsList()
            .stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(succeeded)
        .containsEntry("ingest", 1L)
        .containsEntry("build", 1L)
        .containsEntry("score", 1L);
    assertThat(lake.read(TableId.PIPELINE_RUNS).where("status <> 'SUCCEEDED'").count()).isZero();
  }

  private static void submitOk(
      StandaloneCluster cluster, Path jar, List<String> conf, Duration timeout, String... args)
      throws Exception {
    StandaloneCluster.Submission s = cluster.submit(jar, conf, timeout, args);
    assertThat(s.exitCode()).as("%s failed:%n%s", args[0], s.stderr()).isZero();
  }
}
