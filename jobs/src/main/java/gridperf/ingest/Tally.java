package gridperf.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything the end of a run needs to know about {@link RowStatus} rows, from one aggregation (one
 * Spark job): per file the counts by status and the line encodings seen, per source the counts by
 * status and quarantine reason (for the printed reconciliation).
 */
final class Tally {
  /** Counts by status of one source, and its quarantine reasons. */
  record SourceCounts(long[] byStatus, Map<String, Long> reasons) {}

  private final Map<String, IngestFiles.Counts> files = new HashMap<>();
  private final Map<String, Set<String>> encodings = new HashMap<>();
  private final Map<String, SourceCounts> sources = new TreeMap<>();

  private Tally() {}

  /** Aggregates status rows (any dataset with the {@link RowStatus} columns). */
  static Tally of(Dataset<Row> statuses) {
    List<Row> rows =
        statuses
            .groupBy("source", "source_file", "status", "reason")
            .agg(count("*"), collect_set(col("encoding")))
            .collectAsList();
    Tally t = new Tally();
    Map<String, long[]> perFile = new HashMap<>();
    for (Row r : rows) {
      long n = r.getLong(4);
      int i = index(r.getString(2));
      perFile.computeIfAbsent(r.getString(1), k -> new long[3])[i] += n;
      t.encodings
          .computeIfAbsent(r.getString(1), k -> new HashSet<>())
          .addAll(r.<String>getList(5));
      SourceCounts s =
          t.sources.computeIfAbsent(
              r.getString(0), k -> new SourceCounts(new long[3], new TreeMap<>()));
      s.byStatus()[i] += n;
      if (i == 1) {
        s.reasons().merge(r.getString(3), n, Long::sum);
      }
    }
    perFile.forEach(
        (f, c) -> t.files.put(f, new IngestFiles.Counts(c[0] + c[1] + c[2], c[0], c[1], c[2])));
    return t;
  }

  private static int index(String status) {
    return switch (status) {
      case RowStatus.ACCEPTED -> 0;
      case RowStatus.QUARANTINED -> 1;
      case RowStatus.DUPLICATE -> 2;
      default -> throw new IllegalStateException("row left with status " + status);
    };
  }

  /** Counts of a file (zeros when it has no rows). */
  IngestFiles.Counts counts(String file) {
    return files.getOrDefault(file, new IngestFiles.Counts(0, 0, 0, 0));
  }

  Map<String, IngestFiles.Counts> files() {
    return files;
  }

  /** The line encodings seen in a file. */
  Set<String> encodings(String file) {
    return encodings.getOrDefault(file, Set.of());
  }

  /** By source label: counts (accepted, quarantined, duplicate) and reasons. */
  Map<String, SourceCounts> sources() {
    return sources;
  }
}
