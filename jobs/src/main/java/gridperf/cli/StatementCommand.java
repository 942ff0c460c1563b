package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.config.ScoringConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.score.IntegrityStatement;
import gridperf.score.ManagerStatement;
import gridperf.score.RetailerStatement;
import gridperf.score.SegmentRules;
import gridperf.score.StatementReader;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gridperf statement --manager M --year Y [--scenario NAME]} or {@code statement --retailer R
 * --year Y}: read-only, not audited.
 */
@Command(
    name = "statement",
    mixinStandardHelpOptions = true,
    description = {
      "Print a manager's scorecard statement for a year: components, the peer-group figures they"
          + " were ranked against, composite, tier, bonus and the retailer-months behind service"
          + " compliance."
    })
public final class StatementCommand extends LakeCommand {
  @Option(
      names = "--manager",
      paramLabel = "CODE",
      description = "Manager code, e.g. M017 (or --retailer).")
  String manager;

  @Option(
      names = "--retailer",
      paramLabel = "CODE",
      description =
          "Retailer code: the retailer's year instead (class, menu owed and delivered by month and"
              + " channel, ratings with the peak and end, volume against last year).")
  String retailer;

  @Option(
      names = "--year",
      required = true,
      paramLabel = "YYYY",
      description = "Year of the scorecard or of the retailer's view.")
  int year;

  @Mixin ScoringOptions scoringOptions = new ScoringOptions();

  private ScoringConfig loaded;

  @Override
  protected String jobName() {
    return "statement";
  }

  @Override
  protected boolean audited() {
    return false;
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    if ((manager == null) == (retailer == null)) {
      throw new IllegalArgumentException("statement needs exactly one of --manager and --retailer");
    }
    loaded = scoringOptions.load(cfg);
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    if (retailer != null) {
      String text = RetailerStatement.render(RetailerStatement.read(ctx.lake(), loaded, retailer, year));
      return new JobOutcome(0, 0, 0, List.of(), text.stripTrailing());
    }
    ManagerStatement.Input in =
        StatementReader.read(ctx.lake(), loaded, manager, year, scoringOptions.scenario, SegmentRules.gold());
    String text =
        ManagerStatement.render(in) + IntegrityStatement.read(ctx.lake(), manager, year);
    return new JobOutcome(0, 0, 0, List.of(), text.stripTrailing());
  }
}
