package gridperf.cli;

import gridperf.config.GridperfConfig;
import gridperf.config.ScoringConfig;
import gridperf.score.ScorecardScenario;
import picocli.CommandLine.Option;

/**
 * {@code --scoring FILE} and {@code --scenario NAME}, shared by {@code score} and {@code
 * statement}.
 */
final class ScoringOptions {
  @Option(
      names = "--scoring",
      paramLabel = "FILE",
      description =
          "Scoring file (path or URI): weights, cut-offs, service menu, bonus. Default: scoring.file"
              + " of the settings; for a scenario, the scenario's file.")
  String scoring;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description =
          "Name of a what-if run (letters, digits, _ - .): score writes its rows into"
              + " scorecard_scenario, statement reads them from there.")
  String scenario;

  /** Checks the scenario name and loads the scoring file; both refuse bad input naming it. */
  ScoringConfig load(GridperfConfig cfg) {
    if (scenario != null) {
      ScorecardScenario.predicate(scenario);
    }
    return ScoringConfig.load(scoring != null ? scoring : cfg.scoring().file());
  }
}
