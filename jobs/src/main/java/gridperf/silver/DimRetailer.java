package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_retailer} — grain: one row per retailer version in force (retailer_code, valid_from).
 * A version holds from valid_from up to the next accepted version's valid_from, exclusive
 * (valid_to; NULL for the latest). Quarantined versions do not exist, so the previous version stays
 * in force. Versions of one retailer never overlap. market_type is the version's grid's market type
 * (denormalised for crediting: category = format, market_type, scale). A retailer is
 * <em>assigned</em> on a day when its version for that day is {@code active}.
 */
public final class DimRetailer {
  public static final StructType SCHEMA =
      new StructType()
          .add("retailer_code", StringType, false)
          .add("valid_from", DateType, false)
          .add("valid_to", DateType, true)
          .add("retailer_name", StringType, true)
          .add("format", StringType, false)
          .add("scale", StringType, false)
          .add("grade", IntegerType, false)
          .add("grid_code", StringType, false)
          .add("manager_code", StringType, false)
          .add("license_status", StringType, false)
          .add("market_type", StringType, false);

  private DimRetailer() {}
}
