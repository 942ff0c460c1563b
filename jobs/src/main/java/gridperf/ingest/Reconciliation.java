package gridperf.ingest;

import gridperf.config.GridperfConfig;
import gridperf.job.RunRefused;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingReader;
import gridperf.landingfiles.LineDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks that run before anything is committed: per file rows read = accepted + quarantined +
 * duplicates, and for every delivered file rows read equals the data lines its scan counted (an
 * independent count); then the quarantine guard over this batch's fact rows. Also builds the ledger
 * rows as the lake will stand.
 */
public final class Reconciliation {
  private final Tally tally;
  private final Map<String, String> encodings;
  private long batchRead;
  private long batchAccepted;
  private long batchQuarantined;

  private Reconciliation(Tally tally, Map<String, String> encodings) {
    this.tally = tally;
    this.encodings = encodings;
  }

  /**
   * Checks the tally of the rows this run classified (all rows, or only the batch's on the
   * incremental path) and throws, naming the file, when a check fails.
   */
  static Reconciliation check(Tally tally, Deliveries d, GridperfConfig cfg) {
    Map<String, String> labels = new HashMap<>();
    for (LandingFile f : d.delivered()) {
      LandingReader.Scan s = d.scans().get(f.relativePath());
      Set<String> enc = new java.util.HashSet<>(tally.encodings(f.relativePath()));
      if (s.headerEncoding() != null) {
        enc.add(s.headerEncoding());
      }
      labels.put(
          f.relativePath(),
          label(enc, s.bom(), cfg.landing().charsetOf(f.source().charsetGroup())));
    }
    Reconciliation rec = new Reconciliation(tally, labels);
    for (Map.Entry<String, IngestFiles.Counts> e : tally.files().entrySet()) {
      if (!e.getValue().reconciles()) {
        throw new IllegalStateException(
            "reconciliation failed for " + e.getKey() + ": " + e.getValue());
      }
    }
    String worst = null;
    double worstShare = -1;
    for (LandingFile f : d.delivered()) {
      IngestFiles.Counts c = tally.counts(f.relativePath());
      long lines = d.scans().get(f.relativePath()).dataLines();
      if (c.read() != lines) {
        throw new IllegalStateException(
            "reconciliation failed for "
                + f.relativePath()
                + ": "
                + lines
                + " data lines but "
                + c.read()
                + " rows read");
      }
      if (!f.source().isMaster()) {
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
      throw new RunRefused(
          String.format(
              Locale.ROOT,
              "quarantined share %.2f%% of this batch's %d fact rows exceeds"
                  + " ingest.max_quarantine_rate %.2f%%; nothing committed; worst file %s",
              100.0 * rec.batchQuarantined / rec.batchRead,
              rec.batchRead,
              100.0 * max,
              worst),
          rec.batchRead,
          rec.batchQuarantined);
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

  public long batchRead() {
    return batchRead;
  }

  public long batchAccepted() {
    return batchAccepted;
  }

  public long batchQuarantined() {
    return batchQuarantined;
  }

  /**
   * The ledger as it will stand: the earlier entries ({@code recount}: with the tally's counts,
   * else as they were), touched files' refreshed size and time, and this batch's files.
   */
  Map<String, IngestFiles.Entry> ledger(
      Deliveries d,
      Map<String, IngestFiles.Entry> old,
      String batchId,
      long batchSeq,
      boolean recount) {
    Map<String, IngestFiles.Entry> entries = new TreeMap<>(old);
    d.touched().forEach(e -> entries.put(e.sourceFile(), e));
    if (recount) {
      entries.replaceAll((k, e) -> e.withCounts(tally.counts(k)));
    }
    for (LandingFile f : d.delivered()) {
      entries.put(
          f.relativePath(),
          new IngestFiles.Entry(
              f.relativePath(),
              d.scans().get(f.relativePath()).contentHash(),
              batchId,
              encodings.get(f.relativePath()),
              f.source().label(),
              f.size(),
              f.modificationTime(),
              batchSeq,
              tally.counts(f.relativePath())));
    }
    return entries;
  }
}
