package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lake.Lake;
import gridperf.lake.PipelineRuns;
import gridperf.lake.SparkSessions;
import gridperf.lake.WriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command that runs a Spark job on the lake: loads the settings, starts the session,
 * runs the job, prints its summary and writes its {@code pipeline_runs} row — also when it fails,
 * with the error — then exits 0 or non-zero.
 */
public abstract class LakeCommand implements Callable<Integer> {
  @Mixin protected CommonOptions common;
  @Spec protected CommandSpec spec;

  /** The job name recorded in {@code pipeline_runs}. */
  protected abstract String jobName();

  /** The job-specific arguments, for the audit row. */
  protected List<String> jobArgs() {
    return List.of();
  }

  /** Checks arguments before any Spark work; throws {@link IllegalArgumentException}. */
  protected void validate(GridperfConfig cfg) {}

  /** Runs the job. */
  protected abstract JobOutcome execute(JobContext ctx) throws Exception;

  /** Whether this run records a {@code pipeline_runs} row (read-only commands do not). */
  protected boolean audited() {
    return true;
  }

  @Override
  public Integer call() throws Exception {
    GridperfConfig cfg = configure(common.load());
    validate(cfg);
    SparkSession spark = SparkSessions.create(cfg);
    Lake lake = new Lake(spark, cfg.lake().root());
    String runId = UUID.randomUUID().toString();
    Progress progress = Progress.console(jobName());
    JobContext ctx = new JobContext(cfg, spark, lake, runId, progress, Clock.systemUTC());
    Instant start = Instant.now();
    try {
      JobOutcome outcome = execute(ctx);
      if (audited()) {
        audit(ctx, start, "SUCCEEDED", outcome, null);
      }
      if (outcome.summary() != null && !outcome.summary().isEmpty()) {
        System.out.println(outcome.summary());
      }
      return 0;
    } catch (Exception | Error e) {
      if (audited()) {
        try {
          audit(ctx, start, "FAILED", new JobOutcome(0, 0, 0, List.of(), null), Main.oneLine(e));
        } catch (Exception auditError) {
          e.addSuppressed(auditError);
        }
      }
      throw e;
    }
  }

  /** Applies command options that override settings (e.g. {@code --landing}). */
  protected GridperfConfig configure(GridperfConfig cfg) {
    return cfg;
  }

  private void audit(JobContext ctx, Instant start, String status, JobOutcome o, String error) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (WriteResult w : o.writes()) {
      versions.put(w.table().tableName(), w.version());
    }
    List<String> args = new ArrayList<>(common.describe());
    args.addAll(jobArgs());
    PipelineRuns.append(
        ctx.lake(),
        new PipelineRuns.Run(
            ctx.runId(),
            jobName(),
            String.join(" ", args),
            start,
            Instant.now(),
            status,
            o.rowsIn(),
            o.rowsOut(),
            o.rowsQuarantined(),
            versions,
            error));
  }
}
