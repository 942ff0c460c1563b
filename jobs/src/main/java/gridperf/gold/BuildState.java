package gridperf.gold;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code build_state} — grain: one row per silver source table read by the last successful build.
 * Columns: source (bare table name), version (the Delta version the build read, −1 when the table
 * did not exist), range_first, range_last (the period range built, NULL when there were no facts),
 * run_id. Written last by {@code build}, so a killed build leaves the previous state and the next
 * build redoes the same changes.
 */
public final class BuildState {
  public static final StructType SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("version", DataTypes.LongType, false)
          .add("range_first", DataTypes.StringType, true)
          .add("range_last", DataTypes.StringType, true)
          .add("run_id", DataTypes.StringType, false);

  /** What the last build read. */
  public record State(Map<TableId, Long> versions, Optional<PeriodRange> range) {}

  private BuildState() {}

  /** The state of the last successful build, if any. */
  public static Optional<State> read(Lake lake) {
    if (!lake.exists(TableId.BUILD_STATE)) {
      return Optional.empty();
    }
    List<Row> rows = lake.read(TableId.BUILD_STATE).collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<TableId, Long> versions = new HashMap<>();
    Optional<PeriodRange> range = Optional.empty();
    for (Row r : rows) {
      TableId.byName(r.getString(0)).ifPresent(t -> versions.put(t, r.getLong(1)));
      if (!r.isNullAt(2)) {
        range =
            Optional.of(
                new PeriodRange(YearMonth.parse(r.getString(2)), YearMonth.parse(r.getString(3))));
      }
    }
    return Optional.of(new State(versions, range));
  }

  /** Replaces the state with what this build read. */
  public static WriteResult write(Lake lake, State state, String runId) {
    List<Row> rows = new ArrayList<>();
    String first = state.range().map(r -> r.first().toString()).orElse(null);
    String last = state.range().map(r -> r.last().toString()).orElse(null);
    for (Map.Entry<TableId, Long> e : state.versions().entrySet()) {
      rows.add(RowFactory.create(e.getKey().tableName(), e.getValue(), first, last, runId));
    }
    return lake.write(TableId.BUILD_STATE, lake.spark().createDataFrame(rows, SCHEMA))
        .overwrite()
        .overwriteSchema()
        .commit();
  }
}
