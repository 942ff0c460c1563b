package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Assignment as intervals (docs/contract.md, Landing files and Gold tables): a retailer is assigned
 * on a day when its version for that day is {@code active}. Versions are intervals [valid_from,
 * valid_to); nothing here makes one row per retailer per day.
 */
public final class Assignment {
  private Assignment() {}

  /**
   * Active versions clipped to the range. Grain: one row per active version overlapping it.
   * Columns: retailer_code, valid_from, grid_code, manager_code, format, market_type, scale, grade,
   * from_date, to_date (both inclusive, inside the range).
   */
  public static Dataset<Row> activeIntervals(Dataset<Row> dimRetailer, PeriodRange range) {
    Date start = Date.valueOf(range.start());
    Date end = Date.valueOf(range.end());
    return dimRetailer
        .where(col("license_status").equalTo("active"))
        .select(
            col("retailer_code"),
            col("valid_from"),
            col("grid_code"),
            col("manager_code"),
            col("format"),
            col("market_type"),
            col("scale"),
            col("grade"),
            greatest(col("valid_from"), lit(start)).as("from_date"),
            when(col("valid_to").isNull(), lit(end))
                .otherwise(least(date_sub(col("valid_to"), 1), lit(end)))
                .as("to_date"))
        .where(col("from_date").leq(col("to_date")));
  }

  /**
   * Assigned days per calendar month. Grain: one row per (active version, month it overlaps).
   * Columns: those of {@link #activeIntervals} plus year, month, month_from, month_to (the
   * interval's part inside the month, inclusive) and days.
   */
  public static Dataset<Row> monthly(Dataset<Row> intervals) {
    return intervals
        .withColumn(
            "month_start",
            explode(
                expr("sequence(trunc(from_date, 'MM'), trunc(to_date, 'MM'), interval 1 month)")))
        .withColumn("month_from", greatest(col("from_date"), col("month_start")))
        .withColumn("month_to", least(col("to_date"), last_day(col("month_start"))))
        .withColumn("days", datediff(col("month_to"), col("month_from")).plus(1))
        .withColumn("year", year(col("month_start")))
        .withColumn("month", month(col("month_start")))
        .drop("month_start");
  }
}
