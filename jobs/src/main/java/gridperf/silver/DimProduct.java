package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_product} — grain: one row per sku_code (accepted rows of {@code master/products.csv}).
 * Key: sku_code. price_class 1..5, 1 = highest.
 */
public final class DimProduct {
  public static final StructType SCHEMA =
      new StructType()
          .add("sku_code", StringType, false)
          .add("sku_name", StringType, true)
          .add("brand", StringType, true)
          .add("price_class", IntegerType, false)
          .add("carton_price", DataTypes.createDecimalType(18, 2), true);

  private DimProduct() {}
}
