package gridperf.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Inspections of one month (三级查房), from their own random streams so the other sources are
 * unchanged. Each manager has a habit: most keep two self-inspections every month they have an
 * assigned retailer (now and then a third), about a quarter slip to one or none in some months.
 * Supervisors spot-check about one manager-month in two, passing with the manager's own pass rate
 * (about N(0.93 + 0.05 × quality, 0.04), so some managers fall under 90 %). A general inspection
 * falls in one month of every quarter. Inspections find a service error now and then (3–8 %, more
 * under low-quality managers). Every inspection is at one of the manager's assigned retailers
 * (active on the day).
 */
final class InspectionModel {
  static final String HEADER =
      "inspection_id,inspection_date,level,manager_code,retailer_code,passed,errors";

  /** One generated inspection row: its sort key (date + id) and CSV line. */
  record Row(String key, String line) {}

  private final GenSpec spec;
  private final Master m;
  private final Retailers rs;
  private final Days days;
  private final double[] slip;
  private final double[] passRate;
  private final int[] generalMonth;

  InspectionModel(GenSpec spec, Master m, Retailers rs, Days days) {
    this.spec = spec;
    this.m = m;
    this.rs = rs;
    this.days = days;
    int n = m.managers.size();
    slip = new double[n];
    passRate = new double[n];
    generalMonth = new int[n];
    for (int i = 0; i < n; i++) {
      Rng rng = Rng.of(spec.seed(), 40, i);
      Master.Manager mgr = m.managers.get(i);
      slip[i] = rng.chance(0.25) ? 0.15 + 0.35 * rng.nextDouble() : 0.01;
      passRate[i] = Master.clamp(0.93 + 0.05 * mgr.quality() + 0.04 * rng.gaussian(), 0.6, 1.0);
      generalMonth[i] = rng.nextInt(3);
    }
  }

  /** The month's inspections of every manager, sorted by date and id. */
  List<Row> month(int mi) {
    int[] span = days.month(mi);
    List<List<Integer>> byManager = new ArrayList<>();
    for (int i = 0; i < m.managers.size(); i++) {
      byManager.add(new ArrayList<>());
    }
    int mid = (span[0] + span[1]) / 2;
    for (int r = 0; r < rs.count; r++) {
      int v = rs.versionAt(r, mid);
      if (v >= 0 && rs.status[v] == Retailers.ACTIVE) {
        byManager.get(rs.manager[v]).add(r);
      }
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < byManager.size(); i++) {
      List<Integer> mine = byManager.get(i);
      if (mine.isEmpty()) {
        continue;
      }
      Rng rng = Rng.of(spec.seed(), 41, i, mi);
      Master.Manager mgr = m.managers.get(i);
      int self = rng.chance(slip[i]) ? rng.nextInt(2) : rng.chance(0.1) ? 3 : 2;
      int spot = rng.chance(0.5) ? 1 : 0;
      int general = mi % 3 == generalMonth[i] ? 1 : 0;
      double pError = 0.03 + 0.025 * (1 - mgr.quality());
      int[] seq = {0};
      for (int k = 0; k < self; k++) {
        add(out, i, mine, span, rng, "self", rng.chance(0.97), pError, seq);
      }
      for (int k = 0; k < general; k++) {
        add(out, i, mine, span, rng, "general", rng.chance(0.92), pError, seq);
      }
      for (int k = 0; k < spot; k++) {
        add(out, i, mine, span, rng, "spot", rng.chance(passRate[i]), pError, seq);
      }
    }
    out.sort(java.util.Comparator.comparing(Row::key));
    return out;
  }

  private void add(
      List<Row> out,
      int i,
      List<Integer> mine,
      int[] span,
      Rng rng,
      String level,
      boolean passed,
      double pError,
      int[] seq) {
    int r = mine.get(rng.nextInt(mine.size()));
    int day = span[0] + rng.nextInt(span[1] - span[0] + 1);
    int v = rs.versionAt(r, day);
    int errors = rng.chance(pError) ? 1 + (rng.chance(0.2) ? 1 : 0) : 0;
    if (v < 0 || rs.status[v] != Retailers.ACTIVE) {
      return;
    }
    String date = LocalDate.ofEpochDay(day).toString();
    String code = m.managers.get(i).code();
    String id = "IN" + date.replace("-", "") + code + String.format("%02d", seq[0]++);
    out.add(
        new Row(
            date + id,
            id
                + ","
                + date
                + ","
                + level
                + ","
                + code
                + ","
                + Retailers.code(r)
                + ","
                + (passed ? "Y" : "N")
                + ","
                + errors));
  }
}
