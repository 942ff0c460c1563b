package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code fact_touchpoint} — grain: one row per event_id, the key's winning accepted row.
 * Partitioned by year, month of business_date (ts in {@code business.timezone}).
 *
 * <p>event_manager_code is the manager named by the event (may be NULL); the credited columns
 * (grid_code, manager_code, format, market_type, scale) come from the retailer's version valid on
 * business_date (docs/contract.md, Crediting), which may be suspended or closed (only a day with no
 * version at all is quarantined). mot_* are NULL when missing or not a number; satisfaction is 1..5
 * or NULL. complaint_resolved_24h is true only for a complaint with 0 ≤ resolved_ts − ts ≤ 24 h.
 */
public final class FactTouchpoint {
  public static final StructType SCHEMA =
      new StructType()
          .add("event_id", StringType, false)
          .add("ts", TimestampType, false)
          .add("business_date", DateType, false)
          .add("retailer_code", StringType, false)
          .add("event_manager_code", StringType, true)
          .add("channel", StringType, false)
          .add("duration_min", DoubleType, true)
          .add("mot_appearance", DoubleType, true)
          .add("mot_behaviour", DoubleType, true)
          .add("mot_communication", DoubleType, true)
          .add("satisfaction", IntegerType, true)
          .add("complaint_category", StringType, true)
          .add("complaint_resolved_ts", TimestampType, true)
          .add("complaint_resolved_24h", BooleanType, true)
          .add("retailer_valid_from", DateType, false)
          .add("grid_code", StringType, false)
          .add("manager_code", StringType, false)
          .add("format", StringType, false)
          .add("market_type", StringType, false)
          .add("scale", StringType, false)
          .add("src_file", StringType, false)
          .add("src_line", LongType, false)
          .add("batch_id", StringType, false)
          .add("year", IntegerType, false)
          .add("month", IntegerType, false);

  private FactTouchpoint() {}
}
