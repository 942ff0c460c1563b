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
 * {@code gridperf statement --manager M --year Y [--detail] [--scenario NAME]} or {@code statement
 * --retailer R --year Y}: read-only, not audited.
 */
@Command(
    name = "statement",
    mixinStandardHelpOptions = true,
    description = {
      "Print a manager's scorecard statement for a year: how far the data goes (a year without"
          + " all twelve months is provisional), components, the peer-group figures they were"
          + " ranked against, composite, tier, bonus, service standards, service compliance by"
          + " class and by month, integrity flags and handovers.",
      "With --detail, also every retailer-month behind service compliance (visits owed and"
          + " made; a thousand lines or more for a manager of a whole county)."
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

  @Option(
      names = "--detail",
      description =
          "With --manager: list each retailer-month behind service compliance (segment, visits"
              + " owed and made, met).")
  boolean detail;

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
    if (detail && retailer != null) {
      throw new IllegalArgumentException(
          "--detail lists a manager's retailer-months: use it with --manager");
    }
    loaded = scoringOptions.load(cfg);
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    if (retailer != null) {
      String text =
          RetailerStatement.render(RetailerStatement.read(ctx.lake(), loaded, retailer, year));
      return new JobOutcome(0, 0, 0, List.of(), text.stripTrailing());
    }
    ManagerStatement.Input in =
        StatementReader.read(
            ctx.lake(), loaded, manager, year, scoringOptions.scenario, SegmentRules.gold());
    String text =
        ManagerStatement.render(in, detail) + IntegrityStatement.read(ctx.lake(), manager, year);
    return new JobOutcome(0, 0, 0, List.of(), text.stripTrailing());
  }
}
