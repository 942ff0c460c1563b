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
  record SourceCounts(IngestFiles.Counts counts, Map<String, Long> reasons) {}

  /** Rows by status, added up group by group. */
  private static final class StatusCounts {
    private long accepted;
    private long quarantined;
    private long duplicate;
    private final Map<String, Long> reasons = new TreeMap<>();

    void add(String status, String reason, long n) {
      switch (status) {
        case RowStatus.ACCEPTED -> accepted += n;
        case RowStatus.QUARANTINED -> {
          quarantined += n;
          reasons.merge(reason, n, Long::sum);
        }
        case RowStatus.DUPLICATE -> duplicate += n;
        default -> throw new IllegalStateException("row left with status " + status);
      }
    }

    IngestFiles.Counts counts() {
      return new IngestFiles.Counts(
          accepted + quarantined + duplicate, accepted, quarantined, duplicate);
    }
  }

  private final Map<String, IngestFiles.Counts> files = new HashMap<>();
  private final Map<String, Set<String>> encodings = new HashMap<>();
  private final Map<String, SourceCounts> sources = new TreeMap<>();

  private Tally() {}

  /** Aggregates status rows (any dataset with the {@link RowStatus} columns). */
  static Tally of(Dataset<Row> statuses) {
    List<Row> rows =
        statuses
            .groupBy("source", "source_file", "status", "reason")
            .agg(count("*").as("rows"), collect_set(col("encoding")).as("encodings"))
            .collectAsList();
    Tally t = new Tally();
    Map<String, StatusCounts> perFile = new HashMap<>();
    Map<String, StatusCounts> perSource = new TreeMap<>();
    for (Row r : rows) {
      long n = r.getAs("rows");
      String status = r.getAs("status");
      String reason = r.getAs("reason");
      String file = r.getAs("source_file");
      perFile.computeIfAbsent(file, k -> new StatusCounts()).add(status, reason, n);
      t.encodings
          .computeIfAbsent(file, k -> new HashSet<>())
          .addAll(r.<String>getList(r.fieldIndex("encodings")));
      perSource.computeIfAbsent(r.getAs("source"), k -> new StatusCounts()).add(status, reason, n);
    }
    perFile.forEach((f, c) -> t.files.put(f, c.counts()));
    perSource.forEach((s, c) -> t.sources.put(s, new SourceCounts(c.counts(), c.reasons)));
    return t;
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
