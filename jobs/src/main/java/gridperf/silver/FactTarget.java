package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fact_target} — grain: one row per (year, month, manager_code), the winning accepted row of
 * {@code master/targets.csv}. target_cases ≥ 0, at most 2 decimals.
 */
public final class FactTarget {
  public static final StructType SCHEMA =
      new StructType()
          .add("year", IntegerType, false)
          .add("month", IntegerType, false)
          .add("manager_code", StringType, false)
          .add("target_cases", DataTypes.createDecimalType(18, 2), false);

  private FactTarget() {}
}
