package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_pilot} — grain: one row per (pilot_id, grid_code), the accepted rows of the latest
 * {@code master/pilots.csv}. arm ∈ {pilot, control}; start_month ≤ end_month, both {@code YYYY-MM};
 * every row of a pilot has the same window (a pilot whose rows disagree has none here).
 */
public final class DimPilot {
  public static final StructType SCHEMA =
      new StructType()
          .add("pilot_id", StringType, false)
          .add("grid_code", StringType, false)
          .add("pilot_name", StringType, true)
          .add("arm", StringType, false)
          .add("start_month", StringType, false)
          .add("end_month", StringType, false);

  private DimPilot() {}
}
