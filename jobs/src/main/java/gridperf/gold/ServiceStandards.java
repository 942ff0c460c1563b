package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.StandardsConfig;
import gridperf.gold.GoldChecks.Bound;
import gridperf.job.JobContext;
import gridperf.lakehouse.ScalaSeq;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * {@code service_standards} — grain: manager × period (M, Q, Y); keys manager_code, period_type,
 * period (year is the partition column); a row for every manager and period with a perf_manager
 * row. Sources: fact_inspection (an inspection counts in the periods of its date, under the manager
 * it names), the assignment and complaint pre-aggregates ({@link Monthly}) and the {@code
 * standards} settings of the scoring file. Rules (docs/standards.md): counts by level,
 * spot_check_pass_rate = passed / spot checks (NULL without one), errors = Σ errors; over the
 * period's assigned months (≥ 1 assigned retailer) the months with enough self-inspections, the
 * error-free months (≥ 1 inspection, 0 errors), the complaint-free months (no complaint credited to
 * the manager) and the longest run of consecutive error-free months (any other month breaks it);
 * standards_met = months met ≥ share × months assigned and the pass rate NULL or ≥ the minimum,
 * true when no month is assigned.
 */
public final class ServiceStandards {
  public static final List<String> KEYS = List.of("manager_code", "period_type", "period");

  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "manager_code string not null, "
              + PerfMetrics.PERIOD_COLUMNS
              + ", months_assigned int, self_inspections bigint, general_inspections bigint,"
              + " spot_checks bigint, spot_checks_passed bigint, spot_check_pass_rate double,"
              + " errors bigint, self_check_months_met int, error_free_months int,"
              + " complaint_free_months int, longest_error_free_run int, standards_met boolean");

  private static final Column[] MONTH = {col("manager_code"), col("year"), col("month")};

  private ServiceStandards() {}

  /** The table's rows for the years of {@code in}; {@code inspections}: fact_inspection rows. */
  public static Dataset<Row> build(Monthly in, Dataset<Row> inspections, StandardsConfig cfg) {
    Dataset<Row> rows =
        Periods.explode(PerfManager.managerMonths(in))
            .select("manager_code", "period_type", "period", "year")
            .distinct();
    Column level = col("level");
    Dataset<Row> inspected =
        inspections
            .groupBy(MONTH)
            .agg(
                count(lit(1)).as("_n"),
                count(when(level.equalTo("self"), 1)).as("self_inspections"),
                count(when(level.equalTo("general"), 1)).as("general_inspections"),
                count(when(level.equalTo("spot"), 1)).as("spot_checks"),
                count(when(level.equalTo("spot").and(col("passed")), 1)).as("spot_checks_passed"),
                sum("errors").as("errors"));
    Dataset<Row> complained =
        in.touchpoints().groupBy(MONTH).agg(sum("complaints").as("_complaints"));
    // one row per assigned month of a manager, with its three monthly flags
    Dataset<Row> assigned =
        in.assigned()
            .select(MONTH)
            .distinct()
            .join(inspected, ScalaSeq.of("manager_code", "year", "month"), "left")
            .join(complained, ScalaSeq.of("manager_code", "year", "month"), "left")
            .select(
                col("manager_code"),
                col("year"),
                col("month"),
                flag(coalesce(col("self_inspections"), lit(0L)).geq(cfg.selfChecksPerMonth()))
                    .as("_met"),
                flag(coalesce(col("_n"), lit(0L)).gt(0).and(col("errors").equalTo(0)))
                    .as("_error_free"),
                flag(coalesce(col("_complaints"), lit(0L)).equalTo(0)).as("_complaint_free"));
    Dataset<Row> months =
        Periods.explode(assigned)
            .groupBy("manager_code", "period_type", "period")
            .agg(
                count(lit(1)).cast("int").as("months_assigned"),
                sum("_met").cast("int").as("self_check_months_met"),
                sum("_error_free").cast("int").as("error_free_months"),
                sum("_complaint_free").cast("int").as("complaint_free_months"));
    Dataset<Row> counts =
        Periods.explode(inspected)
            .groupBy("manager_code", "period_type", "period")
            .agg(
                sum("self_inspections").as("self_inspections"),
                sum("general_inspections").as("general_inspections"),
                sum("spot_checks").as("spot_checks"),
                sum("spot_checks_passed").as("spot_checks_passed"),
                sum("errors").as("errors"));
    Dataset<Row> runs = longestRuns(assigned.where(col("_error_free").equalTo(1)));
    Dataset<Row> joined =
        rows.join(months, ScalaSeq.of("manager_code", "period_type", "period"), "left")
            .join(counts, ScalaSeq.of("manager_code", "period_type", "period"), "left")
            .join(runs, ScalaSeq.of("manager_code", "period_type", "period"), "left");
    Column monthsAssigned = coalesce(col("months_assigned"), lit(0));
    Column met = coalesce(col("self_check_months_met"), lit(0));
    Column rate = PerfMetrics.ratio(col("spot_checks_passed"), col("spot_checks"));
    return joined.select(
        col("manager_code"),
        col("period_type"),
        col("period"),
        col("year"),
        monthsAssigned.as("months_assigned"),
        coalesce(col("self_inspections"), lit(0L)).as("self_inspections"),
        coalesce(col("general_inspections"), lit(0L)).as("general_inspections"),
        coalesce(col("spot_checks"), lit(0L)).as("spot_checks"),
        coalesce(col("spot_checks_passed"), lit(0L)).as("spot_checks_passed"),
        rate.as("spot_check_pass_rate"),
        coalesce(col("errors"), lit(0L)).as("errors"),
        met.as("self_check_months_met"),
        coalesce(col("error_free_months"), lit(0)).as("error_free_months"),
        coalesce(col("complaint_free_months"), lit(0)).as("complaint_free_months"),
        coalesce(col("longest_error_free_run"), lit(0)).as("longest_error_free_run"),
        standardsMet(monthsAssigned, met, rate, cfg).as("standards_met"));
  }

  /**
   * standards_met: true when no month is assigned; else months met ≥ share × months assigned and
   * the pass rate NULL or ≥ the minimum.
   */
  public static Column standardsMet(
      Column monthsAssigned, Column monthsMet, Column passRate, StandardsConfig cfg) {
    return monthsAssigned
        .equalTo(0)
        .or(
            monthsMet
                .cast("double")
                .geq(lit(cfg.minSelfCheckMonthShare()).multiply(monthsAssigned))
                .and(passRate.isNull().or(passRate.geq(cfg.minSpotPassRate()))));
  }

  private static Column flag(Column c) {
    return when(c, 1).otherwise(0);
  }

  /**
   * The longest run of consecutive error-free months per (manager, period): within a period,
   * consecutive months share month index − their rank among the error-free months.
   */
  private static Dataset<Row> longestRuns(Dataset<Row> errorFreeMonths) {
    Dataset<Row> exploded =
        Periods.explode(
            errorFreeMonths.withColumn("_idx", col("year").multiply(12).plus(col("month"))));
    Column rank =
        row_number()
            .over(Window.partitionBy("manager_code", "period_type", "period").orderBy("_idx"));
    return exploded
        .withColumn("_island", col("_idx").minus(rank))
        .groupBy("manager_code", "period_type", "period", "_island")
        .agg(count(lit(1)).as("_len"))
        .groupBy("manager_code", "period_type", "period")
        .agg(max("_len").cast("int").as("longest_error_free_run"));
  }

  /**
   * Computes and writes the planned periods (one file per year; replaceWhere on them, or a full
   * overwrite), then runs the data tests on what was written.
   */
  static WriteResult write(
      JobContext ctx, BuildPlan plan, Monthly in, Dataset<Row> inspections, StandardsConfig cfg) {
    Dataset<Row> planned = build(in, inspections, cfg).where(GoldBuild.periodFilter(plan));
    return new GoldOutput(
            TableId.SERVICE_STANDARDS,
            SCHEMA,
            FileLayout.onePerYear(planned),
            GoldOutput.replacing(plan, Periods.predicate(plan.periods())),
            GoldOutput.BY_YEAR,
            written ->
                GoldChecks.check(
                    "service_standards",
                    written,
                    KEYS,
                    List.of(),
                    List.of(
                        new Bound(List.of("spot_check_pass_rate"), 0, 1),
                        new Bound(
                            List.of(
                                "months_assigned",
                                "self_check_months_met",
                                "error_free_months",
                                "complaint_free_months",
                                "longest_error_free_run"),
                            0,
                            12))))
        .write(ctx);
  }
}
