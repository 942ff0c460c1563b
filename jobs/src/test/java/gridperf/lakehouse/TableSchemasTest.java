package gridperf.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.docs.TableDictionary;
import gridperf.gold.GoldBuild;
import gridperf.gold.PerfCube;
import gridperf.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A table's declared schema is enforced when it is written. */
class TableSchemasTest extends SparkTestBase {
  private static final StructType DECLARED =
      StructType.fromDDL("grid_code string not null, year int not null, visits bigint");

  private static final StructType SAME_COLUMNS_OTHER_ORDER =
      new StructType()
          .add("visits", DataTypes.LongType)
          .add("year", DataTypes.IntegerType)
          .add("grid_code", DataTypes.StringType);

  @Test
  void rowsAreWrittenInTheDeclaredOrder() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    lake.write(TableId.PERF_GRID, df(SAME_COLUMNS_OTHER_ORDER, row(3L, 2015, "G1")))
        .schema(DECLARED)
        .commit();

    assertThat(lake.read(TableId.PERF_GRID).columns())
        .containsExactly("grid_code", "year", "visits");
    assertRows(lake.read(TableId.PERF_GRID), row("G1", 2015, 3L));
  }

  @Test
  void aNullInAKeyColumnFailsTheWriteNamingTableAndColumnAndWritesNothing() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    var rows = df(SAME_COLUMNS_OTHER_ORDER, row(3L, 2015, "G1"), row(4L, 2015, null));

    assertThatThrownBy(() -> lake.write(TableId.PERF_GRID, rows).schema(DECLARED).commit())
        .hasStackTraceContaining("perf_grid: key column grid_code is NULL in a row to write");
    assertThat(lake.exists(TableId.PERF_GRID)).isFalse();
  }

  @Test
  void aNullInANullableColumnIsWritten() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    lake.write(TableId.PERF_GRID, df(SAME_COLUMNS_OTHER_ORDER, row(null, 2015, "G1")))
        .schema(DECLARED)
        .commit();

    assertRows(lake.read(TableId.PERF_GRID), row("G1", 2015, null));
  }

  @Test
  void missingExtraOrRetypedColumnsAreRefusedBeforeAnythingIsWritten() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    StructType wrong =
        new StructType()
            .add("grid_code", DataTypes.StringType)
            .add("year", DataTypes.LongType)
            .add("visit_count", DataTypes.LongType);

    assertThatThrownBy(
            () ->
                lake.write(TableId.PERF_GRID, df(wrong, row("G1", 2015L, 3L)))
                    .schema(DECLARED)
                    .commit())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "perf_grid: the rows to write do not match the table's declared schema: year is"
                + " bigint, declared int; missing visits bigint; undeclared visit_count bigint");
    assertThat(lake.exists(TableId.PERF_GRID)).isFalse();
  }

  /**
   * Every key of a gold or score table is declared non-nullable, so the write checks it;
   * perf_cube's dimension columns are the exception (NULL outside a row's grouping set).
   */
  @Test
  void everyGoldAndScoreKeyIsDeclaredNonNullable() {
    Set<TableId> checked =
        Set.of(
            TableId.MANAGER_SCORECARD,
            TableId.SCORECARD_SCENARIO,
            TableId.SCORECARD_ADJUSTMENT,
            TableId.PILOT_EFFECT);
    List<String> nullableKeys = new ArrayList<>();
    for (TableDefinition d : TableDictionary.DEFINITIONS) {
      if (!GoldBuild.OUTPUTS.contains(d.table()) && !checked.contains(d.table())) {
        continue;
      }
      for (String k : d.keys()) {
        StructField f = d.schema().apply(k);
        boolean dimension = d.table() == TableId.PERF_CUBE && PerfCube.DIMENSIONS.contains(k);
        if (f.nullable() && !dimension) {
          nullableKeys.add(d.table().tableName() + "." + k);
        }
      }
    }
    assertThat(nullableKeys).isEmpty();
  }
}
