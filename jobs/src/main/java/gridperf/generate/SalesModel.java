package gridperf.generate;

import gridperf.generate.Master.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * Weekly orders of one retailer. Demand in cartons a week = value × 6 × 1.13^grade × season
 * (Spring-Festival peak, post-festival lull, Mid-Autumn bump) × 3.5 % growth a year × the manager's
 * sales skill. Each SKU line draws its price class from a mix by market type and format, tilted to
 * classes 1–2 by later years, the festival and the manager's skill. 0.5 % of lines are returns
 * (negative cartons). Amount = cartons × carton price, exactly.
 */
final class SalesModel {
  private static final double[][] CLASS_MIX = {
    {10, 22, 38, 20, 10}, {6, 18, 40, 24, 12}, {3, 12, 38, 30, 17}
  };
  private static final double[] FORMAT_HIGH = {0.85, 1.1, 1.4, 1.8, 1.5, 0.7};

  private static final double[] GRADE_POW = new double[31];

  static {
    for (int g = 0; g <= 30; g++) {
      GRADE_POW[g] = Math.pow(1.13, g);
    }
  }

  private final GenSpec spec;
  private final Master m;
  private final Retailers rs;
  private final Days days;
  private final List<List<Integer>> byClass = new ArrayList<>();
  private final PilotModel pilots;

  /** Planted gaming: token shops skip their normal orders of the month (null: none). */
  GamingModel gaming;

  SalesModel(GenSpec spec, Master m, Retailers rs, Days days) {
    this.spec = spec;
    this.m = m;
    this.rs = rs;
    this.days = days;
    this.pilots = new PilotModel(m, days);
    for (int c = 0; c < 5; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < m.products.size(); i++) {
      byClass.get(m.products.get(i).priceClass() - 1).add(i);
    }
  }

  /**
   * Appends the order lines of retailer r in chunk [d0, d1] (none when it does not order or is not
   * active on its order day) and adds its cartons to {@code cartons[manager][month]}.
   */
  void order(int r, int week, int d0, int d1, List<String> out, long[][] cartons) {
    int v0 = rs.versionAt(r, d1);
    if (v0 < 0) {
      return;
    }
    // the grid's delivery day of the week (Mon..Sat), shifted per retailer
    int weekday = (rs.grid[v0] + r) % 6;
    int day = Days.monday(d0) + weekday;
    if (day < d0 || day > d1 || !rs.activeOn(r, day)) {
      return;
    }
    if (gaming != null && gaming.suppressesOrder(r, day)) {
      return;
    }
    int v = rs.versionAt(r, day);
    Rng rng = Rng.of(spec.seed(), 4, r, week);
    double season = days.volume(day);
    double peak = days.peak(day);
    int years = days.yearsIn(day);
    Master.Manager mgr = m.managers.get(rs.manager[v]);
    double pOrder = Math.min(0.97, 0.66 + 0.012 * rs.grade[v] + 0.1 * (mgr.skill() - 1));
    if (season < 0.5) {
      pOrder *= 0.5;
    }
    pOrder = pilots.order(rs.grid[v], days.monthIndex(day), pOrder);
    if (!rng.chance(pOrder)) {
      return;
    }
    double demand =
        rs.value[r]
            * 6
            * GRADE_POW[rs.grade[v]]
            * season
            * Math.pow(1.035, years)
            * mgr.skill()
            * Math.exp(0.2 * rng.gaussian());
    int maxLines = Math.max(1, m.products.size() / 2);
    int lines =
        (int)
            Math.max(
                1,
                Math.min(
                    maxLines,
                    Math.round(2 + 2.6 * Math.sqrt(demand) * (0.75 + 0.5 * rng.nextDouble()))));
    double[] mix = classMix(m.grids.get(rs.grid[v]).market(), rs.format[v], years, peak, mgr);
    String orderId = "O" + days.compact(day) + pad6(r);
    String prefix = "," + days.iso(day) + "," + rs.code[r] + ",";
    boolean[] used = new boolean[m.products.size()];
    StringBuilder b = new StringBuilder(64);
    int lineNo = 0;
    long total = 0;
    double perLine = demand / lines;
    for (int k = 0; k < lines; k++) {
      int idx = pickSku(rng, mix);
      for (int retry = 0; used[idx] && retry < 4; retry++) {
        idx = pickSku(rng, mix);
      }
      Product p = m.products.get(idx);
      if (used[idx]) {
        continue;
      }
      used[idx] = true;
      long qty = 1 + rng.poisson(Math.max(0, perLine - 1));
      if (rng.chance(0.005)) {
        qty = -rng.between(1, 2);
      }
      lineNo++;
      total += qty;
      b.setLength(0);
      b.append(orderId)
          .append(',')
          .append(lineNo)
          .append(prefix)
          .append(p.code())
          .append(',')
          .append(qty)
          .append(',');
      Text.yuan(b, qty * p.priceCents());
      out.add(b.toString());
    }
    cartons[rs.manager[v]][days.monthIndex(day)] += total;
  }

  /** Six digits, zero-padded (retailer serials stay below 10^6 up to scale ~190). */
  static String pad6(int r) {
    String s = Integer.toString(r);
    return "000000".substring(Math.min(6, s.length())) + s;
  }

  private double[] classMix(int market, int format, int years, double peak, Master.Manager mgr) {
    double[] w = CLASS_MIX[market].clone();
    double high = FORMAT_HIGH[format] * (1 + 0.06 * years) * (1 + 1.2 * peak) * mgr.skill();
    w[0] *= high;
    w[1] *= high;
    w[4] *= Math.max(0.3, 1 - 0.05 * years);
    for (int c = 0; c < 5; c++) {
      if (byClass.get(c).isEmpty()) {
        w[c] = 0;
      }
    }
    return w;
  }

  private int pickSku(Rng rng, double[] mix) {
    List<Integer> list = byClass.get(rng.weighted(mix));
    // a few best-sellers per class take most of the volume
    double u = rng.nextDouble();
    return list.get((int) (u * u * list.size()));
  }
}
