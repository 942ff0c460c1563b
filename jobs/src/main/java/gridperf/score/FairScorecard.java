package gridperf.score;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.FairScoring;
import gridperf.config.ScoringConfig;
import gridperf.config.ScoringConfig.Component;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The fair-scoring rules of {@link ManagerScorecard} (docs/scoring.md, "Fair scoring"): who is
 * eligible ({@code min_assigned_days}), who is scored against every eligible manager of the year
 * instead of a too small market type ({@code min_peer_group}, peer group {@code all}), NULL
 * components left out of the composite ({@code missing = reweight}) and pro-rated bonuses ({@code
 * bonus_prorate}). With {@link FairScoring#DEFAULTS} every expression reduces to the base rule.
 */
final class FairScorecard {
  /** The columns the scorecard gains, after its others. */
  static final List<String> COLUMNS = List.of("eligible", "assigned_days");

  /** The peer group of a manager scored against every eligible manager of the year. */
  static final String ALL = "all";

  private FairScorecard() {}

  /**
   * Adds {@code eligible}, {@code assigned_days} and {@code days_in_range}, and sets market_type to
   * the peer group: {@code all} for a market type with fewer eligible managers than {@code
   * min_peer_group} in the year, NULL for a manager that is not eligible (it is in no group).
   */
  static Dataset<Row> eligibility(Dataset<Row> df, Dataset<Row> assignedDays, FairScoring fair) {
    if (assignedDays == null) {
      if (fair.minAssignedDays() > 0 || fair.bonusProrate()) {
        throw new IllegalArgumentException(
            "min_assigned_days and bonus_prorate need the managers' assigned days");
      }
      df = df.withColumn("eligible", lit(true));
    } else {
      df =
          df.join(
                  assignedDays.select("manager_code", "year", "assigned_days", "days_in_range"),
                  new String[] {"manager_code", "year"},
                  "left")
              .withColumn("assigned_days", coalesce(col("assigned_days"), lit(0)))
              .withColumn("eligible", col("assigned_days").geq(fair.minAssignedDays()));
    }
    if (fair.minAssignedDays() > 0) {
      df =
          df.withColumn(
              "market_type", when(col("eligible"), col("market_type")).otherwise(lit(null)));
    }
    if (fair.minPeerGroup() > 1) {
      Column eligibleInGroup =
          sum(when(col("eligible"), 1).otherwise(0))
              .over(Window.partitionBy("year", "market_type"));
      df =
          df.withColumn(
              "market_type",
              when(col("eligible").and(eligibleInGroup.lt(fair.minPeerGroup())), lit(ALL))
                  .otherwise(col("market_type")));
    }
    return df;
  }

  /**
   * A component's score among the eligible managers: within the market type, or among every
   * eligible manager of the year for peer group {@code all}; a NULL value scores 0, or NULL when
   * re-weighting.
   */
  static Column score(Component c, FairScoring fair) {
    Column s = ComponentScore.score(c, "year", "market_type");
    if (fair.minPeerGroup() > 1) {
      s = when(col("market_type").equalTo(ALL), ComponentScore.score(c, "year")).otherwise(s);
    }
    if (fair.reweight()) {
      s = when(col(ComponentScore.value(c)).isNull(), lit(null).cast("double")).otherwise(s);
    }
    return s;
  }

  /**
   * Σ points / Σ weight rounded half-up to 2 places; re-weighting sums both over the components
   * that have a value only (NULL when none has).
   */
  static Column composite(ScoringConfig cfg) {
    Column points = null;
    Column weights = null;
    double sumWeights = 0;
    for (Component c : cfg.components()) {
      Column p = col(ComponentScore.points(c));
      Column w = when(p.isNotNull(), lit(c.weight())).otherwise(lit(0.0));
      if (cfg.fair().reweight()) {
        p = coalesce(p, lit(0.0));
      }
      points = points == null ? p : points.plus(p);
      weights = weights == null ? w : weights.plus(w);
      sumWeights += c.weight();
    }
    if (!cfg.fair().reweight()) {
      return round(points.divide(lit(sumWeights)), 2);
    }
    return when(weights.gt(0), round(points.divide(weights), 2));
  }

  /**
   * The scored eligible rows with the ineligible ones added back: their values kept, NULL scores,
   * points and composite.
   */
  static Dataset<Row> withIneligible(
      Dataset<Row> scored, Dataset<Row> all, List<Component> components) {
    if (!java.util.Arrays.asList(all.columns()).contains("days_in_range")) {
      return scored;
    }
    Dataset<Row> out = all.where(col("eligible").equalTo(false));
    for (Component c : components) {
      out =
          out.withColumn(ComponentScore.score(c), lit(null).cast("double"))
              .withColumn(ComponentScore.points(c), lit(null).cast("double"));
    }
    out = out.withColumn("composite", lit(null).cast("double"));
    return scored.unionByName(out);
  }

  /** The tier's bonus, times assigned days / days of the year in range when pro-rating. */
  static Column prorated(Column bonus, FairScoring fair) {
    if (!fair.bonusProrate()) {
      return bonus;
    }
    // exact: the quotient keeps 8 decimals, far finer than the 1/(2 × 366) fen that separates it
    // from a rounding boundary, so rounding it to the fen is rounding the true value
    Column share =
        bonus
            .multiply(col("assigned_days").cast("decimal(5,0)"))
            .divide(col("days_in_range").cast("decimal(5,0)"));
    return round(share, 2).cast(ManagerScorecard.BONUS);
  }
}
