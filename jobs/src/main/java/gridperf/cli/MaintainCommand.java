package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.DeltaWrite;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridperf maintain}: compacts small files ({@code OPTIMIZE}) and removes files no longer
 * referenced by any version inside the retention window ({@code VACUUM}) for every table of the
 * lake, or the ones named. Meant for a weekly schedule after the daily runs (docs/operations.md).
 * Readers and time travel older than the retention lose their files: Delta's 168-hour safety
 * check stays on unless {@code --allow-short-retention}.
 */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description =
        "OPTIMIZE (compact small files) and VACUUM (delete unreferenced files older than the"
            + " retention) every table of the lake, or those named with --tables.")
public final class MaintainCommand extends LakeCommand {
  static final int DELTA_SAFE_RETENTION_HOURS = 168;

  @Option(
      names = "--retain-hours",
      paramLabel = "H",
      description = "VACUUM keeps files needed by versions of the last H hours (default: ${DEFAULT-VALUE}).")
  int retainHours = DELTA_SAFE_RETENTION_HOURS;

  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "NAME",
      description = "Only these tables (bare names, comma-separated). Default: every existing table.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--no-optimize", description = "Skip OPTIMIZE.")
  boolean noOptimize;

  @Option(names = "--no-vacuum", description = "Skip VACUUM.")
  boolean noVacuum;

  @Option(
      names = "--allow-short-retention",
      description =
          "Allow --retain-hours below " + DELTA_SAFE_RETENTION_HOURS + " (breaks readers and time"
              + " travel older than the retention; only when no job is running).")
  boolean allowShortRetention;

  @Override
  protected String jobName() {
    return "maintain";
  }

  @Override
  protected List<String> jobArgs() {
    List<String> a = new ArrayList<>();
    a.add("--retain-hours " + retainHours);
    if (!tables.isEmpty()) {
      a.add("--tables " + String.join(",", tables));
    }
    if (noOptimize) {
      a.add("--no-optimize");
    }
    if (noVacuum) {
      a.add("--no-vacuum");
    }
    if (allowShortRetention) {
      a.add("--allow-short-retention");
    }
    return a;
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    if (retainHours < 0) {
      throw new IllegalArgumentException("--retain-hours must be 0 or more, got " + retainHours);
    }
    if (retainHours < DELTA_SAFE_RETENTION_HOURS && !allowShortRetention && !noVacuum) {
      throw new IllegalArgumentException(
          "--retain-hours "
              + retainHours
              + " is below Delta's safe "
              + DELTA_SAFE_RETENTION_HOURS
              + " h; add --allow-short-retention if no reader or job uses older versions");
    }
    for (String t : tables) {
      if (TableId.byName(t).isEmpty()) {
        throw new IllegalArgumentException("--tables: unknown table '" + t + "'");
      }
    }
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    if (allowShortRetention) {
      ctx.spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    }
    List<TableId> targets = new ArrayList<>();
    for (TableId t : TableId.values()) {
      boolean named = tables.isEmpty() || tables.stream().anyMatch(n -> n.equalsIgnoreCase(t.tableName()));
      if (named && ctx.lake().exists(t)) {
        targets.add(t);
      }
    }
    List<WriteResult> writes = new ArrayList<>();
    long removed = 0;
    long added = 0;
    for (TableId t : targets) {
      long before = ctx.lake().version(t);
      if (!noOptimize) {
        ctx.progress().step("optimize " + t.tableName());
        Row metrics = ctx.lake().delta(t).optimize().executeCompaction().select("metrics").head();
        Row m = metrics.getStruct(0);
        removed += m.getLong(m.fieldIndex("numFilesRemoved"));
        added += m.getLong(m.fieldIndex("numFilesAdded"));
      }
      if (!noVacuum) {
        ctx.progress().step("vacuum " + t.tableName());
        ctx.lake().delta(t).vacuum(retainHours);
      }
      if (ctx.lake().version(t) != before) {
        writes.add(DeltaWrite.lastCommit(ctx.lake(), t));
      }
    }
    String summary =
        String.format(
            Locale.ROOT,
            "maintain: %d tables, %d small files compacted into %d, vacuum retention %d h",
            targets.size(),
            removed,
            added,
            retainHours);
    return new JobOutcome(0, 0, 0, writes, summary);
  }
}
