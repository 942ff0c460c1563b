package gridperf.ingest;

import java.util.Locale;
import java.util.Map;

/** The reconciliation printed at the end of a run: per source, rows by status and by reason. */
final class Summary {
  private Summary() {}

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
      long[] c = e.getValue().byStatus();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-12s %,12d %,12d %,12d %,12d%n",
              e.getKey(),
              c[0] + c[1] + c[2],
              c[0],
              c[1],
              c[2]));
      e.getValue()
          .reasons()
          .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "    %-24s %,12d%n", k, v)));
    }
    return sb.toString().stripTrailing();
  }
}
