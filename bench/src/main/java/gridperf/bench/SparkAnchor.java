package gridperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The two Spark anchors the benchmark times beside gridperf, each in its own JVM like a gridperf
 * stage: {@code empty} starts a {@code local[N]} session, runs one trivial job and stops (what any
 * Spark application costs before it does anything), and {@code convert} turns the landing tree's
 * sales CSV (explicit schema) and touchpoint JSON lines into Parquet with nothing else: no
 * validation, quarantine, precedence or Delta — Spark's own floor under an ingest of the same
 * files.
 *
 * <p>{@code java SparkAnchor empty|convert LANDING OUT THREADS}
 */
public final class SparkAnchor {
  static final StructType SALES =
      new StructType()
          .add("order_id", DataTypes.StringType)
          .add("line_no", DataTypes.LongType)
          .add("order_date", DataTypes.DateType)
          .add("retailer_code", DataTypes.StringType)
          .add("sku_code", DataTypes.StringType)
          .add("qty_cartons", DataTypes.LongType)
          .add("amount_yuan", DataTypes.createDecimalType(18, 2));

  static final StructType TOUCHPOINTS =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("ts", DataTypes.StringType)
          .add("retailer_code", DataTypes.StringType)
          .add("manager_code", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("duration_min", DataTypes.DoubleType)
          .add(
              "mot",
              new StructType()
                  .add("appearance", DataTypes.DoubleType)
                  .add("behaviour", DataTypes.DoubleType)
                  .add("communication", DataTypes.DoubleType))
          .add("satisfaction", DataTypes.DoubleType)
          .add(
              "complaint",
              new StructType()
                  .add("category", DataTypes.StringType)
                  .add("resolved_ts", DataTypes.StringType));

  private SparkAnchor() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: SparkAnchor empty|convert LANDING OUT THREADS");
      System.exit(2);
    }
    String mode = args[0];
    Path landing = Path.of(args[1]);
    Path out = Path.of(args[2]);
    SparkSession spark =
        SparkSession.builder()
            .master("local[" + args[3] + "]")
            .appName("gridperf-bench-" + mode)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", args[3])
            .getOrCreate();
    try {
      switch (mode) {
        case "empty" -> System.out.println("rows " + spark.range(1).count());
        case "convert" -> convert(spark, landing, out);
        default -> throw new IllegalArgumentException("unknown mode " + mode);
      }
    } finally {
      spark.stop();
    }
  }

  private static void convert(SparkSession spark, Path landing, Path out) {
    if (Files.isDirectory(landing.resolve("sales"))) {
      sales(spark, landing, out);
    }
    if (Files.isDirectory(landing.resolve("touchpoints"))) {
      touchpoints(spark, landing, out);
    }
  }

  private static void sales(SparkSession spark, Path landing, Path out) {
    spark
        .read()
        .schema(SALES)
        .option("header", "true")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.csv")
        .csv(landing.resolve("sales").toString())
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out.resolve("sales").toString());
  }

  private static void touchpoints(SparkSession spark, Path landing, Path out) {
    spark
        .read()
        .schema(TOUCHPOINTS)
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.jsonl")
        .json(landing.resolve("touchpoints").toString())
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out.resolve("touchpoints").toString());
  }
}
