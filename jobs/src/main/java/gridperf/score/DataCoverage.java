package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import gridperf.gold.PeriodRange;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * How far the data goes, for the console printouts of a scorecard (score, statement, demo): the
 * period range (docs/contract.md, Gold tables) and its first and last day with data — the earliest
 * and latest order_date or business_date of an accepted sale or touchpoint. A year with fewer than
 * twelve months in the period range is provisional: its figures, tiers and bonuses change as its
 * other months arrive. Console text only; no table carries it.
 */
public record DataCoverage(PeriodRange range, LocalDate firstDay, LocalDate lastDay) {

  /** The coverage of the lake's silver facts; empty without facts. */
  public static Optional<DataCoverage> read(Lake lake) {
    if (!lake.exists(TableId.FACT_SALES_LINE) || !lake.exists(TableId.FACT_TOUCHPOINT)) {
      return Optional.empty();
    }
    Dataset<Row> sales = lake.read(TableId.FACT_SALES_LINE);
    Dataset<Row> touchpoints = lake.read(TableId.FACT_TOUCHPOINT);
    Optional<PeriodRange> range = PeriodRange.ofPartitions(sales, touchpoints);
    if (range.isEmpty()) {
      return Optional.empty();
    }
    PeriodRange r = range.get();
    LocalDate[] s = edgeDays(sales, "order_date", r);
    LocalDate[] t = edgeDays(touchpoints, "business_date", r);
    LocalDate first = earliest(s[0], t[0]);
    LocalDate last = latest(s[1], t[1]);
    return Optional.of(
        new DataCoverage(r, first == null ? r.start() : first, last == null ? r.end() : last));
  }

  /**
   * The earliest and latest date of {@code facts}, read from the range's first and last month only
   * (partition pruning on year and month when the table has them: no full scan).
   */
  private static LocalDate[] edgeDays(Dataset<Row> facts, String date, PeriodRange r) {
    Column edge =
        col(date)
            .leq(lit(java.sql.Date.valueOf(r.first().atEndOfMonth())))
            .or(col(date).geq(lit(java.sql.Date.valueOf(r.last().atDay(1)))));
    if (List.of(facts.columns()).containsAll(List.of("year", "month"))) {
      edge = edge.and(inMonth(r.first()).or(inMonth(r.last())));
    }
    Row row = facts.where(edge).agg(functions.min(col(date)), functions.max(col(date))).head();
    return new LocalDate[] {PeriodRange.date(row, 0), PeriodRange.date(row, 1)};
  }

  private static Column inMonth(YearMonth m) {
    return col("year").equalTo(m.getYear()).and(col("month").equalTo(m.getMonthValue()));
  }

  /** Months of {@code year} inside the period range (0 to 12). */
  public int monthsIn(int year) {
    YearMonth from = later(range.first(), YearMonth.of(year, 1));
    YearMonth to = earlier(range.last(), YearMonth.of(year, 12));
    return to.isBefore(from) ? 0 : to.getMonthValue() - from.getMonthValue() + 1;
  }

  /** A year the data does not cover whole: fewer than twelve of its months in the period range. */
  public boolean provisional(int year) {
    return monthsIn(year) < 12;
  }

  /** E.g. {@code data through 2016-01-10 (period range 2015-01 to 2016-01)}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "data through %s (period range %s to %s)",
        lastDay,
        range.first(),
        range.last());
  }

  /** {@link #line} as a sentence: {@code Data through 2016-01-10 (period range …)}. */
  public String sentence() {
    return "D" + line().substring(1);
  }

  /**
   * The year as a scorecard printout names it: {@code 2015} when the data covers it whole, else
   * e.g. {@code 2016 (provisional, data through 2016-01-10)}, or {@code (provisional, data from
   * 2014-03-03)} for a year the data starts in.
   */
  public String yearLabel(int year) {
    if (!provisional(year)) {
      return String.valueOf(year);
    }
    if (monthsIn(year) == 0) {
      return String.format(Locale.ROOT, "%d (provisional, no data in the period range)", year);
    }
    boolean cutBefore = range.first().isAfter(YearMonth.of(year, 1));
    boolean cutAfter = range.last().isBefore(YearMonth.of(year, 12));
    String what =
        cutBefore && cutAfter
            ? "data from " + firstDay + " through " + lastDay
            : cutBefore ? "data from " + firstDay : "data through " + lastDay;
    return String.format(Locale.ROOT, "%d (provisional, %s)", year, what);
  }

  /** The year's label for an optional coverage (no facts: the bare year). */
  public static String yearLabel(Optional<DataCoverage> coverage, int year) {
    return coverage.map(c -> c.yearLabel(year)).orElse(String.valueOf(year));
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth earlier(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
