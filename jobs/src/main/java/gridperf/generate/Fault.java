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
  TP_BOM_FILE("touchpoints", "ACCEPTED");

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

  public final String fileType;
  public final String expected;

  Fault(String fileType, String expected) {
    this.fileType = fileType;
    this.expected = expected;
  }

  /** The manifest name: {@code unknown_retailer} for both sources (file_type tells them apart). */
  public String kind() {
    String n = name().toLowerCase(java.util.Locale.ROOT);
    return n.startsWith("tp_") ? n.substring(3) : n;
  }

  /** One injected row (or, for file-level kinds, one row of the file) and where it landed. */
  public record At(Fault fault, String file, long line) {}

  /** A row to append to a later file in the second pass (duplicates, corrections). */
  record Carry(int target, String line, Fault fault) {}
}
