package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import gridperf.config.ScoringConfig;
import gridperf.gold.GoldBuild;
import gridperf.ingest.IngestJob;
import gridperf.job.JobContext;
import gridperf.job.Progress;
import gridperf.lakehouse.CommitHooks;
import gridperf.lakehouse.CommitHooks.Stage;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two ingests, then two builds, at the same time on the same lake (two threads of one JVM sharing
 * the session). Delta's optimistic concurrency lets each commit through or fails it cleanly with a
 * concurrent-modification error; a run that fails is simply rerun, and the final tables equal those
 * of a single run.
 */
class ConcurrentRunsTest extends ReliabilityBase {
  /** The outcome of one of the two racing runs: null when it succeeded. */
  static List<Throwable> race(Callable<Object> job) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Throwable>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    job.call();
                    return null;
                  } catch (Exception e) {
                    return e;
                  }
                }));
      }
      start.countDown();
      List<Throwable> out = new ArrayList<>();
      for (Future<Throwable> f : runs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** True when {@code e} is Delta refusing a commit because of a concurrent one. */
  static boolean isConcurrencyConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.delta.exceptions.DeltaConcurrentModificationException
          || t instanceof org.apache.spark.sql.delta.DeltaConcurrentModificationException
          || t instanceof java.nio.file.FileAlreadyExistsException
          || t instanceof org.apache.hadoop.fs.FileAlreadyExistsException) {
        return true;
      }
    }
    return false;
  }

  static JobContext ctx(Lake lake) {
    GridperfConfig cfg =
        ConfigLoader.load(null, List.of("ingest.max_quarantine_rate=0.5"))
            .withLakeRoot(lake.root());
    return new JobContext(
        cfg,
        spark(),
        lake,
        UUID.randomUUID().toString(),
        Progress.silent("race"),
        Clock.systemUTC());
  }

  static void assertCleanOutcomes(List<Throwable> outcomes) {
    for (Throwable t : outcomes) {
      if (t != null) {
        assertThat(isConcurrencyConflict(t)).as("fails only with a Delta conflict: " + t).isTrue();
      }
    }
  }

  @Test
  void twoIngestsThenTwoBuildsAtOnceEndEqualToSingleRuns() throws Exception {
    Lake expected = SharedLakes.reference();
    Lake lake = copy(SharedLakes.base());
    String landing = SharedLakes.landing2().toString();
    LocalDate asOf = LocalDate.parse(AS_OF);

    List<Throwable> ingests =
        race(
            () ->
                new IngestJob(ctx(lake), new IngestJob.Options(landing, asOf, false, false)).run());
    assertCleanOutcomes(ingests);
    if (ingests.stream().allMatch(t -> t != null)) {
      ingest(lake, SharedLakes.landing2());
    }
    assertSameTables(
        lake, SharedLakes.ingested2(), COMPARED.subList(0, COMPARED.indexOf(TableId.PERF_MANAGER)));

    List<Throwable> builds =
        race(() -> GoldBuild.run(ctx(lake), ScoringConfig.defaults(), null, null));
    assertCleanOutcomes(builds);
    if (builds.stream().allMatch(t -> t != null)) {
      build(lake);
    }
    assertNoDuplicateKeys(lake);
    assertSameTables(lake, expected, COMPARED);
  }

  @AfterEach
  void clearHooks() {
    CommitHooks.clear();
  }

  /**
   * Another ingest's ledger commit lands while this one works (simulated at this run's first
   * commit): the ledger this run computed would overwrite it, so the run refuses with one line; the
   * rerun keeps the other run's ledger row and ends with the silver of a single run.
   */
  @Test
  void anIngestRefusesWhenTheLedgerChangedMeanwhileAndItsRerunLosesNoLedgerRow() {
    Lake lake = copy(SharedLakes.base());
    String foreign = "sales/2015/written-by-another-run.csv";
    AtomicBoolean done = new AtomicBoolean();
    CommitHooks.install(
        (stage, table) -> {
          if (stage == Stage.BEFORE_COMMIT && done.compareAndSet(false, true)) {
            lake.write(
                    TableId.INGEST_FILES,
                    lake.read(TableId.INGEST_FILES)
                        .limit(1)
                        .withColumn("source_file", org.apache.spark.sql.functions.lit(foreign)))
                .append()
                .commit();
          }
        });
    Cli refused = ingestCli(lake, SharedLakes.landing2());
    CommitHooks.clear();
    assertThat(refused.status()).isNotZero();
    assertThat(refused.err()).contains("ingest_files changed while this ingest ran");

    ingest(lake, SharedLakes.landing2());
    List<String> ledger =
        rows(lake.read(TableId.INGEST_FILES).select("source_file").orderBy("source_file"));
    List<String> single =
        rows(
            SharedLakes.ingested2()
                .read(TableId.INGEST_FILES)
                .select("source_file")
                .orderBy("source_file"));
    assertThat(ledger)
        .contains("source_file=" + foreign)
        .containsAll(single)
        .hasSize(single.size() + 1);
    assertSameTables(
        lake,
        SharedLakes.ingested2(),
        List.of(
            TableId.FACT_SALES_LINE,
            TableId.FACT_TOUCHPOINT,
            TableId.FACT_TARGET,
            TableId.DIM_RETAILER));
  }
}
