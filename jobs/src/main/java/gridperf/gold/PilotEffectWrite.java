package gridperf.gold;

import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import gridperf.silver.DimGrid;
import gridperf.silver.DimPilot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes {@code pilot_effect} at the end of a build, from perf_grid as just stored: a full
 * overwrite (the table is a few rows a pilot), skipped when nothing it depends on changed since the
 * last build (perf_grid not rewritten, same dim_pilot and dim_grid versions, the table exists).
 * Runs the data tests after the write.
 */
public final class PilotEffectWrite {
  /** Silver tables the table depends on besides perf_grid (recorded in build_state). */
  public static final List<TableId> SOURCES = List.of(TableId.DIM_PILOT, TableId.DIM_GRID);

  private PilotEffectWrite() {}

  /**
   * Recomputes and writes the table when needed. {@code perfGridWritten}: this build rewrote
   * perf_grid; {@code versions}: the silver versions this build read (with {@link #SOURCES}).
   */
  public static Optional<WriteResult> write(
      JobContext ctx,
      boolean perfGridWritten,
      Optional<PeriodRange> range,
      Map<TableId, Long> versions) {
    Lake lake = ctx.lake();
    if (!perfGridWritten && lake.exists(TableId.PILOT_EFFECT) && sameSources(lake, versions)) {
      ctx.progress().step("pilot_effect unchanged");
      return Optional.empty();
    }
    Dataset<Row> perfGrid =
        lake.exists(TableId.PERF_GRID)
            ? lake.read(TableId.PERF_GRID)
            : lake.spark().createDataFrame(List.of(), PerfGrid.SCHEMA);
    Dataset<Row> rows =
        PilotEffect.build(
            perfGrid,
            read(lake, TableId.DIM_PILOT, versions, DimPilot.SCHEMA),
            read(lake, TableId.DIM_GRID, versions, DimGrid.SCHEMA),
            range);
    return Optional.of(
        new GoldOutput(
                TableId.PILOT_EFFECT,
                PilotEffect.SCHEMA,
                rows,
                null,
                List.of(),
                PilotEffectWrite::check)
            .write(ctx));
  }

  /** Unique non-NULL keys; counts, se and t_crit not negative. */
  static void check(Dataset<Row> table) {
    GoldChecks.check(
        "pilot_effect",
        table,
        List.of("pilot_id", "metric"),
        List.of(),
        List.of(
            new Bound(List.of("n_pilot", "n_control", "se"), 0, Double.POSITIVE_INFINITY),
            new Bound(List.of("df", "t_crit"), 0, Double.POSITIVE_INFINITY)));
  }

  private static boolean sameSources(Lake lake, Map<TableId, Long> versions) {
    Optional<BuildState.State> before = BuildState.read(lake);
    if (before.isEmpty()) {
      return false;
    }
    for (TableId t : SOURCES) {
      if (!Objects.equals(before.get().versions().get(t), versions.get(t))) {
        return false;
      }
    }
    return true;
  }

  private static Dataset<Row> read(
      Lake lake,
      TableId t,
      Map<TableId, Long> versions,
      org.apache.spark.sql.types.StructType schema) {
    Long v = versions.get(t);
    if (v == null || v < 0) {
      return lake.spark().createDataFrame(List.of(), schema);
    }
    return lake.read(t, v);
  }
}
