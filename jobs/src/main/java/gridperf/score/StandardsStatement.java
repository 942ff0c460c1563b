package gridperf.score;

import gridperf.config.StandardsConfig;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The service-standards lines of a manager's statement: the year's service_standards row and, when
 * the standards gate moved the tier, the one line that says so.
 */
final class StandardsStatement {
  private StandardsStatement() {}

  /** The line explaining a tier the gate moved, or empty when ranked_tier = tier. */
  static String gateLine(Row card, StandardsConfig cfg) {
    if (!List.of(card.schema().fieldNames()).contains("ranked_tier")) {
      return "";
    }
    String ranked = card.getAs("ranked_tier");
    String tier = card.getAs("tier");
    if (ranked == null || ranked.equals(tier)) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "Standards gate: ranked tier %s, but the service standards of %d were not met, so tier %s"
            + " (standards.gate_tier = %s)%n",
        ranked,
        card.<Integer>getAs("year"),
        tier,
        cfg.gateTier());
  }

  /**
   * The year's standards: the service_standards Y row {@code y} (null when the manager has none);
   * met or not as the scorecard row judged it under the scoring file.
   */
  static String render(Row y, Row card, int year, StandardsConfig cfg) {
    StringBuilder sb = new StringBuilder();
    if (y == null) {
      return String.format(Locale.ROOT, "%nService standards %d: no service_standards row%n", year);
    }
    int assigned = y.getAs("months_assigned");
    int met = y.getAs("self_check_months_met");
    Double rate = y.getAs("spot_check_pass_rate");
    sb.append(
        String.format(
            Locale.ROOT, "%nService standards %d: %s%n", year, metOf(y, card) ? "met" : "NOT met"));
    sb.append(
        String.format(
            Locale.ROOT,
            "  self-inspections: %d of %d assigned months with at least %d (needs %s × %d)%n",
            met,
            assigned,
            cfg.selfChecksPerMonth(),
            ManagerStatement.num(cfg.minSelfCheckMonthShare(), 4),
            assigned));
    sb.append(
        String.format(
            Locale.ROOT,
            "  spot checks: %d passed of %d = %s (needs NULL or at least %s)%n",
            y.<Long>getAs("spot_checks_passed"),
            y.<Long>getAs("spot_checks"),
            ManagerStatement.num(rate, 4),
            ManagerStatement.num(cfg.minSpotPassRate(), 4)));
    sb.append(
        String.format(
            Locale.ROOT,
            "  inspections: %d self, %d general, %d spot; %d errors; error-free months %d (longest"
                + " run %d); complaint-free months %d%n",
            y.<Long>getAs("self_inspections"),
            y.<Long>getAs("general_inspections"),
            y.<Long>getAs("spot_checks"),
            y.<Long>getAs("errors"),
            y.<Integer>getAs("error_free_months"),
            y.<Integer>getAs("longest_error_free_run"),
            y.<Integer>getAs("complaint_free_months")));
    return sb.toString();
  }

  private static boolean metOf(Row y, Row card) {
    if (List.of(card.schema().fieldNames()).contains("standards_met")
        && card.getAs("standards_met") != null) {
      return card.<Boolean>getAs("standards_met");
    }
    return y.<Boolean>getAs("standards_met");
  }
}
