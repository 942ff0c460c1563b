package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_manager} — grain: one row per manager_code (accepted rows of {@code
 * master/managers.csv}). Key: manager_code.
 */
public final class DimManager {
  public static final StructType SCHEMA =
      new StructType()
          .add("manager_code", StringType, false)
          .add("manager_name", StringType, true)
          .add("station", StringType, true)
          .add("hire_date", DateType, true);

  private DimManager() {}
}
