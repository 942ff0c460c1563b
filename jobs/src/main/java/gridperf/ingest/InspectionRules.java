package gridperf.ingest;

import static gridperf.ingest.Values.missing;
import static gridperf.ingest.Values.required;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Field rules of an inspection (docs/ingest.md, "Inspections") in reason-code order: inspection_id
 * is the key [MISSING_KEY]; every other column is required [MISSING_VALUE]; inspection_date a date
 * [BAD_DATE] within 2000-01-01 … as-of [OUT_OF_RANGE]; errors an integer [BAD_NUMBER] ≥ 0; level
 * exactly self, general or spot and passed exactly Y or N [OUT_OF_RANGE]; then the manager
 * [UNKNOWN_MANAGER] and the retailer [UNKNOWN_RETAILER] in column order; the retailer must have a
 * version of any status on the date [NO_RETAILER_VERSION]. Returns the typed values in {@link
 * gridperf.silver.FactInspection} order (without lineage).
 */
final class InspectionRules {
  static final Set<String> LEVELS = Set.of("self", "general", "spot");
  static final Set<String> PASSED = Set.of("Y", "N");

  private InspectionRules() {}

  static Object[] typed(List<String> f, MasterData m, LocalDate asOf) throws Reason.Reject {
    if (missing(f.get(0))) {
      throw Reason.MISSING_KEY.reject("inspection_id is missing");
    }
    LocalDate date = Values.date("inspection_date", required("inspection_date", f.get(1)));
    String level = required("level", f.get(2));
    String manager = required("manager_code", f.get(3));
    String retailer = required("retailer_code", f.get(4));
    String passed = required("passed", f.get(5));
    long errors = Values.integer("errors", required("errors", f.get(6)));
    Values.dateInRange("inspection_date", date, asOf);
    Values.oneOf("level", level, LEVELS);
    Values.oneOf("passed", passed, PASSED);
    if (errors < 0) {
      throw Reason.OUT_OF_RANGE.reject("errors is negative: " + errors);
    }
    if (!m.managers().contains(manager)) {
      throw Reason.UNKNOWN_MANAGER.reject(
          "manager_code " + manager + " is not in master/managers.csv");
    }
    if (!m.retailers().containsKey(retailer)) {
      throw Reason.UNKNOWN_RETAILER.reject("retailer_code " + retailer + " has no version");
    }
    MasterData.Version v = m.versionOn(retailer, date);
    if (v == null) {
      throw Reason.NO_RETAILER_VERSION.reject(
          "retailer " + retailer + " has no version on " + date);
    }
    return new Object[] {
      f.get(0),
      Date.valueOf(date),
      level,
      manager,
      retailer,
      passed.equals("Y"),
      errors,
      Date.valueOf(v.validFrom()),
      v.gridCode(),
      v.format(),
      v.marketType(),
      v.scale(),
      date.getYear(),
      date.getMonthValue()
    };
  }
}
