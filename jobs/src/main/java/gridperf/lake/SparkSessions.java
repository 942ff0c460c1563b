package gridperf.lake;

import gridperf.config.GridperfConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one Spark session of a run from the configuration: Delta enabled, the session time
 * zone fixed to the business zone (so the JVM's default zone never changes a result), and the
 * master taken from {@code spark-submit} when there is one, else from {@code spark.master}.
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
    b.config("spark.sql.shuffle.partitions", String.valueOf(s.shufflePartitions()));
    b.config("spark.sql.ansi.enabled", "true");
    b.config("spark.ui.enabled", String.valueOf(s.uiEnabled()));
    if (master.startsWith("local")) {
      b.config("spark.local.dir", s.localDir());
      b.config("spark.sql.warehouse.dir", s.localDir() + "/warehouse");
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.databricks.delta.snapshotPartitions", "2");
    }
    for (Map.Entry<String, String> e : s.conf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    return b.getOrCreate();
  }

  /** The settings that make a session Delta-aware; also used by tests and notebooks. */
  public static Map<String, String> deltaSettings() {
    return Map.of(
        "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
  }
}
