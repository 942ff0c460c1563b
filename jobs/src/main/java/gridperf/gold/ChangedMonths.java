package gridperf.gold;

import static org.apache.spark.sql.functions.col;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The months whose silver rows changed between two versions of a table, from Delta's Change Data
 * Feed (inserts, deletes and both images of updates all carry the row's year and month). Empty
 * Optional when the feed cannot be read (not enabled, or the versions are no longer retained): the
 * caller then rebuilds everything.
 */
public final class ChangedMonths {
  private ChangedMonths() {}

  /**
   * Changed (year, month) of {@code table} in versions (from, to]; {@code from} −1 = everything.
   */
  public static Optional<Set<YearMonth>> of(Lake lake, TableId table, long from, long to) {
    Set<YearMonth> out = new TreeSet<>();
    if (to <= from) {
      return Optional.of(out);
    }
    if (from < 0) {
      return Optional.empty();
    }
    try {
      for (Row r :
          lake.spark()
              .read()
              .format("delta")
              .option("readChangeFeed", "true")
              .option("startingVersion", from + 1)
              .option("endingVersion", to)
              .load(lake.path(table))
              .select(col("year"), col("month"))
              .distinct()
              .collectAsList()) {
        out.add(YearMonth.of(r.getInt(0), r.getInt(1)));
      }
      return Optional.of(out);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The months of a range (both ends included). */
  public static Set<YearMonth> months(YearMonth first, YearMonth last) {
    Set<YearMonth> out = new TreeSet<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** Months inside one range and not the other (both ways); all months when one is absent. */
  public static Set<YearMonth> rangeDifference(
      Optional<PeriodRange> before, Optional<PeriodRange> after) {
    Set<YearMonth> a = before.map(r -> months(r.first(), r.last())).orElse(new TreeSet<>());
    Set<YearMonth> b = after.map(r -> months(r.first(), r.last())).orElse(new TreeSet<>());
    Set<YearMonth> out = new TreeSet<>(a);
    out.addAll(b);
    Set<YearMonth> both = new TreeSet<>(a);
    both.retainAll(b);
    out.removeAll(both);
    return out;
  }
}
