package gridperf.ingest;

import static gridperf.ingest.Values.missing;
import static gridperf.ingest.Values.required;
import static gridperf.landingfiles.LandingSource.SALES;

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
  /** Positions of the contract columns in a row's fields, resolved once. */
  private static final class Field {
    static final int ORDER_ID = SALES.fieldIndex("order_id");
    static final int LINE_NO = SALES.fieldIndex("line_no");
    static final int ORDER_DATE = SALES.fieldIndex("order_date");
    static final int RETAILER_CODE = SALES.fieldIndex("retailer_code");
    static final int SKU_CODE = SALES.fieldIndex("sku_code");
    static final int QTY_CARTONS = SALES.fieldIndex("qty_cartons");
    static final int AMOUNT_YUAN = SALES.fieldIndex("amount_yuan");
  }

  private SalesRules() {}

  static Object[] typed(List<String> f, MasterData m, LocalDate asOf) throws Reason.Reject {
    String orderId = f.get(Field.ORDER_ID);
    if (missing(orderId) || missing(f.get(Field.LINE_NO))) {
      throw Reason.MISSING_KEY.reject(
          missing(orderId) ? "order_id is missing" : "line_no is missing");
    }
    long lineNo = Values.integer("line_no", f.get(Field.LINE_NO));
    LocalDate date = Values.date("order_date", required("order_date", f.get(Field.ORDER_DATE)));
    String retailer = required("retailer_code", f.get(Field.RETAILER_CODE));
    String sku = required("sku_code", f.get(Field.SKU_CODE));
    long qty = Values.integer("qty_cartons", required("qty_cartons", f.get(Field.QTY_CARTONS)));
    BigDecimal amount =
        Values.decimal("amount_yuan", required("amount_yuan", f.get(Field.AMOUNT_YUAN)));
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
      orderId,
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
