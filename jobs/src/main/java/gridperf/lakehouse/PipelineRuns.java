package gridperf.lakehouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code pipeline_runs}: one row per run of a job (grain: run_id). Written last by every job, on
 * success and on failure, so operators can read what ran, with which arguments, what it read and
 * wrote, and which Delta versions it produced.
 */
public final class PipelineRuns {
  public static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("job", DataTypes.StringType, false)
          .add("args", DataTypes.StringType, true)
          .add("start_ts", DataTypes.TimestampType, false)
          .add("end_ts", DataTypes.TimestampType, false)
          .add("status", DataTypes.StringType, false)
          .add("rows_in", DataTypes.LongType, false)
          .add("rows_out", DataTypes.LongType, false)
          .add("rows_quarantined", DataTypes.LongType, false)
          .add(
              "delta_versions",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              true)
          .add("error", DataTypes.StringType, true)
          .add("notes", DataTypes.StringType, true);

  /** One run as recorded. */
  public record Run(
      String runId,
      String job,
      String args,
      Instant start,
      Instant end,
      String status,
      long rowsIn,
      long rowsOut,
      long rowsQuarantined,
      Map<String, Long> deltaVersions,
      String error,
      String notes) {}

  private PipelineRuns() {}

  /** Appends one run; the run id makes a retried append of the same run a no-op. */
  public static WriteResult append(Lake lake, Run run) {
    Map<String, Long> versions = new TreeMap<>(run.deltaVersions());
    Row row =
        RowFactory.create(
            run.runId(),
            run.job(),
            run.args(),
            Timestamp.from(run.start()),
            Timestamp.from(run.end()),
            run.status(),
            run.rowsIn(),
            run.rowsOut(),
            run.rowsQuarantined(),
            CollectionConverters.asScala(versions),
            run.error(),
            run.notes());
    Dataset<Row> df = lake.spark().createDataFrame(List.of(row), SCHEMA);
    // mergeSchema: a lake whose pipeline_runs predates a column gains it on the next run
    return lake.write(TableId.PIPELINE_RUNS, df)
        .append()
        .mergeSchema()
        .idempotent("pipeline_runs:" + run.runId(), 0)
        .commit();
  }
}
