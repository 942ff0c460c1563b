package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * A manager's primary grid of a year (docs/contract.md, Manager scorecard): the grid of most of its
 * assigned retailer-days that year, ties to the lowest grid_code; its market_type is the manager's
 * peer group. Grain: (manager_code, year). Source: {@code Assignment.monthly} rows (assigned days
 * per version and month, already clipped to the data range), so a retailer reassigned mid-year
 * counts for each manager with its own days.
 */
public final class PrimaryGrid {
  private PrimaryGrid() {}

  /** Columns: manager_code, year, primary_grid_code, market_type, assigned_days. */
  public static Dataset<Row> of(Dataset<Row> monthlyAssignment) {
    return monthlyAssignment
        .groupBy("manager_code", "year", "grid_code")
        .agg(sum("days").as("assigned_days"), min("market_type").as("market_type"))
        .withColumn(
            "pick",
            row_number()
                .over(
                    Window.partitionBy("manager_code", "year")
                        .orderBy(col("assigned_days").desc(), col("grid_code").asc())))
        .where(col("pick").equalTo(1))
        .select(
            col("manager_code"),
            col("year"),
            col("grid_code").as("primary_grid_code"),
            col("market_type"),
            col("assigned_days"));
  }
}
