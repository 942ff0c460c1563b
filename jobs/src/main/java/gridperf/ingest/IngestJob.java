package gridperf.ingest;

import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest job (docs/contract.md, Flow and guarantees to Master-data changes): landing files →
 * bronze, quarantine, silver, ledger.
 *
 * <p>Reads top to bottom: list landing → find new or changed files (size and mtime, then SHA-256) →
 * refuse bad headers and empty re-deliveries → parse the delivered files on the executors →
 * classify on one of two paths → guard (quarantine rate, reconciliation) → commit bronze,
 * quarantine, silver, ledger last.
 *
 * <ul>
 *   <li>{@link Incremental}: the batch brings only new fact files (no master file, no re-delivery,
 *       no {@code --retry-quarantine}): only the new rows are validated, against the current
 *       winners of their keys in silver.
 *   <li>{@link FullRecompute}: anything else: every row's status is recomputed from bronze under
 *       the master data.
 * </ul>
 *
 * Both give the same tables (tested) and return the commits they made. Every Delta commit of a run
 * carries the tag of its batch ({@link RunSettings}); a table whose last commit already carries
 * this batch (a killed run) sends the rerun down the full path, which recomputes everything from
 * bronze. {@link BatchParser} parses the delivered files, {@link Summary} renders the summary.
 */
public final class IngestJob {
  /** Command options of one run. */
  public record Options(
      String landingRoot, LocalDate asOf, boolean retryQuarantine, boolean allowEmpty) {}

  private final JobContext ctx;
  private final Options opts;
  private final SparkSession spark;
  private final Lake lake;
  private String ignored = "";

  public IngestJob(JobContext ctx, Options opts) {
    this.ctx = ctx;
    this.opts = opts;
    this.spark = ctx.spark();
    this.lake = ctx.lake();
  }

  public JobOutcome run() {
    try (SparkJobCounter jobs = new SparkJobCounter(spark)) {
      JobOutcome o = runCounted();
      return Summary.finished(o, ignored, jobs.jobs());
    }
  }

  /**
   * The files under the landing root that are not contract files, as reported (how many, the first
   * few paths); empty when there were none or the listing did not happen.
   */
  public String ignoredFiles() {
    return ignored;
  }

  private JobOutcome runCounted() {
    spark.conf().set("spark.databricks.delta.properties.defaults.enableChangeDataFeed", "true");
    long ledgerVersion = lake.version(TableId.INGEST_FILES);
    Map<String, IngestFiles.Entry> ledger =
        IngestFiles.entries(
            ledgerVersion < 0 ? null : lake.read(TableId.INGEST_FILES, ledgerVersion));
    LandingReader.Listing listing =
        LandingReader.listing(opts.landingRoot(), spark.sparkContext().hadoopConfiguration());
    List<LandingFile> files = listing.files();
    ignored = listing.ignoredSummary();
    ctx.progress().step("listed " + files.size() + " landing files");
    Deliveries d = Deliveries.find(spark, ctx.config(), files, ledger, opts.allowEmpty());
    ctx.progress().step(d.delivered().size() + " new or changed files");
    if (d.delivered().isEmpty() && d.touched().isEmpty() && !opts.retryQuarantine()) {
      return new JobOutcome(0, 0, 0, List.of(), "ingest: nothing new in " + opts.landingRoot());
    }
    long batchSeq =
        ledger.values().stream().mapToLong(IngestFiles.Entry::batchSeq).max().orElse(0) + 1;
    Map<TableId, Dataset<Row>> fresh = BatchParser.parse(ctx, d, batchSeq, opts.asOf());
    Batch b = new Batch(d, ledger, ledgerVersion, fresh, ctx.runId(), batchSeq);
    Optional<String> full = fullPathReason(b);
    ctx.progress().step(full.map(r -> "full recompute: " + r).orElse("incremental"));
    RunSettings settings = RunSettings.apply(spark, ctx.progress(), b, full.isPresent());
    try {
      return full.isPresent() ? FullRecompute.run(ctx, b) : Incremental.run(ctx, b);
    } finally {
      settings.restore();
      fresh.values().forEach(Dataset::unpersist);
    }
  }

  /** Why this batch needs the full recompute, or empty when the incremental path applies. */
  private Optional<String> fullPathReason(Batch b) {
    if (opts.retryQuarantine()) {
      return Optional.of("--retry-quarantine");
    }
    for (LandingFile f : b.deliveries().delivered()) {
      if (f.source().isMaster()) {
        return Optional.of("master file " + f.relativePath() + " changed");
      }
      if (b.ledger().containsKey(f.relativePath())) {
        return Optional.of(f.relativePath() + " re-delivered");
      }
    }
    for (TableId t : Incremental.TABLES) {
      if (!lake.exists(t)) {
        return Optional.of("no " + t.tableName() + " yet");
      }
      if (Commits.lastBatchSeq(lake, t) >= b.batchSeq()) {
        return Optional.of(t.tableName() + " already has commits of this batch (a killed run)");
      }
    }
    return Optional.empty();
  }
}
