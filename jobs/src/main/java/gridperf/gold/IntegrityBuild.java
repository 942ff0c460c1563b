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
    var w = lake.write(TableId.INTEGRITY_FLAGS, flags).partitionBy("year").overwrite();
    out.add((plan.full() ? w.overwriteSchema() : w.replaceWhere(months)).commit());
    GoldChecks.check(
        "integrity_flags",
        lake.read(TableId.INTEGRITY_FLAGS).where(expr(months)),
        IntegrityFlags.KEYS,
        List.of(),
        List.of(
            new Bound(List.of("value", "threshold"), 0, 1),
            new Bound(List.of("evidence"), 0, Double.POSITIVE_INFINITY)));
    ctx.progress().step("wrote integrity_flags");

    Dataset<Row> ledger =
        range.isPresent()
            ? HandoverLedger.build(retailers, sales, range.get()).coalesce(1)
            : lake.spark().createDataFrame(List.of(), HandoverLedger.SCHEMA);
    out.add(lake.write(TableId.HANDOVER_LEDGER, ledger).overwrite().overwriteSchema().commit());
    GoldChecks.check(
        "handover_ledger",
        lake.read(TableId.HANDOVER_LEDGER),
        HandoverLedger.KEYS,
        List.of(),
        List.of(new Bound(List.of("months_compared"), 0, 12)));
    ctx.progress().step("wrote handover_ledger");
    return out;
  }
}
