package gridperf.score;

import static org.apache.spark.sql.functions.col;

import gridperf.config.ScoringConfig;
import gridperf.gold.RetailerClasses;
import gridperf.gold.ServiceVisits;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The (retailer, month) pairs behind an entity's service_compliance (docs/contract.md, Service menu
 * and service compliance), for the manager's statement: each service_visits row whose retailer's
 * class of the previous year owes something, with the visits that class is owed and whether the
 * month met its whole menu.
 */
public final class ServicePairs {
  private ServicePairs() {}

  /**
   * Columns: entity_type, entity_code, retailer_code, year, month, segment (of year − 1), owed
   * (visits), visits, met, class (of year − 1), preferred_remote, phone, wechat, training.
   */
  public static Dataset<Row> of(
      Dataset<Row> serviceVisits, Dataset<Row> segments, ScoringConfig cfg) {
    return ServiceVisits.pairs(serviceVisits, segments, cfg)
        .withColumn("owed", RetailerClasses.owed(cfg.classes(), col("class"), "visit"))
        .select(
            "entity_type",
            "entity_code",
            "retailer_code",
            "year",
            "month",
            "segment",
            "owed",
            "visits",
            "met",
            "class",
            "preferred_remote",
            "phone",
            "wechat",
            "training");
  }
}
