package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.lakehouse.ScalaSeq;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code perf_manager} — grain: manager × period (docs/contract.md, Gold tables). Keys:
 * manager_code, period_type, period (year is the partition column). Sources: the monthly
 * pre-aggregates of fact_sales_line, fact_touchpoint and dim_retailer assignment ({@link Monthly}),
 * fact_target, and {@link ServiceVisits#serviceCompliance}. Rules: the metrics of {@link
 * PerfMetrics}; target_cases = Σ targets over the period's months in which the manager has an M
 * row, NULL if one of them has no target; target_attainment = volume_cases / target_cases (NULL
 * when the target is 0 or NULL); service_compliance on Y rows only.
 */
public final class PerfManager {
  public static final List<String> ENTITY = List.of("manager_code");

  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "manager_code string not null, "
              + PerfMetrics.PERIOD_COLUMNS
              + ", retailers_assigned bigint, "
              + PerfMetrics.SALES_COLUMNS
              + ", target_cases decimal(28,2), target_attainment double, "
              + PerfMetrics.SERVICE_COLUMNS
              + ", service_compliance double");

  private PerfManager() {}

  /**
   * The table's rows for the computed years. {@code storedPrior}: stored (manager_code,
   * period_type, period, year, volume_cases) rows of other years; {@code factTarget}: silver
   * targets; {@code compliance}: (entity_type, entity_code, year, service_compliance).
   */
  public static Dataset<Row> build(
      Monthly in, Dataset<Row> storedPrior, Dataset<Row> factTarget, Dataset<Row> compliance) {
    Dataset<Row> perf = PerfMetrics.computeWithYoy(in, ENTITY, storedPrior);
    Dataset<Row> withTargets = withTargets(perf, managerMonths(in), factTarget);
    return ServiceVisits.attach(withTargets, compliance, "manager", "manager_code");
  }

  /**
   * (manager_code, year, month) of every month in which the manager has an M row: a month with an
   * assigned retailer or a credited sale or touchpoint (the rows {@link PerfMetrics#compute}
   * groups). Taken from the pre-aggregates rather than from the computed M rows, so the metrics are
   * computed once per build and not again for the targets.
   */
  static Dataset<Row> managerMonths(Monthly in) {
    Column[] c = {col("manager_code"), col("year"), col("month")};
    return in.sales()
        .select(c)
        .union(in.touchpoints().select(c))
        .union(in.assigned().select(c))
        .distinct();
  }

  /**
   * Adds target_cases and target_attainment after volume_yoy; {@code months}: the manager months of
   * {@link #managerMonths}.
   */
  static Dataset<Row> withTargets(Dataset<Row> perf, Dataset<Row> months, Dataset<Row> factTarget) {
    Dataset<Row> t =
        factTarget.select(
            col("manager_code"), col("year"), col("month"), col("target_cases").as("target"));
    Dataset<Row> perPeriod =
        Periods.explode(months.join(t, ScalaSeq.of("manager_code", "year", "month"), "left"))
            .groupBy("manager_code", "period_type", "period", "year")
            .agg(
                sum("target").as("_t_sum"),
                count(when(col("target").isNull(), 1)).as("_t_missing"));
    Dataset<Row> joined =
        perf.join(
            perPeriod.withColumnRenamed("year", "_t_year"),
            ScalaSeq.of("manager_code", "period_type", "period"),
            "left");
    Dataset<Row> out =
        PerfMetrics.insertAfter(
            joined,
            "volume_yoy",
            when(col("_t_missing").equalTo(0), col("_t_sum"))
                .cast(PerfMetrics.REVENUE_TYPE)
                .as("target_cases"),
            lit(null).cast("double").as("target_attainment"));
    return out.withColumn(
            "target_attainment", PerfMetrics.ratio(col("volume_cases"), col("target_cases")))
        .drop("_t_sum", "_t_missing", "_t_year");
  }
}
