package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import gridperf.config.ScoringConfig;
import gridperf.config.ScoringFile;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code period_close} — grain: one row per close of a year, key (year, closed_at). Written by
 * {@code close}: the year, when it was closed, the latest ingest batch, the Delta versions of
 * manager_scorecard and of every table the scorecard read, and the scoring file (SHA-256 and text).
 * A year is closed while it has a row with reopened_at NULL; {@code close --reopen} sets
 * reopened_at on that row instead of deleting it, so every close ever made stays readable.
 */
public final class PeriodClose {
  public static final StructType SCHEMA =
      new StructType()
          .add("year", DataTypes.IntegerType, false)
          .add("closed_at", DataTypes.TimestampType, false)
          .add("batch_id", DataTypes.StringType, true)
          .add("scorecard_version", DataTypes.LongType, false)
          .add(
              "source_versions",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              false)
          .add("scoring_file", DataTypes.StringType, false)
          .add("scoring_sha256", DataTypes.StringType, false)
          .add("scoring_text", DataTypes.StringType, false)
          .add("run_id", DataTypes.StringType, false)
          .add("reopened_at", DataTypes.TimestampType, true);

  /** One close in force: its year, the scoring file it froze, and when. */
  public record Closed(int year, Instant closedAt, ScoringFile scoring) {
    /** The frozen scoring file, parsed; statements and errors name it by year and hash. */
    public ScoringConfig config() {
      return scoring.parse(
          "scoring file closed with "
              + year
              + " (sha256 "
              + scoring.sha256().substring(0, 12)
              + "…, from "
              + scoring.location()
              + ")");
    }
  }

  private PeriodClose() {}

  /** The closes in force (reopened_at NULL), by year. */
  public static Map<Integer, Closed> inForce(Lake lake) {
    Map<Integer, Closed> out = new TreeMap<>();
    if (!lake.exists(TableId.PERIOD_CLOSE)) {
      return out;
    }
    for (Row r :
        lake.read(TableId.PERIOD_CLOSE)
            .where(col("reopened_at").isNull())
            .select("year", "closed_at", "scoring_file", "scoring_text", "scoring_sha256")
            .collectAsList()) {
      out.put(
          r.getInt(0),
          new Closed(
              r.getInt(0),
              r.getTimestamp(1).toInstant(),
              new ScoringFile(r.getString(2), r.getString(3), r.getString(4))));
    }
    return out;
  }

  /** What a close records. */
  public record Close(
      int year,
      Instant closedAt,
      String batchId,
      long scorecardVersion,
      Map<String, Long> sourceVersions,
      ScoringFile scoring,
      String runId) {}

  /** Appends a close (idempotent per run: a retried append of the same run is a no-op). */
  public static WriteResult append(Lake lake, Close c) {
    Row row =
        RowFactory.create(
            c.year(),
            Timestamp.from(c.closedAt()),
            c.batchId(),
            c.scorecardVersion(),
            CollectionConverters.asScala(new TreeMap<>(c.sourceVersions())),
            c.scoring().location(),
            c.scoring().sha256(),
            c.scoring().text(),
            c.runId(),
            null);
    return lake.write(TableId.PERIOD_CLOSE, lake.spark().createDataFrame(List.of(row), SCHEMA))
        .append()
        .idempotent("period_close:" + c.runId(), 0)
        .commit();
  }

  /** Marks the year's close in force as reopened at {@code at}. */
  public static WriteResult reopen(Lake lake, int year, Instant at) {
    lake.delta(TableId.PERIOD_CLOSE)
        .update(
            col("year").equalTo(year).and(col("reopened_at").isNull()),
            Map.of("reopened_at", lit(Timestamp.from(at))));
    return gridperf.lakehouse.DeltaWrite.lastCommit(lake, TableId.PERIOD_CLOSE);
  }
}
