package gridperf.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Planted gaming ({@code generate --gaming-rate R}): a share R of the managers (rounded, at least
 * one when R &gt; 0) games in some months (each month with probability 0.2, at least one), each
 * gaming month in one or more of four patterns, the way an account manager chasing a monthly
 * scorecard would:
 *
 * <ul>
 *   <li>VISIT_BUNCHING: about 55–80 % of the month's visits end up on its last three days (visits
 *       are moved there, never onto a day the shop already has a visit).
 *   <li>TOKEN_ORDERS: 7–15 % of the manager's shops (at least 4) skip their normal orders and place
 *       one 1-carton order of a cheap brand on one of the last three days.
 *   <li>SHORT_VISITS: 30–70 % of the visits are logged at 1–2 minutes or without a duration.
 *   <li>REPEAT_VISITS: 12–30 % of the visits get one or two more visits to the same shop on the
 *       same day.
 * </ul>
 *
 * Every draw comes from its own random streams (ids 70–73), so the rest of the landing tree draws
 * exactly what it draws without gaming, and R = 0 changes nothing.
 */
final class GamingModel {
  static final String BUNCHING = "VISIT_BUNCHING";
  static final String TOKEN = "TOKEN_ORDERS";
  static final String SHORT = "SHORT_VISITS";
  static final String REPEAT = "REPEAT_VISITS";
  static final String[] PATTERNS = {BUNCHING, TOKEN, SHORT, REPEAT};

  private static final Pattern TS =
      Pattern.compile("\"ts\":\"(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2})");
  private static final Pattern DURATION = Pattern.compile(",\"duration_min\":[0-9.]+");
  private static final Pattern ID = Pattern.compile("\"event_id\":\"([^\"]+)\"");

  /** One planted (manager, month, pattern) with the intensity drawn for it. */
  record Plant(int manager, int month, String pattern, double intensity) {}

  private final GenSpec spec;
  private final Master m;
  private final Retailers rs;
  private final Days days;
  private final double rate;
  private final List<Plant> plants = new ArrayList<>();
  private final Map<Long, Double> byKey = new HashMap<>();

  /** (retailer, month) → the day of its token order. */
  private final Map<Long, Integer> tokenDay = new HashMap<>();

  private final int tokenSku;

  GamingModel(GenSpec spec, Master m, Retailers rs, Days days, double rate) {
    this.spec = spec;
    this.m = m;
    this.rs = rs;
    this.days = days;
    this.rate = rate;
    int cheap = 0;
    for (int i = 0; i < m.products.size(); i++) {
      if (m.products.get(i).priceClass() > m.products.get(cheap).priceClass()) {
        cheap = i;
      }
    }
    this.tokenSku = cheap;
    if (rate <= 0) {
      return;
    }
    int n = m.managers.size();
    int gamers = Math.max(1, (int) Math.round(rate * n));
    Rng pick = Rng.of(spec.seed(), 70);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    for (int i = n - 1; i > 0; i--) {
      java.util.Collections.swap(order, i, pick.nextInt(i + 1));
    }
    List<Integer> chosen = new ArrayList<>(order.subList(0, Math.min(n, gamers)));
    java.util.Collections.sort(chosen);
    for (int mgr : chosen) {
      Rng rng = Rng.of(spec.seed(), 71, mgr);
      List<Integer> months = new ArrayList<>();
      for (int mi = 0; mi < days.months(); mi++) {
        if (rng.chance(0.2)) {
          months.add(mi);
        }
      }
      if (months.isEmpty()) {
        months.add(rng.nextInt(days.months()));
      }
      for (int mi : months) {
        List<String> ps = new ArrayList<>();
        for (String p : PATTERNS) {
          if (rng.chance(0.45)) {
            ps.add(p);
          }
        }
        if (ps.isEmpty()) {
          ps.add(PATTERNS[rng.nextInt(PATTERNS.length)]);
        }
        for (String p : ps) {
          double intensity =
              switch (p) {
                case BUNCHING -> 0.55 + 0.25 * rng.nextDouble();
                case TOKEN -> 0.07 + 0.08 * rng.nextDouble();
                case SHORT -> 0.3 + 0.4 * rng.nextDouble();
                default -> 0.12 + 0.18 * rng.nextDouble();
              };
          plants.add(new Plant(mgr, mi, p, intensity));
          byKey.put(key(mgr, mi, p), intensity);
        }
      }
    }
    for (Plant p : plants) {
      if (p.pattern().equals(TOKEN)) {
        chooseTokenShops(p);
      }
    }
  }

  private static long key(int mgr, int mi, String pattern) {
    return ((long) mgr * 10_000 + mi) * 4 + List.of(PATTERNS).indexOf(pattern);
  }

  private static long shopMonth(int r, int mi) {
    return (long) r * 10_000 + mi;
  }

  private double intensity(int mgr, int mi, String pattern) {
    Double d = byKey.get(key(mgr, mi, pattern));
    return d == null ? -1 : d;
  }

  /** Shops active with the manager all month, a share of them (at least 4) turned into tokens. */
  private void chooseTokenShops(Plant p) {
    int[] span = days.month(p.month());
    List<Integer> candidates = new ArrayList<>();
    for (int r = 0; r < rs.count; r++) {
      int v0 = rs.versionAt(r, span[0]);
      int v1 = rs.versionAt(r, span[1]);
      if (v0 >= 0
          && v0 == v1
          && rs.manager[v0] == p.manager()
          && rs.status[v0] == Retailers.ACTIVE) {
        candidates.add(r);
      }
    }
    Rng rng = Rng.of(spec.seed(), 72, p.manager(), p.month());
    int want =
        Math.min(
            candidates.size(), Math.max(4, (int) Math.round(p.intensity() * candidates.size())));
    for (int i = 0; i < want; i++) {
      int j = i + rng.nextInt(candidates.size() - i);
      java.util.Collections.swap(candidates, i, j);
      int r = candidates.get(i);
      tokenDay.put(shopMonth(r, p.month()), span[1] - rng.nextInt(3));
    }
  }

  /** True when retailer r's normal orders in the month of {@code day} are replaced by a token. */
  boolean suppressesOrder(int r, int day) {
    return !tokenDay.isEmpty() && tokenDay.containsKey(shopMonth(r, days.monthIndex(day)));
  }

  /**
   * Appends the token orders of retailer r dated inside [d0, d1] and adds their cartons to {@code
   * cartons[manager][month]}.
   */
  void tokenOrders(int r, int d0, int d1, List<String> out, long[][] cartons) {
    if (tokenDay.isEmpty()) {
      return;
    }
    for (int day = d0; day <= d1; day++) {
      Integer t = tokenDay.get(shopMonth(r, days.monthIndex(day)));
      if (t == null || t != day) {
        continue;
      }
      int v = rs.versionAt(r, day);
      Master.Product p = m.products.get(tokenSku);
      StringBuilder b = new StringBuilder(64);
      b.append('O')
          .append(days.compact(day))
          .append(SalesModel.pad6(r))
          .append(",1,")
          .append(days.iso(day))
          .append(',')
          .append(rs.code[r])
          .append(',')
          .append(p.code())
          .append(",1,");
      Text.yuan(b, p.priceCents());
      out.add(b.toString());
      cartons[rs.manager[v]][days.monthIndex(day)] += 1;
    }
  }

  /** Applies the visit patterns to one month's events (sorted by key on return). */
  List<TouchpointModel.Event> visits(int mi, List<TouchpointModel.Event> events) {
    if (plants.isEmpty()) {
      return events;
    }
    int[] span = days.month(mi);
    Rng rng = Rng.of(spec.seed(), 73, mi);
    // visits per retailer and day of the month, so a visit is never moved onto a day its shop
    // already has one (that would plant repeat visits too)
    Map<Integer, int[]> visitDays = new HashMap<>();
    for (TouchpointModel.Event e : events) {
      if (isVisit(e)) {
        visitDays.computeIfAbsent(e.retailer(), x -> new int[32])[e.day() - span[0]]++;
      }
    }
    List<TouchpointModel.Event> out = new ArrayList<>(events.size());
    for (TouchpointModel.Event e : events) {
      if (!isVisit(e)) {
        out.add(e);
        continue;
      }
      TouchpointModel.Event x = e;
      double bunch = intensity(e.manager(), mi, BUNCHING);
      // moving a share q of the other days' visits leaves about q + (1 − q) × 0.1 on the last 3
      // days, less the moves that find no free day: (share − 0.1) / 0.8 lands near the share
      if (bunch > 0 && e.day() < span[1] - 2 && rng.chance(Math.min(1, (bunch - 0.1) / 0.8))) {
        int[] count = visitDays.get(e.retailer());
        List<Integer> free = new ArrayList<>(3);
        for (int day = span[1] - 2; day <= span[1]; day++) {
          int v = rs.versionAt(e.retailer(), day);
          if (count[day - span[0]] == 0
              && v >= 0
              && rs.manager[v] == e.manager()
              && rs.status[v] != Retailers.CLOSED) {
            free.add(day);
          }
        }
        if (!free.isEmpty()) {
          int day = free.get(rng.nextInt(free.size()));
          count[e.day() - span[0]]--;
          count[day - span[0]]++;
          x = moveTo(x, day);
        }
      }
      double shortShare = intensity(e.manager(), mi, SHORT);
      if (shortShare > 0 && rng.chance(shortShare)) {
        double u = rng.nextDouble();
        String d = u < 0.4 ? ",\"duration_min\":1" : u < 0.7 ? ",\"duration_min\":2" : "";
        x = withJson(x, DURATION.matcher(x.json()).replaceFirst(d));
      }
      out.add(x);
      double repeat = intensity(e.manager(), mi, REPEAT);
      if (repeat > 0 && rng.chance(repeat)) {
        int extra = rng.chance(0.3) ? 2 : 1;
        for (int k = 1; k <= extra; k++) {
          out.add(repeatOf(x, k, rng.between(20, 90) * k));
        }
      }
    }
    out.sort(java.util.Comparator.comparing(TouchpointModel.Event::key));
    return out;
  }

  private static boolean isVisit(TouchpointModel.Event e) {
    return e.json().contains("\"channel\":\"visit\"");
  }

  private TouchpointModel.Event moveTo(TouchpointModel.Event e, int day) {
    Matcher t = TS.matcher(e.json());
    t.find();
    String json = e.json().substring(0, t.start(1)) + days.iso(day) + e.json().substring(t.end(1));
    return rekey(new TouchpointModel.Event(e.key(), json, day, e.retailer(), e.manager()));
  }

  private TouchpointModel.Event repeatOf(TouchpointModel.Event e, int k, int laterMinutes) {
    Matcher t = TS.matcher(e.json());
    t.find();
    int minute =
        Math.min(
            1439, Integer.parseInt(t.group(2)) * 60 + Integer.parseInt(t.group(3)) + laterMinutes);
    String ts = TouchpointModel.ts(e.day(), minute);
    Matcher id = ID.matcher(e.json());
    id.find();
    String json =
        e.json().substring(0, id.end(1))
            + "R"
            + k
            + e.json().substring(id.end(1), t.start(1))
            + ts.substring(0, 16)
            + e.json().substring(t.end(3));
    return rekey(new TouchpointModel.Event(e.key(), json, e.day(), e.retailer(), e.manager()));
  }

  private static TouchpointModel.Event withJson(TouchpointModel.Event e, String json) {
    return new TouchpointModel.Event(e.key(), json, e.day(), e.retailer(), e.manager());
  }

  private static TouchpointModel.Event rekey(TouchpointModel.Event e) {
    Matcher t = Pattern.compile("\"ts\":\"([^\"]+)\"").matcher(e.json());
    t.find();
    Matcher id = ID.matcher(e.json());
    id.find();
    return new TouchpointModel.Event(
        t.group(1) + id.group(1), e.json(), e.day(), e.retailer(), e.manager());
  }

  /** The manifest's "gaming" entries; empty without gaming (the manifest is then unchanged). */
  String manifestEntries() {
    if (rate <= 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    b.append("  \"gaming_rate\": ").append(rate).append(",\n  \"gaming\": [");
    for (int i = 0; i < plants.size(); i++) {
      Plant p = plants.get(i);
      int[] span = days.month(p.month());
      b.append(i == 0 ? "\n" : ",\n")
          .append("    {\"manager_code\": \"")
          .append(m.managers.get(p.manager()).code())
          .append("\", \"month\": \"")
          .append(days.iso(span[0]), 0, 7)
          .append("\", \"pattern\": \"")
          .append(p.pattern())
          .append("\", \"intensity\": ")
          .append(String.format(Locale.ROOT, "%.3f", p.intensity()))
          .append('}');
    }
    return b.append(plants.isEmpty() ? "]\n" : "\n  ]\n").toString();
  }
}
