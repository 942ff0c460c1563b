package gridperf.ingest;

import gridperf.config.GridperfConfig;
import gridperf.lakehouse.TableId;
import gridperf.landingfiles.Header;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Which landing files this run processes (docs/contract.md, Re-delivery): a file whose size and
 * modification time match its ledger row is skipped without reading; otherwise it is hashed (on the
 * executors) — the same hash is skipped ({@link #touched}: only its ledger size and time are
 * refreshed), a new path or new content is delivered. Refuses, before anything is committed, a CSV
 * header lacking a contract column and an empty re-delivery of a file that had rows (unless {@code
 * --allow-empty}).
 */
public record Deliveries(
    List<LandingFile> delivered,
    List<IngestFiles.Entry> touched,
    Map<String, Header> headers,
    Map<String, LandingReader.Scan> scans) {

  public Set<String> deliveredPaths() {
    Set<String> out = new LinkedHashSet<>();
    delivered.forEach(f -> out.add(f.relativePath()));
    return out;
  }

  /** The delivered files whose rows go to bronze table {@code t}. */
  List<String> deliveredTo(TableId t) {
    List<String> paths = new ArrayList<>();
    for (LandingFile f : delivered) {
      if (f.source().bronzeTable() == t) {
        paths.add(f.relativePath());
      }
    }
    return paths;
  }

  static Deliveries find(
      SparkSession spark,
      GridperfConfig cfg,
      List<LandingFile> files,
      Map<String, IngestFiles.Entry> ledger,
      boolean allowEmpty) {
    List<LandingFile> changed = new ArrayList<>();
    for (LandingFile f : files) {
      IngestFiles.Entry e = ledger.get(f.relativePath());
      if (e == null || e.size() != f.size() || e.modificationTime() != f.modificationTime()) {
        changed.add(f);
      }
    }
    Map<String, String> charsets = new HashMap<>();
    for (LandingFile f : changed) {
      charsets.put(f.relativePath(), cfg.landing().charsetOf(f.source().charsetGroup()));
    }
    List<LandingReader.Scan> scanned = new ArrayList<>();
    if (!changed.isEmpty()) {
      try {
        scanned =
            JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(changed, changed.size())
                .map(f -> LandingReader.scan(f, charsets.get(f.relativePath())))
                .collect();
      } catch (RuntimeException e) {
        throw Failures.unwrap(e);
      }
    }
    Map<String, LandingReader.Scan> scans = new HashMap<>();
    scanned.forEach(s -> scans.put(s.relativePath(), s));
    List<LandingFile> delivered = new ArrayList<>();
    List<IngestFiles.Entry> touched = new ArrayList<>();
    Map<String, Header> headers = new HashMap<>();
    for (LandingFile f : changed) {
      LandingReader.Scan s = scans.get(f.relativePath());
      IngestFiles.Entry e = ledger.get(f.relativePath());
      if (e != null && e.contentHash().equals(s.contentHash())) {
        touched.add(
            new IngestFiles.Entry(
                e.sourceFile(),
                e.contentHash(),
                e.batchId(),
                e.encoding(),
                e.source(),
                f.size(),
                f.modificationTime(),
                e.batchSeq(),
                e.counts()));
        continue;
      }
      boolean empty = s.dataLines() == 0;
      // a file of blank lines only has no header and no rows: empty, like a 0-byte file
      boolean noHeader = s.headerText() == null || s.headerText().isBlank();
      if (!f.source().isJson() && !(empty && noHeader)) {
        headers.put(f.relativePath(), Header.of(f.source(), f.relativePath(), s.headerText()));
      }
      if (e != null && empty && e.counts().read() > 0 && !allowEmpty) {
        throw new Header.Refused(
            f.relativePath()
                + ": re-delivered empty, which would withdraw its "
                + e.counts().read()
                + " rows; rerun with --allow-empty to accept that");
      }
      delivered.add(f);
    }
    return new Deliveries(delivered, touched, headers, scans);
  }
}
