package gridperf.score;

import gridperf.config.ScoringConfig;
import gridperf.config.ScoringConfig.Component;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * A manager's statement for one year — the answer to "why did I get tier C?": each component's
 * value, score, weight and points; the peer-group figures it was ranked against; composite, tier
 * and bonus; service compliance by class and month (and, in detail, the retailer-months behind it).
 * Pure: renders collected rows.
 */
public final class ManagerStatement {
  private ManagerStatement() {}

  /**
   * What a statement shows.
   *
   * @param card the manager's scorecard row (manager_scorecard or scorecard_scenario columns)
   * @param peers every scorecard row of the same year and market_type, the manager's included
   * @param yearComposites the composites of all managers of the year (for rank and position)
   * @param names manager_code → manager_name (may miss codes)
   * @param pairs {@link ServicePairs} rows of the manager and year
   * @param standards the manager's service_standards row of the year, or null
   * @param daysInRange days of the year inside the period range, or null without facts
   * @param coverage how far the data goes, or null without facts
   */
  public record Input(
      ScoringConfig cfg,
      String scenario,
      Row card,
      List<Row> peers,
      List<Double> yearComposites,
      Map<String, String> names,
      List<Row> pairs,
      Row standards,
      Integer daysInRange,
      DataCoverage coverage) {}

  /** The statement without the retailer-months behind service compliance. */
  public static String render(Input in) {
    return render(in, false);
  }

  /** The statement; with {@code detail}, each retailer-month behind service compliance too. */
  public static String render(Input in, boolean detail) {
    Row card = in.card();
    String manager = card.getAs("manager_code");
    int year = card.<Integer>getAs("year");
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Statement of %s, %s%n",
            label(manager, in.names()),
            in.coverage() == null ? String.valueOf(year) : in.coverage().yearLabel(year)));
    sb.append(
        String.format(
            Locale.ROOT,
            "%s; scoring file %s%n",
            in.scenario() == null
                ? "Official scorecard"
                : "What-if scenario '" + in.scenario() + "'",
            in.cfg().source()));
    sb.append(coverageLines(in.coverage(), year));
    sb.append(
        String.format(
            Locale.ROOT,
            "Peer group: %s (market type of primary grid %s), %d managers%n%n",
            card.<String>getAs("market_type") == null ? "none" : card.<String>getAs("market_type"),
            card.<String>getAs("primary_grid_code"),
            in.peers().size()));

    TextTable comp =
        new TextTable("component", "metric", "better", "value>", "score>", "weight>", "points>");
    for (Component c : in.cfg().components()) {
      comp.add(
          c.name(),
          c.metric(),
          c.higherIsBetter() ? "higher" : "lower",
          num(card.getAs(ComponentScore.value(c)), 4),
          num(card.getAs(ComponentScore.score(c)), 2),
          num(c.weight(), 4),
          num(card.getAs(ComponentScore.points(c)), 2));
    }
    sb.append(comp.render("  "));
    sb.append(
            "  (score = 100 × (k − 1) / (n − 1) among the peer group's n non-NULL values, k = those"
                + " no better;")
        .append(" n = 1 scores 100, NULL scores 0)\n\n");

    Double composite = card.<Double>getAs("composite");
    long higher =
        composite == null ? 0 : in.yearComposites().stream().filter(v -> v > composite).count();
    int n = in.yearComposites().size();
    ScoringConfig cfg = in.cfg();
    String tier = card.getAs("tier");
    sb.append(
        String.format(Locale.ROOT, "Composite %s = Σ points / Σ weight%n", num(composite, 2)));
    if (tier == null) {
      sb.append(
          String.format(
              Locale.ROOT, "No tier: not in the tier ranking of %d managers in %d%n", n, year));
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              "Tier %s: rank %d of %d managers in %d, position (rank − 1) / n = %s"
                  + " (A < %s, B < %s, C < %s, else D)%n",
              tier,
              higher + 1,
              n,
              year,
              num(n == 0 ? 0.0 : (double) higher / n, 4),
              num(cfg.tierA(), 4),
              num(cfg.tierB(), 4),
              num(cfg.tierC(), 4)));
    }
    sb.append(StandardsStatement.gateLine(card, cfg.standards()));
    BigDecimal bonus = card.getAs("bonus_yuan");
    if (bonus == null) {
      sb.append("No bonus\n");
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              "Bonus %,.2f yuan = %,.2f base × %s (tier %s)%s%n",
              bonus,
              cfg.baseBonusYuan(),
              num(cfg.multipliers().get(tier), 4),
              tier,
              cfg.fair().bonusProrate() ? " × assigned days / days in range" : ""));
    }
    sb.append(FairStatement.lines(in));
    sb.append("\n");

    sb.append("Peer-group figures (best first; * = ").append(manager).append(")\n");
    for (Component c : cfg.components()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s — %s, %s is better%n",
              c.name(),
              c.metric(),
              c.higherIsBetter() ? "higher" : "lower"));
      List<Row> sorted = new ArrayList<>(in.peers());
      sorted.sort(bestFirst(c));
      TextTable peers = new TextTable("", "manager", "name", "value>", "score>");
      for (Row p : sorted) {
        String code = p.getAs("manager_code");
        peers.add(
            code.equals(manager) ? "*" : "",
            code,
            in.names().getOrDefault(code, ""),
            num(p.getAs(ComponentScore.value(c)), 4),
            num(p.getAs(ComponentScore.score(c)), 2));
      }
      sb.append(peers.render("  "));
    }

    sb.append(ServiceStatement.summary(in.pairs(), cfg, year, detail));
    sb.append(StandardsStatement.render(in.standards(), card, year, cfg.standards()));
    sb.append(ServiceStatement.byClass(in.pairs(), cfg, year));
    sb.append(ServiceStatement.byMonth(in.pairs(), year));
    return sb.toString();
  }

  /**
   * How far the data goes and, for a year it does not cover whole, that the figures are
   * provisional; nothing without facts.
   */
  static String coverageLines(DataCoverage coverage, int year) {
    if (coverage == null) {
      return "";
    }
    String line = coverage.sentence() + "\n";
    if (!coverage.provisional(year)) {
      return line;
    }
    return line
        + String.format(
            Locale.ROOT,
            "Provisional: the period range holds %d of the 12 months of %d; values, tier and"
                + " bonus change as the other months arrive%n",
            coverage.monthsIn(year),
            year);
  }

  /** A menu as "visit 2, remote 2" (channel order). */
  static String menuText(Map<String, Integer> menu) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : menu.entrySet()) {
      parts.add(e.getKey() + " " + e.getValue());
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }

  private static Comparator<Row> bestFirst(Component c) {
    Comparator<Double> better =
        c.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return Comparator.<Row, Double>comparing(
            r -> r.getAs(ComponentScore.value(c)), Comparator.nullsLast(better))
        .thenComparing(r -> r.<String>getAs("manager_code"));
  }

  private static String label(String code, Map<String, String> names) {
    String name = names.get(code);
    return name == null || name.isBlank() ? code : code + " " + name;
  }

  /** A number rounded half-up to {@code places}, trailing zeros dropped; NULL for null. */
  static String num(Object v, int places) {
    if (v == null) {
      return "NULL";
    }
    BigDecimal d = v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).doubleValue());
    d = d.setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
