package gridperf.ingest;

import static gridperf.ingest.Values.missing;
import static gridperf.ingest.Values.required;
import static gridperf.landingfiles.LandingSource.INSPECTIONS;

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
  static final Set<String> LEVELS = Values.ordered("self", "general", "spot");
  static final Set<String> PASSED = Values.ordered("Y", "N");

  /** Positions of the contract columns in a row's fields, resolved once. */
  private static final class Field {
    static final int INSPECTION_ID = INSPECTIONS.fieldIndex("inspection_id");
    static final int INSPECTION_DATE = INSPECTIONS.fieldIndex("inspection_date");
    static final int LEVEL = INSPECTIONS.fieldIndex("level");
    static final int MANAGER_CODE = INSPECTIONS.fieldIndex("manager_code");
    static final int RETAILER_CODE = INSPECTIONS.fieldIndex("retailer_code");
    static final int PASSED = INSPECTIONS.fieldIndex("passed");
    static final int ERRORS = INSPECTIONS.fieldIndex("errors");
  }

  private InspectionRules() {}

  static Object[] typed(List<String> f, MasterData m, LocalDate asOf) throws Reason.Reject {
    String inspectionId = f.get(Field.INSPECTION_ID);
    if (missing(inspectionId)) {
      throw Reason.MISSING_KEY.reject("inspection_id is missing");
    }
    LocalDate date =
        Values.date("inspection_date", required("inspection_date", f.get(Field.INSPECTION_DATE)));
    String level = required("level", f.get(Field.LEVEL));
    String manager = required("manager_code", f.get(Field.MANAGER_CODE));
    String retailer = required("retailer_code", f.get(Field.RETAILER_CODE));
    String passed = required("passed", f.get(Field.PASSED));
    long errors = Values.integer("errors", required("errors", f.get(Field.ERRORS)));
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
      inspectionId,
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
