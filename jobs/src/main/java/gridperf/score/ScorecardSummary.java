package gridperf.score;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A short text summary of a scorecard: how far the data goes, then each year's tier distribution
 * and bonus total, a year the data does not cover whole marked provisional.
 */
public final class ScorecardSummary {
  private ScorecardSummary() {}

  /**
   * E.g. {@code data through 2016-01-10 (period range 2015-01 to 2016-01)}, {@code 2015: 30
   * managers A 6 B 9 C 12 D 3 bonus total 318,000.00 yuan} and {@code 2016 (provisional, data
   * through 2016-01-10): 30 managers …}.
   */
  public static String byYear(Dataset<Row> scorecard, Optional<DataCoverage> coverage) {
    List<Row> tiers =
        scorecard
            .groupBy("year", "tier")
            .agg(count(lit(1)).as("n"), sum("bonus_yuan").as("bonus"))
            .collectAsList();
    if (tiers.isEmpty()) {
      return "no managers to score";
    }
    TreeMap<Integer, List<Row>> years = new TreeMap<>();
    for (Row r : tiers) {
      years.computeIfAbsent(r.<Integer>getAs("year"), y -> new java.util.ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder();
    coverage.ifPresent(c -> sb.append(c.line()).append('\n'));
    years.forEach(
        (year, rows) -> sb.append(line(DataCoverage.yearLabel(coverage, year), rows)).append('\n'));
    return sb.toString().stripTrailing();
  }

  /** One year: {@code <label>: N managers A a B b C c D d[ no tier u] bonus total X yuan}. */
  static String line(String label, List<Row> tiers) {
    long managers = 0;
    long unranked = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (Row r : tiers) {
      long n = r.<Long>getAs("n");
      managers += n;
      if (r.getAs("tier") == null) {
        unranked += n;
      }
      BigDecimal bonus = r.getAs("bonus");
      if (bonus != null) {
        total = total.add(bonus);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %,d managers ", label, managers));
    for (String t : List.of("A", "B", "C", "D")) {
      long n =
          tiers.stream()
              .filter(r -> t.equals(r.getAs("tier")))
              .mapToLong(r -> r.<Long>getAs("n"))
              .sum();
      sb.append(String.format(Locale.ROOT, " %s %,d", t, n));
    }
    if (unranked > 0) {
      sb.append(String.format(Locale.ROOT, "  no tier %,d", unranked));
    }
    sb.append(String.format(Locale.ROOT, "  bonus total %,.2f yuan", total));
    return sb.toString();
  }
}
