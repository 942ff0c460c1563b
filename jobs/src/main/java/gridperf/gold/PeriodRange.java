package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The months the gold tables cover (DESIGN.md §4): every month from the first to the last month
 * with an accepted sale or touchpoint. Assignment counts only days inside this range.
 */
public record PeriodRange(YearMonth first, YearMonth last) {

  /** First day of the first month. */
  public LocalDate start() {
    return first.atDay(1);
  }

  /** Last day of the last month. */
  public LocalDate end() {
    return last.atEndOfMonth();
  }

  /** The range of the silver facts, or empty when there are none. */
  public static Optional<PeriodRange> of(Dataset<Row> factSales, Dataset<Row> factTouchpoints) {
    Row s = factSales.agg(min(col("order_date")), max(col("order_date"))).head();
    Row t = factTouchpoints.agg(min(col("business_date")), max(col("business_date"))).head();
    LocalDate lo = earliest(date(s, 0), date(t, 0));
    LocalDate hi = latest(date(s, 1), date(t, 1));
    if (lo == null) {
      return Optional.empty();
    }
    return Optional.of(new PeriodRange(YearMonth.from(lo), YearMonth.from(hi)));
  }

  private static LocalDate date(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    Object v = r.get(i);
    return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
