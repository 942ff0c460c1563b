package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * TEMPORARY (branch score): a minimal stand-in with the exact signature the gold branch provides,
 * so the score job compiles and is testable before the merge. At merge, keep the gold branch's
 * {@code gridperf.gold.ServiceCompliance} and drop this file.
 */
public final class ServiceCompliance {
  private ServiceCompliance() {}

  /**
   * service_compliance per (entity_type, entity_code, year): the share of the (retailer, month)
   * rows of {@code serviceVisits} — one per retailer assigned to the entity in the month, with its
   * visits credited to the entity — whose retailer has a segment of the previous year and whose
   * visits reach the menu. Entities without such pairs have no row (NULL when joined).
   */
  public static Dataset<Row> serviceCompliance(
      Dataset<Row> serviceVisits, Dataset<Row> retailerSegment, ScoringConfig cfg) {
    Dataset<Row> owed =
        retailerSegment.select(
            col("retailer_code"),
            col("year").plus(1).as("year"),
            when(col("segment").equalTo("A"), cfg.visitsOwed("A"))
                .when(col("segment").equalTo("B"), cfg.visitsOwed("B"))
                .otherwise(cfg.visitsOwed("C"))
                .as("owed"));
    Column met = when(col("visits").geq(col("owed")), 1).otherwise(0);
    return serviceVisits
        .join(owed, new String[] {"retailer_code", "year"}, "inner")
        .groupBy("entity_type", "entity_code", "year")
        .agg(sum(met).cast("double").divide(count(lit(1)).cast("double")).as("service_compliance"));
  }
}
