package gridperf.testing;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Base of every Spark test: one shared local session per test JVM ({@code local[2]}, 2 shuffle
 * partitions, Delta enabled, session time zone Asia/Shanghai, UI off), plus helpers so a test is a
 * few lines: {@link #sql}, {@link #row}, {@link #df}, {@link #assertRows}.
 */
public abstract class SparkTestBase {
  private static SparkSession session;
  private static Path scratch;

  /** The shared session, created on first use and stopped when the JVM exits. */
  protected static synchronized SparkSession spark() {
    if (session == null) {
      try {
        scratch = Files.createTempDirectory("gridperf-test-");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      SparkSession.Builder b =
          SparkSession.builder()
              .master("local[2]")
              .appName("gridperf-tests")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.session.timeZone", "Asia/Shanghai")
              .config("spark.sql.ansi.enabled", "true")
              .config("spark.databricks.delta.snapshotPartitions", "1")
              // the tests create hundreds of small lakes; Delta keeps every table's log and cached
              // snapshot state for an hour by default, which filled a 3 GB heap within minutes
              .config("spark.databricks.delta.delta.log.cacheSize", "48")
              .config("spark.databricks.delta.delta.log.cacheRetentionMinutes", "2")
              .config("spark.sql.ui.retainedExecutions", "50")
              .config("spark.ui.retainedJobs", "100")
              .config("spark.ui.retainedStages", "100")
              // as in production (Spark keeps only 100): the worked examples spent over
              // a quarter of their time recompiling evicted generated classes
              .config(SparkSessions.CODEGEN_CACHE_ENTRIES, SparkSessions.CODEGEN_CACHE_SIZE)
              .config(SparkSessions.LISTING_PARALLELISM, "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.local.dir", scratch.resolve("spark").toString())
              .config("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString());
      for (Map.Entry<String, String> e : SparkSessions.deltaSettings().entrySet()) {
        b.config(e.getKey(), e.getValue());
      }
      session = b.getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    session.stop();
                    deleteQuietly(scratch);
                  }));
    }
    return session;
  }

  /** A fresh empty folder for this test (under the JVM's scratch space). */
  protected static Path newDir(String prefix) {
    spark();
    try {
      return Files.createTempDirectory(scratch, prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static Dataset<Row> sql(String query) {
    return spark().sql(query);
  }

  protected static Row row(Object... values) {
    return RowFactory.create(values);
  }

  protected static Dataset<Row> df(StructType schema, Row... rows) {
    return spark().createDataFrame(Arrays.asList(rows), schema);
  }

  /** Asserts that {@code actual} holds exactly {@code expected}, in any order. */
  protected static void assertRows(Dataset<Row> actual, Row... expected) {
    List<String> got = render(actual.collectAsList());
    List<String> want = render(Arrays.asList(expected));
    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
  }

  private static List<String> render(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        cells.add(
            v instanceof java.math.BigDecimal bd
                ? bd.stripTrailingZeros().toPlainString()
                : String.valueOf(v));
      }
      out.add(cells.stream().collect(Collectors.joining(", ", "[", "]")));
    }
    return out;
  }

  protected static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: scratch space of a finished test JVM
    }
  }
}
