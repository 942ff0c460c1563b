package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.config.ScoringFile;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.TableId;
import gridperf.score.CloseJob;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridperf close --year Y [--reopen] [--scoring FILE]}: freeze or reopen a paid year. */
@Command(
    name = "close",
    mixinStandardHelpOptions = true,
    description = {
      "Close a paid year: its manager_scorecard rows are frozen (later scores keep them and book"
          + " any difference in scorecard_adjustment) and period_close records the latest ingest"
          + " batch, the table versions and the scoring file (hash and text).",
      "Refused, with nothing written, when the year has no scorecard, when the data does not reach"
          + " its December, or when it is already closed. --reopen lifts a close."
    })
public final class CloseCommand extends LakeCommand {
  @Option(names = "--year", required = true, paramLabel = "YYYY", description = "Year to close.")
  int year;

  @Option(
      names = "--reopen",
      description =
          "Lift the year's close: the next score rewrites the year and clears its"
              + " adjustments.")
  boolean reopen;

  @Option(
      names = "--scoring",
      paramLabel = "FILE",
      description =
          "The scoring file the year was scored with (path or URI), frozen with it. Default:"
              + " scoring.file of the settings.")
  String scoring;

  private ScoringFile file;
  private boolean refused;

  @Override
  protected String jobName() {
    return "close";
  }

  @Override
  protected List<String> jobArgs() {
    List<String> args = new ArrayList<>(List.of("--year " + year));
    if (reopen) {
      args.add("--reopen");
    }
    if (scoring != null) {
      args.add("--scoring " + scoring);
    }
    return args;
  }

  /** A refused close writes nothing, not even its audit row. */
  @Override
  protected boolean audited() {
    return !refused;
  }

  @Override
  protected List<TableId> requiredTables() {
    return reopen ? List.of() : List.of(TableId.FACT_SALES_LINE, TableId.FACT_TOUCHPOINT);
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    if (year < 2000 || year > 9999) {
      throw new IllegalArgumentException("--year must be a year like 2014, got " + year);
    }
    if (!reopen) {
      String location = scoring != null ? scoring : cfg.scoring().file();
      file = ScoringFile.read(location);
      file.parse(file.location()); // a broken file is refused before anything else
    }
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    try {
      return reopen ? CloseJob.reopen(ctx, year) : CloseJob.close(ctx, year, file);
    } catch (CloseJob.Refused r) {
      refused = true;
      throw r;
    }
  }
}
