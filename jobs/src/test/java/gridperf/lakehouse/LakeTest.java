package gridperf.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.testing.SparkTestBase;
import java.nio.file.Path;
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

  @Test
  void idempotentWriteIsSkippedWhenRetried() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    lake.write(TableId.PIPELINE_RUNS, df(T, row(1, "x"))).append().idempotent("app", 7).commit();
    lake.write(TableId.PIPELINE_RUNS, df(T, row(1, "x"))).append().idempotent("app", 7).commit();
    assertThat(lake.read(TableId.PIPELINE_RUNS).count()).isEqualTo(1);
  }
}
