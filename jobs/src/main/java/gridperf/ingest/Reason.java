package gridperf.ingest;

/**
 * Quarantine reason codes (docs/contract.md, Reason codes), in the order they are checked: a row
 * gets the first that applies.
 */
public enum Reason {
  MALFORMED,
  MISSING_KEY,
  MISSING_VALUE,
  BAD_DATE,
  BAD_NUMBER,
  OUT_OF_RANGE,
  ZERO_QTY,
  UNKNOWN_GRID,
  UNKNOWN_MANAGER,
  UNKNOWN_RETAILER,
  UNKNOWN_SKU,
  NO_RETAILER_VERSION,
  RETAILER_NOT_ACTIVE;

  /** A rejected row: the reason and a detail naming the column and value. */
  public static final class Reject extends Exception {
    private final Reason reason;

    public Reject(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Throws this reason with a detail. */
  public Reject reject(String detail) {
    return new Reject(this, detail);
  }
}
