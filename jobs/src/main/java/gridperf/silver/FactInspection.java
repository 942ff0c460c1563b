package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code fact_inspection} — grain: one row per inspection_id, the key's winning accepted row
 * (precedence as for sales). Partitioned by year, month of inspection_date.
 *
 * <p>level is self, general or spot; passed is the landing Y/N as a boolean; errors ≥ 0.
 * manager_code is the manager the row names (whose service was inspected), not the manager of the
 * retailer's version. The retailer columns (retailer_valid_from, grid_code, format, market_type,
 * scale) come from the retailer's version valid on inspection_date, which may be of any license
 * status (only a day with no version at all is quarantined).
 */
public final class FactInspection {
  public static final StructType SCHEMA =
      new StructType()
          .add("inspection_id", StringType, false)
          .add("inspection_date", DateType, false)
          .add("level", StringType, false)
          .add("manager_code", StringType, false)
          .add("retailer_code", StringType, false)
          .add("passed", BooleanType, false)
          .add("errors", LongType, false)
          .add("retailer_valid_from", DateType, false)
          .add("grid_code", StringType, false)
          .add("format", StringType, false)
          .add("market_type", StringType, false)
          .add("scale", StringType, false)
          .add("src_file", StringType, false)
          .add("src_line", LongType, false)
          .add("batch_id", StringType, false)
          .add("year", IntegerType, false)
          .add("month", IntegerType, false);

  private FactInspection() {}
}
