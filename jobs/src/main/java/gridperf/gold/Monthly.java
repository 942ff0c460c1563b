package gridperf.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The three monthly pre-aggregates of {@link Preaggregates}: sales, touchpoints and assignment. A
 * build computes them once (and caches them) and every gold table reads them.
 */
public record Monthly(Dataset<Row> sales, Dataset<Row> touchpoints, Dataset<Row> assigned) {

  /** Pre-aggregates the silver rows; assignment from dim_retailer clipped to the range. */
  public static Monthly of(
      Dataset<Row> factSales,
      Dataset<Row> factTouchpoints,
      Dataset<Row> dimRetailer,
      PeriodRange range) {
    return new Monthly(
        Preaggregates.sales(factSales),
        Preaggregates.touchpoints(factTouchpoints),
        Preaggregates.assigned(Assignment.monthly(Assignment.activeIntervals(dimRetailer, range))));
  }

  /** The same pre-aggregates restricted to a filter on year/month. */
  public Monthly where(org.apache.spark.sql.Column filter) {
    return new Monthly(sales.where(filter), touchpoints.where(filter), assigned.where(filter));
  }

  /** Caches the three pre-aggregates (they feed every table). */
  public Monthly persist() {
    return new Monthly(sales.persist(), touchpoints.persist(), assigned.persist());
  }

  /** Releases the cache. */
  public void unpersist() {
    sales.unpersist();
    touchpoints.unpersist();
    assigned.unpersist();
  }
}
