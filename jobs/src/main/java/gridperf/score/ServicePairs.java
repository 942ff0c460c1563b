package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The (retailer, month) pairs behind an entity's service_compliance (docs/contract.md, Service menu
 * and service compliance), for the manager's statement: each service_visits row whose retailer has
 * a segment of the previous year, with the visits that segment is owed and whether the month met
 * it.
 */
public final class ServicePairs {
  private ServicePairs() {}

  /**
   * Columns: entity_type, entity_code, retailer_code, year, month, segment (of year − 1), owed,
   * visits, met.
   */
  public static Dataset<Row> of(
      Dataset<Row> serviceVisits, Dataset<Row> segments, ScoringConfig cfg) {
    Dataset<Row> prior =
        segments.select(col("retailer_code"), col("year").plus(1).as("year"), col("segment"));
    return serviceVisits
        .join(prior, new String[] {"retailer_code", "year"}, "inner")
        .withColumn(
            "owed",
            when(col("segment").equalTo("A"), cfg.visitsOwed("A"))
                .when(col("segment").equalTo("B"), cfg.visitsOwed("B"))
                .otherwise(cfg.visitsOwed("C")))
        .withColumn("met", col("visits").geq(col("owed")))
        .select(
            "entity_type",
            "entity_code",
            "retailer_code",
            "year",
            "month",
            "segment",
            "owed",
            "visits",
            "met");
  }
}
