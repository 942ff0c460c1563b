package gridperf.silver;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fact_sales_line} — grain: one row per (order_id, line_no), the key's winning accepted row
 * (docs/contract.md, Precedence). Partitioned by year, month of order_date.
 *
 * <p>Credited columns (docs/contract.md, Crediting) come from the retailer's version valid on
 * order_date (identified by retailer_valid_from): grid_code, manager_code, format, market_type,
 * scale; price_class from the product. Only sales on days the retailer is assigned (active) are
 * here. Lineage: src_file (relative to the landing root), src_line, batch_id of the winning row.
 */
public final class FactSalesLine {
  /** Amounts: at most 2 decimals, |amount| below 10^16; sums of them are exact decimal(28,2). */
  public static final org.apache.spark.sql.types.DecimalType AMOUNT =
      DataTypes.createDecimalType(18, 2);

  public static final StructType SCHEMA =
      new StructType()
          .add("order_id", StringType, false)
          .add("line_no", LongType, false)
          .add("order_date", DateType, false)
          .add("retailer_code", StringType, false)
          .add("sku_code", StringType, false)
          .add("qty_cartons", LongType, false)
          .add("amount_yuan", AMOUNT, false)
          .add("retailer_valid_from", DateType, false)
          .add("grid_code", StringType, false)
          .add("manager_code", StringType, false)
          .add("format", StringType, false)
          .add("market_type", StringType, false)
          .add("scale", StringType, false)
          .add("price_class", IntegerType, false)
          .add("src_file", StringType, false)
          .add("src_line", LongType, false)
          .add("batch_id", StringType, false)
          .add("year", IntegerType, false)
          .add("month", IntegerType, false);

  private FactSalesLine() {}
}
