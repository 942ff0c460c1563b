package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.config.ScoringConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.TableId;
import gridperf.score.ScoreJob;
import gridperf.score.SegmentRules;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gridperf score [--scoring FILE] [--scenario NAME]} (docs/contract.md, Manager scorecard).
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score the account managers: writes manager_scorecard from perf_manager and the scoring"
          + " file. Years closed with 'close' keep their rows; each is re-scored with its closed"
          + " scoring file and the differences written to scorecard_adjustment.",
      "With --scenario, writes a what-if into scorecard_scenario (rows of that scenario only),"
          + " recomputing segments and service compliance under the file's menu and cut-offs;"
          + " manager_scorecard and the gold tables are not touched."
    })
public final class ScoreCommand extends LakeCommand {
  @Mixin ScoringOptions scoringOptions = new ScoringOptions();

  private ScoringConfig loaded;

  @Override
  protected String jobName() {
    return "score";
  }

  @Override
  protected List<String> jobArgs() {
    List<String> args = new ArrayList<>();
    if (scoringOptions.scoring != null) {
      args.add("--scoring " + scoringOptions.scoring);
    }
    if (scoringOptions.scenario != null) {
      args.add("--scenario " + scoringOptions.scenario);
    }
    return args;
  }

  @Override
  protected List<TableId> requiredTables() {
    return List.of(TableId.PERF_MANAGER, TableId.SERVICE_STANDARDS);
  }

  @Override
  protected void validate(GridperfConfig cfg) {
    loaded = scoringOptions.load(cfg);
  }

  @Override
  protected JobOutcome execute(JobContext ctx) {
    boolean recompute = scoringOptions.scenario != null || differsFromBuild(ctx.config(), loaded);
    return ScoreJob.run(
        ctx, new ScoreJob.Request(loaded, scoringOptions.scenario, recompute), SegmentRules.gold());
  }

  /**
   * An official run with another scoring file than the build's re-applies segments and service menu
   * when they differ, so the scorecard is consistent with the file it names.
   */
  private boolean differsFromBuild(GridperfConfig cfg, ScoringConfig file) {
    if (scoringOptions.scoring == null) {
      return false;
    }
    ScoringConfig build;
    try {
      build = ScoringConfig.load(cfg.scoring().file());
    } catch (RuntimeException e) {
      return true;
    }
    return build.segmentA() != file.segmentA()
        || build.segmentB() != file.segmentB()
        || !build.classes().equals(file.classes());
  }
}
