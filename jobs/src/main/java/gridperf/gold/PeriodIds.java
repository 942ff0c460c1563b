package gridperf.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compact period keys for heavy groupings: one int {@code _pid} = year × 100 + k, k the month
 * (1–12) for M, 20 + the quarter (21–24) for Q and 0 for Y. Grouping and joining on it instead of
 * three columns with two strings saves building and hashing a string per exploded row; the
 * period_type and period strings of {@link Periods} come back only on the aggregated rows.
 */
final class PeriodIds {
  /** Adding it to an id gives the same period one year later. */
  static final int ONE_YEAR = 100;

  private PeriodIds() {}

  static Column month(Column year, int month) {
    return year.multiply(100).plus(month);
  }

  static Column quarter(Column year, int quarter) {
    return year.multiply(100).plus(20 + quarter);
  }

  static Column year(Column year) {
    return year.multiply(100);
  }

  /** Replaces year and month of monthly rows by _pid, one row per period containing the month. */
  static Dataset<Row> explode(Dataset<Row> monthly) {
    Column ids = array(containing(col("year"), col("month")).toArray(new Column[0]));
    return monthly
        .withColumn("_pid", org.apache.spark.sql.functions.explode(ids))
        .drop("year", "month");
  }

  /** The ids of the month, quarter and year containing a month. */
  private static List<Column> containing(Column year, Column month) {
    Column y = year.multiply(100);
    return List.of(y.plus(month), y.plus(20).plus(month.plus(2).divide(3).cast("int")), y);
  }

  /**
   * The periods containing a month and the same periods one year later, as an array of struct(id,
   * current): current is true for the month's own three periods.
   */
  static Column withYearAfter(Column year, Column month) {
    List<Column> ids = new ArrayList<>();
    for (Column id : containing(year, month)) {
      ids.add(struct(id.as("id"), lit(true).as("current")));
    }
    for (Column id : containing(year, month)) {
      ids.add(struct(id.plus(ONE_YEAR).as("id"), lit(false).as("current")));
    }
    return array(ids.toArray(new Column[0]));
  }

  /** The year of an id. */
  static Column yearOf(Column id) {
    return id.divide(100).cast("int");
  }

  /** period_type (M, Q, Y) of an id. */
  static Column type(Column id) {
    Column k = id.mod(100);
    return when(k.equalTo(0), lit("Y")).when(k.gt(20), lit("Q")).otherwise(lit("M"));
  }

  /** period ({@code 2015-07}, {@code 2015-Q3}, {@code 2015}) of an id. */
  static Column period(Column id) {
    Column y = yearOf(id).cast("string");
    Column k = id.mod(100);
    return when(k.equalTo(0), y)
        .when(k.gt(20), concat(y, lit("-Q"), k.minus(20).cast("string")))
        .otherwise(concat(y, lit("-"), lpad(k.cast("string"), 2, "0")));
  }

  /** The id of a (period_type, period, year) key. */
  static Column of(Column type, Column period, Column year) {
    Column y = year.multiply(100);
    return when(type.equalTo("Y"), y)
        .when(type.equalTo("Q"), y.plus(20).plus(substring(period, 7, 1).cast("int")))
        .otherwise(y.plus(substring(period, 6, 2).cast("int")));
  }
}
