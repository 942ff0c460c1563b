package gridperf.score;

import gridperf.config.ScoringConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The service-compliance lines of a manager's statement, from its {@link ServicePairs} rows: the
 * year's share of retailer-months that met the menu, and that share by class and by month. The
 * retailer-months themselves (one line each, a thousand or more for a manager of a whole county)
 * are listed only on request ({@code statement --detail}).
 */
final class ServiceStatement {
  private ServiceStatement() {}

  /** The year's compliance line, then each retailer-month when {@code detail}, else a hint. */
  static String summary(List<Row> pairs, ScoringConfig cfg, int year, boolean detail) {
    StringBuilder sb = new StringBuilder();
    long met = pairs.stream().filter(r -> r.<Boolean>getAs("met")).count();
    sb.append(
        String.format(
            Locale.ROOT,
            "%nService compliance %d: %,d of %,d retailer-months met the menu = %s (A %d, B %d, C"
                + " %d visits a month by the segment of %d)%n",
            year,
            met,
            pairs.size(),
            pairs.isEmpty() ? "NULL" : ManagerStatement.num((double) met / pairs.size(), 4),
            cfg.visitsOwed("A"),
            cfg.visitsOwed("B"),
            cfg.visitsOwed("C"),
            year - 1));
    if (pairs.isEmpty()) {
      sb.append(
          "  none: no retailer assigned this year has a segment of the previous year (service is"
              + " NULL)\n");
    } else if (detail) {
      sb.append(retailerMonths(pairs, year));
    } else {
      sb.append("  (each retailer-month, owed against visits: statement --detail)\n");
    }
    return sb.toString();
  }

  /** One line per retailer-month: segment, visits owed and made, met or not. */
  static String retailerMonths(List<Row> pairs, int year) {
    TextTable t =
        new TextTable("retailer", "month", "segment " + (year - 1), "owed>", "visits>", "met");
    List<Row> sorted = new ArrayList<>(pairs);
    sorted.sort(
        Comparator.<Row, String>comparing(r -> r.getAs("retailer_code"))
            .thenComparing(r -> r.<Integer>getAs("month")));
    for (Row r : sorted) {
      t.add(
          r.getAs("retailer_code"),
          month(year, r.getAs("month")),
          r.getAs("segment"),
          r.getAs("owed"),
          r.getAs("visits"),
          r.<Boolean>getAs("met") ? "yes" : "NO");
    }
    return t.render("  ");
  }

  /**
   * Service compliance by class of the previous year: pairs, pairs met, the share and the class's
   * menu (contacts a month per channel); empty without pairs.
   */
  static String byClass(List<Row> pairs, ScoringConfig cfg, int year) {
    if (pairs.isEmpty()) {
      return "";
    }
    Map<String, long[]> byClass = counts(pairs, r -> r.getAs("class"));
    TextTable t =
        new TextTable("class " + (year - 1), "menu a month", "pairs>", "met>", "compliance>");
    for (String cls : cfg.classes().classNames()) {
      long[] n = byClass.get(cls);
      if (n != null) {
        t.add(
            cls,
            ManagerStatement.menuText(cfg.classes().menuOf(cls)),
            String.format(Locale.ROOT, "%,d", n[0]),
            String.format(Locale.ROOT, "%,d", n[1]),
            ManagerStatement.num((double) n[1] / n[0], 4));
      }
    }
    return String.format(Locale.ROOT, "%nService compliance %d by class%n", year) + t.render("  ");
  }

  /** Service compliance month by month: pairs, pairs met and the share; empty without pairs. */
  static String byMonth(List<Row> pairs, int year) {
    if (pairs.isEmpty()) {
      return "";
    }
    Map<String, long[]> byMonth = counts(pairs, r -> month(year, r.getAs("month")));
    TextTable t = new TextTable("month", "pairs>", "met>", "compliance>");
    byMonth.forEach(
        (m, n) ->
            t.add(
                m,
                String.format(Locale.ROOT, "%,d", n[0]),
                String.format(Locale.ROOT, "%,d", n[1]),
                ManagerStatement.num((double) n[1] / n[0], 4)));
    return String.format(Locale.ROOT, "%nService compliance %d by month%n", year) + t.render("  ");
  }

  /** Pairs and pairs met by key, in key order. */
  private static Map<String, long[]> counts(
      List<Row> pairs, java.util.function.Function<Row, String> key) {
    Map<String, long[]> out = new TreeMap<>();
    for (Row r : pairs) {
      long[] n = out.computeIfAbsent(key.apply(r), k -> new long[2]);
      n[0]++;
      if (r.<Boolean>getAs("met")) {
        n[1]++;
      }
    }
    return out;
  }

  private static String month(int year, Integer month) {
    return String.format(Locale.ROOT, "%d-%02d", year, month);
  }
}
