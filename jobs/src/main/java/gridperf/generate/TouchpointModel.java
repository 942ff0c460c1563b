package gridperf.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * Service events of one retailer in one month. Visits follow a cadence by value (grade ≥ 18: 4 a
 * month, 11–17: 2, else 1) times the manager's diligence; phone (0.75/month), WeChat (from 2013,
 * growing), delivery (0.55), training (5 %) and complaints (2.5 %, more under low-quality
 * managers), plus extra contacts on the retailer's preferred remote channel ({@link
 * RemotePreference}). Visits carry MOT scores (3 % miss one); satisfaction on some events, shifted
 * by the manager's quality; complaints resolve in a log-normal time (median 5 h / diligence), 8 %
 * never. Events fall only on days the retailer has an active or suspended version.
 */
final class TouchpointModel {
  private static final String[] COMPLAINTS = {"断货缺货", "送货延误", "价格疑问", "服务态度", "假烟举报", "系统故障"};

  /** One generated event: sort key (local timestamp + id) and its JSON line. */
  record Event(String key, String json, int day, int retailer, int manager) {}

  private final GenSpec spec;
  private final Master m;
  private final Retailers rs;
  private final Days days;
  private final PilotModel pilots;

  TouchpointModel(GenSpec spec, Master m, Retailers rs, Days days) {
    this.spec = spec;
    this.m = m;
    this.rs = rs;
    this.days = days;
    this.pilots = new PilotModel(m, days);
  }

  void month(int r, int mi, List<Event> out) {
    int[] span = days.month(mi);
    int vMid = rs.versionAt(r, span[1]);
    if (vMid < 0 && rs.versionAt(r, span[0]) < 0) {
      return;
    }
    int v = vMid >= 0 ? vMid : rs.versionAt(r, span[0]);
    Rng rng = Rng.of(spec.seed(), 5, r, mi);
    Master.Manager mgr = m.managers.get(rs.manager[v]);
    int year = spec.firstYear() + mi / 12;
    int menu = rs.grade[v] >= 18 ? 4 : rs.grade[v] >= 11 ? 2 : 1;
    int[] counter = {0};
    int extra = pilots.planted(rs.grid[v], mi) ? PilotModel.EXTRA_VISITS : 0;
    emit(r, span, rng, "visit", rng.poisson(menu * mgr.diligence()) + extra, counter, out);
    emit(r, span, rng, "phone", rng.poisson(0.75), counter, out);
    double wechat = Math.max(0, Math.min(1.2, 0.35 * (year - 2012)));
    emit(r, span, rng, "wechat", rng.poisson(wechat), counter, out);
    emit(r, span, rng, "delivery", rng.poisson(0.55), counter, out);
    emit(r, span, rng, "training", rng.chance(0.05) ? 1 : 0, counter, out);
    double pComplaint = 0.025 * (1.2 - 0.4 * mgr.quality()) * (1.3 - 0.3 * mgr.diligence());
    emit(r, span, rng, "complaint", rng.chance(pComplaint) ? 1 : 0, counter, out);
    // extra contacts on the retailer's preferred remote channel, from a stream of their own
    String preferred = RemotePreference.channel(spec.seed(), r);
    Rng remote = Rng.of(spec.seed(), RemotePreference.EXTRA_STREAM, r, mi);
    emit(
        r,
        span,
        remote,
        preferred,
        remote.poisson(RemotePreference.extraPerMonth(preferred, year)),
        counter,
        out);
  }

  private void emit(
      int r, int[] span, Rng rng, String channel, int n, int[] counter, List<Event> out) {
    for (int i = 0; i < n && counter[0] < 99; i++) {
      int day = span[0] + rng.nextInt(span[1] - span[0] + 1);
      int v = rs.versionAt(r, day);
      if (v < 0 || rs.status[v] == Retailers.CLOSED) {
        continue;
      }
      counter[0]++;
      Master.Manager mgr = m.managers.get(rs.manager[v]);
      int minute =
          switch (channel) {
            case "visit" -> rng.between(510, 1050);
            case "phone" -> rng.between(480, 1200);
            case "wechat" -> rng.between(420, 1379);
            case "delivery" -> rng.between(480, 960);
            case "training" -> 840 + 30 * rng.nextInt(3);
            default -> rng.between(480, 1260);
          };
      String ts = ts(day, minute);
      String id =
          "T" + days.compact(day) + SalesModel.pad6(r) + (counter[0] < 10 ? "0" : "") + counter[0];
      StringBuilder b = new StringBuilder(200);
      b.append("{\"event_id\":\"")
          .append(id)
          .append("\",\"ts\":\"")
          .append(ts)
          .append("\",\"retailer_code\":\"")
          .append(rs.code[r])
          .append('"');
      if (!channel.equals("delivery") || rng.chance(0.85)) {
        b.append(",\"manager_code\":\"").append(mgr.code()).append('"');
      }
      b.append(",\"channel\":\"").append(channel).append('"');
      b.append(",\"duration_min\":").append(duration(rng, channel));
      double q = mgr.quality();
      if (channel.equals("visit")) {
        int missing = rng.chance(0.03) ? rng.nextInt(3) : -1;
        b.append(",\"mot\":{\"appearance\":")
            .append(score(rng, 3.9 + 0.8 * q, missing == 0))
            .append(",\"behaviour\":")
            .append(score(rng, 3.8 + 0.9 * q, missing == 1))
            .append(",\"communication\":")
            .append(score(rng, 3.7 + 0.9 * q, missing == 2))
            .append('}');
      }
      double pSat =
          switch (channel) {
            case "visit" -> 0.35;
            case "complaint" -> 0.6;
            case "training" -> 0.5;
            case "delivery" -> 0.2;
            case "phone" -> 0.15;
            default -> 0.1;
          };
      if (rng.chance(pSat)) {
        double mean = (channel.equals("complaint") ? 2.6 : 3.8) + 0.9 * q;
        b.append(",\"satisfaction\":").append(score(rng, mean, false));
      }
      if (channel.equals("complaint")) {
        b.append(",\"complaint\":{\"category\":")
            .append(Text.json(rng.pick(COMPLAINTS)))
            .append(",\"resolved_ts\":");
        if (rng.chance(0.08)) {
          b.append("null");
        } else {
          double hours = Math.exp(Math.log(5 / mgr.diligence()) + 1.1 * rng.gaussian());
          long mins = Math.max(5, Math.round(hours * 60));
          long total = minute + mins;
          b.append('"').append(ts(day + (int) (total / 1440), (int) (total % 1440))).append('"');
        }
        b.append('}');
      }
      b.append('}');
      out.add(new Event(ts + id, b.toString(), day, r, rs.manager[v]));
    }
  }

  private static String duration(Rng rng, String channel) {
    return switch (channel) {
      case "visit" -> Integer.toString(rng.between(10, 45));
      case "phone" -> Integer.toString(rng.between(2, 12));
      case "wechat" -> Integer.toString(rng.between(1, 6));
      case "delivery" -> Integer.toString(rng.between(5, 20));
      case "training" -> Integer.toString(60 + 30 * rng.nextInt(3));
      default -> Integer.toString(rng.between(5, 30));
    };
  }

  private static String score(Rng rng, double mean, boolean missing) {
    if (missing) {
      return "null";
    }
    long s = Math.round(mean + 0.75 * rng.gaussian());
    return Long.toString(Math.max(1, Math.min(5, s)));
  }

  /** Local business time with the +08:00 offset. */
  static String ts(int day, int minuteOfDay) {
    StringBuilder b = new StringBuilder(25);
    b.append(LocalDate.ofEpochDay(day)).append('T');
    Text.pad2(b, minuteOfDay / 60);
    b.append(':');
    Text.pad2(b, minuteOfDay % 60);
    return b.append(":00+08:00").toString();
  }
}
