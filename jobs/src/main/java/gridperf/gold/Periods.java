package gridperf.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.struct;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Period keys of the gold tables (docs/contract.md, Gold tables): period_type M, Q or Y and period
 * {@code 2015-07}, {@code 2015-Q3}, {@code 2015}. A monthly row belongs to exactly one period of
 * each type, so a monthly pre-aggregate exploded into its three periods and grouped again gives
 * every period from its own rows (never by adding smaller periods' results).
 */
public final class Periods {
  private Periods() {}

  /** One period key. */
  public record Key(String type, String period, int year) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(year, o.year);
      return c != 0 ? c : (type + period).compareTo(o.type + o.period);
    }

    /** The same period one year later. */
    public Key nextYear() {
      return new Key(type, (year + 1) + period.substring(4), year + 1);
    }
  }

  /** The month, quarter and year containing {@code m}. */
  public static List<Key> containing(YearMonth m) {
    int y = m.getYear();
    return List.of(
        new Key("M", String.format("%04d-%02d", y, m.getMonthValue()), y),
        new Key("Q", String.format("%04d-Q%d", y, (m.getMonthValue() + 2) / 3), y),
        new Key("Y", String.format("%04d", y), y));
  }

  /**
   * Periods to rebuild when months change: their month, quarter and year, and the same periods a
   * year later (their volume_yoy and, for the year, service_compliance depend on this year).
   */
  public static Set<Key> affectedBy(Collection<YearMonth> changedMonths) {
    Set<Key> out = new TreeSet<>();
    for (YearMonth m : changedMonths) {
      for (Key k : containing(m)) {
        out.add(k);
        out.add(k.nextYear());
      }
    }
    return out;
  }

  /** Adds period_type and period to rows with year and month (dropped), one row per period. */
  public static Dataset<Row> explode(Dataset<Row> monthly) {
    Column y = col("year").cast("string");
    Column mm = lpad(col("month").cast("string"), 2, "0");
    Column q = col("month").plus(2).divide(3).cast("int").cast("string");
    Column periods =
        array(
            struct(lit("M").as("t"), concat(y, lit("-"), mm).as("p")),
            struct(lit("Q").as("t"), concat(y, lit("-Q"), q).as("p")),
            struct(lit("Y").as("t"), y.as("p")));
    return monthly
        .withColumn("_period", org.apache.spark.sql.functions.explode(periods))
        .withColumn("period_type", col("_period.t"))
        .withColumn("period", col("_period.p"))
        .drop("_period", "month");
  }

  /** A SQL predicate selecting exactly these periods (for Delta replaceWhere). */
  public static String predicate(Collection<Key> keys) {
    if (keys.isEmpty()) {
      return "false";
    }
    List<String> parts = new ArrayList<>();
    for (String t : List.of("M", "Q", "Y")) {
      Set<String> ps =
          keys.stream()
              .filter(k -> k.type().equals(t))
              .map(Key::period)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!ps.isEmpty()) {
        parts.add(
            "(period_type = '"
                + t
                + "' AND period IN ("
                + ps.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
                + "))");
      }
    }
    String years =
        keys.stream()
            .map(k -> String.valueOf(k.year()))
            .distinct()
            .sorted()
            .collect(Collectors.joining(", "));
    return "year IN (" + years + ") AND (" + String.join(" OR ", parts) + ")";
  }

  /**
   * A SQL predicate selecting exactly the rows of these months (for Delta replaceWhere and reads):
   * {@code year IN (2014) AND ((year = 2014 AND month IN (3, 4)))}, the year list first so a table
   * partitioned by year is pruned; "false" when there is no month.
   */
  public static String monthPredicate(Collection<YearMonth> months) {
    Map<Integer, Set<Integer>> byYear = new TreeMap<>();
    for (YearMonth m : months) {
      byYear.computeIfAbsent(m.getYear(), y -> new TreeSet<>()).add(m.getMonthValue());
    }
    if (byYear.isEmpty()) {
      return "false";
    }
    String years = byYear.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    String each =
        byYear.entrySet().stream()
            .map(
                e ->
                    "(year = "
                        + e.getKey()
                        + " AND month IN ("
                        + e.getValue().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                        + "))")
            .collect(Collectors.joining(" OR "));
    return "year IN (" + years + ") AND (" + each + ")";
  }
}
