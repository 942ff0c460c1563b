package gridperf.score;

import static org.apache.spark.sql.functions.col;

import gridperf.config.ScoringConfig;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads what a {@link ManagerStatement} shows from the lake (read-only). */
public final class StatementReader {
  private StatementReader() {}

  /**
   * The statement's input for a manager and year, from manager_scorecard, or from
   * scorecard_scenario when {@code scenario} is given (segments then recomputed under {@code cfg},
   * the scenario's scoring file).
   */
  public static ManagerStatement.Input read(
      Lake lake, ScoringConfig cfg, String manager, int year, String scenario, SegmentRules rules) {
    Dataset<Row> cards =
        scenario == null
            ? lake.read(TableId.MANAGER_SCORECARD)
            : lake.read(TableId.SCORECARD_SCENARIO).where(ScorecardScenario.predicate(scenario));
    for (var c : cfg.components()) {
      if (!List.of(cards.columns()).contains(ComponentScore.value(c))) {
        throw new IllegalArgumentException(
            "the scorecard has no component '"
                + c.name()
                + "' of scoring file "
                + cfg.source()
                + ": pass the scoring file it was scored with (--scoring)");
      }
    }
    Dataset<Row> ofYear = cards.where(col("year").equalTo(year));
    List<Row> mine = ofYear.where(col("manager_code").equalTo(manager)).collectAsList();
    if (mine.isEmpty()) {
      throw new IllegalArgumentException(
          "no scorecard row for manager "
              + manager
              + " in "
              + year
              + (scenario == null ? "" : " in scenario '" + scenario + "'")
              + " (a manager is scored in a year when a retailer is assigned to it)");
    }
    Row card = mine.get(0);
    String market = card.getAs("market_type");
    List<Row> peers = FairStatement.peers(ofYear, market);
    List<Double> composites =
        ofYear
            .where(col("composite").isNotNull())
            .select("composite")
            .as(org.apache.spark.sql.Encoders.DOUBLE())
            .collectAsList();

    Map<String, String> names = new HashMap<>();
    if (lake.exists(TableId.DIM_MANAGER)) {
      for (Row r :
          lake.read(TableId.DIM_MANAGER).select("manager_code", "manager_name").collectAsList()) {
        if (!r.isNullAt(1)) {
          names.put(r.getString(0), r.getString(1));
        }
      }
    }
    Dataset<Row> segments = lake.read(TableId.RETAILER_SEGMENT);
    if (scenario != null || !List.of(segments.columns()).contains("class")) {
      // a what-if's own classes; a lake built before classes existed gets them computed here
      segments = ScoreJob.scenarioSegments(lake, cfg, rules, ScoreJob.assignedIntervals(lake));
    }
    List<Row> pairs =
        ServicePairs.of(lake.read(TableId.SERVICE_VISITS), segments, cfg)
            .where(
                col("entity_type")
                    .equalTo("manager")
                    .and(col("entity_code").equalTo(manager))
                    .and(col("year").equalTo(year)))
            .collectAsList();
    Row standards = null;
    if (lake.exists(TableId.SERVICE_STANDARDS)) {
      List<Row> y =
          lake.read(TableId.SERVICE_STANDARDS)
              .where(
                  col("manager_code")
                      .equalTo(manager)
                      .and(col("period_type").equalTo("Y"))
                      .and(col("period").equalTo(String.valueOf(year))))
              .collectAsList();
      standards = y.isEmpty() ? null : y.get(0);
    }
    DataCoverage coverage = DataCoverage.read(lake).orElse(null);
    return new ManagerStatement.Input(
        cfg,
        scenario,
        card,
        peers,
        composites,
        names,
        pairs,
        standards,
        FairStatement.daysInRange(coverage == null ? null : coverage.range(), year),
        coverage);
  }
}
