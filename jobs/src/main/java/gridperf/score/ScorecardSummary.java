package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A short text summary of a scorecard: the last year's tier distribution and bonus total. */
public final class ScorecardSummary {
  private ScorecardSummary() {}

  /** E.g. {@code 2015: 30 managers A 6 B 9 C 12 D 3 bonus total 318,000.00 yuan}. */
  public static String lastYear(Dataset<Row> scorecard) {
    Row last = scorecard.agg(max("year")).head();
    if (last.isNullAt(0)) {
      return "no managers to score";
    }
    int year = last.getInt(0);
    List<Row> tiers =
        scorecard
            .where(col("year").equalTo(year))
            .groupBy("tier")
            .agg(count(lit(1)).as("n"), sum("bonus_yuan").as("bonus"))
            .orderBy("tier")
            .collectAsList();
    StringBuilder sb = new StringBuilder();
    long managers = 0;
    BigDecimal total = BigDecimal.ZERO;
    long unranked = 0;
    for (Row r : tiers) {
      managers += r.getLong(1);
      if (r.isNullAt(0)) {
        unranked += r.getLong(1);
      }
      if (!r.isNullAt(2)) {
        total = total.add(r.getDecimal(2));
      }
    }
    sb.append(String.format(Locale.ROOT, "%d: %d managers ", year, managers));
    for (String t : List.of("A", "B", "C", "D")) {
      long n =
          tiers.stream().filter(r -> t.equals(r.getString(0))).mapToLong(r -> r.getLong(1)).sum();
      sb.append(String.format(Locale.ROOT, " %s %d", t, n));
    }
    if (unranked > 0) {
      sb.append(String.format(Locale.ROOT, "  no tier %d", unranked));
    }
    sb.append(String.format(Locale.ROOT, "  bonus total %,.2f yuan", total));
    return sb.toString();
  }
}
