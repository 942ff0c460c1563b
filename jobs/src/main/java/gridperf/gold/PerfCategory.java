package gridperf.gold;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code perf_category} — grain: retailer category × period (docs/contract.md, Gold tables);
 * category = (format, market_type of the grid, scale) of the retailer version valid on the day.
 * Keys: format, market_type, scale, period_type, period (year is the partition column). Sources:
 * {@link Monthly} pre-aggregates. Rules: the metrics of {@link PerfMetrics}; no targets, no
 * service_compliance.
 */
public final class PerfCategory {
  public static final List<String> ENTITY = List.of("format", "market_type", "scale");

  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "format string not null, market_type string not null, scale string not null, "
              + PerfMetrics.PERIOD_COLUMNS
              + ", retailers_assigned bigint, "
              + PerfMetrics.SALES_COLUMNS
              + ", "
              + PerfMetrics.SERVICE_COLUMNS);

  private PerfCategory() {}

  /** The table's rows for the computed years; see {@link PerfManager#build}. */
  public static Dataset<Row> build(Monthly in, Dataset<Row> storedPrior) {
    return PerfMetrics.computeWithYoy(in, ENTITY, storedPrior);
  }
}
