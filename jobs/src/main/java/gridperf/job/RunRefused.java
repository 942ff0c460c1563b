package gridperf.job;

/**
 * A run refused by one of its own checks after it had read its input (the quarantine-rate guard):
 * nothing is committed, and the run's {@code pipeline_runs} row still records what it read and how
 * much of it would have gone to quarantine.
 */
public final class RunRefused extends IllegalStateException {
  private final long rowsIn;
  private final long rowsQuarantined;

  public RunRefused(String message, long rowsIn, long rowsQuarantined) {
    super(message);
    this.rowsIn = rowsIn;
    this.rowsQuarantined = rowsQuarantined;
  }

  /** Rows read (as a successful run counts its rows_in). */
  public long rowsIn() {
    return rowsIn;
  }

  /** Rows that would have been quarantined. */
  public long rowsQuarantined() {
    return rowsQuarantined;
  }

  /**
   * The outcome to record for a failed run: what {@code e} or one of its causes read, else zeros.
   */
  public static JobOutcome failedOutcome(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunRefused r) {
        return new JobOutcome(r.rowsIn, 0, r.rowsQuarantined, java.util.List.of(), null);
      }
    }
    return new JobOutcome(0, 0, 0, java.util.List.of(), null);
  }
}
