package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The full path of an ingest run (master file changed, re-delivery, {@code --retry-quarantine},
 * first run, rerun after a killed run): every row's status is recomputed from bronze (the current
 * delivery of every ledger file plus this batch) under the master data of this run — master on the
 * driver, facts on the executors against broadcast master data, precedence by a window over the
 * rows of repeated keys only ({@link Precedence#classifyMostlyUnique}). Only tables (and fact
 * partitions) whose content changed are committed; the dimension tables are compared only when a
 * master file was delivered (they are a function of master bronze alone).
 */
final class FullRecompute {
  private FullRecompute() {}

  /** Runs the full path over the batch; the outcome holds the commits it made, in order. */
  static JobOutcome run(JobContext ctx, Batch b) {
    Lake lake = ctx.lake();
    Progress progress = ctx.progress();
    ZoneId zone = ctx.config().business().timezone();
    Set<String> keep = new TreeSet<>(b.ledger().keySet());
    keep.removeAll(b.deliveries().deliveredPaths());
    MasterValidator.Result master =
        MasterValidator.validate(bronze(lake, b, keep, TableId.BRONZE_MASTER).collectAsList());
    Broadcast<MasterData> bc =
        JavaSparkContext.fromSparkContext(ctx.spark().sparkContext()).broadcast(master.data());
    // validated once and persisted: the precedence and every query of the classified rows (the
    // tally, quarantine, the facts) read them
    Map<FactSource, Dataset<Row>> validated = new java.util.EnumMap<>(FactSource.class);
    for (FactSource src : FactSource.values()) {
      validated.put(
          src,
          FactValidator.validate(bronze(lake, b, keep, src.bronze()), src, bc, zone)
              .persist(StorageLevel.MEMORY_AND_DISK_SER()));
    }
    try {
      Dataset<Row> classified = null;
      for (FactSource src : FactSource.values()) {
        Dataset<Row> c =
            Precedence.classifyMostlyUnique(validated.get(src), src.keys())
                .withColumn("_fact", org.apache.spark.sql.functions.lit(src.label()));
        classified = classified == null ? c : classified.unionByName(c, true);
      }
      Dataset<Row> statuses =
          ctx.spark()
              .createDataFrame(master.statuses(), RowStatus.SCHEMA)
              .unionByName(FactValidator.statuses(classified));
      Tally tally = Tally.of(statuses);
      Reconciliation rec = Reconciliation.check(tally, b.deliveries(), ctx.config());
      progress.step("validated: " + rec.batchRead() + " fact rows read in this batch");
      List<WriteResult> writes = new ArrayList<>(commitBronze(lake, progress, b));
      Commits.reported(
              progress,
              TableId.QUARANTINE,
              Commits.replaceIfChanged(lake, TableId.QUARANTINE, Quarantine.of(statuses), false))
          .ifPresent(writes::add);
      if (masterDelivered(b) || !dimsExist(lake)) {
        for (Map.Entry<LandingSource, List<Row>> e : master.dims().entrySet()) {
          TableId t = dimTable(e.getKey());
          Commits.reported(
                  progress,
                  t,
                  Commits.replaceIfChanged(lake, t, e.getValue(), master.schemaOf(e.getKey())))
              .ifPresent(writes::add);
        }
      }
      for (FactSource src : FactSource.values()) {
        Dataset<Row> facts = src.winners(classified.filter(col("_fact").equalTo(src.label())));
        Commits.reported(
                progress, src.fact(), Commits.replaceIfChanged(lake, src.fact(), facts, true))
            .ifPresent(writes::add);
      }
      Map<String, IngestFiles.Entry> ledger =
          rec.ledger(b.deliveries(), b.ledger(), b.batchId(), b.batchSeq(), true);
      Commits.reported(progress, TableId.INGEST_FILES, Commits.ledger(lake, b, ledger))
          .ifPresent(writes::add);
      return new JobOutcome(
          rec.batchRead(),
          rec.batchAccepted(),
          rec.batchQuarantined(),
          writes,
          Summary.render(tally, rec, b.deliveries(), "full recompute"));
    } finally {
      validated.values().forEach(Dataset::unpersist);
      bc.destroy();
    }
  }

  /** Bronze rows of the ledger files that stay ({@code keep}) plus this batch's. */
  private static Dataset<Row> bronze(Lake lake, Batch b, Set<String> keep, TableId t) {
    Dataset<Row> mine = b.bronze(t);
    if (!lake.exists(t) || keep.isEmpty()) {
      return mine;
    }
    String[] cols = Bronze.SCHEMA.fieldNames();
    Dataset<Row> old =
        lake.read(t)
            .select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length))
            .filter(col("source_file").isin(keep.toArray()));
    return old.unionByName(mine);
  }

  /**
   * Replaces the bronze rows of the delivered files, table by table (every bronze table on the
   * lake's first run).
   */
  private static List<WriteResult> commitBronze(Lake lake, Progress progress, Batch b) {
    List<WriteResult> writes = new ArrayList<>();
    for (TableId t : Bronze.TABLES) {
      List<String> paths = b.deliveries().deliveredTo(t);
      if (!paths.isEmpty() || !lake.exists(t)) {
        WriteResult w = Commits.replaceFiles(lake, t, b.bronze(t), paths);
        Commits.reported(progress, t, Optional.of(w)).ifPresent(writes::add);
      }
    }
    return writes;
  }

  private static boolean masterDelivered(Batch b) {
    return b.deliveries().delivered().stream()
        .map(LandingFile::source)
        .anyMatch(LandingSource::isMaster);
  }

  private static boolean dimsExist(Lake lake) {
    for (LandingSource s : LandingSource.values()) {
      if (s.isMaster() && !lake.exists(dimTable(s))) {
        return false;
      }
    }
    return true;
  }

  static TableId dimTable(LandingSource s) {
    return switch (s) {
      case GRIDS -> TableId.DIM_GRID;
      case MANAGERS -> TableId.DIM_MANAGER;
      case PRODUCTS -> TableId.DIM_PRODUCT;
      case RETAILERS -> TableId.DIM_RETAILER;
      case TARGETS -> TableId.FACT_TARGET;
      case PILOTS -> TableId.DIM_PILOT;
      default -> throw new IllegalArgumentException(s.toString());
    };
  }
}
