package gridperf.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import gridperf.config.GridperfConfig;
import gridperf.landing.LandingFile;
import gridperf.landing.LandingReader;
import gridperf.landing.LandingSource;
import gridperf.landing.LineDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The checks that run before anything is committed: per file rows read = accepted + quarantined +
 * duplicates, and for every delivered file rows read equals the data lines its scan counted (an
 * independent count); then the quarantine guard over this batch's fact rows. Also builds the
 * ledger rows as the lake will stand.
 */
public final class Reconciliation {
  private final Map<String, IngestFiles.Counts> counts;
  private final Map<String, String> encodings;
  private long batchRead;
  private long batchAccepted;
  private long batchQuarantined;

  private Reconciliation(Map<String, IngestFiles.Counts> counts, Map<String, String> encodings) {
    this.counts = counts;
    this.encodings = encodings;
  }

  static Reconciliation check(
      Dataset<Row> statuses,
      Dataset<Row> fresh,
      Deliveries d,
      Map<String, IngestFiles.Entry> ledger,
      GridperfConfig cfg) {
    Map<String, IngestFiles.Counts> counts = IngestFiles.counts(statuses);
    Map<String, Set<String>> seen = new HashMap<>();
    for (Row r : fresh.groupBy("source_file").agg(collect_set(col("encoding"))).collectAsList()) {
      seen.put(r.getString(0), Set.copyOf(r.<String>getList(1)));
    }
    Map<String, String> labels = new HashMap<>();
    for (LandingFile f : d.delivered()) {
      LandingReader.Scan s = d.scans().get(f.relativePath());
      Set<String> enc = new java.util.HashSet<>(seen.getOrDefault(f.relativePath(), Set.of()));
      if (s.headerEncoding() != null) {
        enc.add(s.headerEncoding());
      }
      labels.put(f.relativePath(), label(enc, s.bom(), cfg.landing().charsetOf(f.source().charsetGroup())));
    }
    Reconciliation rec = new Reconciliation(counts, labels);
    for (Map.Entry<String, IngestFiles.Counts> e : counts.entrySet()) {
      if (!e.getValue().reconciles()) {
        throw new IllegalStateException("reconciliation failed for " + e.getKey() + ": " + e.getValue());
      }
    }
    String worst = null;
    double worstShare = -1;
    for (LandingFile f : d.delivered()) {
      IngestFiles.Counts c = rec.countsOf(f.relativePath());
      long lines = d.scans().get(f.relativePath()).dataLines();
      if (c.read() != lines) {
        throw new IllegalStateException(
            "reconciliation failed for " + f.relativePath() + ": " + lines + " data lines but "
                + c.read() + " rows read");
      }
      if (f.source() == LandingSource.SALES || f.source() == LandingSource.TOUCHPOINTS) {
        rec.batchRead += c.read();
        rec.batchAccepted += c.accepted();
        rec.batchQuarantined += c.quarantined();
        double share = c.read() == 0 ? 0 : (double) c.quarantined() / c.read();
        if (share > worstShare) {
          worstShare = share;
          worst = f.relativePath() + " (" + c.quarantined() + " of " + c.read() + " rows)";
        }
      }
    }
    double max = cfg.ingest().maxQuarantineRate();
    if (rec.batchRead > 0 && (double) rec.batchQuarantined / rec.batchRead > max) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "quarantined share %.2f%% of this batch's %d fact rows exceeds"
                  + " ingest.max_quarantine_rate %.2f%%; nothing committed; worst file %s",
              100.0 * rec.batchQuarantined / rec.batchRead,
              rec.batchRead,
              100.0 * max,
              worst));
    }
    return rec;
  }

  /** The file's encoding label (see {@link IngestFiles}). */
  static String label(Set<String> lineEncodings, boolean bom, String setting) {
    boolean mal = lineEncodings.contains(LineDecoder.MALFORMED);
    List<String> parts = new ArrayList<>();
    if (!setting.equalsIgnoreCase("auto")) {
      parts.add(setting.toUpperCase(Locale.ROOT) + (bom ? " BOM" : ""));
    } else {
      boolean gb = lineEncodings.contains(LineDecoder.GB18030);
      if (bom || lineEncodings.contains(LineDecoder.UTF8) || (!gb && !mal)) {
        parts.add(bom ? "UTF-8 BOM" : "UTF-8");
      }
      if (gb) {
        parts.add("GB18030");
      }
    }
    if (mal) {
      parts.add("MALFORMED");
    }
    return String.join("+", parts);
  }

  IngestFiles.Counts countsOf(String file) {
    return counts.getOrDefault(file, new IngestFiles.Counts(0, 0, 0, 0));
  }

  public long batchRead() {
    return batchRead;
  }

  public long batchAccepted() {
    return batchAccepted;
  }

  public long batchQuarantined() {
    return batchQuarantined;
  }

  /** The ledger as it will stand: every earlier file with today's counts, plus this batch's. */
  Dataset<Row> ledger(
      SparkSession spark,
      Deliveries d,
      Map<String, IngestFiles.Entry> old,
      String batchId,
      long batchSeq) {
    Map<String, IngestFiles.Entry> entries = new TreeMap<>(old);
    d.touched().forEach(e -> entries.put(e.sourceFile(), e));
    for (LandingFile f : d.delivered()) {
      entries.put(
          f.relativePath(),
          new IngestFiles.Entry(
              f.relativePath(), d.scans().get(f.relativePath()).contentHash(), batchId,
              encodings.get(f.relativePath()), f.source().label(), f.size(),
              f.modificationTime(), batchSeq, 0));
    }
    List<Row> rows = new ArrayList<>();
    for (IngestFiles.Entry e : entries.values()) {
      IngestFiles.Counts c = countsOf(e.sourceFile());
      rows.add(
          RowFactory.create(
              e.sourceFile(), e.contentHash(), e.batchId(), e.encoding(), c.read(), c.accepted(),
              c.quarantined(), c.duplicate(), e.source(), e.size(), e.modificationTime(),
              e.batchSeq()));
    }
    return spark.createDataFrame(rows, IngestFiles.SCHEMA);
  }
}
