package gridperf.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws the retailers and their history. About 5,000 retailers per scale unit, spread over the
 * grids (urban grids denser); format, scale and grade depend on the market type. 88 % exist before
 * the first year, the rest open during the period. Each year a retailer may move to another grid or
 * manager mid-year (12.5 % scheduled, ~11 % after closures), be suspended for 2–10 weeks (2.5 %),
 * be re-graded on 1 January (12 %) or close (2.5 %). Every change is a new version with its own
 * valid_from.
 */
final class RetailerHistory {
  // format weights per market type (urban, town, rural)
  private static final double[][] FORMAT_MIX = {
    {33, 24, 12, 17, 9, 5}, {50, 14, 9, 16, 4, 7}, {70, 5, 4, 12, 1, 8}
  };
  // scale weights (large, medium, small) per format
  private static final double[][] SCALE_MIX = {
    {5, 30, 65}, {10, 50, 40}, {40, 45, 15}, {20, 50, 30}, {10, 40, 50}, {5, 25, 70}
  };
  private static final double[] GRADE_MEAN = {14, 11, 8};
  private static final double[] SCALE_GRADE = {7, 2, -2};
  private static final double[] FORMAT_VALUE = {0.8, 1.0, 1.3, 1.5, 0.7, 0.5};
  private static final double[] GRID_DENSITY = {1.3, 1.0, 0.8};

  private static final int MOVE = 0;
  private static final int SUSPEND = 1;
  private static final int REGRADE = 2;
  private static final int CLOSE = 3;

  private RetailerHistory() {}

  static Retailers build(GenSpec spec, Master m) {
    int n = Math.max(5, (int) Math.round(5000 * spec.scale()));
    Retailers rs = new Retailers(n);
    double[] gridWeights = new double[m.grids.size()];
    for (int g = 0; g < gridWeights.length; g++) {
      gridWeights[g] = GRID_DENSITY[m.grids.get(g).market()];
    }
    int startDay = (int) spec.start().toEpochDay();
    int endDay = (int) spec.end().toEpochDay();
    int floor = (int) LocalDate.of(2000, 1, 1).toEpochDay();
    for (int r = 0; r < n; r++) {
      Rng rng = Rng.of(spec.seed(), 3, r);
      // the first retailers cover every grid, so each market type has some
      int g = r < gridWeights.length ? r : rng.weighted(gridWeights);
      int market = m.grids.get(g).market();
      int f = rng.weighted(FORMAT_MIX[market]);
      int s = rng.weighted(SCALE_MIX[f]);
      int grade =
          (int)
              Math.round(
                  Master.clamp(GRADE_MEAN[market] + SCALE_GRADE[s] + 4 * rng.gaussian(), 1, 30));
      rs.code[r] = Retailers.code(r);
      rs.name[r] = Names.shop(rng, Retailers.FORMATS[f], placeOf(m.grids.get(g).name()));
      rs.value[r] = FORMAT_VALUE[f] * Math.exp(0.25 * rng.gaussian());
      int open;
      if (r < gridWeights.length || rng.chance(0.88)) {
        int lo = Math.max(floor, startDay - 8 * 365);
        int hi = startDay - 1;
        open = hi < lo ? startDay : lo + rng.nextInt(hi - lo + 1);
      } else {
        open = startDay + 30 + rng.nextInt(Math.max(1, endDay - startDay - 90));
      }
      rs.start[r] = rs.versions;
      rs.add(open, Retailers.ACTIVE, g, m.grids.get(g).manager(), f, s, grade);
      history(spec, m, rs, rng, r, open, endDay);
    }
    rs.start[n] = rs.versions;
    return rs;
  }

  private static String placeOf(String gridName) {
    for (String p : Names.PLACES) {
      if (gridName.startsWith(p)) {
        return p;
      }
    }
    return "";
  }

  private static void history(
      GenSpec spec, Master m, Retailers rs, Rng rng, int r, int open, int end) {
    List<int[]> events = new ArrayList<>();
    for (int y = spec.firstYear(); y <= spec.lastYear(); y++) {
      int jan1 = (int) LocalDate.of(y, 1, 1).toEpochDay();
      // every eighth retailer a year (a fixed stride, so small counties move their share too)
      if ((r + 3 * y) % 8 == 0) {
        events.add(new int[] {jan1 + 31 + rng.nextInt(300), MOVE});
      }
      if (rng.chance(0.025)) {
        events.add(new int[] {jan1 + rng.nextInt(350), SUSPEND});
      }
      if (y > spec.firstYear() && rng.chance(0.12)) {
        events.add(new int[] {jan1, REGRADE});
      }
      if (rng.chance(0.025)) {
        events.add(new int[] {jan1 + rng.nextInt(360), CLOSE});
      }
    }
    events.sort(Comparator.comparingInt((int[] e) -> e[0]).thenComparingInt(e -> e[1]));
    int last = open;
    for (int[] e : events) {
      int day = e[0];
      if (day <= last + 3 || day > end) {
        continue;
      }
      int v = rs.versions - 1;
      int g = rs.grid[v];
      int mgr = rs.manager[v];
      int grade = rs.grade[v];
      switch (e[1]) {
        case MOVE -> {
          int[] to = moveTarget(m, rng, g, mgr);
          rs.add(day, Retailers.ACTIVE, to[0], to[1], rs.format[v], rs.scale[v], grade);
        }
        case SUSPEND -> {
          rs.add(day, Retailers.SUSPENDED, g, mgr, rs.format[v], rs.scale[v], grade);
          int back = day + 14 + rng.nextInt(57);
          if (back <= end) {
            rs.add(back, Retailers.ACTIVE, g, mgr, rs.format[v], rs.scale[v], grade);
          }
          day = back;
        }
        case REGRADE -> {
          int delta = rng.chance(0.6) ? 1 : -1;
          grade = Math.max(1, Math.min(30, grade + delta * rng.between(1, 2)));
          rs.add(day, Retailers.ACTIVE, g, mgr, rs.format[v], rs.scale[v], grade);
        }
        default -> {
          rs.add(day, Retailers.CLOSED, g, mgr, rs.format[v], rs.scale[v], grade);
          return;
        }
      }
      last = day;
    }
  }

  /** Another grid (same market type when there is one, with its manager) or another manager. */
  private static int[] moveTarget(Master m, Rng rng, int g, int mgr) {
    int nManagers = m.managers.size();
    if (nManagers > 1 && rng.chance(0.35)) {
      int other = (mgr + 1 + rng.nextInt(nManagers - 1)) % nManagers;
      return new int[] {g, other};
    }
    int market = m.grids.get(g).market();
    List<Integer> same = new ArrayList<>();
    for (int k = 0; k < m.grids.size(); k++) {
      if (k != g && m.grids.get(k).market() == market) {
        same.add(k);
      }
    }
    int to;
    if (!same.isEmpty() && rng.chance(0.85)) {
      to = same.get(rng.nextInt(same.size()));
    } else {
      to = (g + 1 + rng.nextInt(m.grids.size() - 1)) % m.grids.size();
    }
    return new int[] {to, m.grids.get(to).manager()};
  }
}
