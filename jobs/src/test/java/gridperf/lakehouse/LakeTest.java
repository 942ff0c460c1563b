package gridperf.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class LakeTest extends SparkTestBase {
  private static final StructType T =
      new StructType().add("year", DataTypes.IntegerType).add("v", DataTypes.StringType);

  @Test
  void writesReportVersionsAndRowsAndReplaceWhereKeepsOtherPartitions() {
    Path dir = newDir("lake");
    Lake lake = new Lake(spark(), dir.toString());
    assertThat(lake.exists(TableId.PERF_GRID)).isFalse();
    assertThat(lake.version(TableId.PERF_GRID)).isEqualTo(-1);

    WriteResult first =
        lake.write(TableId.PERF_GRID, df(T, row(2014, "a"), row(2015, "b")))
            .partitionBy("year")
            .commit();
    assertThat(first.version()).isZero();
    assertThat(first.rowsWritten()).isEqualTo(2);

    WriteResult second =
        lake.write(TableId.PERF_GRID, df(T, row(2015, "c"))).replaceWhere("year = 2015").commit();
    assertThat(second.version()).isEqualTo(1);
    assertRows(lake.read(TableId.PERF_GRID), row(2014, "a"), row(2015, "c"));

    lake.registerViews();
    assertRows(sql("SELECT v FROM perf_grid WHERE year = 2014"), row("a"));
  }

  /**
   * A second writer commits to the table after this write's commit and before this write reads the
   * log back (the AFTER_COMMIT hook): the write reports its own version and rows, not the table's
   * latest commit.
   */
  @Test
  void aWriteReportsItsOwnCommitWhenAnotherWriterCommitsRightAfterIt() {
    Raced r = writeRacingASecondWriter(CommitHooks.Stage.AFTER_COMMIT, null);

    assertThat(r.lake().version(TableId.PERF_GRID)).isEqualTo(2);
    assertThat(r.first().version()).isEqualTo(1);
    assertThat(r.first().rowsWritten()).isEqualTo(2);
    assertRows(
        r.lake().read(TableId.PERF_GRID, r.first().version()),
        row(2014, "a"),
        row(2015, "b"),
        row(2015, "c"));
  }

  /**
   * A second writer commits after this write started and before its commit (the BEFORE_COMMIT
   * hook): the write's own commit is the latest, and the one whose commit info carries this write
   * (DESCRIBE HISTORY's userMetadata and operation metrics).
   */
  @Test
  void aWriteReportsItsOwnCommitWhenAnotherWriterCommitsBeforeIt() {
    Raced r = writeRacingASecondWriter(CommitHooks.Stage.BEFORE_COMMIT, "first writer");

    assertThat(r.first().version()).isEqualTo(2);
    assertThat(r.first().rowsWritten()).isEqualTo(2);
    Row commit =
        r.lake()
            .delta(TableId.PERF_GRID)
            .history()
            .where("version = " + r.first().version())
            .select("userMetadata", "operationMetrics.numOutputRows")
            .first();
    assertThat(commit.getString(0)).isEqualTo("first writer");
    assertThat(commit.getString(1)).isEqualTo("2");
  }

  /** A lake after {@link #writeRacingASecondWriter}, and what its write reported. */
  private record Raced(Lake lake, WriteResult first) {}

  /**
   * Appends two rows (with {@code userMetadata}, when not null) to a new table of one row while a
   * second writer appends three rows to the same table once, at {@code stage} of this commit.
   */
  private static Raced writeRacingASecondWriter(CommitHooks.Stage stage, String userMetadata) {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    lake.write(TableId.PERF_GRID, df(T, row(2014, "a"))).commit();
    AtomicBoolean done = new AtomicBoolean();
    CommitHooks.install(
        (at, table) -> {
          if (at == stage && done.compareAndSet(false, true)) {
            lake.write(table, df(T, row(2016, "x"), row(2016, "y"), row(2016, "z")))
                .append()
                .commit();
          }
        });
    try {
      DeltaWrite w = lake.write(TableId.PERF_GRID, df(T, row(2015, "b"), row(2015, "c"))).append();
      return new Raced(lake, (userMetadata == null ? w : w.userMetadata(userMetadata)).commit());
    } finally {
      CommitHooks.clear();
      assertThat(done).isTrue();
    }
  }

  @Test
  void idempotentWriteIsSkippedWhenRetried() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    lake.write(TableId.PIPELINE_RUNS, df(T, row(1, "x"))).append().idempotent("app", 7).commit();
    lake.write(TableId.PIPELINE_RUNS, df(T, row(1, "x"))).append().idempotent("app", 7).commit();
    assertThat(lake.read(TableId.PIPELINE_RUNS).count()).isEqualTo(1);
  }
}
