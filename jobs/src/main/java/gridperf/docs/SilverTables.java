package gridperf.docs;

import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;
import gridperf.silver.DimGrid;
import gridperf.silver.DimManager;
import gridperf.silver.DimProduct;
import gridperf.silver.DimRetailer;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTarget;
import gridperf.silver.FactTouchpoint;

/**
 * Dictionary entries of the silver tables (docs/contract.md, Validation to Crediting), kept beside
 * — not inside — the schema classes of {@code gridperf.silver} so the ingest work can change those
 * freely; a schema change without a matching entry here fails {@code TableDictionaryTest}.
 */
final class SilverTables {
  private static final String CREDIT =
      "from the retailer's version valid on the day (docs/contract.md, Crediting)";

  /** The crediting columns both fact tables carry (docs/contract.md, Crediting). */
  private static TableDefinition credited(TableDefinition d) {
    return d.column("retailer_valid_from", "valid_from of the retailer version credited")
        .column("grid_code", "credited grid, " + CREDIT)
        .column("manager_code", "credited manager, " + CREDIT)
        .column("format", "credited retailer format, " + CREDIT)
        .column("market_type", "credited market type, " + CREDIT)
        .column("scale", "credited retailer scale, " + CREDIT);
  }

  static final TableDefinition DIM_GRID =
      TableDefinition.of(TableId.DIM_GRID, DimGrid.SCHEMA)
          .grain("one row per grid")
          .keys("grid_code")
          .sources("master/grids.csv (latest delivery, accepted rows)")
          .column("grid_code", "grid code (text)")
          .column("grid_name", "grid name")
          .column("station", "marketing station the grid belongs to")
          .column("market_type", "urban, town or rural");

  static final TableDefinition DIM_MANAGER =
      TableDefinition.of(TableId.DIM_MANAGER, DimManager.SCHEMA)
          .grain("one row per account manager")
          .keys("manager_code")
          .sources("master/managers.csv (accepted rows)")
          .column("manager_code", "account manager code (text)")
          .column("manager_name", "manager's name")
          .column("station", "marketing station")
          .column("hire_date", "date hired");

  static final TableDefinition DIM_PRODUCT =
      TableDefinition.of(TableId.DIM_PRODUCT, DimProduct.SCHEMA)
          .grain("one row per SKU")
          .keys("sku_code")
          .sources("master/products.csv (accepted rows)")
          .column("sku_code", "SKU code (text)")
          .column("sku_name", "product name")
          .column("brand", "brand")
          .column("price_class", "price class 1..5, 1 = highest")
          .column("carton_price", "price of one carton (条), yuan");

  static final TableDefinition DIM_RETAILER =
      TableDefinition.of(TableId.DIM_RETAILER, DimRetailer.SCHEMA)
          .grain("one row per retailer version (a retailer's master data from valid_from on)")
          .keys("retailer_code", "valid_from")
          .sources("master/retailers.csv (every version), dim_grid (market_type)")
          .rule(
              "A version holds from valid_from up to the next accepted version's valid_from,"
                  + " exclusive; a quarantined version does not exist, so the previous one stays in force.")
          .rule("A retailer is *assigned* on a day when its version for that day is `active`.")
          .column("retailer_code", "12-digit retailer (licence) code, text: keep leading zeros")
          .column("valid_from", "first day of this version")
          .column("valid_to", "first day of the next version (exclusive); NULL for the latest")
          .column("retailer_name", "shop name")
          .column(
              "format", "grocery, convenience, supermarket, tobacco_liquor, entertainment or other")
          .column("scale", "large, medium or small")
          .column("grade", "retailer grade 1..30")
          .column("grid_code", "grid the retailer belongs to in this version")
          .column("manager_code", "account manager serving it in this version")
          .column("license_status", "active, suspended or closed")
          .column("market_type", "market type of the version's grid (urban, town, rural)");

  static final TableDefinition FACT_SALES_LINE =
      TableDefinition.of(TableId.FACT_SALES_LINE, FactSalesLine.SCHEMA)
          .apply(SilverTables::credited)
          .grain("one row per sales order line (the key's winning accepted row)")
          .keys("order_id", "line_no")
          .partitionedBy("year", "month")
          .sources("sales/YYYY/*.csv", "dim_retailer", "dim_product")
          .rule(
              "Only sales on days the retailer is assigned are here; the others are in"
                  + " `quarantine` (RETAILER_NOT_ACTIVE, NO_RETAILER_VERSION).")
          .rule("1 case (箱) = 250 cartons (条); a negative qty_cartons is a return.")
          .column("order_id", "order number")
          .column("line_no", "line of the order")
          .column("order_date", "order date")
          .column("retailer_code", "ordering retailer (text)")
          .column("sku_code", "product")
          .column("qty_cartons", "quantity in cartons (条); negative for a return")
          .column("amount_yuan", "line amount, yuan")
          .column("price_class", "the product's price class 1..5")
          .column("src_file", "landing file of the winning row, relative to the landing root")
          .column("src_line", "physical line of that row in the file (header = 1)")
          .column("batch_id", "ingest batch that accepted the row")
          .column("year", "year of order_date (partition)")
          .column("month", "month of order_date (partition)");

  static final TableDefinition FACT_TOUCHPOINT =
      TableDefinition.of(TableId.FACT_TOUCHPOINT, FactTouchpoint.SCHEMA)
          .apply(SilverTables::credited)
          .grain("one row per service touchpoint (the key's winning accepted row)")
          .keys("event_id")
          .partitionedBy("year", "month")
          .sources("touchpoints/YYYY/*.jsonl", "dim_retailer", "dim_manager")
          .rule(
              "The business date is ts in `business.timezone` (default Asia/Shanghai):"
                  + " 2013-05-31T17:00:00Z belongs to June.")
          .column("event_id", "touchpoint id")
          .column("ts", "when it happened (instant)")
          .column("business_date", "ts as a date in the business time zone")
          .column("retailer_code", "retailer served (text)")
          .column("event_manager_code", "manager named by the event; NULL when absent")
          .column("channel", "visit, phone, wechat, complaint, delivery or training")
          .column("duration_min", "duration in minutes, as delivered (not validated)")
          .column("mot_appearance", "moment-of-truth score: appearance (visits); NULL when missing")
          .column("mot_behaviour", "moment-of-truth score: behaviour (visits); NULL when missing")
          .column(
              "mot_communication",
              "moment-of-truth score: communication (visits); NULL when missing")
          .column("satisfaction", "rating 1..5; NULL when absent")
          .column("complaint_category", "complaint category (complaints)")
          .column("complaint_resolved_ts", "when the complaint was resolved; NULL if unresolved")
          .column("complaint_resolved_24h", "true when 0 ≤ resolved_ts − ts ≤ 24 h")
          .column("src_file", "landing file of the winning row, relative to the landing root")
          .column("src_line", "line of that row in the file")
          .column("batch_id", "ingest batch that accepted the row")
          .column("year", "year of business_date (partition)")
          .column("month", "month of business_date (partition)");

  static final TableDefinition FACT_TARGET =
      TableDefinition.of(TableId.FACT_TARGET, FactTarget.SCHEMA)
          .grain("one row per manager and month")
          .keys("year", "month", "manager_code")
          .sources("master/targets.csv (winning accepted rows)")
          .column("year", "target year")
          .column("month", "target month 1..12")
          .column("manager_code", "account manager")
          .column("target_cases", "volume target in cases (箱), ≥ 0");

  private SilverTables() {}
}
