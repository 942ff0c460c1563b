package gridperf.gold;

import static org.apache.spark.sql.functions.expr;

import gridperf.config.IntegrityConfig;
import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes the two integrity tables of a build: {@link IntegrityFlags} for the plan's changed months
 * (replaceWhere on those months, a full overwrite on a full build) and {@link HandoverLedger} in
 * full (it is small: one row per move, and any change of sales, assignment or range can move a
 * window). Runs the data tests after each write.
 */
final class IntegrityBuild {
  private IntegrityBuild() {}

  static List<WriteResult> write(
      JobContext ctx,
      BuildPlan plan,
      Dataset<Row> sales,
      Dataset<Row> touchpoints,
      Dataset<Row> retailers,
      Optional<PeriodRange> range,
      IntegrityConfig cfg) {
    Lake lake = ctx.lake();
    List<WriteResult> out = new ArrayList<>();
    String months = plan.full() ? "true" : Periods.monthPredicate(plan.changedMonths());
    Dataset<Row> flags =
        IntegrityFlags.build(touchpoints.where(expr(months)), sales.where(expr(months)), cfg)
            .coalesce(1);
    out.add(
        new GoldOutput(
                TableId.INTEGRITY_FLAGS,
                IntegrityFlags.SCHEMA,
                flags,
                GoldOutput.replacing(plan, months),
                GoldOutput.BY_YEAR,
                written ->
                    GoldChecks.check(
                        "integrity_flags",
                        written,
                        IntegrityFlags.KEYS,
                        List.of(),
                        List.of(
                            new Bound(List.of("value", "threshold"), 0, 1),
                            new Bound(List.of("evidence"), 0, Double.POSITIVE_INFINITY))))
            .write(ctx));

    Dataset<Row> ledger =
        range.isPresent()
            ? HandoverLedger.build(retailers, sales, range.get()).coalesce(1)
            : lake.spark().createDataFrame(List.of(), HandoverLedger.SCHEMA);
    // small, and any change of sales, assignment or range can move a window: always in full
    out.add(
        new GoldOutput(
                TableId.HANDOVER_LEDGER,
                HandoverLedger.SCHEMA,
                ledger,
                null,
                List.of(),
                written ->
                    GoldChecks.check(
                        "handover_ledger",
                        written,
                        HandoverLedger.KEYS,
                        List.of(),
                        List.of(new Bound(List.of("months_compared"), 0, 12))))
            .write(ctx));
    return out;
  }
}
