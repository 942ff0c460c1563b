package gridperf.ingest;

import static gridperf.ingest.Values.date;
import static gridperf.ingest.Values.decimal;
import static gridperf.ingest.Values.decimalInRange;
import static gridperf.ingest.Values.integer;
import static gridperf.ingest.Values.missing;
import static gridperf.ingest.Values.required;
import static gridperf.landingfiles.LandingSource.GRIDS;
import static gridperf.landingfiles.LandingSource.MANAGERS;
import static gridperf.landingfiles.LandingSource.PILOTS;
import static gridperf.landingfiles.LandingSource.PRODUCTS;
import static gridperf.landingfiles.LandingSource.RETAILERS;
import static gridperf.landingfiles.LandingSource.TARGETS;

import gridperf.landingfiles.LandingSource;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field rules of the master files (docs/contract.md, Field rules), checked in the order of the
 * reason codes: key present, then each column's type in contract order, then ranges, then unknown
 * codes against the master data accepted so far. Returns the typed row in the silver dimension's
 * column order.
 */
final class MasterRules {
  static final Set<String> MARKET_TYPES = Values.ordered("urban", "town", "rural");
  static final Set<String> FORMATS =
      Values.ordered(
          "grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other");
  static final Set<String> SCALES = Values.ordered("large", "medium", "small");
  static final Set<String> LICENSE = Values.ordered("active", "suspended", "closed");
  static final Set<String> ARMS = Values.ordered("pilot", "control");

  private MasterRules() {}

  // positions of the contract columns in a row's fields, by file, resolved once

  private static final class Grid {
    static final int GRID_CODE = GRIDS.fieldIndex("grid_code");
    static final int GRID_NAME = GRIDS.fieldIndex("grid_name");
    static final int STATION = GRIDS.fieldIndex("station");
    static final int MARKET_TYPE = GRIDS.fieldIndex("market_type");
  }

  private static final class Manager {
    static final int MANAGER_CODE = MANAGERS.fieldIndex("manager_code");
    static final int MANAGER_NAME = MANAGERS.fieldIndex("manager_name");
    static final int STATION = MANAGERS.fieldIndex("station");
    static final int HIRE_DATE = MANAGERS.fieldIndex("hire_date");
  }

  private static final class Product {
    static final int SKU_CODE = PRODUCTS.fieldIndex("sku_code");
    static final int SKU_NAME = PRODUCTS.fieldIndex("sku_name");
    static final int BRAND = PRODUCTS.fieldIndex("brand");
    static final int PRICE_CLASS = PRODUCTS.fieldIndex("price_class");
    static final int CARTON_PRICE = PRODUCTS.fieldIndex("carton_price");
  }

  private static final class Retailer {
    static final int RETAILER_CODE = RETAILERS.fieldIndex("retailer_code");
    static final int RETAILER_NAME = RETAILERS.fieldIndex("retailer_name");
    static final int FORMAT = RETAILERS.fieldIndex("format");
    static final int SCALE = RETAILERS.fieldIndex("scale");
    static final int GRADE = RETAILERS.fieldIndex("grade");
    static final int GRID_CODE = RETAILERS.fieldIndex("grid_code");
    static final int MANAGER_CODE = RETAILERS.fieldIndex("manager_code");
    static final int LICENSE_STATUS = RETAILERS.fieldIndex("license_status");
    static final int VALID_FROM = RETAILERS.fieldIndex("valid_from");
  }

  private static final class Target {
    static final int YEAR = TARGETS.fieldIndex("year");
    static final int MONTH = TARGETS.fieldIndex("month");
    static final int MANAGER_CODE = TARGETS.fieldIndex("manager_code");
    static final int TARGET_CASES = TARGETS.fieldIndex("target_cases");
  }

  private static final class Pilot {
    static final int PILOT_ID = PILOTS.fieldIndex("pilot_id");
    static final int PILOT_NAME = PILOTS.fieldIndex("pilot_name");
    static final int GRID_CODE = PILOTS.fieldIndex("grid_code");
    static final int ARM = PILOTS.fieldIndex("arm");
    static final int START_MONTH = PILOTS.fieldIndex("start_month");
    static final int END_MONTH = PILOTS.fieldIndex("end_month");
  }

  /**
   * Positions in a retailer's typed row: the key (retailer_code, valid_from), then the version's
   * columns; {@link MasterValidator} adds valid_to and market_type to make the dimension's row.
   */
  static final class RetailerRow {
    static final int RETAILER_CODE = 0;
    static final int VALID_FROM = 1;
    static final int RETAILER_NAME = 2;
    static final int FORMAT = 3;
    static final int SCALE = 4;
    static final int GRADE = 5;
    static final int GRID_CODE = 6;
    static final int MANAGER_CODE = 7;
    static final int LICENSE_STATUS = 8;
    static final int WIDTH = 9;

    private RetailerRow() {}
  }

  /**
   * The typed values, or a rejection: in the dimension's column order ({@link
   * MasterValidator.Result#schemaOf}), except a retailer's ({@link RetailerRow}); key columns
   * first.
   */
  static Object[] typed(
      LandingSource s, List<String> f, Map<String, String> grids, Set<String> managers)
      throws Reason.Reject {
    return switch (s) {
      case GRIDS -> grid(f);
      case MANAGERS -> manager(f);
      case PRODUCTS -> product(f);
      case RETAILERS -> retailer(f, grids, managers);
      case TARGETS -> target(f, managers);
      case PILOTS -> pilot(f, grids);
      default -> throw new IllegalArgumentException(s.toString());
    };
  }

  /** How many leading typed values form the key. */
  static int keyWidth(LandingSource s) {
    return switch (s) {
      case RETAILERS -> 2;
      case TARGETS -> 3;
      case PILOTS -> 2;
      default -> 1;
    };
  }

  private static void key(List<String> f, int... idx) throws Reason.Reject {
    for (int i : idx) {
      if (missing(f.get(i))) {
        throw Reason.MISSING_KEY.reject("key column " + (i + 1) + " is missing");
      }
    }
  }

  private static String opt(String v) {
    return missing(v) ? null : v;
  }

  private static Object[] grid(List<String> f) throws Reason.Reject {
    key(f, Grid.GRID_CODE);
    String market = required("market_type", f.get(Grid.MARKET_TYPE));
    Values.oneOf("market_type", market, MARKET_TYPES);
    return new Object[] {
      f.get(Grid.GRID_CODE), opt(f.get(Grid.GRID_NAME)), opt(f.get(Grid.STATION)), market
    };
  }

  private static Object[] manager(List<String> f) throws Reason.Reject {
    key(f, Manager.MANAGER_CODE);
    String hireText = f.get(Manager.HIRE_DATE);
    LocalDate hire = missing(hireText) ? null : date("hire_date", hireText);
    return new Object[] {
      f.get(Manager.MANAGER_CODE),
      opt(f.get(Manager.MANAGER_NAME)),
      opt(f.get(Manager.STATION)),
      hire == null ? null : Date.valueOf(hire)
    };
  }

  private static Object[] product(List<String> f) throws Reason.Reject {
    key(f, Product.SKU_CODE);
    long pc = integer("price_class", required("price_class", f.get(Product.PRICE_CLASS)));
    String priceText = f.get(Product.CARTON_PRICE);
    BigDecimal price = missing(priceText) ? null : decimal("carton_price", priceText);
    Values.between("price_class", pc, 1, 5);
    if (price != null) {
      decimalInRange("carton_price", price);
    }
    return new Object[] {
      f.get(Product.SKU_CODE),
      opt(f.get(Product.SKU_NAME)),
      opt(f.get(Product.BRAND)),
      (int) pc,
      price
    };
  }

  private static Object[] retailer(List<String> f, Map<String, String> grids, Set<String> managers)
      throws Reason.Reject {
    key(f, Retailer.RETAILER_CODE, Retailer.VALID_FROM);
    String format = required("format", f.get(Retailer.FORMAT));
    String scale = required("scale", f.get(Retailer.SCALE));
    long grade = integer("grade", required("grade", f.get(Retailer.GRADE)));
    String grid = required("grid_code", f.get(Retailer.GRID_CODE));
    String manager = required("manager_code", f.get(Retailer.MANAGER_CODE));
    String license = required("license_status", f.get(Retailer.LICENSE_STATUS));
    LocalDate from = date("valid_from", f.get(Retailer.VALID_FROM));
    Values.oneOf("format", format, FORMATS);
    Values.oneOf("scale", scale, SCALES);
    Values.between("grade", grade, 1, 30);
    Values.oneOf("license_status", license, LICENSE);
    if (!grids.containsKey(grid)) {
      throw Reason.UNKNOWN_GRID.reject("grid_code " + grid + " is not in master/grids.csv");
    }
    if (!managers.contains(manager)) {
      throw Reason.UNKNOWN_MANAGER.reject(
          "manager_code " + manager + " is not in master/managers.csv");
    }
    Object[] t = new Object[RetailerRow.WIDTH];
    t[RetailerRow.RETAILER_CODE] = f.get(Retailer.RETAILER_CODE);
    t[RetailerRow.VALID_FROM] = from;
    t[RetailerRow.RETAILER_NAME] = opt(f.get(Retailer.RETAILER_NAME));
    t[RetailerRow.FORMAT] = format;
    t[RetailerRow.SCALE] = scale;
    t[RetailerRow.GRADE] = (int) grade;
    t[RetailerRow.GRID_CODE] = grid;
    t[RetailerRow.MANAGER_CODE] = manager;
    t[RetailerRow.LICENSE_STATUS] = license;
    return t;
  }

  private static Object[] target(List<String> f, Set<String> managers) throws Reason.Reject {
    key(f, Target.YEAR, Target.MONTH, Target.MANAGER_CODE);
    long year = integer("year", f.get(Target.YEAR));
    long month = integer("month", f.get(Target.MONTH));
    String manager = f.get(Target.MANAGER_CODE);
    BigDecimal cases =
        decimal("target_cases", required("target_cases", f.get(Target.TARGET_CASES)));
    Values.between("year", year, 1, 9999);
    Values.between("month", month, 1, 12);
    if (cases.signum() < 0) {
      throw Reason.OUT_OF_RANGE.reject("target_cases is negative: " + cases);
    }
    decimalInRange("target_cases", cases);
    if (!managers.contains(manager)) {
      throw Reason.UNKNOWN_MANAGER.reject(
          "manager_code " + manager + " is not in master/managers.csv");
    }
    return new Object[] {(int) year, (int) month, manager, cases};
  }

  /**
   * A pilots.csv row: key (pilot_id, grid_code); arm, start_month and end_month in contract order
   * (missing, then not an existing {@code YYYY-MM}); then the ranges (arm, end before start); then
   * the grid. Whether a pilot's rows agree on the window is checked after precedence ({@link
   * MasterValidator}).
   */
  private static Object[] pilot(List<String> f, Map<String, String> grids) throws Reason.Reject {
    key(f, Pilot.PILOT_ID, Pilot.GRID_CODE);
    String grid = f.get(Pilot.GRID_CODE);
    String arm = required("arm", f.get(Pilot.ARM));
    java.time.YearMonth start =
        Values.month("start_month", required("start_month", f.get(Pilot.START_MONTH)));
    java.time.YearMonth end =
        Values.month("end_month", required("end_month", f.get(Pilot.END_MONTH)));
    Values.oneOf("arm", arm, ARMS);
    if (end.isBefore(start)) {
      throw Reason.OUT_OF_RANGE.reject("end_month " + end + " is before start_month " + start);
    }
    if (!grids.containsKey(grid)) {
      throw Reason.UNKNOWN_GRID.reject("grid_code " + grid + " is not in master/grids.csv");
    }
    // pilot_id, grid_code, pilot_name, arm, start_month, end_month
    return new Object[] {
      f.get(Pilot.PILOT_ID),
      grid,
      opt(f.get(Pilot.PILOT_NAME)),
      arm,
      start.toString(),
      end.toString()
    };
  }
}
