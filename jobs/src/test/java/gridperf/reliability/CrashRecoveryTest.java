package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.CommitHooks;
import gridperf.lakehouse.CommitHooks.Stage;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job killed between two Delta commits (an injected crash at a chosen table, before or after its
 * commit) leaves every table at a committed version — the tables after the crash point at their
 * previous version — and a rerun completes the batch with no duplicates and tables equal to a clean
 * run's. The crash points include the last writes of each job: the ingest ledger, build_state and
 * the pipeline_runs audit row.
 */
class CrashRecoveryTest extends ReliabilityBase {
  /** Thrown by the hook: stands for the JVM being killed at that point. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  record Crash(String job, Stage stage, TableId table) {}

  static Stream<Arguments> crashes() {
    // more points are one line each; three keep the suite affordable on a small machine
    return Stream.of(
        crash(
            "ingest",
            Stage.AFTER_COMMIT,
            TableId.FACT_SALES_LINE,
            "ingest killed between fact_sales_line and fact_touchpoint, before the ledger"),
        crash(
            "ingest",
            Stage.BEFORE_COMMIT,
            TableId.PIPELINE_RUNS,
            "ingest killed after its data and ledger, before its audit row"),
        crash(
            "build",
            Stage.BEFORE_COMMIT,
            TableId.BUILD_STATE,
            "build killed after the gold tables, before build_state"));
  }

  private static Arguments crash(String job, Stage stage, TableId table, String name) {
    return Arguments.of(Named.of(name, new Crash(job, stage, table)));
  }

  @AfterEach
  void disarm() {
    CommitHooks.clear();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crashes")
  void killedRunLeavesCommittedVersionsAndRerunEqualsCleanRun(Crash crash) {
    boolean ingest = crash.job().equals("ingest");
    Lake expected = ingest ? SharedLakes.ingested2() : SharedLakes.reference();
    Lake lake = copy(ingest ? SharedLakes.base() : SharedLakes.ingested2());
    Map<TableId, Long> before = versions(lake);
    String mine = "job = '" + crash.job() + "'";
    long failedBefore =
        lake.read(TableId.PIPELINE_RUNS).filter(mine + " AND status = 'FAILED'").count();
    long okBefore =
        lake.read(TableId.PIPELINE_RUNS).filter(mine + " AND status = 'SUCCEEDED'").count();

    List<TableId> committed = Collections.synchronizedList(new ArrayList<>());
    CommitHooks.install(
        (stage, table) -> {
          if (stage == Stage.AFTER_COMMIT) {
            committed.add(table);
          }
          if (stage == crash.stage() && table == crash.table()) {
            throw new SimulatedCrash(stage + " " + table.tableName());
          }
        });
    Cli killed = ingest ? ingestCli(lake, SharedLakes.landing2()) : cli(lakeArgs(lake, "build"));
    CommitHooks.clear();

    assertThat(killed.status()).isNotZero();
    assertThat(killed.err()).contains("simulated crash");
    Map<TableId, Long> after = versions(lake);
    for (TableId t : TableId.values()) {
      if (!committed.contains(t)) {
        assertThat(after.get(t))
            .as(t.tableName() + " untouched by the killed run")
            .isEqualTo(before.get(t));
      }
    }
    if (crash.stage() == Stage.BEFORE_COMMIT) {
      assertThat(committed).doesNotContain(crash.table());
    }
    // the audit row of a killed run is lost only when the kill hits it
    long failed = lake.read(TableId.PIPELINE_RUNS).filter(mine + " AND status = 'FAILED'").count();
    assertThat(failed - failedBefore).isEqualTo(crash.table() == TableId.PIPELINE_RUNS ? 0 : 1);

    if (ingest) {
      ingest(lake, SharedLakes.landing2());
    } else {
      build(lake);
    }

    assertNoDuplicateKeys(lake);
    assertSameTables(lake, expected, COMPARED);
    long succeeded =
        lake.read(TableId.PIPELINE_RUNS).filter(mine + " AND status = 'SUCCEEDED'").count();
    assertThat(succeeded).as("the rerun's audit row").isEqualTo(okBefore + 1);
  }
}
