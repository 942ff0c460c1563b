package gridperf.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Late deliveries for an old period: {@code sales/YYYY/zz-late-YYYY-MM.csv} and {@code
 * touchpoints/YYYY/zz-late-YYYY-MM.jsonl}, whose names sort after the regular files of their year
 * but whose rows (new keys {@code L…}, all valid) belong to March of the second year (or of the
 * only one). Every row must be accepted.
 */
final class LateFiles {
  private final GenSpec spec;
  private final Master m;
  private final Retailers rs;
  private final Days days;
  final int month;

  LateFiles(GenSpec spec, Master m, Retailers rs, Days days) {
    this.spec = spec;
    this.m = m;
    this.rs = rs;
    this.days = days;
    this.month = Math.min(days.months() - 1, spec.lastYear() > spec.firstYear() ? 14 : 2);
  }

  private String stem() {
    LocalDate d = LocalDate.ofEpochDay(days.month(month)[0]);
    return String.format("%d/zz-late-%d-%02d", d.getYear(), d.getYear(), d.getMonthValue());
  }

  String salesPath() {
    return "sales/" + stem() + ".csv";
  }

  String touchpointPath() {
    return "touchpoints/" + stem() + ".jsonl";
  }

  private int orders() {
    return Math.max(3, (int) Math.round(rs.count * 2 * spec.dirtyRate()));
  }

  /** Sales rows (without header) of the late file. */
  List<String> sales() {
    Rng rng = Rng.of(spec.seed(), 9, 1);
    int[] span = days.month(month);
    List<String> out = new ArrayList<>();
    int n = orders();
    for (int k = 0, tries = 0; k < n && tries < 100 * n; tries++) {
      int r = rng.nextInt(rs.count);
      int day = span[0] + rng.nextInt(span[1] - span[0] + 1);
      if (!rs.activeOn(r, day)) {
        continue;
      }
      int lines = rng.between(1, 3);
      for (int l = 1; l <= lines; l++) {
        Master.Product p = m.products.get(rng.nextInt(m.products.size()));
        int qty = rng.between(1, 5);
        StringBuilder b = new StringBuilder();
        b.append(String.format("L%05d", k))
            .append(',')
            .append(l)
            .append(',')
            .append(days.iso(day))
            .append(',')
            .append(rs.code[r])
            .append(',')
            .append(p.code())
            .append(',')
            .append(qty)
            .append(',');
        Text.yuan(b, qty * p.priceCents());
        out.add(b.toString());
      }
      k++;
    }
    return out;
  }

  /** Touchpoint lines of the late file: phone calls with a satisfaction rating. */
  List<String> touchpoints() {
    Rng rng = Rng.of(spec.seed(), 9, 2);
    int[] span = days.month(month);
    List<String> out = new ArrayList<>();
    int n = orders();
    for (int k = 0, tries = 0; k < n && tries < 100 * n; tries++) {
      int r = rng.nextInt(rs.count);
      int day = span[0] + rng.nextInt(span[1] - span[0] + 1);
      int v = rs.versionAt(r, day);
      if (v < 0 || rs.status[v] == Retailers.CLOSED) {
        continue;
      }
      out.add(
          "{\"event_id\":\""
              + String.format("L%05d", k)
              + "\",\"ts\":\""
              + TouchpointModel.ts(day, rng.between(540, 1080))
              + "\",\"retailer_code\":\""
              + rs.code[r]
              + "\",\"manager_code\":\""
              + m.managers.get(rs.manager[v]).code()
              + "\",\"channel\":\"phone\",\"duration_min\":"
              + rng.between(2, 10)
              + ",\"satisfaction\":"
              + rng.between(2, 5)
              + "}");
      k++;
    }
    return out;
  }
}
