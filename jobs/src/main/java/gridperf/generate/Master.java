package gridperf.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The county's grids, managers and products (master data without history). Grids are spread over
 * urban, town and rural markets (at least one of each), each grid has one account manager who may
 * serve several grids; managers differ in diligence (visit cadence, complaint handling), quality
 * (MOT and satisfaction scores) and sales skill.
 */
public final class Master {
  public static final String[] MARKETS = {"urban", "town", "rural"};

  /** A grid; {@code market} indexes {@link #MARKETS}. */
  public record Grid(String code, String name, String station, int market, int manager) {}

  public record Manager(
      String code,
      String name,
      String station,
      String hireDate,
      double diligence,
      double quality,
      double skill,
      double targetBias) {}

  public record Product(String code, String name, String brand, int priceClass, long priceCents) {}

  public final List<Grid> grids = new ArrayList<>();
  public final List<Manager> managers = new ArrayList<>();
  public final List<Product> products = new ArrayList<>();

  /** Builds master data for the spec (deterministic in the seed). */
  public static Master build(GenSpec spec) {
    Master m = new Master();
    Rng rng = Rng.of(spec.seed(), 1);
    int nGrids = Math.max(3, (int) Math.round(60 * spec.scale()));
    int nManagers = Math.max(1, (int) Math.round(30 * spec.scale()));
    // stations of about 8 grids; urban first, then towns, then rural villages
    int urban = Math.max(1, (int) Math.round(nGrids * 0.25));
    int town = Math.max(1, (int) Math.round(nGrids * 0.35));
    int stations = Math.max(1, (nGrids + 7) / 8);
    String[] stationNames = new String[stations];
    for (int s = 0; s < stations; s++) {
      stationNames[s] = (s == 0 ? "城区" : Names.PLACES[s % Names.PLACES.length]) + "营销部";
    }
    for (int g = 0; g < nGrids; g++) {
      int market = g < urban ? 0 : g < urban + town ? 1 : 2;
      int station = Math.min(stations - 1, g * stations / nGrids);
      int manager = (int) ((long) g * nManagers / nGrids);
      String place = Names.PLACES[(g * 7 + 3) % Names.PLACES.length];
      String name = place + (market == 0 ? "街区" : market == 1 ? "镇区" : "片区") + (g + 1) + "号网格";
      m.grids.add(
          new Grid(String.format("%04d", 101 + g), name, stationNames[station], market, manager));
    }
    for (int i = 0; i < nManagers; i++) {
      Rng r = Rng.of(spec.seed(), 2, i);
      int grid = (int) Math.min(nGrids - 1, ((long) i * nGrids + nGrids - 1) / nManagers);
      String station = m.grids.get(firstGridOf(m.grids, i, grid)).station();
      int hireYear = r.between(1995, spec.firstYear() - 1);
      String hire = String.format("%04d-%02d-%02d", hireYear, r.between(1, 12), r.between(1, 28));
      double diligence = clamp(0.85 + 0.2 * r.gaussian(), 0.45, 1.25);
      double quality = clamp(0.45 * r.gaussian(), -1, 1);
      double skill = clamp(1 + 0.07 * r.gaussian(), 0.85, 1.15);
      double bias = clamp(0.04 + 0.06 * r.gaussian(), -0.08, 0.2);
      m.managers.add(
          new Manager(
              String.format("M%03d", i + 1),
              Names.person(r),
              station,
              hire,
              diligence,
              quality,
              skill,
              bias));
    }
    Products.build(spec, rng, m.products);
    return m;
  }

  private static int firstGridOf(List<Grid> grids, int manager, int fallback) {
    for (int g = 0; g < grids.size(); g++) {
      if (grids.get(g).manager() == manager) {
        return g;
      }
    }
    return fallback;
  }

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
