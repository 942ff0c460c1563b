package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.job.RunRefused;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.PipelineRuns;
import gridperf.lakehouse.SparkSessions;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
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

  /** What the run has to note in its {@code pipeline_runs} row besides its counts, or null. */
  protected String notes() {
    return null;
  }

  /** Whether this run records a {@code pipeline_runs} row (read-only commands do not). */
  protected boolean audited() {
    return true;
  }

  /**
   * Whether the lake must already exist: true but for {@code ingest --create-lake}. A mistyped
   * {@code --lake} must not create an empty lake (or an audit row in one), let alone ingest the
   * whole landing tree into it.
   */
  protected boolean requiresLake() {
    return true;
  }

  /** Tables the job reads that must exist before it starts (checked before anything is written). */
  protected List<TableId> requiredTables() {
    return List.of();
  }

  @Override
  public Integer call() throws Exception {
    GridperfConfig cfg = configure(common.load());
    try {
      validate(cfg);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
    SparkSession spark = SparkSessions.create(cfg);
    Lake lake = new Lake(spark, cfg.lake().root());
    checkLake(spark, lake);
    boolean lakeExisted = rootExists(spark, lake);
    String runId = UUID.randomUUID().toString();
    Progress progress = Progress.console(jobName());
    JobContext ctx = new JobContext(cfg, spark, lake, runId, progress, Clock.systemUTC());
    Instant start = Instant.now();
    // Hadoop's hook manager runs hooks by priority, one after the other: this one before Spark's
    // (which stops the context), with its own time limit instead of the default 30 s
    Runnable hook = () -> onSignal(ctx, start);
    ShutdownHookManager.get()
        .addShutdownHook(hook, SIGNAL_HOOK_PRIORITY, SIGNAL_HOOK_TIMEOUT_S, TimeUnit.SECONDS);
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
      if (interrupted.get()) {
        // the shutdown hook said why and wrote the row; what the job hit while Spark stopped
        // under it (a cancelled job, a stopped context) is not the reason
        throw new RunInterrupted(e);
      }
      // a run refused before it created the lake leaves no lake behind, not one holding its audit
      if (audited() && (lakeExisted || rootExists(spark, lake))) {
        try {
          audit(ctx, start, "FAILED", RunRefused.failedOutcome(e), Main.oneLine(e));
        } catch (Exception auditError) {
          e.addSuppressed(auditError);
        }
      }
      throw e;
    } finally {
      finished.set(true);
      if (!ShutdownHookManager.get().isShutdownInProgress()) {
        ShutdownHookManager.get().removeShutdownHook(hook);
      }
    }
  }

  /** Above Spark's own hook (FileSystem.SHUTDOWN_HOOK_PRIORITY + 30), which stops the context. */
  static final int SIGNAL_HOOK_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 40;

  /** How long the audit row may take to write while the JVM stops. */
  static final long SIGNAL_HOOK_TIMEOUT_S = 120;

  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean interrupted = new AtomicBoolean();

  /**
   * What a run does when the JVM is asked to stop (SIGTERM from a scheduler's timeout, Ctrl-C)
   * while it runs: before Spark stops its context, say "interrupted" on stderr, cancel the running
   * Spark jobs and record a {@code pipeline_runs} row with status INTERRUPTED (when the lake exists
   * and Spark still answers). The data side needs nothing: every commit of a run is safe to redo,
   * and the rerun completes the batch.
   */
  void onSignal(JobContext ctx, Instant start) {
    if (finished.get() || !interrupted.compareAndSet(false, true)) {
      return;
    }
    Main.report(
        "gridperf "
            + jobName()
            + ": interrupted (the run was stopped before it ended;"
            + " run it again to complete it)");
    try {
      ctx.spark().sparkContext().cancelAllJobs();
      if (audited() && rootExists(ctx.spark(), ctx.lake())) {
        audit(ctx, start, INTERRUPTED, new JobOutcome(0, 0, 0, List.of(), null), "interrupted");
      }
    } catch (Exception | Error e) {
      // the JVM is going down: the row is written where it can be, never at the cost of exiting
    }
  }

  /** The status of a run stopped by a signal. */
  public static final String INTERRUPTED = "INTERRUPTED";

  /** A run stopped by a signal: its reason was printed by the shutdown hook. */
  static final class RunInterrupted extends RuntimeException {
    RunInterrupted(Throwable cause) {
      super("interrupted", cause);
    }
  }

  private static boolean rootExists(SparkSession spark, Lake lake) throws java.io.IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(lake.root());
    return root.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(root);
  }

  private void checkLake(SparkSession spark, Lake lake) throws java.io.IOException {
    if (!requiresLake()) {
      return;
    }
    if (!rootExists(spark, lake)) {
      throw new UsageError(missingLake(lake.root(), spark.sparkContext().hadoopConfiguration()));
    }
    for (TableId t : requiredTables()) {
      if (!lake.exists(t)) {
        throw new UsageError(lake.missing(t));
      }
    }
  }

  /**
   * The refusal of a lake folder that does not exist, saying how to create one. The folder is named
   * as an absolute path (a local one) or a URI, not as it was given ("lake lake").
   */
  static String missingLake(String root, org.apache.hadoop.conf.Configuration conf)
      throws java.io.IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
    java.net.URI where = path.getFileSystem(conf).makeQualified(path).toUri();
    String shown = "file".equals(where.getScheme()) ? where.getPath() : where.toString();
    return "lake folder "
        + shown
        + " does not exist (check --lake / lake.root; to start a new lake there,"
        + " run ingest or update with --create-lake)";
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
            error,
            notes()));
  }
}
