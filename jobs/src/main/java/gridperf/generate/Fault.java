package gridperf.generate;

/**
 * The bad-input kinds {@code --dirty-rate} injects, with the landing source they go to and the
 * outcome docs/contract.md prescribes for them (a reason code, DUPLICATE, CORRECTION or ACCEPTED).
 */
public enum Fault {
  WRONG_COLUMN_COUNT("sales", "MALFORMED"),
  UNCLOSED_QUOTE("sales", "MALFORMED"),
  NON_NUMERIC_AMOUNT("sales", "BAD_NUMBER"),
  BAD_DATE("sales", "BAD_DATE"),
  UNKNOWN_RETAILER("sales", "UNKNOWN_RETAILER"),
  UNKNOWN_SKU("sales", "UNKNOWN_SKU"),
  DUPLICATE("sales", "DUPLICATE"),
  CORRECTION("sales", "CORRECTION"),
  LATE_FILE("sales", "ACCEPTED"),
  GBK_FILE("sales", "ACCEPTED"),
  BOM_FILE("sales", "ACCEPTED"),
  TP_INVALID_JSON("touchpoints", "MALFORMED"),
  TP_UNKNOWN_RETAILER("touchpoints", "UNKNOWN_RETAILER"),
  TP_UNKNOWN_MANAGER("touchpoints", "UNKNOWN_MANAGER"),
  TP_DUPLICATE("touchpoints", "DUPLICATE"),
  TP_CORRECTION("touchpoints", "CORRECTION"),
  TP_TIMEZONE_SHIFT("touchpoints", "ACCEPTED"),
  TP_LATE_FILE("touchpoints", "ACCEPTED"),
  TP_BOM_FILE("touchpoints", "ACCEPTED"),
  IN_WRONG_COLUMN_COUNT("inspections", "MALFORMED"),
  IN_MISSING_ID("inspections", "MISSING_KEY"),
  IN_MISSING_VALUE("inspections", "MISSING_VALUE"),
  IN_BAD_DATE("inspections", "BAD_DATE"),
  IN_NON_INTEGER_ERRORS("inspections", "BAD_NUMBER"),
  IN_DATE_OUT_OF_RANGE("inspections", "OUT_OF_RANGE"),
  IN_BAD_LEVEL("inspections", "OUT_OF_RANGE"),
  IN_BAD_PASSED("inspections", "OUT_OF_RANGE"),
  IN_NEGATIVE_ERRORS("inspections", "OUT_OF_RANGE"),
  IN_UNKNOWN_MANAGER("inspections", "UNKNOWN_MANAGER"),
  IN_UNKNOWN_RETAILER("inspections", "UNKNOWN_RETAILER"),
  IN_NO_RETAILER_VERSION("inspections", "NO_RETAILER_VERSION"),
  IN_DUPLICATE("inspections", "DUPLICATE"),
  IN_CORRECTION("inspections", "CORRECTION");

  /** Row faults spread over the ordinary files of each source (file-level kinds excluded). */
  static final Fault[] SALES_ROWS = {
    WRONG_COLUMN_COUNT,
    UNCLOSED_QUOTE,
    NON_NUMERIC_AMOUNT,
    BAD_DATE,
    UNKNOWN_RETAILER,
    UNKNOWN_SKU,
    DUPLICATE,
    CORRECTION
  };

  static final Fault[] TP_ROWS = {
    TP_INVALID_JSON,
    TP_UNKNOWN_RETAILER,
    TP_UNKNOWN_MANAGER,
    TP_DUPLICATE,
    TP_CORRECTION,
    TP_TIMEZONE_SHIFT
  };

  static final Fault[] IN_ROWS = {
    IN_WRONG_COLUMN_COUNT,
    IN_MISSING_ID,
    IN_MISSING_VALUE,
    IN_BAD_DATE,
    IN_NON_INTEGER_ERRORS,
    IN_DATE_OUT_OF_RANGE,
    IN_BAD_LEVEL,
    IN_BAD_PASSED,
    IN_NEGATIVE_ERRORS,
    IN_UNKNOWN_MANAGER,
    IN_UNKNOWN_RETAILER,
    IN_NO_RETAILER_VERSION,
    IN_DUPLICATE,
    IN_CORRECTION
  };

  public final String fileType;
  public final String expected;

  Fault(String fileType, String expected) {
    this.fileType = fileType;
    this.expected = expected;
  }

  /** The manifest name: {@code unknown_retailer} for every source (file_type tells them apart). */
  public String kind() {
    String n = name().toLowerCase(java.util.Locale.ROOT);
    return n.startsWith("tp_") || n.startsWith("in_") ? n.substring(3) : n;
  }

  /** One injected row (or, for file-level kinds, one row of the file) and where it landed. */
  public record At(Fault fault, String file, long line) {}

  /** A row to append to a later file in the second pass (duplicates, corrections). */
  record Carry(int target, String line, Fault fault) {}
}
