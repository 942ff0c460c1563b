package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import gridperf.landingfiles.FileParser;
import gridperf.landingfiles.Header;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingReader;
import gridperf.landingfiles.LandingSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

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
 * Both give the same tables (tested). Every Delta commit of a run carries the tag of its batch; a
 * table whose last commit already carries this batch (a killed run) sends the rerun down the full
 * path, which recomputes everything from bronze.
 */
public final class IngestJob {
  /** Command options of one run. */
  public record Options(
      String landingRoot, LocalDate asOf, boolean retryQuarantine, boolean allowEmpty) {}

  /**
   * What both paths work on: the deliveries, the ledger before the run, the parsed rows of the
   * delivered files by bronze table.
   */
  record Batch(
      Deliveries deliveries,
      Map<String, IngestFiles.Entry> ledger,
      long ledgerVersion,
      Map<TableId, Dataset<Row>> fresh,
      String batchId,
      long batchSeq) {
    /** This batch's rows of bronze table {@code t} (empty when no file of it was delivered). */
    Dataset<Row> bronze(TableId t) {
      return fresh.get(t);
    }
  }

  private final JobContext ctx;
  private final Options opts;
  private final SparkSession spark;
  private final Lake lake;
  private final GridperfConfig cfg;
  private final List<WriteResult> writes = new ArrayList<>();
  private String ignored = "";

  public IngestJob(JobContext ctx, Options opts) {
    this.ctx = ctx;
    this.opts = opts;
    this.spark = ctx.spark();
    this.lake = ctx.lake();
    this.cfg = ctx.config();
  }

  public JobOutcome run() {
    try (SparkJobCounter jobs = new SparkJobCounter(spark)) {
      JobOutcome o = runCounted();
      String summary = o.summary() + (ignored.isEmpty() ? "" : "\n" + ignored);
      if (o.writes().isEmpty() && o.rowsIn() == 0) {
        return new JobOutcome(o.rowsIn(), o.rowsOut(), o.rowsQuarantined(), o.writes(), summary);
      }
      return new JobOutcome(
          o.rowsIn(),
          o.rowsOut(),
          o.rowsQuarantined(),
          o.writes(),
          summary + "\n" + jobs.jobs() + " Spark jobs, " + o.writes().size() + " Delta commits");
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
    Deliveries d = Deliveries.find(spark, cfg, files, ledger, opts.allowEmpty());
    ctx.progress().step(d.delivered().size() + " new or changed files");
    if (d.delivered().isEmpty() && d.touched().isEmpty() && !opts.retryQuarantine()) {
      return new JobOutcome(0, 0, 0, List.of(), "ingest: nothing new in " + opts.landingRoot());
    }
    long batchSeq =
        ledger.values().stream().mapToLong(IngestFiles.Entry::batchSeq).max().orElse(0) + 1;
    Map<TableId, Dataset<Row>> fresh = parse(d, ctx.runId(), batchSeq);
    Batch b = new Batch(d, ledger, ledgerVersion, fresh, ctx.runId(), batchSeq);
    Optional<String> full = fullPathReason(b);
    ctx.progress().step(full.map(r -> "full recompute: " + r).orElse("incremental"));
    String previousPartitions = spark.conf().get(SHUFFLE_PARTITIONS);
    sizeShuffle(sortedBytes(b, full.isPresent()));
    String previousTag = spark.conf().get(Commits.USER_METADATA, null);
    spark.conf().set(Commits.USER_METADATA, Commits.tag(batchSeq));
    try {
      return full.isPresent() ? FullRecompute.run(this, b) : Incremental.run(this, b);
    } finally {
      // the session outlives the run (demo, notebooks, tests): leave its settings as they were
      if (previousTag == null) {
        spark.conf().unset(Commits.USER_METADATA);
      } else {
        spark.conf().set(Commits.USER_METADATA, previousTag);
      }
      spark.conf().set(SHUFFLE_PARTITIONS, previousPartitions);
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

  /**
   * Landing bytes of the rows the precedence window sorts: the batch's files, plus on the full path
   * every other ledger file (master files are counted like the others; they are small).
   */
  static long sortedBytes(Batch b, boolean full) {
    long bytes = b.deliveries().delivered().stream().mapToLong(LandingFile::size).sum();
    if (full) {
      Set<String> delivered = b.deliveries().deliveredPaths();
      bytes +=
          b.ledger().values().stream()
              .filter(e -> !delivered.contains(e.sourceFile()))
              .mapToLong(IngestFiles.Entry::size)
              .sum();
    }
    return bytes;
  }

  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Landing bytes per shuffle partition of the precedence sort and the persisted rows. */
  static final long SORT_BYTES_PER_PARTITION = 32L << 20;

  /**
   * Raises {@code spark.sql.shuffle.partitions} for a large batch, never lowers it: the shuffles of
   * a run (the precedence window of the incremental path, the key-hash count of the full path, the
   * silver writes by month) hold every fact row in that many partitions, and too few make blocks
   * that do not fit a task's share of the heap (8 partitions ran a scale-1 ingest out of a 6 GiB
   * heap when the window sorted every row). Small batches keep the configured count, which adaptive
   * execution coalesces anyway. {@link #runCounted} restores the previous value when the run ends.
   */
  private void sizeShuffle(long bytes) {
    int now = Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS));
    int wanted = shufflePartitions(bytes, now);
    if (wanted > now) {
      spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(wanted));
      ctx.progress()
          .step(
              "shuffle partitions "
                  + now
                  + " -> "
                  + wanted
                  + " for "
                  + (bytes >> 20)
                  + " MiB of landing files");
    }
  }

  /**
   * The shuffle partitions for sorting {@code bytes} of fact files: the configured count or more.
   */
  static int shufflePartitions(long bytes, int configured) {
    long wanted = Math.min(4000, (bytes + SORT_BYTES_PER_PARTITION - 1) / SORT_BYTES_PER_PARTITION);
    return (int) Math.max(configured, wanted);
  }

  SparkSession spark() {
    return spark;
  }

  Lake lake() {
    return lake;
  }

  GridperfConfig cfg() {
    return cfg;
  }

  List<WriteResult> writes() {
    return writes;
  }

  void step(String s) {
    ctx.progress().step(s);
  }

  /** Records a commit (when one was made) and reports the step. */
  void committed(TableId t, Optional<WriteResult> w) {
    w.ifPresent(writes::add);
    step(w.isPresent() ? "committed " + t.tableName() : t.tableName() + " unchanged");
  }

  /** The delivered files whose rows go to bronze table {@code t}. */
  static List<String> deliveredTo(Deliveries d, TableId t) {
    List<String> paths = new ArrayList<>();
    for (LandingFile f : d.delivered()) {
      if (f.source().bronzeTable() == t) {
        paths.add(f.relativePath());
      }
    }
    return paths;
  }

  /**
   * The winners of a classified dataset in the fact table's column order, with lineage, clustered
   * by (year, month).
   */
  static Dataset<Row> facts(Dataset<Row> classified, String[] factColumns) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String c : factColumns) {
      cols.add(
          switch (c) {
            case "src_file" -> col("source_file").as("src_file");
            case "src_line" -> col(FactValidator.FILE_LINE).as("src_line");
            default -> col(c);
          });
    }
    // one task per (year, month): one file per partition folder instead of one per task
    return classified
        .filter(col(Precedence.WINNER))
        .select(cols.toArray(new org.apache.spark.sql.Column[0]))
        .repartition(col("year"), col("month"));
  }

  /**
   * Parses the delivered files, one dataset per bronze table. Master files are small: they are
   * parsed on the driver into a local relation. Fact files are parsed on the executors, packed into
   * about {@link #BYTES_PER_TASK} of landing text a task (largest first, each file whole in one
   * task) and persisted, since validation, the tally and the bronze and silver writes all read
   * them.
   */
  private Map<TableId, Dataset<Row>> parse(Deliveries d, String batchId, long batchSeq) {
    Map<String, Header> headers = new HashMap<>(d.headers());
    Map<String, String> charsets = new HashMap<>();
    for (LandingSource s : LandingSource.values()) {
      charsets.put(s.label(), cfg.landing().charsetOf(s.charsetGroup()));
    }
    Timestamp now = Timestamp.from(ctx.clock().instant());
    java.sql.Date asOf = java.sql.Date.valueOf(opts.asOf());
    Map<TableId, List<LandingFile>> byTable = new HashMap<>();
    for (TableId t : BRONZE_TABLES) {
      byTable.put(t, new ArrayList<>());
    }
    for (LandingFile f : d.delivered()) {
      byTable.get(f.source().bronzeTable()).add(f);
    }
    Map<TableId, Dataset<Row>> out = new HashMap<>();
    List<Row> master = new ArrayList<>();
    for (LandingFile f : byTable.get(TableId.BRONZE_MASTER)) {
      try (FileParser p =
          new FileParser(
              f,
              headers.get(f.relativePath()),
              charsets.get(f.source().label()),
              batchId,
              batchSeq,
              now,
              asOf)) {
        p.forEachRemaining(master::add);
      }
    }
    out.put(TableId.BRONZE_MASTER, spark.createDataFrame(master, Bronze.SCHEMA));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    for (TableId t : FactSource.bronzeTables()) {
      List<List<LandingFile>> tasks = packed(byTable.get(t), jsc.defaultParallelism());
      if (tasks.isEmpty()) {
        out.put(t, spark.createDataFrame(List.of(), Bronze.SCHEMA));
        continue;
      }
      JavaRDD<Row> rows =
          jsc.parallelize(tasks, tasks.size())
              .flatMap(
                  files ->
                      files.stream()
                          .flatMap(
                              f ->
                                  java.util.stream.StreamSupport.stream(
                                      java.util.Spliterators.spliteratorUnknownSize(
                                          new FileParser(
                                              f,
                                              headers.get(f.relativePath()),
                                              charsets.get(f.source().label()),
                                              batchId,
                                              batchSeq,
                                              now,
                                              asOf),
                                          java.util.Spliterator.ORDERED),
                                      false))
                          .iterator());
      out.put(
          t,
          spark.createDataFrame(rows, Bronze.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK_SER()));
    }
    return out;
  }

  /** The bronze tables a landing file can feed. */
  static final List<TableId> BRONZE_TABLES = bronzeTables();

  private static List<TableId> bronzeTables() {
    List<TableId> out = new ArrayList<>(List.of(TableId.BRONZE_MASTER));
    out.addAll(FactSource.bronzeTables());
    return List.copyOf(out);
  }

  /** Landing bytes one parse task aims at. */
  static final long BYTES_PER_TASK = 16L << 20;

  /**
   * Packs files into tasks: at least twice {@code parallelism} tasks (when there are that many
   * files), more when the files exceed {@link #BYTES_PER_TASK} each; largest file first into the
   * lightest task.
   */
  static List<List<LandingFile>> packed(List<LandingFile> files, int parallelism) {
    long total = files.stream().mapToLong(LandingFile::size).sum();
    int n =
        (int)
            Math.min(
                files.size(),
                Math.max(2L * parallelism, (total + BYTES_PER_TASK - 1) / BYTES_PER_TASK));
    List<List<LandingFile>> tasks = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      tasks.add(new ArrayList<>());
    }
    List<LandingFile> bySize = new ArrayList<>(files);
    bySize.sort(java.util.Comparator.comparingLong(LandingFile::size).reversed());
    for (LandingFile f : bySize) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      tasks.get(lightest).add(f);
      load[lightest] += f.size();
    }
    return tasks;
  }
}
