package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.DeltaWrite;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridperf maintain}: compacts small files ({@code OPTIMIZE}) and removes files no longer
 * referenced by any version inside the retention window ({@code VACUUM}) for every table of the
 * lake, or the ones named. Meant for a weekly schedule after the daily runs (docs/operations.md).
 * Readers and time travel older than the retention lose their files: Delta's 168-hour safety check
 * stays on unless {@code --allow-short-retention}. The retention given is the one applied (Delta
 * would otherwise ignore any value but 0); the run prints one line per table.
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
      description =
          "VACUUM keeps files needed by versions of the last H hours (default: ${DEFAULT-VALUE}).")
  int retainHours = DELTA_SAFE_RETENTION_HOURS;

  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "NAME",
      description =
          "Only these tables (bare names, comma-separated). Default: every existing table.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--no-optimize", description = "Skip OPTIMIZE.")
  boolean noOptimize;

  @Option(names = "--no-vacuum", description = "Skip VACUUM.")
  boolean noVacuum;

  @Option(
      names = "--allow-short-retention",
      description =
          "Allow --retain-hours below "
              + DELTA_SAFE_RETENTION_HOURS
              + " (breaks readers and time"
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

  /**
   * Delta applies VACUUM's retention argument only when this is off; otherwise it ignores any value
   * but 0 and keeps the table's {@code delta.deletedFileRetentionDuration} (7 days).
   */
  static final String RETENTION_WINDOW_IGNORE =
      "spark.databricks.delta.vacuum.retentionWindowIgnore.enabled";

  static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

  private static final Pattern DELETED = Pattern.compile("Deleted (\\d+) files");

  @Override
  protected JobOutcome execute(JobContext ctx) {
    RuntimeConfig conf = ctx.spark().conf();
    Map<String, String> previous = new LinkedHashMap<>();
    for (String k : List.of(RETENTION_WINDOW_IGNORE, RETENTION_CHECK)) {
      previous.put(k, conf.getOption(k).getOrElse(() -> null));
    }
    conf.set(RETENTION_WINDOW_IGNORE, "false");
    if (allowShortRetention) {
      conf.set(RETENTION_CHECK, "false");
    }
    try {
      return maintain(ctx);
    } finally {
      // the session outlives the command (tests, demo): leave its settings as they were
      previous.forEach(
          (k, v) -> {
            if (v == null) {
              conf.unset(k);
            } else {
              conf.set(k, v);
            }
          });
    }
  }

  private JobOutcome maintain(JobContext ctx) {
    List<TableId> targets = new ArrayList<>();
    for (TableId t : TableId.values()) {
      boolean named =
          tables.isEmpty() || tables.stream().anyMatch(n -> n.equalsIgnoreCase(t.tableName()));
      if (named && ctx.lake().exists(t)) {
        targets.add(t);
      }
    }
    List<WriteResult> writes = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    long removed = 0;
    long added = 0;
    long deleted = 0;
    for (TableId t : targets) {
      long before = ctx.lake().version(t);
      List<String> parts = new ArrayList<>();
      if (!noOptimize) {
        ctx.progress().step("optimize " + t.tableName());
        Row metrics = ctx.lake().delta(t).optimize().executeCompaction().select("metrics").head();
        Row m = metrics.getStruct(0);
        long r = m.getLong(m.fieldIndex("numFilesRemoved"));
        long a = m.getLong(m.fieldIndex("numFilesAdded"));
        removed += r;
        added += a;
        parts.add(r == 0 ? "nothing to compact" : r + " files compacted into " + a);
      }
      if (!noVacuum) {
        ctx.progress().step("vacuum " + t.tableName());
        long n = vacuum(ctx, t);
        deleted += n;
        parts.add(n + (n == 1 ? " unreferenced file" : " unreferenced files") + " deleted");
      }
      lines.add(String.format(Locale.ROOT, "  %-20s %s", t.tableName(), String.join(", ", parts)));
      if (ctx.lake().version(t) != before) {
        writes.add(DeltaWrite.lastCommit(ctx.lake(), t));
      }
    }
    String summary =
        String.format(
                Locale.ROOT,
                "maintain: %d tables, %d small files compacted into %d, %d unreferenced files"
                    + " older than %d h deleted",
                targets.size(),
                removed,
                added,
                deleted,
                retainHours)
            + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines));
    return new JobOutcome(0, 0, 0, writes, summary);
  }

  /**
   * VACUUM with the retention asked for; Delta's own console line ("Deleted N files and directories
   * in a total of M directories") is read for the count instead of printed, so the run prints one
   * line per table.
   */
  private long vacuum(JobContext ctx, TableId t) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    scala.Console.withOut(
        console,
        () -> {
          ctx.lake().delta(t).vacuum(retainHours);
          return null;
        });
    Matcher m = DELETED.matcher(console.toString(StandardCharsets.UTF_8));
    long n = 0;
    while (m.find()) {
      n = Long.parseLong(m.group(1));
    }
    return n;
  }
}
