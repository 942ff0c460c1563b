package gridperf.ingest;

import static gridperf.ingest.Values.missing;
import static gridperf.ingest.Values.required;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Field rules of a sales line (docs/contract.md, Field rules) in reason-code order, and its
 * crediting: the retailer version valid on order_date must exist and be active. Returns the typed,
 * credited values in {@link FactValidator#SALES} order after the status columns.
 */
final class SalesRules {
  private SalesRules() {}

  static Object[] typed(List<String> f, MasterData m, LocalDate asOf) throws Reason.Reject {
    if (missing(f.get(0)) || missing(f.get(1))) {
      throw Reason.MISSING_KEY.reject(
          missing(f.get(0)) ? "order_id is missing" : "line_no is missing");
    }
    long lineNo = Values.integer("line_no", f.get(1));
    LocalDate date = Values.date("order_date", required("order_date", f.get(2)));
    String retailer = required("retailer_code", f.get(3));
    String sku = required("sku_code", f.get(4));
    long qty = Values.integer("qty_cartons", required("qty_cartons", f.get(5)));
    BigDecimal amount = Values.decimal("amount_yuan", required("amount_yuan", f.get(6)));
    Values.dateInRange("order_date", date, asOf);
    Values.decimalInRange("amount_yuan", amount);
    if (qty == 0) {
      throw Reason.ZERO_QTY.reject("qty_cartons is 0");
    }
    if (!m.retailers().containsKey(retailer)) {
      throw Reason.UNKNOWN_RETAILER.reject("retailer_code " + retailer + " has no version");
    }
    Integer priceClass = m.productPriceClass().get(sku);
    if (priceClass == null) {
      throw Reason.UNKNOWN_SKU.reject("sku_code " + sku + " is not in master/products.csv");
    }
    MasterData.Version v = m.versionOn(retailer, date);
    if (v == null) {
      throw Reason.NO_RETAILER_VERSION.reject(
          "retailer " + retailer + " has no version on " + date);
    }
    if (!v.active()) {
      throw Reason.RETAILER_NOT_ACTIVE.reject(
          "retailer " + retailer + " is " + v.licenseStatus() + " on " + date);
    }
    return new Object[] {
      f.get(0),
      lineNo,
      Date.valueOf(date),
      retailer,
      sku,
      qty,
      amount,
      Date.valueOf(v.validFrom()),
      v.gridCode(),
      v.managerCode(),
      v.format(),
      v.marketType(),
      v.scale(),
      priceClass,
      date.getYear(),
      date.getMonthValue()
    };
  }
}
