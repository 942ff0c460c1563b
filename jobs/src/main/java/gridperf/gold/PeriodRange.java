package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The months the gold tables cover (docs/contract.md, Gold tables): every month from the first to
 * the last month with an accepted sale or touchpoint. Assignment counts only days inside this
 * range.
 */
public record PeriodRange(YearMonth first, YearMonth last) {
  /**
   * A range to plan a query over when the lake has no facts (no range): its rows are then filtered
   * away, so only the plan's schema matters.
   */
  public static final PeriodRange PLACEHOLDER =
      new PeriodRange(YearMonth.of(2000, 1), YearMonth.of(2000, 1));

  private static final Pattern MONTH_PARTITION =
      Pattern.compile("/year=(\\d{4})/month=(\\d{1,2})/");

  /** First day of the first month. */
  public LocalDate start() {
    return first.atDay(1);
  }

  /** Last day of the last month. */
  public LocalDate end() {
    return last.atEndOfMonth();
  }

  /**
   * The range of two silver fact tables read from Delta, from the (year, month) partitions of the
   * files in their snapshots: no data is scanned, which matters on a lake of several years (a
   * partition holds a file only when it has rows: partitioned writes never write empty files, and a
   * MERGE or DELETE that empties a file removes it). Falls back to {@link #of} when a table's files
   * are not laid out in year=/month= folders.
   */
  public static Optional<PeriodRange> ofPartitions(
      Dataset<Row> factSales, Dataset<Row> factTouchpoints) {
    Optional<List<YearMonth>> s = partitionMonths(factSales);
    Optional<List<YearMonth>> t = partitionMonths(factTouchpoints);
    if (s.isEmpty() || t.isEmpty()) {
      return of(factSales, factTouchpoints);
    }
    List<YearMonth> months = new ArrayList<>(s.get());
    months.addAll(t.get());
    return months.isEmpty()
        ? Optional.empty()
        : Optional.of(new PeriodRange(Collections.min(months), Collections.max(months)));
  }

  /**
   * The (year, month) folder of every file of {@code df}; empty when a file is outside such a
   * folder, or when there is no file but rows (a relation that is not files: scan it then).
   */
  private static Optional<List<YearMonth>> partitionMonths(Dataset<Row> df) {
    List<YearMonth> out = new ArrayList<>();
    for (String f : df.inputFiles()) {
      Matcher m = MONTH_PARTITION.matcher(f);
      if (!m.find()) {
        return Optional.empty();
      }
      out.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    return out.isEmpty() && !df.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** The range of the silver facts, or empty when there are none (scans both tables). */
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

  /**
   * Column {@code i} of {@code r} as a day (Spark gives java.sql.Date or LocalDate); NULL as null.
   */
  public static LocalDate date(Row r, int i) {
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
