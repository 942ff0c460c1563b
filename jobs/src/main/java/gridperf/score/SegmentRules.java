package gridperf.score;

import gridperf.config.ScoringConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The two gold rules a what-if re-applies under its own scoring file (docs/contract.md, Segments):
 * segments from the yearly revenue ranks, and service compliance from the (entity, retailer, month,
 * visits) aggregate. The score job depends on this interface only; {@link #gold()} is the
 * production rule set from {@code gridperf.gold}.
 */
public interface SegmentRules {

  /** retailer_segment rows with {@code segment} recomputed under {@code cfg}'s cut-offs. */
  Dataset<Row> segments(Dataset<Row> retailerSegment, ScoringConfig cfg);

  /**
   * (entity_type, entity_code, year, service_compliance) from service_visits and segments computed
   * under {@code cfg}.
   */
  Dataset<Row> serviceCompliance(
      Dataset<Row> serviceVisits, Dataset<Row> retailerSegment, ScoringConfig cfg);

  /** The rules as the gold build applies them. */
  static SegmentRules gold() {
    return new SegmentRules() {
      @Override
      public Dataset<Row> segments(Dataset<Row> retailerSegment, ScoringConfig cfg) {
        return gridperf.gold.RetailerSegment.segments(retailerSegment, cfg);
      }

      @Override
      public Dataset<Row> serviceCompliance(
          Dataset<Row> serviceVisits, Dataset<Row> retailerSegment, ScoringConfig cfg) {
        return gridperf.gold.ServiceVisits.serviceCompliance(serviceVisits, retailerSegment, cfg);
      }
    };
  }
}
