package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.config.ScoringConfig;
import gridperf.gold.GoldBuild;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.TableId;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridperf build [--from YYYY-MM] [--to YYYY-MM]}: silver → gold performance tables,
 * retailer segments and service visits. Without options it rebuilds only the periods changed since
 * the last build; {@code --from/--to} also rebuild a range of months on demand.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description =
        "Build the gold tables (perf_manager, perf_grid, perf_category, perf_cube, retailer_segment,"
            + " service_visits) from silver; incremental: only periods changed since the last build.")
public final class BuildCommand extends LakeCommand {
  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month to rebuild.")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month to rebuild.")
  String to;

  private YearMonth fromMonth;
  private YearMonth toMonth;

  @Override
  protected String jobName() {
    return "build";
  }

  @Override
  protected List<String> jobArgs() {
    List<String> out = new ArrayList<>();
    if (from != null) {
      out.add("--from " + from);
    }
    if (to != null) {
      out.add("--to " + to);
    }
    return out;
  }

  @Override
  protected List<TableId> requiredTables() {
    return List.of(TableId.FACT_SALES_LINE, TableId.FACT_TOUCHPOINT);
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    fromMonth = month("--from", from);
    toMonth = month("--to", to);
    if (fromMonth != null && toMonth != null && fromMonth.isAfter(toMonth)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    ScoringConfig scoring = ScoringConfig.load(ctx.config().scoring().file());
    return GoldBuild.run(ctx, scoring, fromMonth, toMonth);
  }

  private static YearMonth month(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be YYYY-MM, got '" + value + "'");
    }
  }
}
