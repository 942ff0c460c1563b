package gridperf.score;

import static org.apache.spark.sql.functions.col;

import gridperf.config.FairScoring;
import gridperf.config.ScoringConfig.Component;
import gridperf.gold.PeriodRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The statement's lines on the fair-scoring settings ({@link FairScorecard}): one line for each
 * that applied to the manager — not eligible, scored against all, re-weighted, pro-rated. Nothing
 * when none applied, so a statement under the default settings reads as before.
 */
final class FairStatement {
  private FairStatement() {}

  /** The rows a manager of {@code market} was ranked against in its year. */
  static List<Row> peers(Dataset<Row> ofYear, String market) {
    if (market == null) {
      return List.of();
    }
    if (market.equals(FairScorecard.ALL)) {
      return ofYear.where(col("market_type").isNotNull()).collectAsList();
    }
    return ofYear.where(col("market_type").equalTo(market)).collectAsList();
  }

  /** Days of {@code year} inside the period range {@code r}, or null without facts. */
  static Integer daysInRange(PeriodRange r, int year) {
    if (r == null) {
      return null;
    }
    LocalDate from = max(r.start(), LocalDate.of(year, 1, 1));
    LocalDate to = min(r.end(), LocalDate.of(year, 12, 31));
    return to.isBefore(from) ? 0 : (int) (to.toEpochDay() - from.toEpochDay() + 1);
  }

  static String lines(ManagerStatement.Input in) {
    Row card = in.card();
    FairScoring fair = in.cfg().fair();
    List<String> fields = List.of(card.schema().fieldNames());
    if (!fields.contains("eligible")) {
      return "";
    }
    int year = card.<Integer>getAs("year");
    Integer days = card.getAs("assigned_days");
    StringBuilder sb = new StringBuilder();
    if (Boolean.FALSE.equals(card.getAs("eligible"))) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Not eligible: assigned on %d days of %d, fewer than min_assigned_days %d; values"
                  + " shown, no score, composite, tier or bonus%n",
              days,
              year,
              fair.minAssignedDays()));
      return sb.toString();
    }
    if (FairScorecard.ALL.equals(card.getAs("market_type"))) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Left out of its peer group: the market type of %s had fewer than min_peer_group %d"
                  + " eligible managers in %d, so it is scored against all %d eligible managers"
                  + " of the year (market_type = all)%n",
              card.<String>getAs("primary_grid_code"),
              fair.minPeerGroup(),
              year,
              in.peers().size()));
    }
    if (fair.reweight()) {
      List<String> left = new ArrayList<>();
      double weight = 0;
      double all = 0;
      for (Component c : in.cfg().components()) {
        all += c.weight();
        if (card.getAs(ComponentScore.value(c)) == null) {
          left.add(c.name());
        } else {
          weight += c.weight();
        }
      }
      if (!left.isEmpty()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "Re-weighted: %s %s no value and %s left out; composite = Σ points / Σ weight over"
                    + " the other components (weight %s of %s)%n",
                String.join(", ", left),
                left.size() == 1 ? "has" : "have",
                left.size() == 1 ? "is" : "are",
                ManagerStatement.num(weight, 4),
                ManagerStatement.num(all, 4)));
      }
    }
    BigDecimal bonus = card.getAs("bonus_yuan");
    if (fair.bonusProrate()
        && bonus != null
        && in.daysInRange() != null
        && days != null
        && days < in.daysInRange()) {
      String tier = card.getAs("tier");
      sb.append(
          String.format(
              Locale.ROOT,
              "Pro-rated: %,.2f × %d assigned days / %d days of %d in the data range = %,.2f"
                  + " yuan%n",
              ManagerScorecard.bonus(in.cfg(), tier),
              days,
              in.daysInRange(),
              year,
              bonus));
    }
    return sb.toString();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
