package gridperf.score;

import static org.apache.spark.sql.functions.lit;

import gridperf.config.ScoringConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code scorecard_scenario} — grain: scenario × manager × year, key (scenario, manager_code,
 * year). The what-if scorecards: for each scenario, the rows {@link ManagerScorecard} gives under
 * that scenario's scoring file (segments and service compliance recomputed under its own cut-offs
 * and menu), plus the column {@code scenario}. Partitioned by scenario; a run replaces its own
 * scenario's rows only. Compare with {@code manager_scorecard} on (manager_code, year).
 */
public final class ScorecardScenario {
  /** A scenario name: letters, digits, '_', '-', '.'; at most 64 characters. */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  private ScorecardScenario() {}

  /** The scenario's rows: the scorecard's columns, then {@code scenario}. */
  public static Dataset<Row> of(Dataset<Row> scorecard, String scenario) {
    return scorecard.withColumn("scenario", lit(scenario));
  }

  /** The table's columns as written: the scorecard's of the scoring file, then the scenario. */
  public static StructType schema(ScoringConfig cfg) {
    return schema(ManagerScorecard.schema(cfg));
  }

  /** The scenario table's columns for a scorecard's columns. */
  public static StructType schema(StructType scorecard) {
    return scorecard.add("scenario", DataTypes.StringType, false);
  }

  /** The replaceWhere predicate selecting one scenario's rows. */
  public static String predicate(String scenario) {
    if (!scenario.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException(
          "bad scenario name '"
              + scenario
              + "': use letters, digits, '_', '-' or '.' (at most 64)");
    }
    return "scenario = '" + scenario + "'";
  }
}
