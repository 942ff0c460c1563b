package gridperf.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The pilots of a generated landing tree ({@code master/pilots.csv}): one <b>planted</b> pilot
 * whose grids really changed during its window, and one <b>placebo</b> pilot that changed nothing.
 * Grids are dealt by index: g % 3 = 0 planted pilot arm, 1 control arm (of both pilots), 2 placebo
 * pilot arm, so each arm spans the market types (grids run urban, town, rural by index). Windows of
 * L = min(6, max(1, months / 4)) months: the planted one ends two months before the data, the
 * placebo's ends 2L months earlier (never starting before month L, so its pre window has data).
 *
 * <p>The planted change, for retailers whose version of the day (sales) or of mid-month
 * (touchpoints) lies in a planted pilot grid: inside the window {@link #EXTRA_VISITS} more visit a
 * month, and the weekly chance of not ordering cut by {@link #NO_ORDER_CUT}; in the L months before
 * it (the slump the pilot was started for) the weekly chance of ordering times {@link #PRE_SLUMP}.
 * The slump is what makes the change visible in order_rate at all: a retailer has about four weekly
 * chances of ordering a month, so without it the monthly order rate is 0.99–1 everywhere and cannot
 * rise. Each draw keeps its random stream, so everything outside those grids and months is
 * generated exactly as without pilots.
 */
final class PilotModel {
  /** Extra visits a month per retailer of a planted grid in the window. */
  static final int EXTRA_VISITS = 1;

  /** Share of the weekly chance of not ordering that the planted change removes. */
  static final double NO_ORDER_CUT = 0.5;

  /**
   * The weekly chance of ordering in the planted grids in the L months before the window, as a
   * share.
   */
  static final double PRE_SLUMP = 0.5;

  private final Master m;
  private final Days days;
  private final int length;
  private final int plantedStart;
  private final int placeboStart;

  PilotModel(Master m, Days days) {
    this.m = m;
    this.days = days;
    int months = days.months();
    length = Math.min(6, Math.max(1, months / 4));
    plantedStart = Math.max(length, months - length - 2);
    placeboStart = Math.max(length, plantedStart - 2 * length);
  }

  /** True when grid {@code g} got the planted change in month index {@code mi}. */
  boolean planted(int g, int mi) {
    return g % 3 == 0 && mi >= plantedStart && mi < plantedStart + length;
  }

  /**
   * The weekly order probability {@code p} of grid {@code g} in month index {@code mi}, planted.
   */
  double order(int g, int mi, double p) {
    if (g % 3 != 0) {
      return p;
    }
    if (mi >= plantedStart && mi < plantedStart + length) {
      return p + NO_ORDER_CUT * (1 - p);
    }
    return mi >= plantedStart - length && mi < plantedStart ? p * PRE_SLUMP : p;
  }

  /** The lines of master/pilots.csv (header first). */
  List<String> csv() {
    List<String> out = new ArrayList<>();
    out.add("pilot_id,pilot_name,grid_code,arm,start_month,end_month");
    for (int g = 0; g < m.grids.size(); g++) {
      if (g % 3 != 2) {
        out.add(line("PILOT-MENU", "新服务菜单试点", g, g % 3 == 0 ? "pilot" : "control", plantedStart));
      }
    }
    for (int g = 0; g < m.grids.size(); g++) {
      if (g % 3 != 0) {
        out.add(line("PLACEBO", "安慰剂对照", g, g % 3 == 2 ? "pilot" : "control", placeboStart));
      }
    }
    return out;
  }

  /** The {@code "pilots"} member of manifest.json: both pilots and the planted change. */
  String json() {
    return "  \"pilots\": {\"planted\": {\"pilot_id\": \"PILOT-MENU\", \"start_month\": \""
        + month(plantedStart)
        + "\", \"end_month\": \""
        + month(plantedStart + length - 1)
        + "\", \"change\": {\"extra_visits_per_retailer_month\": "
        + EXTRA_VISITS
        + ", \"weekly_no_order_chance_cut\": "
        + NO_ORDER_CUT
        + ", \"weekly_order_chance_before_window\": "
        + PRE_SLUMP
        + "}},\n"
        + "    \"placebo\": {\"pilot_id\": \"PLACEBO\", \"start_month\": \""
        + month(placeboStart)
        + "\", \"end_month\": \""
        + month(placeboStart + length - 1)
        + "\", \"change\": null}}";
  }

  private String line(String id, String name, int g, String arm, int start) {
    return id
        + ","
        + name
        + ","
        + m.grids.get(g).code()
        + ","
        + arm
        + ","
        + month(start)
        + ","
        + month(start + length - 1);
  }

  private String month(int mi) {
    return LocalDate.ofEpochDay(days.month(mi)[0]).toString().substring(0, 7);
  }
}
