package gridperf.gold;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The windows and arms of the pilots in {@code dim_pilot}: which grids are compared, and over which
 * months. Plain Java over the (small) dimension rows.
 *
 * <ul>
 *   <li>L = the months from start_month to end_month. Pre window: the L months before start_month.
 *       Post window: start_month … end_month, cut at the last month of the period range ({@code
 *       running} when cut, else {@code complete}); a pilot with no post month inside the range has
 *       no window.
 *   <li>Controls: the pilot's {@code control} rows; a pilot with none takes every grid that is not
 *       listed in its rows, is in the {@code pilot} arm of no pilot (whatever its window), and has
 *       the market_type of one of its pilot grids.
 * </ul>
 */
public final class PilotArms {
  /** One dim_pilot row. */
  public record Listed(
      String pilotId, String gridCode, String arm, String startMonth, String endMonth) {}

  /** A pilot's windows. */
  public record Window(
      String pilotId,
      YearMonth preFrom,
      YearMonth preTo,
      YearMonth postFrom,
      YearMonth postTo,
      String status) {
    /** The months of window {@code pre} or {@code post}, in order. */
    public List<YearMonth> months(String which) {
      YearMonth from = which.equals("pre") ? preFrom : postFrom;
      YearMonth to = which.equals("pre") ? preTo : postTo;
      List<YearMonth> out = new ArrayList<>();
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        out.add(m);
      }
      return out;
    }
  }

  /** A grid compared in a pilot. */
  public record Member(String pilotId, String gridCode, String arm) {}

  private PilotArms() {}

  /**
   * The window of every pilot with a post month inside [first, last], by pilot_id (code-point
   * order). The rows of a pilot share one window (ingest quarantines a pilot whose rows disagree).
   */
  public static Map<String, Window> windows(List<Listed> pilots, YearMonth first, YearMonth last) {
    Map<String, Window> out = new TreeMap<>();
    for (Listed p : pilots) {
      if (out.containsKey(p.pilotId())) {
        continue;
      }
      YearMonth start = YearMonth.parse(p.startMonth());
      YearMonth end = YearMonth.parse(p.endMonth());
      if (start.isAfter(last) || end.isBefore(first)) {
        continue;
      }
      long l = start.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1;
      boolean cut = end.isAfter(last);
      out.put(
          p.pilotId(),
          new Window(
              p.pilotId(),
              start.minusMonths(l),
              start.minusMonths(1),
              start,
              cut ? last : end,
              cut ? "running" : "complete"));
    }
    return out;
  }

  /**
   * The grids of each pilot with their arm: its pilot rows, and its control rows or, when it has
   * none, the automatic controls. {@code marketType}: grid_code → market_type of dim_grid.
   */
  public static List<Member> members(List<Listed> pilots, Map<String, String> marketType) {
    Set<String> inSomePilotArm = new TreeSet<>();
    Map<String, List<Listed>> byPilot = new TreeMap<>();
    for (Listed p : pilots) {
      byPilot.computeIfAbsent(p.pilotId(), k -> new ArrayList<>()).add(p);
      if (p.arm().equals("pilot")) {
        inSomePilotArm.add(p.gridCode());
      }
    }
    List<Member> out = new ArrayList<>();
    for (Map.Entry<String, List<Listed>> e : byPilot.entrySet()) {
      Set<String> listed = new TreeSet<>();
      Set<String> markets = new TreeSet<>();
      boolean hasControls = false;
      for (Listed p : e.getValue()) {
        listed.add(p.gridCode());
        out.add(new Member(e.getKey(), p.gridCode(), p.arm()));
        if (p.arm().equals("pilot")) {
          markets.add(marketType.get(p.gridCode()));
        } else {
          hasControls = true;
        }
      }
      if (hasControls) {
        continue;
      }
      new TreeMap<>(marketType)
          .forEach(
              (grid, market) -> {
                if (!listed.contains(grid)
                    && !inSomePilotArm.contains(grid)
                    && markets.contains(market)) {
                  out.add(new Member(e.getKey(), grid, "control"));
                }
              });
    }
    return out;
  }
}
