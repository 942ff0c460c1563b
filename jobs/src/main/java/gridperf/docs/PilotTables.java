package gridperf.docs;

import gridperf.gold.PilotEffect;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;
import gridperf.silver.DimPilot;

/**
 * Dictionary entries of the pilot tables: silver dim_pilot and gold pilot_effect (docs/pilots.md).
 */
final class PilotTables {
  private static final String MEAN_OF = "mean over the grids with a Δ of their ";

  static final TableDefinition DIM_PILOT =
      TableDefinition.of(TableId.DIM_PILOT, DimPilot.SCHEMA)
          .grain("one row per pilot and listed grid")
          .keys("pilot_id", "grid_code")
          .sources("master/pilots.csv (winning accepted rows)")
          .rule(
              "A pilot whose accepted rows disagree on start_month or end_month has all of them"
                  + " quarantined [OUT_OF_RANGE] and no row here.")
          .column("pilot_id", "pilot (text)")
          .column("grid_code", "a grid of the pilot (in dim_grid)")
          .column("pilot_name", "pilot name; NULL when not given")
          .column("arm", "pilot (the grid tried the change) or control (listed for comparison)")
          .column("start_month", "first month of the pilot, YYYY-MM")
          .column("end_month", "last month of the pilot, YYYY-MM (≥ start_month)");

  static final TableDefinition PILOT_EFFECT =
      TableDefinition.of(TableId.PILOT_EFFECT, PilotEffect.SCHEMA)
          .grain(
              "one row per pilot and metric, for pilots with a post month inside the period range")
          .keys("pilot_id", "metric")
          .sources("perf_grid (M rows)", "dim_pilot", "dim_grid (market_type, automatic controls)")
          .rule(
              "Controls: the pilot's control rows; without any, every grid not listed in the"
                  + " pilot, in no pilot's pilot arm, with the market_type of one of its pilot grids.")
          .rule(
              "A grid's window value is the mean of its non-NULL monthly values over the window;"
                  + " grids without a pre or post value (no Δ) are left out of every column.")
          .rule("Difference-in-differences with a Student's t interval; read docs/pilots.md first.")
          .column("pilot_id", "the pilot")
          .column(
              "metric",
              "order_rate, visit_coverage, volume_per_retailer (volume_cases /"
                  + " retailers_assigned), satisfaction_avg, peak_end_avg or complaints_per_100")
          .column(
              "status",
              "complete, or running when the post window is cut at the range's last month")
          .column("pre_from", "first month of the pre window (the L months before start_month)")
          .column("pre_to", "last month of the pre window (the month before start_month)")
          .column("post_from", "first month of the post window (start_month)")
          .column("post_to", "last month of the post window: end_month, or the range's last month")
          .column("n_pilot", "pilot grids with a Δ (post − pre window value)")
          .column("n_control", "control grids with a Δ")
          .column("pilot_pre", MEAN_OF + "pre window values, pilot arm")
          .column("pilot_post", MEAN_OF + "post window values, pilot arm")
          .column("control_pre", MEAN_OF + "pre window values, control arm")
          .column("control_post", MEAN_OF + "post window values, control arm")
          .column("did", "mean Δ of the pilot grids − mean Δ of the control grids")
          .column("se", "√(s²ₚ/nₚ + s²꜀/n꜀), sample variances of Δ; NULL when an arm has < 2 grids")
          .column("df", "min(n_pilot, n_control) − 1; NULL with se")
          .column(
              "t_crit", "0.975 quantile of Student's t with df degrees of freedom; NULL with se")
          .column("ci_low", "did − t_crit × se (95 % interval)")
          .column("ci_high", "did + t_crit × se")
          .column("significant", "the interval excludes 0; NULL when se is NULL or 0");

  private PilotTables() {}
}
