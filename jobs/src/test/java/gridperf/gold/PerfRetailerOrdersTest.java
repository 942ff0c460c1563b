package gridperf.gold;

import static org.apache.spark.sql.functions.col;

import gridperf.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * perf_retailer's orders and months_ordering: distinct order_id with a line of qty_cartons &gt; 0
 * in the period, and the months with such a line, per retailer.
 *
 * <pre>
 * R1 2015: O1 lines in January (5) and February (2)     → counted once in Q1 and in the year
 *          O2 in April, only a return (−1)              → not an order
 *          O3 in April, lines of 0 and 3                → one order
 *          O4 in December (1)
 * R2 2015: O1 in March (4): the same id as R1's, another retailer's order
 *
 *            R1: orders / months   R2: orders / months
 * 2015-01          1 / 1
 * 2015-02          1 / 1
 * 2015-03                                1 / 1
 * 2015-04          1 / 1
 * 2015-12          1 / 1
 * 2015-Q1          1 / 2                 1 / 1
 * 2015-Q2          1 / 1
 * 2015-Q4          1 / 1
 * 2015             3 / 4                 1 / 1
 * </pre>
 */
class PerfRetailerOrdersTest extends SparkTestBase {
  private static final StructType LINES =
      new StructType()
          .add("order_id", DataTypes.StringType)
          .add("retailer_code", DataTypes.StringType)
          .add("qty_cartons", DataTypes.LongType)
          .add("year", DataTypes.IntegerType)
          .add("month", DataTypes.IntegerType);

  @Test
  void anOrderWithLinesInTwoMonthsCountsOnceInTheirQuarterAndYear() {
    Dataset<Row> lines =
        df(
            LINES,
            row("O1", "R1", 5L, 2015, 1),
            row("O1", "R1", 2L, 2015, 2),
            row("O2", "R1", -1L, 2015, 4),
            row("O3", "R1", 0L, 2015, 4),
            row("O3", "R1", 3L, 2015, 4),
            row("O4", "R1", 1L, 2015, 12),
            row("O1", "R2", 4L, 2015, 3));
    assertRows(
        PerfRetailer.ordering(lines)
            .select(
                col("retailer_code"),
                PeriodIds.type(col("_pid")),
                PeriodIds.period(col("_pid")),
                PeriodIds.yearOf(col("_pid")),
                col("_orders"),
                col("_months_ordering")),
        row("R1", "M", "2015-01", 2015, 1L, 1L),
        row("R1", "M", "2015-02", 2015, 1L, 1L),
        row("R1", "M", "2015-04", 2015, 1L, 1L),
        row("R1", "M", "2015-12", 2015, 1L, 1L),
        row("R1", "Q", "2015-Q1", 2015, 1L, 2L),
        row("R1", "Q", "2015-Q2", 2015, 1L, 1L),
        row("R1", "Q", "2015-Q4", 2015, 1L, 1L),
        row("R1", "Y", "2015", 2015, 3L, 4L),
        row("R2", "M", "2015-03", 2015, 1L, 1L),
        row("R2", "Q", "2015-Q1", 2015, 1L, 1L),
        row("R2", "Y", "2015", 2015, 1L, 1L));
  }
}
