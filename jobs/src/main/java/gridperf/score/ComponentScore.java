package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig.Component;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * One component's score within a peer group (docs/contract.md, Manager scorecard): 100 × (k − 1) /
 * (n − 1), n = the group's non-NULL values, k = how many of them are no better than the manager's
 * (ties take the highest rank); n = 1 scores 100; NULL scores 0. Scores are one double expression
 * over exact counts, so equal values always score the same.
 */
final class ComponentScore {
  private ComponentScore() {}

  static String value(Component c) {
    return c.name() + "_value";
  }

  static String score(Component c) {
    return c.name() + "_score";
  }

  static String points(Component c) {
    return c.name() + "_points";
  }

  /**
   * The score of {@code c}'s value column within {@code group} columns (e.g. year, market_type).
   */
  static Column score(Component c, String... group) {
    Column[] by =
        java.util.Arrays.stream(group)
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    Column v = col(value(c));
    // Ordered worst first, a RANGE frame up to the current row holds every value no better than
    // the manager's, ties included: its count is k.
    WindowSpec noBetter =
        Window.partitionBy(by)
            .orderBy(c.higherIsBetter() ? v.asc_nulls_first() : v.desc_nulls_first())
            .rangeBetween(Window.unboundedPreceding(), Window.currentRow());
    Column k = count(v).over(noBetter);
    Column n = count(v).over(Window.partitionBy(by));
    return when(v.isNull(), lit(0.0))
        .when(n.equalTo(1), lit(100.0))
        .otherwise(lit(100.0).multiply(k.minus(1)).divide(n.minus(1)));
  }
}
