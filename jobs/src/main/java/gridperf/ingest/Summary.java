package gridperf.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The reconciliation printed at the end of a run: per source, rows by status and by reason. */
final class Summary {
  private Summary() {}

  static String render(Dataset<Row> statuses, Reconciliation rec, Deliveries d) {
    List<Row> rows =
        statuses.groupBy("source", "status", "reason").agg(count("*")).orderBy(col("source")).collectAsList();
    Map<String, long[]> bySource = new TreeMap<>();
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    for (Row r : rows) {
      long[] c = bySource.computeIfAbsent(r.getString(0), k -> new long[4]);
      long n = r.getLong(3);
      c[0] += n;
      switch (r.getString(1)) {
        case RowStatus.ACCEPTED -> c[1] += n;
        case RowStatus.QUARANTINED -> {
          c[2] += n;
          reasons.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).merge(r.getString(2), n, Long::sum);
        }
        default -> c[3] += n;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "ingest: %d files delivered in this batch (%d rows read, %d accepted, %d quarantined)%n",
            d.delivered().size(), rec.batchRead(), rec.batchAccepted(), rec.batchQuarantined()));
    sb.append(String.format(Locale.ROOT, "%-12s %12s %12s %12s %12s%n", "source", "read", "accepted", "quarantined", "duplicate"));
    for (Map.Entry<String, long[]> e : bySource.entrySet()) {
      long[] c = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-12s %,12d %,12d %,12d %,12d%n", e.getKey(), c[0], c[1], c[2], c[3]));
      Map<String, Long> why = reasons.get(e.getKey());
      if (why != null) {
        why.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "    %-24s %,12d%n", k, v)));
      }
    }
    return sb.toString().stripTrailing();
  }
}
