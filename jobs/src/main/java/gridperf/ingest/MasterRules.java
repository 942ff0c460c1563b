package gridperf.ingest;

import static gridperf.ingest.Values.date;
import static gridperf.ingest.Values.decimal;
import static gridperf.ingest.Values.decimalInRange;
import static gridperf.ingest.Values.integer;
import static gridperf.ingest.Values.missing;
import static gridperf.ingest.Values.required;

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
  static final Set<String> MARKET_TYPES = Set.of("urban", "town", "rural");
  static final Set<String> FORMATS =
      Set.of("grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other");
  static final Set<String> SCALES = Set.of("large", "medium", "small");
  static final Set<String> LICENSE = Set.of("active", "suspended", "closed");
  static final Set<String> ARMS = Set.of("pilot", "control");

  private MasterRules() {}

  /** The typed values (key columns first where the dimension has them), or a rejection. */
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
    key(f, 0);
    String market = required("market_type", f.get(3));
    Values.oneOf("market_type", market, MARKET_TYPES);
    return new Object[] {f.get(0), opt(f.get(1)), opt(f.get(2)), market};
  }

  private static Object[] manager(List<String> f) throws Reason.Reject {
    key(f, 0);
    LocalDate hire = missing(f.get(3)) ? null : date("hire_date", f.get(3));
    return new Object[] {
      f.get(0), opt(f.get(1)), opt(f.get(2)), hire == null ? null : Date.valueOf(hire)
    };
  }

  private static Object[] product(List<String> f) throws Reason.Reject {
    key(f, 0);
    long pc = integer("price_class", required("price_class", f.get(3)));
    BigDecimal price = missing(f.get(4)) ? null : decimal("carton_price", f.get(4));
    Values.between("price_class", pc, 1, 5);
    if (price != null) {
      decimalInRange("carton_price", price);
    }
    return new Object[] {f.get(0), opt(f.get(1)), opt(f.get(2)), (int) pc, price};
  }

  private static Object[] retailer(List<String> f, Map<String, String> grids, Set<String> managers)
      throws Reason.Reject {
    key(f, 0, 8);
    String format = required("format", f.get(2));
    String scale = required("scale", f.get(3));
    long grade = integer("grade", required("grade", f.get(4)));
    String grid = required("grid_code", f.get(5));
    String manager = required("manager_code", f.get(6));
    String license = required("license_status", f.get(7));
    LocalDate from = date("valid_from", f.get(8));
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
    // retailer_code, valid_from, retailer_name, format, scale, grade, grid, manager, license
    return new Object[] {
      f.get(0), from, opt(f.get(1)), format, scale, (int) grade, grid, manager, license
    };
  }

  private static Object[] target(List<String> f, Set<String> managers) throws Reason.Reject {
    key(f, 0, 1, 2);
    long year = integer("year", f.get(0));
    long month = integer("month", f.get(1));
    BigDecimal cases = decimal("target_cases", required("target_cases", f.get(3)));
    Values.between("year", year, 1, 9999);
    Values.between("month", month, 1, 12);
    if (cases.signum() < 0) {
      throw Reason.OUT_OF_RANGE.reject("target_cases is negative: " + cases);
    }
    decimalInRange("target_cases", cases);
    if (!managers.contains(f.get(2))) {
      throw Reason.UNKNOWN_MANAGER.reject(
          "manager_code " + f.get(2) + " is not in master/managers.csv");
    }
    return new Object[] {(int) year, (int) month, f.get(2), cases};
  }

  /**
   * A pilots.csv row: key (pilot_id, grid_code); arm, start_month and end_month in contract order
   * (missing, then not an existing {@code YYYY-MM}); then the ranges (arm, end before start); then
   * the grid. Whether a pilot's rows agree on the window is checked after precedence ({@link
   * MasterValidator}).
   */
  private static Object[] pilot(List<String> f, Map<String, String> grids) throws Reason.Reject {
    key(f, 0, 2);
    String arm = required("arm", f.get(3));
    java.time.YearMonth start = Values.month("start_month", required("start_month", f.get(4)));
    java.time.YearMonth end = Values.month("end_month", required("end_month", f.get(5)));
    Values.oneOf("arm", arm, ARMS);
    if (end.isBefore(start)) {
      throw Reason.OUT_OF_RANGE.reject("end_month " + end + " is before start_month " + start);
    }
    if (!grids.containsKey(f.get(2))) {
      throw Reason.UNKNOWN_GRID.reject("grid_code " + f.get(2) + " is not in master/grids.csv");
    }
    // pilot_id, grid_code, pilot_name, arm, start_month, end_month
    return new Object[] {f.get(0), f.get(2), opt(f.get(1)), arm, start.toString(), end.toString()};
  }
}
