package gridperf.gold;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import gridperf.lakehouse.ScalaSeq;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code pilot_effect} — grain: pilot × metric. Keys: pilot_id, metric. Sources: perf_grid M rows
 * (as stored), dim_pilot, dim_grid (market_type, for automatic controls). Rules: windows and arms
 * of {@link PilotArms}; a grid's window value is the mean of its non-NULL monthly values over the
 * window's months (NULL when there is none); grids whose post or pre value is NULL are left out;
 * the estimate of {@link DidEstimate}. A pilot has six rows (one per metric) when its post window
 * has a month inside the period range, none otherwise.
 */
public final class PilotEffect {
  /** The metrics, in the order of the table's rows. */
  public static final List<String> METRICS =
      List.of(
          "order_rate",
          "visit_coverage",
          "volume_per_retailer",
          "satisfaction_avg",
          "peak_end_avg",
          "complaints_per_100");

  public static final StructType SCHEMA =
      new StructType()
          .add("pilot_id", DataTypes.StringType, false)
          .add("metric", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("pre_from", DataTypes.StringType, false)
          .add("pre_to", DataTypes.StringType, false)
          .add("post_from", DataTypes.StringType, false)
          .add("post_to", DataTypes.StringType, false)
          .add("n_pilot", DataTypes.IntegerType, false)
          .add("n_control", DataTypes.IntegerType, false)
          .add("pilot_pre", DataTypes.DoubleType, true)
          .add("pilot_post", DataTypes.DoubleType, true)
          .add("control_pre", DataTypes.DoubleType, true)
          .add("control_post", DataTypes.DoubleType, true)
          .add("did", DataTypes.DoubleType, true)
          .add("se", DataTypes.DoubleType, true)
          .add("df", DataTypes.IntegerType, true)
          .add("t_crit", DataTypes.DoubleType, true)
          .add("ci_low", DataTypes.DoubleType, true)
          .add("ci_high", DataTypes.DoubleType, true)
          .add("significant", DataTypes.BooleanType, true);

  /** The member schema joined to perf_grid: one row per (pilot, grid, arm, window, month). */
  private static final StructType MONTHS =
      new StructType()
          .add("pilot_id", DataTypes.StringType, false)
          .add("grid_code", DataTypes.StringType, false)
          .add("arm", DataTypes.StringType, false)
          .add("window", DataTypes.StringType, false)
          .add("period", DataTypes.StringType, false);

  private PilotEffect() {}

  /**
   * The table's rows. {@code perfGrid}: perf_grid (any period types); {@code dimPilot}, {@code
   * dimGrid}: the silver dimensions; {@code range}: the period range (no rows without one). The
   * dimensions and the grid-level window values are small and collected to the driver.
   */
  public static Dataset<Row> build(
      Dataset<Row> perfGrid,
      Dataset<Row> dimPilot,
      Dataset<Row> dimGrid,
      java.util.Optional<PeriodRange> range) {
    SparkSession spark = perfGrid.sparkSession();
    List<PilotArms.Listed> listed = new ArrayList<>();
    for (Row r :
        dimPilot
            .select("pilot_id", "grid_code", "arm", "start_month", "end_month")
            .collectAsList()) {
      listed.add(
          new PilotArms.Listed(
              r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    }
    if (range.isEmpty() || listed.isEmpty()) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    Map<String, String> markets = new HashMap<>();
    for (Row r : dimGrid.select("grid_code", "market_type").collectAsList()) {
      markets.put(r.getString(0), r.getString(1));
    }
    Map<String, PilotArms.Window> windows =
        PilotArms.windows(listed, range.get().first(), range.get().last());
    List<PilotArms.Member> members = new ArrayList<>();
    List<Row> months = new ArrayList<>();
    for (PilotArms.Member m : PilotArms.members(listed, markets)) {
      PilotArms.Window w = windows.get(m.pilotId());
      if (w == null) {
        continue;
      }
      members.add(m);
      for (String which : List.of("pre", "post")) {
        for (YearMonth ym : w.months(which)) {
          months.add(RowFactory.create(m.pilotId(), m.gridCode(), m.arm(), which, ym.toString()));
        }
      }
    }
    Map<List<String>, Double> values =
        windowValues(spark.createDataFrame(months, MONTHS), perfGrid);
    List<Row> out = new ArrayList<>();
    for (PilotArms.Window w : windows.values()) {
      for (String metric : METRICS) {
        List<DidEstimate.GridValues> pilot = new ArrayList<>();
        List<DidEstimate.GridValues> control = new ArrayList<>();
        for (PilotArms.Member m : members) {
          if (!m.pilotId().equals(w.pilotId())) {
            continue;
          }
          Double pre = values.get(List.of(m.pilotId(), m.gridCode(), metric, "pre"));
          Double post = values.get(List.of(m.pilotId(), m.gridCode(), metric, "post"));
          if (pre != null && post != null) {
            (m.arm().equals("pilot") ? pilot : control).add(new DidEstimate.GridValues(pre, post));
          }
        }
        out.add(row(w, metric, DidEstimate.of(pilot, control)));
      }
    }
    return spark.createDataFrame(out, SCHEMA);
  }

  /** The metrics of perf_grid's M rows, one row per (grid_code, period, metric, value). */
  public static Dataset<Row> monthlyMetrics(Dataset<Row> perfGrid) {
    StringBuilder stack = new StringBuilder("stack(" + METRICS.size());
    for (String m : METRICS) {
      String value =
          m.equals("volume_per_retailer")
              ? "CASE WHEN retailers_assigned <> 0 THEN CAST(volume_cases AS DOUBLE)"
                  + " / CAST(retailers_assigned AS DOUBLE) END"
              : "CAST(" + m + " AS DOUBLE)";
      stack.append(", '").append(m).append("', ").append(value);
    }
    stack.append(") AS (metric, value)");
    return perfGrid
        .where(col("period_type").equalTo("M"))
        .select(col("grid_code"), col("period"), expr(stack.toString()));
  }

  /** (pilot_id, grid_code, metric, window) → the grid's window value, for the non-NULL ones. */
  private static Map<List<String>, Double> windowValues(
      Dataset<Row> months, Dataset<Row> perfGrid) {
    Map<List<String>, Double> out = new HashMap<>();
    List<Row> rows =
        months
            .join(monthlyMetrics(perfGrid), ScalaSeq.of("grid_code", "period"))
            .groupBy("pilot_id", "grid_code", "metric", "window")
            .agg(avg("value").as("value"))
            .where(col("value").isNotNull())
            .collectAsList();
    for (Row r : rows) {
      out.put(
          List.of(r.getString(0), r.getString(1), r.getString(2), r.getString(3)), r.getDouble(4));
    }
    return out;
  }

  private static Row row(PilotArms.Window w, String metric, DidEstimate e) {
    return RowFactory.create(
        w.pilotId(),
        metric,
        w.status(),
        w.preFrom().toString(),
        w.preTo().toString(),
        w.postFrom().toString(),
        w.postTo().toString(),
        e.nPilot(),
        e.nControl(),
        e.pilotPre(),
        e.pilotPost(),
        e.controlPre(),
        e.controlPost(),
        e.did(),
        e.se(),
        e.df(),
        e.tCrit(),
        e.ciLow(),
        e.ciHigh(),
        e.significant());
  }
}
