package gridperf.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The master/*.csv snapshots (docs/contract.md, Landing files), one line per row, header first. */
final class MasterFiles {
  private MasterFiles() {}

  static List<String> grids(Master m) {
    List<String> out = new ArrayList<>();
    out.add("grid_code,grid_name,station,market_type");
    for (Master.Grid g : m.grids) {
      out.add(
          g.code()
              + ','
              + Text.csv(g.name())
              + ','
              + Text.csv(g.station())
              + ','
              + Master.MARKETS[g.market()]);
    }
    return out;
  }

  static List<String> managers(Master m) {
    List<String> out = new ArrayList<>();
    out.add("manager_code,manager_name,station,hire_date");
    for (Master.Manager x : m.managers) {
      out.add(
          x.code() + ',' + Text.csv(x.name()) + ',' + Text.csv(x.station()) + ',' + x.hireDate());
    }
    return out;
  }

  static List<String> products(Master m) {
    List<String> out = new ArrayList<>();
    out.add("sku_code,sku_name,brand,price_class,carton_price");
    for (Master.Product p : m.products) {
      out.add(
          p.code()
              + ','
              + Text.csv(p.name())
              + ','
              + Text.csv(p.brand())
              + ','
              + p.priceClass()
              + ','
              + Text.yuan(p.priceCents()));
    }
    return out;
  }

  static List<String> retailers(Master m, Retailers rs) {
    List<String> out = new ArrayList<>(rs.versions + 1);
    out.add(
        "retailer_code,retailer_name,format,scale,grade,grid_code,manager_code,"
            + "license_status,valid_from");
    for (int r = 0; r < rs.count; r++) {
      for (int v = rs.start[r]; v < rs.start[r + 1]; v++) {
        out.add(rs.versionRow(v, r, m));
      }
    }
    return out;
  }

  /**
   * Targets per manager and month: the cases the manager's retailers actually bought, times (1 +
   * the manager's target bias + 5 % noise) — near what each can reach, harder for some.
   */
  static List<String> targets(GenSpec spec, Master m, Days days, long[][] cartons) {
    List<String> out = new ArrayList<>();
    out.add("year,month,manager_code,target_cases");
    int months = days.months();
    for (int mi = 0; mi < months; mi++) {
      LocalDate first = LocalDate.ofEpochDay(days.month(mi)[0]);
      for (int i = 0; i < m.managers.size(); i++) {
        Rng rng = Rng.of(spec.seed(), 8, i, mi);
        Master.Manager x = m.managers.get(i);
        double cases = cartons[i][mi] / 250.0;
        double factor = 1 + x.targetBias() + 0.05 * rng.gaussian();
        long cents = Math.max(0, Math.round(cases * factor * 100));
        out.add(
            first.getYear()
                + ","
                + first.getMonthValue()
                + ","
                + x.code()
                + ","
                + Text.yuan(cents));
      }
    }
    return out;
  }
}
