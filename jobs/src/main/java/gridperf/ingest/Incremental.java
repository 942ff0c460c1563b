package gridperf.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.ScalaSeq;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The incremental path of an ingest run: the batch brings only new fact files (no master file, no
 * re-delivery, no {@code --retry-quarantine}). Nothing earlier can change: master data is the same,
 * and every earlier row precedes the batch, so its status is as it was (a correction in this batch
 * does not change the earlier file's rows_accepted: that row was accepted when it came). So only
 * the batch's rows are validated, and precedence runs per key over the key's current winner in
 * silver (found through its key columns; it may sit in another (year, month) partition) and the
 * batch's rows in (path, line) order. New keys are appended; a key whose winner changes moves by
 * one MERGE restricted to the partitions of the displaced winners. Ledger counts change only for
 * the batch's files. {@link IncrementalTest} checks this path equals the full recompute.
 */
final class Incremental {
  /** Tables the path reads or appends to: they must exist and hold no commit of this batch. */
  static final List<TableId> TABLES =
      List.of(
          TableId.BRONZE_MASTER,
          TableId.BRONZE_SALES_LINE,
          TableId.BRONZE_TOUCHPOINT,
          TableId.BRONZE_INSPECTION,
          TableId.QUARANTINE,
          TableId.FACT_SALES_LINE,
          TableId.FACT_TOUCHPOINT,
          TableId.FACT_INSPECTION);

  private Incremental() {}

  /** One fact source of the batch, classified against the current winners of its keys. */
  private record Part(FactSource src, Dataset<Row> classified) {}

  /** Runs the incremental path over the batch; the outcome holds the commits it made, in order. */
  static JobOutcome run(JobContext ctx, Batch b) {
    Lake lake = ctx.lake();
    Progress progress = ctx.progress();
    ZoneId zone = ctx.config().business().timezone();
    List<Part> parts = new ArrayList<>();
    Broadcast<MasterData> bc = null;
    List<FactSource> delivered = new ArrayList<>();
    for (FactSource src : FactSource.values()) {
      if (!b.deliveries().deliveredTo(src.bronze()).isEmpty()) {
        delivered.add(src);
      }
    }
    if (!delivered.isEmpty()) {
      MasterData master =
          MasterValidator.validate(
                  lake.read(TableId.BRONZE_MASTER)
                      .filter(col("source_file").isin(b.ledger().keySet().toArray()))
                      .collectAsList())
              .data();
      bc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext()).broadcast(master);
    }
    for (FactSource src : delivered) {
      parts.add(part(lake, b, bc, zone, src));
    }
    try {
      Dataset<Row> statuses = ctx.spark().createDataFrame(List.of(), RowStatus.SCHEMA);
      for (Part p : parts) {
        statuses = statuses.unionByName(FactValidator.statuses(batchRows(p.classified(), b)));
      }
      Tally tally = Tally.of(statuses);
      Reconciliation rec = Reconciliation.check(tally, b.deliveries(), ctx.config());
      progress.step("validated: " + rec.batchRead() + " fact rows read in this batch");
      List<WriteResult> writes = new ArrayList<>();
      for (Part p : parts) {
        TableId t = p.src().bronze();
        WriteResult w =
            lake.write(t, b.bronze(t)).append().idempotent(appId(b, t), b.batchSeq()).commit();
        Commits.reported(progress, t, Optional.of(w)).ifPresent(writes::add);
      }
      if (rec.batchQuarantined() > 0) {
        WriteResult w =
            lake.write(TableId.QUARANTINE, Quarantine.of(statuses))
                .append()
                .idempotent(appId(b, TableId.QUARANTINE), b.batchSeq())
                .commit();
        Commits.reported(progress, TableId.QUARANTINE, Optional.of(w)).ifPresent(writes::add);
      }
      for (Part p : parts) {
        Tally.SourceCounts c = tally.sources().get(p.src().label());
        long accepted = c == null ? 0 : c.counts().accepted();
        Commits.reported(
                progress,
                p.src().fact(),
                accepted == 0 ? Optional.empty() : applyWinners(lake, p, b))
            .ifPresent(writes::add);
      }
      Map<String, IngestFiles.Entry> ledger =
          rec.ledger(b.deliveries(), b.ledger(), b.batchId(), b.batchSeq(), false);
      Commits.reported(progress, TableId.INGEST_FILES, Commits.ledger(lake, b, ledger))
          .ifPresent(writes::add);
      return new JobOutcome(
          rec.batchRead(),
          rec.batchAccepted(),
          rec.batchQuarantined(),
          writes,
          Summary.render(tally, rec, b.deliveries(), "incremental"));
    } finally {
      parts.forEach(p -> p.classified().unpersist());
      if (bc != null) {
        bc.destroy();
      }
    }
  }

  private static Part part(
      Lake lake, Batch b, Broadcast<MasterData> bc, ZoneId zone, FactSource src) {
    Dataset<Row> validated = FactValidator.validate(b.bronze(src.bronze()), src, bc, zone);
    Dataset<Row> winners =
        currentWinners(lake.read(src.fact()), validated, src.label(), src.keys());
    Dataset<Row> classified =
        Precedence.classify(validated.unionByName(winners), src.keys())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    return new Part(src, classified);
  }

  /**
   * The silver winners of the keys of the batch's valid rows, as validated rows that sort before
   * the batch (batch_seq 0). A range filter on the first key column (order and event ids start with
   * their date) lets Delta skip the files that cannot hold them.
   */
  static Dataset<Row> currentWinners(
      Dataset<Row> fact, Dataset<Row> validated, String label, String... keys) {
    Dataset<Row> batchKeys =
        validated
            .filter(col("status").equalTo(FactValidator.VALID))
            .select(keys[0], rest(keys))
            .distinct();
    Row range =
        batchKeys
            .agg(
                org.apache.spark.sql.functions.min(keys[0]).as("low"),
                org.apache.spark.sql.functions.max(keys[0]).as("high"))
            .first();
    String low = range.getAs("low");
    String high = range.getAs("high");
    if (low == null) {
      return validated.limit(0);
    }
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String c : validated.columns()) {
      cols.add(
          switch (c) {
            case "source" -> lit(label).as(c);
            case "source_file" -> col("src_file").as(c);
            case FactValidator.FILE_LINE -> col("src_line").as(c);
            case "batch_id" -> col("batch_id");
            case "batch_seq" -> lit(0L).as(c);
            case "status" -> lit(FactValidator.VALID).as(c);
            case "raw", "reason", "detail", "encoding" -> lit(null).cast("string").as(c);
            default -> col(c);
          });
    }
    return fact.filter(col(keys[0]).geq(lit(low)).and(col(keys[0]).leq(lit(high))))
        .join(org.apache.spark.sql.functions.broadcast(batchKeys), ScalaSeq.of(keys), "left_semi")
        .select(cols.toArray(new org.apache.spark.sql.Column[0]));
  }

  /** The batch's rows of a classified dataset (the old winners have batch_seq 0). */
  private static Dataset<Row> batchRows(Dataset<Row> classified, Batch b) {
    return classified.filter(col("batch_seq").equalTo(b.batchSeq()));
  }

  /**
   * Writes the batch's winners: an append when no earlier winner is displaced, else one MERGE on
   * the key restricted to the displaced winners' partitions (updates them, moving a row when its
   * month changed; inserts new keys).
   */
  private static Optional<WriteResult> applyWinners(Lake lake, Part p, Batch b) {
    TableId fact = p.src().fact();
    Dataset<Row> winners = p.src().winners(batchRows(p.classified(), b));
    List<Row> displaced =
        p.classified()
            .filter(col("batch_seq").equalTo(0L).and(col(Precedence.WINNER).equalTo(false)))
            .select("year", "month")
            .distinct()
            .collectAsList();
    if (displaced.isEmpty()) {
      return Optional.of(
          lake.write(fact, winners).append().idempotent(appId(b, fact), b.batchSeq()).commit());
    }
    if (Commits.lastBatchSeq(lake, fact) >= b.batchSeq()) {
      // a MERGE cannot carry a txn id: refuse rather than re-insert another run's rows
      throw new IllegalStateException(
          fact.tableName()
              + " already has a commit of batch "
              + b.batchSeq()
              + " (another ingest ran at the same time); rerun this ingest");
    }
    List<String> partsSql = new ArrayList<>();
    for (Row r : displaced) {
      partsSql.add(
          "(t.year = "
              + r.<Integer>getAs("year")
              + " AND t.month = "
              + r.<Integer>getAs("month")
              + ")");
    }
    List<String> on = new ArrayList<>();
    for (String k : p.src().keys()) {
      on.add("t." + k + " = s." + k);
    }
    String cond = String.join(" AND ", on) + " AND (" + String.join(" OR ", partsSql) + ")";
    lake.delta(fact)
        .as("t")
        .merge(winners.as("s"), cond)
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
    return Optional.of(gridperf.lakehouse.DeltaWrite.lastCommit(lake, fact));
  }

  /**
   * The Delta idempotent-write id ({@code txnAppId}, with batch_seq as {@code txnVersion}) of this
   * batch's append to {@code t}: the table and the delivered files with their content hashes. Two
   * runs started from the same ledger with the same new files (two ingests at once) share it, so
   * Delta skips the later append or fails it with a ConcurrentTransactionException instead of
   * appending the rows twice (blind appends never conflict in Delta). Different deliveries never
   * share an id.
   */
  static String appId(Batch b, TableId t) {
    StringBuilder s = new StringBuilder(t.tableName());
    for (String path : new java.util.TreeSet<>(b.deliveries().deliveredPaths())) {
      var scan = b.deliveries().scans().get(path);
      s.append('\n').append(path).append('=').append(scan == null ? "" : scan.contentHash());
    }
    return "gridperf-ingest "
        + t.tableName()
        + " "
        + java.util.UUID.nameUUIDFromBytes(
            s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String[] rest(String[] keys) {
    return java.util.Arrays.copyOfRange(keys, 1, keys.length);
  }
}
