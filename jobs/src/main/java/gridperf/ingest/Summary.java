package gridperf.ingest;

import gridperf.job.JobOutcome;
import java.util.Locale;
import java.util.Map;

/**
 * The summary printed at the end of a run: per source, rows by status and by reason (the
 * reconciliation), then the landing files that were ignored and the run's Spark jobs and Delta
 * commits.
 */
final class Summary {
  private Summary() {}

  /**
   * The outcome with the ignored landing files ({@code ignored}, empty when none) and, when the run
   * wrote or read anything, its count of Spark jobs and Delta commits added to its summary.
   */
  static JobOutcome finished(JobOutcome o, String ignored, int sparkJobs) {
    String summary = o.summary() + (ignored.isEmpty() ? "" : "\n" + ignored);
    if (o.writes().isEmpty() && o.rowsIn() == 0) {
      return new JobOutcome(o.rowsIn(), o.rowsOut(), o.rowsQuarantined(), o.writes(), summary);
    }
    return new JobOutcome(
        o.rowsIn(),
        o.rowsOut(),
        o.rowsQuarantined(),
        o.writes(),
        summary + "\n" + sparkJobs + " Spark jobs, " + o.writes().size() + " Delta commits");
  }

  /**
   * Renders the tally of the rows this run (re)classified: every row on a full recompute, the
   * batch's rows on the incremental path ({@code scope} says which).
   */
  static String render(Tally tally, Reconciliation rec, Deliveries d, String scope) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "ingest (%s): %,d files delivered in this batch (%,d rows read, %,d accepted, %,d"
                + " quarantined)%n",
            scope,
            d.delivered().size(),
            rec.batchRead(),
            rec.batchAccepted(),
            rec.batchQuarantined()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %12s %12s %12s %12s%n",
            "source",
            "read",
            "accepted",
            "quarantined",
            "duplicate"));
    for (Map.Entry<String, Tally.SourceCounts> e : tally.sources().entrySet()) {
      IngestFiles.Counts c = e.getValue().counts();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-12s %,12d %,12d %,12d %,12d%n",
              e.getKey(),
              c.read(),
              c.accepted(),
              c.quarantined(),
              c.duplicate()));
      e.getValue()
          .reasons()
          .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "    %-24s %,12d%n", k, v)));
    }
    return sb.toString().stripTrailing();
  }
}
