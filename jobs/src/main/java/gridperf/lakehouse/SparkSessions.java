package gridperf.lakehouse;

import gridperf.config.GridperfConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one Spark session of a run from the configuration: Delta enabled, the session time
 * zone fixed to the business zone (so the JVM's default zone never changes a result), and the
 * master taken from {@code spark-submit} when there is one, else from {@code spark.master}. Under
 * {@code spark-submit}, its {@code --conf} values win over gridperf's tuning settings ({@code
 * spark.shuffle_partitions}, {@code spark.ui_enabled}, {@code spark.conf}).
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Gets or creates the session. */
  public static SparkSession create(GridperfConfig cfg) {
    GridperfConfig.Spark s = cfg.spark();
    SparkSession.Builder b = SparkSession.builder().appName(s.appName());
    boolean submitted = System.getProperty("spark.master") != null;
    String master = submitted ? System.getProperty("spark.master") : s.master();
    if (!submitted) {
      b.master(master);
    }
    for (Map.Entry<String, String> e : deltaSettings().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    b.config("spark.sql.session.timeZone", cfg.business().timezone().getId());
    b.config("spark.sql.ansi.enabled", "true");
    if (master.startsWith("local")) {
      b.config("spark.local.dir", s.localDir());
      b.config("spark.sql.warehouse.dir", s.localDir() + "/warehouse");
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.databricks.delta.snapshotPartitions", "2");
    }
    // tuning: a spark-submit --conf value wins over gridperf's setting
    for (Map.Entry<String, String> e : tuning(s).entrySet()) {
      if (!submitted || System.getProperty(e.getKey()) == null) {
        b.config(e.getKey(), e.getValue());
      }
    }
    return b.getOrCreate();
  }

  /**
   * gridperf's tuning settings for a session: its own keys ({@code spark.shuffle_partitions},
   * {@code spark.ui_enabled}), the settings derived from them, then {@code spark.conf}, which wins.
   */
  public static Map<String, String> tuning(GridperfConfig.Spark s) {
    Map<String, String> tuning = new java.util.LinkedHashMap<>();
    tuning.put("spark.sql.shuffle.partitions", String.valueOf(s.shufflePartitions()));
    tuning.put("spark.ui.enabled", String.valueOf(s.uiEnabled()));
    tuning.put(LISTING_PARALLELISM, String.valueOf(s.shufflePartitions()));
    tuning.put(CODEGEN_CACHE_ENTRIES, CODEGEN_CACHE_SIZE);
    tuning.putAll(s.conf());
    return tuning;
  }

  /**
   * How many generated classes Spark keeps compiled (its default is 100). One run executes hundreds
   * of distinct small plans (Delta's log queries, writes, checks): a scale-0.1 week build compiled
   * 864 classes, 17 s of Janino time on 2 cores. A JVM that runs several jobs (demo, notebooks,
   * tests) compiles evicted classes again: the worked-examples test spent over a quarter of its
   * time on that. A static setting: it takes effect when the first session of the JVM is built.
   */
  public static final String CODEGEN_CACHE_ENTRIES = "spark.sql.codegen.cache.maxEntries";

  public static final String CODEGEN_CACHE_SIZE = "4000";

  /**
   * How many tasks list a table's files in parallel. Delta's {@code VACUUM} lists and deletes with
   * this many tasks, and Spark's default is 10,000: on {@code local[2]} one small table's vacuum
   * ran 10,000 empty tasks and took 50.1 s (10.9 s with 8). gridperf sets it to {@code
   * spark.shuffle_partitions} (a {@code spark.conf} or {@code spark-submit --conf} value wins).
   */
  public static final String LISTING_PARALLELISM =
      "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  /** The settings that make a session Delta-aware; also used by tests and notebooks. */
  public static Map<String, String> deltaSettings() {
    return Map.of(
        "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
  }
}
