package gridperf.gold;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code perf_grid} — grain: grid × period (docs/contract.md, Gold tables). Keys: grid_code,
 * period_type, period (year is the partition column). Sources: {@link Monthly} pre-aggregates and
 * {@link ServiceVisits#serviceCompliance}. Rules: the metrics of {@link PerfMetrics} (no targets);
 * service_compliance on Y rows only.
 */
public final class PerfGrid {
  public static final List<String> ENTITY = List.of("grid_code");

  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "grid_code string not null, "
              + PerfMetrics.PERIOD_COLUMNS
              + ", retailers_assigned bigint, "
              + PerfMetrics.SALES_COLUMNS
              + ", "
              + PerfMetrics.SERVICE_COLUMNS
              + ", service_compliance double");

  private PerfGrid() {}

  /** The table's rows for the computed years; see {@link PerfManager#build}. */
  public static Dataset<Row> build(Monthly in, Dataset<Row> storedPrior, Dataset<Row> compliance) {
    return ServiceVisits.attach(
        PerfMetrics.computeWithYoy(in, ENTITY, storedPrior), compliance, "grid", "grid_code");
  }
}
