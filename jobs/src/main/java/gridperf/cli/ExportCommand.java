package gridperf.cli;

import gridperf.export.ExportFormat;
import gridperf.export.Exporter;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridperf export --table NAME [--where PREDICATE] --format xlsx|csv|parquet --out FILE
 * [--sheet-by period|none]}: a table (xlsx: one or more) as a file a branch office can open.
 * Read-only on the lake, so no {@code pipeline_runs} row.
 */
@Command(
    name = "export",
    description = {
      "Exports lake tables to xlsx, csv or parquet.",
      "xlsx: codes as text, typed numbers, ratios as percent, frozen header; csv: UTF-8 with BOM,",
      "for Excel; parquet: a plain snapshot folder. For example:",
      "  gridperf export --table manager_scorecard --where \"year = 2015\" --format xlsx --out sc.xlsx"
    })
public final class ExportCommand extends LakeCommand {
  // no mixinStandardHelpOptions: its --version would clash with the Delta --version below
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--table",
      required = true,
      split = ",",
      paramLabel = "NAME",
      description = "Table by bare name, e.g. perf_manager; xlsx takes several (one sheet each).")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--where",
      paramLabel = "PREDICATE",
      description = "SQL predicate, e.g. \"year = 2015\".")
  String where;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "Export Delta version N (default: current).")
  Long version;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "xlsx, csv or parquet.")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Output file (parquet: folder).")
  String out;

  @Option(
      names = "--sheet-by",
      paramLabel = "period|none",
      description = "xlsx: one sheet per period (period, else year column) instead of per table.")
  String sheetBy = "none";

  @Override
  protected String jobName() {
    return "export";
  }

  @Override
  protected boolean audited() {
    return false;
  }

  @Override
  protected void validate(gridperf.config.GridperfConfig cfg) {
    ExportFormat f = Exporter.format(format);
    for (String t : tables) {
      table(t);
    }
    if (!sheetBy.equals("none") && !sheetBy.equals("period")) {
      throw new IllegalArgumentException("unknown --sheet-by " + sheetBy + " (period or none)");
    }
    if (sheetBy.equals("period") && f != ExportFormat.XLSX) {
      throw new IllegalArgumentException("--sheet-by period is for xlsx only");
    }
    if (f != ExportFormat.XLSX && tables.size() != 1) {
      throw new IllegalArgumentException(
          format + " exports one table at a time; xlsx takes several");
    }
  }

  private static TableId table(String name) {
    return TableId.byName(name.strip())
        .orElseThrow(() -> new IllegalArgumentException("unknown table " + name));
  }

  @Override
  protected List<String> jobArgs() {
    return List.of("--table " + String.join(",", tables), "--format " + format, "--out " + out);
  }

  @Override
  protected JobOutcome execute(JobContext ctx) throws Exception {
    List<TableId> ids = tables.stream().map(ExportCommand::table).toList();
    ctx.lake().registerViews();
    Exporter.Result r =
        Exporter.export(
            ctx.lake(),
            new Exporter.Request(
                ids, where, version, Exporter.format(format), out, sheetBy.equals("period")));
    long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
    StringBuilder summary = new StringBuilder("exported");
    for (Map.Entry<String, Long> e : r.rows().entrySet()) {
      summary.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(" rows)");
    }
    System.err.println(summary.append(" to ").append(out));
    return new JobOutcome(rows, rows, 0, List.of(), null);
  }
}
