package gridperf.score;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Hand-written inputs of the score tests: the perf_manager columns the scorecard reads. */
final class ScoreFixtures {
  private ScoreFixtures() {}

  /** perf_manager's key columns and the default components' metrics (a subset of the table). */
  static final StructType PERF_MANAGER =
      new StructType()
          .add("manager_code", StringType)
          .add("period_type", StringType)
          .add("period", StringType)
          .add("year", IntegerType)
          .add("retailers_assigned", LongType)
          .add("target_attainment", DoubleType)
          .add("volume_yoy", DoubleType)
          .add("revenue_per_case", DoubleType)
          .add("order_rate", DoubleType)
          .add("service_compliance", DoubleType)
          .add("peak_end_avg", DoubleType)
          .add("complaints_per_100", DoubleType);

  static final StructType PRIMARY_GRID =
      new StructType()
          .add("manager_code", StringType)
          .add("year", IntegerType)
          .add("primary_grid_code", StringType)
          .add("market_type", StringType)
          .add("assigned_days", LongType);

  /**
   * A yearly perf_manager row: attainment, growth, structure, activity, service, experience,
   * complaints per 100 (the default components in order).
   */
  static Row year(String m, int y, long assigned, Double... metrics) {
    Object[] v = new Object[5 + metrics.length];
    v[0] = m;
    v[1] = "Y";
    v[2] = String.valueOf(y);
    v[3] = y;
    v[4] = assigned;
    System.arraycopy(metrics, 0, v, 5, metrics.length);
    return RowFactory.create(v);
  }

  static Row grid(String m, int y, String grid, String market) {
    return RowFactory.create(m, y, grid, market, 31L);
  }
}
