package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import gridperf.lakehouse.ScalaSeq;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code service_visits} — grain: (entity_type, entity_code, retailer_code, year, month), the small
 * aggregate the contract (docs/contract.md, Manager scorecard) keeps so a what-if run can recompute
 * service_compliance. Keys: all but the channel counts; year is the partition column. entity_type
 * is 'manager' or 'grid'. Sources: the assignment and touchpoint pre-aggregates of {@link Monthly}.
 * Rules: one row per (entity, retailer, month) with the retailer assigned to that entity on at
 * least one day of the month; visits, phone, wechat, training = touchpoints of that channel
 * credited to that entity for that retailer in the month (0 allowed).
 */
public final class ServiceVisits {
  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "entity_type string not null, entity_code string not null, retailer_code string not"
              + " null, year int not null, month int not null, visits bigint, phone bigint,"
              + " wechat bigint, training bigint");

  private ServiceVisits() {}

  /**
   * Columns: entity_type, entity_code, retailer_code, year, month, visits, phone, wechat, training
   * (longs).
   */
  public static Dataset<Row> build(Monthly in) {
    return forEntity(in, "manager", "manager_code").unionByName(forEntity(in, "grid", "grid_code"));
  }

  private static Dataset<Row> forEntity(Monthly in, String type, String codeColumn) {
    Dataset<Row> pairs =
        in.assigned()
            .select(
                col(codeColumn).as("entity_code"), col("retailer_code"), col("year"), col("month"))
            .distinct();
    Dataset<Row> visits =
        in.touchpoints()
            .groupBy(
                col(codeColumn).as("entity_code"), col("retailer_code"), col("year"), col("month"))
            .agg(
                sum("visits").as("v"),
                sum("phone").as("p"),
                sum("wechat").as("w"),
                sum("training").as("t"));
    return pairs
        .join(visits, ScalaSeq.of("entity_code", "retailer_code", "year", "month"), "left")
        .select(
            lit(type).as("entity_type"),
            col("entity_code"),
            col("retailer_code"),
            col("year"),
            col("month"),
            coalesce(col("v"), lit(0L)).as("visits"),
            coalesce(col("p"), lit(0L)).as("phone"),
            coalesce(col("w"), lit(0L)).as("wechat"),
            coalesce(col("t"), lit(0L)).as("training"));
  }

  /**
   * The per-channel counts of a service_visits table; a table written before they existed has
   * visits only, and its other channels read as 0.
   */
  public static Dataset<Row> withChannels(Dataset<Row> serviceVisits) {
    Dataset<Row> out = serviceVisits;
    for (String ch : List.of("phone", "wechat", "training")) {
      if (!List.of(out.columns()).contains(ch)) {
        out = out.withColumn(ch, lit(0L));
      }
    }
    return out;
  }

  /**
   * service_compliance per entity and year (pure; the score job calls it with a scenario's classes
   * and menus). Inputs: {@code serviceVisits} with entity_type, entity_code, retailer_code, year,
   * month, visits, phone, wechat, training (the service_visits table); {@code retailerSegment} with
   * retailer_code, year, class, preferred_remote (the retailer_segment table or a scenario's
   * recomputation). A (retailer, month) pair of year y counts when the retailer's class of year y −
   * 1 owes something; it complies when every entry of that class's menu is met by the channel's
   * touchpoints credited to the entity that month (remote on the preferred channel of y − 1).
   * Output: entity_type, entity_code, year, service_compliance = complying pairs / pairs (entities
   * or years without pairs have no row, i.e. NULL when joined).
   */
  public static Dataset<Row> serviceCompliance(
      Dataset<Row> serviceVisits, Dataset<Row> retailerSegment, ScoringConfig cfg) {
    return pairs(serviceVisits, retailerSegment, cfg)
        .groupBy("entity_type", "entity_code", "year")
        .agg(count(when(col("met"), 1)).as("_ok"), count(lit(1)).as("_pairs"))
        .select(
            col("entity_type"),
            col("entity_code"),
            col("year"),
            col("_ok")
                .cast("double")
                .divide(col("_pairs").cast("double"))
                .as("service_compliance"));
  }

  /**
   * The counted (entity, retailer, month) pairs behind {@link #serviceCompliance}: service_visits
   * columns plus segment, class and preferred_remote (of year − 1) and met.
   */
  public static Dataset<Row> pairs(
      Dataset<Row> serviceVisits, Dataset<Row> retailerSegment, ScoringConfig cfg) {
    Dataset<Row> seg =
        retailerSegment.select(
            col("retailer_code").as("_s_retailer"),
            col("year").plus(1).as("_s_year"),
            col("segment"),
            col("class"),
            col("preferred_remote"));
    Column cls = col("class");
    return withChannels(serviceVisits)
        .join(
            seg,
            col("retailer_code")
                .equalTo(col("_s_retailer"))
                .and(col("year").equalTo(col("_s_year"))))
        .where(RetailerClasses.owes(cfg.classes(), cls))
        .withColumn("met", RetailerClasses.met(cfg.classes(), cls, col("preferred_remote")))
        .drop("_s_retailer", "_s_year");
  }

  /**
   * Appends service_compliance to a perf table: the entity's value on Y rows, NULL on M and Q rows
   * and when the entity has no pairs in the year.
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
