package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import gridperf.gold.PeriodRange;
import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * A manager's assigned days of a year: distinct days of the year inside the data range on which at
 * least one retailer is assigned to it, and the days of that year inside the range. Grain:
 * (manager_code, year). Source: {@code Assignment.activeIntervals} (active versions clipped to the
 * range). Overlapping retailers are merged into islands of consecutive days first, so a day counts
 * once however many retailers the manager had on it.
 */
public final class AssignedDays {
  private AssignedDays() {}

  /** Columns: manager_code, year, assigned_days (int), days_in_range (int). */
  public static Dataset<Row> of(Dataset<Row> activeIntervals, PeriodRange range) {
    WindowSpec byStart =
        Window.partitionBy("manager_code").orderBy(col("from_date"), col("to_date"));
    // an interval starts a new island when it begins after every earlier interval has ended
    Column endBefore =
        max(col("to_date")).over(byStart.rowsBetween(Window.unboundedPreceding(), -1));
    Dataset<Row> marked =
        activeIntervals
            .select("manager_code", "from_date", "to_date")
            .withColumn(
                "starts",
                when(endBefore.isNull().or(datediff(col("from_date"), endBefore).gt(1)), 1)
                    .otherwise(0));
    Dataset<Row> islands =
        marked
            .withColumn(
                "island", sum("starts").over(byStart.rowsBetween(Window.unboundedPreceding(), 0)))
            .groupBy("manager_code", "island")
            .agg(min("from_date").as("from_date"), max("to_date").as("to_date"));
    Column y = col("y");
    Column yearStart = make_date(y, lit(1), lit(1));
    Column yearEnd = make_date(y, lit(12), lit(31));
    Dataset<Row> days =
        islands
            .withColumn("y", explode(sequence(year(col("from_date")), year(col("to_date")))))
            .withColumn(
                "d",
                datediff(least(col("to_date"), yearEnd), greatest(col("from_date"), yearStart))
                    .plus(1))
            .groupBy(col("manager_code"), y.as("year"))
            .agg(sum("d").cast("int").as("assigned_days"));
    Date start = Date.valueOf(range.start());
    Date end = Date.valueOf(range.end());
    Column inRange =
        datediff(
                least(lit(end), make_date(col("year"), lit(12), lit(31))),
                greatest(lit(start), make_date(col("year"), lit(1), lit(1))))
            .plus(1);
    return days.withColumn("days_in_range", inRange.cast("int"));
  }
}
