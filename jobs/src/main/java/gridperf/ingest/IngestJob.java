package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lake.Lake;
import gridperf.lake.TableId;
import gridperf.lake.WriteResult;
import gridperf.landing.FileParser;
import gridperf.landing.Header;
import gridperf.landing.LandingFile;
import gridperf.landing.LandingReader;
import gridperf.landing.LandingSource;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTouchpoint;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The ingest job (DESIGN.md §1–§2): landing files → bronze, quarantine, silver, ledger.
 *
 * <p>Reads top to bottom: list landing → find new or changed files (size and mtime, then SHA-256)
 * → refuse bad headers and empty re-deliveries → parse the delivered files on the executors →
 * recompute every row's status from bronze (current deliveries) under the master data → guard
 * (quarantine rate, reconciliation) → commit bronze, quarantine, silver, ledger last. Every
 * silver/quarantine/ledger row is a pure function of bronze and each row's batch, so a rerun after
 * a kill recomputes the same tables, and only tables whose content changed are committed.
 */
public final class IngestJob {
  /** Command options of one run. */
  public record Options(
      String landingRoot, LocalDate asOf, boolean retryQuarantine, boolean allowEmpty) {}

  private final JobContext ctx;
  private final Options opts;
  private final SparkSession spark;
  private final Lake lake;
  private final GridperfConfig cfg;
  private final List<WriteResult> writes = new ArrayList<>();

  public IngestJob(JobContext ctx, Options opts) {
    this.ctx = ctx;
    this.opts = opts;
    this.spark = ctx.spark();
    this.lake = ctx.lake();
    this.cfg = ctx.config();
  }

  public JobOutcome run() {
    spark.conf().set("spark.databricks.delta.properties.defaults.enableChangeDataFeed", "true");
    ZoneId zone = cfg.business().timezone();
    Map<String, IngestFiles.Entry> ledger =
        IngestFiles.entries(lake.exists(TableId.INGEST_FILES) ? lake.read(TableId.INGEST_FILES) : null);
    List<LandingFile> files =
        LandingReader.list(opts.landingRoot(), spark.sparkContext().hadoopConfiguration());
    ctx.progress().step("listed " + files.size() + " landing files");
    Deliveries d = Deliveries.find(spark, cfg, files, ledger, opts.allowEmpty());
    ctx.progress().step(d.delivered().size() + " new or changed files");
    if (d.delivered().isEmpty() && d.touched().isEmpty() && !opts.retryQuarantine()) {
      return new JobOutcome(0, 0, 0, List.of(), "ingest: nothing new in " + opts.landingRoot());
    }
    long batchSeq = ledger.values().stream().mapToLong(IngestFiles.Entry::batchSeq).max().orElse(0) + 1;
    String batchId = ctx.runId();
    Dataset<Row> fresh =
        parse(d, batchId, batchSeq).persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      return recompute(d, ledger, fresh, batchId, batchSeq, zone);
    } finally {
      fresh.unpersist();
    }
  }

  private JobOutcome recompute(
      Deliveries d,
      Map<String, IngestFiles.Entry> ledger,
      Dataset<Row> fresh,
      String batchId,
      long batchSeq,
      ZoneId zone) {
    Set<String> delivered = d.deliveredPaths();
    Set<String> keep = new TreeSet<>(ledger.keySet());
    keep.removeAll(delivered);
    Map<TableId, Dataset<Row>> bronze = new LinkedHashMap<>();
    for (TableId t : List.of(TableId.BRONZE_MASTER, TableId.BRONZE_SALES_LINE, TableId.BRONZE_TOUCHPOINT)) {
      Dataset<Row> mine = fresh.filter(col("source").isin(sourcesOf(t)));
      Dataset<Row> old =
          lake.exists(t)
              ? lake.read(t).select(Bronze.SCHEMA.fieldNames()[0], rest()).filter(col("source_file").isin(keep.toArray()))
              : spark.createDataFrame(List.of(), Bronze.SCHEMA);
      bronze.put(t, old.unionByName(mine));
    }
    MasterValidator.Result master =
        MasterValidator.validate(bronze.get(TableId.BRONZE_MASTER).collectAsList());
    Broadcast<MasterData> bc =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(master.data());
    Dataset<Row> sales =
        Precedence.classify(
                FactValidator.validate(bronze.get(TableId.BRONZE_SALES_LINE), false, bc, zone),
                "order_id",
                "line_no")
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    Dataset<Row> touch =
        Precedence.classify(
                FactValidator.validate(bronze.get(TableId.BRONZE_TOUCHPOINT), true, bc, zone),
                "event_id")
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      Dataset<Row> statuses =
          spark
              .createDataFrame(master.statuses(), RowStatus.SCHEMA)
              .unionByName(FactValidator.statuses(sales))
              .unionByName(FactValidator.statuses(touch))
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Reconciliation rec = Reconciliation.check(statuses, fresh, d, ledger, cfg);
        ctx.progress().step("validated: " + rec.batchRead() + " rows read in this batch");
        commitBronze(fresh, d);
        commit(TableId.QUARANTINE, Quarantine.of(statuses), false);
        for (LandingSource s : master.dims().keySet()) {
          commit(dimTable(s), spark.createDataFrame(master.dims().get(s), master.schemaOf(s)), false);
        }
        commit(TableId.FACT_SALES_LINE, facts(sales, FactSalesLine.SCHEMA.fieldNames()), true);
        commit(TableId.FACT_TOUCHPOINT, facts(touch, FactTouchpoint.SCHEMA.fieldNames()), true);
        commit(TableId.INGEST_FILES, rec.ledger(spark, d, ledger, batchId, batchSeq), false);
        String summary = Summary.render(statuses, rec, d);
        return new JobOutcome(
            rec.batchRead(), rec.batchAccepted(), rec.batchQuarantined(), writes, summary);
      } finally {
        statuses.unpersist();
      }
    } finally {
      sales.unpersist();
      touch.unpersist();
      bc.destroy();
    }
  }

  private static String[] rest() {
    String[] all = Bronze.SCHEMA.fieldNames();
    return java.util.Arrays.copyOfRange(all, 1, all.length);
  }

  private static Object[] sourcesOf(TableId t) {
    List<String> out = new ArrayList<>();
    for (LandingSource s : LandingSource.values()) {
      if (s.bronzeTable() == t) {
        out.add(s.label());
      }
    }
    return out.toArray();
  }

  private static TableId dimTable(LandingSource s) {
    return switch (s) {
      case GRIDS -> TableId.DIM_GRID;
      case MANAGERS -> TableId.DIM_MANAGER;
      case PRODUCTS -> TableId.DIM_PRODUCT;
      case RETAILERS -> TableId.DIM_RETAILER;
      case TARGETS -> TableId.FACT_TARGET;
      default -> throw new IllegalArgumentException(s.toString());
    };
  }

  /** The winners of a classified dataset in the fact table's column order, with lineage. */
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
    return classified
        .filter(col(Precedence.WINNER))
        .select(cols.toArray(new org.apache.spark.sql.Column[0]));
  }

  private void commit(TableId t, Dataset<Row> data, boolean partitioned) {
    Commits.replaceIfChanged(lake, t, data, partitioned).ifPresent(writes::add);
    ctx.progress().step("committed " + t.tableName());
  }

  private void commitBronze(Dataset<Row> fresh, Deliveries d) {
    for (TableId t : List.of(TableId.BRONZE_MASTER, TableId.BRONZE_SALES_LINE, TableId.BRONZE_TOUCHPOINT)) {
      List<String> paths = new ArrayList<>();
      for (LandingFile f : d.delivered()) {
        if (f.source().bronzeTable() == t) {
          paths.add(f.relativePath());
        }
      }
      if (!paths.isEmpty() || !lake.exists(t)) {
        writes.add(
            Commits.replaceFiles(lake, t, fresh.filter(col("source").isin(sourcesOf(t))), paths));
      }
    }
  }

  private Dataset<Row> parse(Deliveries d, String batchId, long batchSeq) {
    Map<String, Header> headers = new HashMap<>(d.headers());
    Map<String, String> charsets = new HashMap<>();
    for (LandingSource s : LandingSource.values()) {
      charsets.put(s.label(), cfg.landing().charsetOf(s.charsetGroup()));
    }
    Timestamp now = Timestamp.from(ctx.clock().instant());
    java.sql.Date asOf = java.sql.Date.valueOf(opts.asOf());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<LandingFile> todo = d.delivered();
    JavaRDD<Row> rows =
        jsc.parallelize(todo, Math.max(1, todo.size()))
            .flatMap(
                f ->
                    new FileParser(
                        f,
                        headers.get(f.relativePath()),
                        charsets.get(f.source().label()),
                        batchId,
                        batchSeq,
                        now,
                        asOf));
    return spark.createDataFrame(rows, Bronze.SCHEMA);
  }
}
