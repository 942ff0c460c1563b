package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
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
 * {@code service_visits} — grain: (entity_type, entity_code, retailer_code, year, month), the small
 * aggregate the contract (docs/contract.md, Manager scorecard) keeps so a what-if run can recompute
 * service_compliance. Keys: all but visits; year is the partition column. entity_type is 'manager'
 * or 'grid'. Sources: the assignment and touchpoint pre-aggregates of {@link Monthly}. Rules: one
 * row per (entity, retailer, month) with the retailer assigned to that entity on at least one day
 * of the month; visits = visits credited to that entity for that retailer in the month (0 allowed).
 */
public final class ServiceVisits {
  private ServiceVisits() {}

  /** Columns: entity_type, entity_code, retailer_code, year, month, visits (long). */
  public static Dataset<Row> build(Monthly in) {
    return forEntity(in, "manager", "manager_code").unionByName(forEntity(in, "grid", "grid_code"));
  }

  private static Dataset<Row> forEntity(Monthly in, String type, String codeColumn) {
    Dataset<Row> pairs =
        in.assigned()
            .select(col(codeColumn).as("entity_code"), col("retailer_code"), col("year"), col("month"))
            .distinct();
    Dataset<Row> visits =
        in.touchpoints()
            .groupBy(col(codeColumn).as("entity_code"), col("retailer_code"), col("year"), col("month"))
            .agg(sum("visits").as("v"));
    return pairs
        .join(visits, PerfManager.scalaSeq("entity_code", "retailer_code", "year", "month"), "left")
        .select(
            lit(type).as("entity_type"),
            col("entity_code"),
            col("retailer_code"),
            col("year"),
            col("month"),
            coalesce(col("v"), lit(0L)).as("visits"));
  }

  /**
   * service_compliance per entity and year (pure; the score job calls it with a scenario's menu).
   * Inputs: {@code serviceVisits} with entity_type, entity_code, retailer_code, year, month, visits
   * (the service_visits table); {@code retailerSegment} with retailer_code, year, segment (the
   * retailer_segment table or {@link RetailerSegment#segments}). A (retailer, month) pair of year
   * y counts when the retailer has a segment of year y − 1; it complies when visits ≥ the menu's
   * visits for that segment. Output: entity_type, entity_code, year, service_compliance = complying
   * pairs / pairs (entities or years without pairs have no row, i.e. NULL when joined).
   */
  public static Dataset<Row> serviceCompliance(
      Dataset<Row> serviceVisits, Dataset<Row> retailerSegment, ScoringConfig cfg) {
    Dataset<Row> seg =
        retailerSegment.select(
            col("retailer_code").as("_s_retailer"),
            col("year").plus(1).as("_s_year"),
            col("segment"));
    Column owed =
        when(col("segment").equalTo("A"), lit(cfg.visitsOwed("A")))
            .when(col("segment").equalTo("B"), lit(cfg.visitsOwed("B")))
            .otherwise(lit(cfg.visitsOwed("C")));
    return serviceVisits
        .join(
            seg,
            col("retailer_code").equalTo(col("_s_retailer")).and(col("year").equalTo(col("_s_year"))))
        .groupBy("entity_type", "entity_code", "year")
        .agg(
            count(when(col("visits").geq(owed), 1)).as("_ok"),
            count(lit(1)).as("_pairs"))
        .select(
            col("entity_type"),
            col("entity_code"),
            col("year"),
            col("_ok").cast("double").divide(col("_pairs").cast("double")).as("service_compliance"));
  }

  /**
   * Appends service_compliance to a perf table: the entity's value on Y rows, NULL on M and Q
   * rows and when the entity has no pairs in the year.
   */
  static Dataset<Row> attach(
      Dataset<Row> perf, Dataset<Row> compliance, String entityType, String codeColumn) {
    Dataset<Row> c =
        compliance
            .where(col("entity_type").equalTo(entityType))
            .select(
                col("entity_code").as("_c_code"),
                col("year").as("_c_year"),
                col("service_compliance").as("_c_value"));
    Column on =
        col(codeColumn)
            .equalTo(col("_c_code"))
            .and(col("year").equalTo(col("_c_year")))
            .and(col("period_type").equalTo("Y"));
    return perf.join(c, on, "left")
        .withColumn("service_compliance", col("_c_value"))
        .drop("_c_code", "_c_year", "_c_value");
  }
}
