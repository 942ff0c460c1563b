package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_grid} — grain: one row per grid_code (the accepted rows of the latest {@code
 * master/grids.csv} delivery). Key: grid_code. market_type ∈ {urban, town, rural}.
 */
public final class DimGrid {
  public static final StructType SCHEMA =
      new StructType()
          .add("grid_code", StringType, false)
          .add("grid_name", StringType, true)
          .add("station", StringType, true)
          .add("market_type", StringType, false);

  private DimGrid() {}
}
