package gridperf.ingest;

import static org.apache.spark.sql.functions.col;

import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.landingfiles.LandingFile;
import gridperf.landingfiles.LandingSource;
import java.time.ZoneId;
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

  static JobOutcome run(IngestJob job, IngestJob.Batch b) {
    Lake lake = job.lake();
    ZoneId zone = job.cfg().business().timezone();
    Set<String> keep = new TreeSet<>(b.ledger().keySet());
    keep.removeAll(b.deliveries().deliveredPaths());
    MasterValidator.Result master =
        MasterValidator.validate(bronze(lake, b, keep, TableId.BRONZE_MASTER).collectAsList());
    Broadcast<MasterData> bc =
        JavaSparkContext.fromSparkContext(job.spark().sparkContext()).broadcast(master.data());
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
          job.spark()
              .createDataFrame(master.statuses(), RowStatus.SCHEMA)
              .unionByName(FactValidator.statuses(classified));
      Tally tally = Tally.of(statuses);
      Reconciliation rec = Reconciliation.check(tally, b.deliveries(), job.cfg());
      job.step("validated: " + rec.batchRead() + " fact rows read in this batch");
      commitBronze(job, b);
      job.committed(
          TableId.QUARANTINE,
          Commits.replaceIfChanged(lake, TableId.QUARANTINE, Quarantine.of(statuses), false));
      if (masterDelivered(b) || !dimsExist(lake)) {
        for (Map.Entry<LandingSource, List<Row>> e : master.dims().entrySet()) {
          TableId t = dimTable(e.getKey());
          job.committed(
              t, Commits.replaceIfChanged(lake, t, e.getValue(), master.schemaOf(e.getKey())));
        }
      }
      for (FactSource src : FactSource.values()) {
        job.committed(
            src.fact(),
            Commits.replaceIfChanged(
                lake,
                src.fact(),
                IngestJob.facts(
                    classified.filter(col("_fact").equalTo(src.label())),
                    src.factSchema().fieldNames()),
                true));
      }
      Map<String, IngestFiles.Entry> ledger =
          rec.ledger(b.deliveries(), b.ledger(), b.batchId(), b.batchSeq(), true);
      commitLedger(job, b, ledger);
      return new JobOutcome(
          rec.batchRead(),
          rec.batchAccepted(),
          rec.batchQuarantined(),
          job.writes(),
          Summary.render(tally, rec, b.deliveries(), "full recompute"));
    } finally {
      validated.values().forEach(Dataset::unpersist);
      bc.destroy();
    }
  }

  /**
   * Writes the ledger when it differs from the one the run started from (no job: both small). The
   * ledger is a full overwrite computed from the version read at the start, so a ledger committed
   * meanwhile by another ingest on the same lake would be silently replaced: the run refuses
   * instead (its data commits are in; a rerun finishes the batch).
   */
  static void commitLedger(
      IngestJob job, IngestJob.Batch b, Map<String, IngestFiles.Entry> ledger) {
    long now = job.lake().version(TableId.INGEST_FILES);
    if (now != b.ledgerVersion()) {
      throw new IllegalStateException(
          "ingest_files changed while this ingest ran (version "
              + b.ledgerVersion()
              + " -> "
              + now
              + "): another ingest wrote to this lake at the same time; rerun this ingest");
    }
    Optional<gridperf.lakehouse.WriteResult> w = Optional.empty();
    if (!ledger.equals(b.ledger()) || !job.lake().exists(TableId.INGEST_FILES)) {
      w =
          Optional.of(
              job.lake()
                  .write(
                      TableId.INGEST_FILES,
                      job.spark().createDataFrame(IngestFiles.rows(ledger), IngestFiles.SCHEMA))
                  .overwrite()
                  .commit());
    }
    job.committed(TableId.INGEST_FILES, w);
  }

  /** Bronze rows of the ledger files that stay ({@code keep}) plus this batch's. */
  private static Dataset<Row> bronze(Lake lake, IngestJob.Batch b, Set<String> keep, TableId t) {
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

  private static void commitBronze(IngestJob job, IngestJob.Batch b) {
    for (TableId t : IngestJob.BRONZE_TABLES) {
      List<String> paths = IngestJob.deliveredTo(b.deliveries(), t);
      if (!paths.isEmpty() || !job.lake().exists(t)) {
        job.committed(t, Optional.of(Commits.replaceFiles(job.lake(), t, b.bronze(t), paths)));
      }
    }
  }

  private static boolean masterDelivered(IngestJob.Batch b) {
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
