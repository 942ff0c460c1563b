package gridperf.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoils a monthly touchpoint file, like {@link SalesFaults}: about {@code rate × rows} rows split
 * over {@link Fault#TP_ROWS}. Invalid JSON and unknown retailer/manager rows get new event ids
 * ({@code X…}); duplicates land later in the file or in the next month's file, corrections (another
 * duration) in the next month's file. Time-zone rows are new, valid events written in UTC ({@code
 * …Z}) whose UTC date is the last day of this month while their business date (Asia/ Shanghai) is
 * the first of the next month. The BOM file carries no faults.
 */
final class TouchpointFaults {
  private static final Pattern DURATION = Pattern.compile("\"duration_min\":(\\d+)");
  private final GenSpec spec;
  private final Master m;
  private final Retailers rs;
  private final Days days;
  private final int files;
  private final int bom;
  private final int[] forced = new int[Fault.TP_ROWS.length];

  TouchpointFaults(GenSpec spec, Master m, Retailers rs, Days days) {
    this.spec = spec;
    this.m = m;
    this.rs = rs;
    this.days = days;
    this.files = days.months();
    this.bom = files / 2;
    List<Integer> ok = new ArrayList<>();
    for (int mi = 0; mi + 1 < files; mi++) {
      if (mi != bom) {
        ok.add(mi);
      }
    }
    for (int k = 0; k < forced.length; k++) {
      forced[k] = ok.isEmpty() ? -1 : ok.get((k * 5 + ok.size() / 3) % ok.size());
    }
  }

  boolean bom(int mi) {
    return spec.dirty() && mi == bom;
  }

  List<String> inject(
      int mi,
      List<TouchpointModel.Event> clean,
      String path,
      List<Fault.At> at,
      List<Fault.Carry> carries) {
    List<String> lines = new ArrayList<>(clean.size());
    for (TouchpointModel.Event e : clean) {
      lines.add(e.json());
    }
    int n = lines.size();
    if (!spec.dirty() || mi == bom || n == 0) {
      return lines;
    }
    Rng rng = Rng.of(spec.seed(), 7, mi);
    int target = mi + 1 < files ? mi + 1 : -1;
    boolean[] picked = new boolean[n];
    List<FaultInserts.Insert> ins = new ArrayList<>();
    int seq = 0;
    for (int k = 0; k < Fault.TP_ROWS.length; k++) {
      Fault f = Fault.TP_ROWS[k];
      int count = (int) Math.floor(n * spec.dirtyRate() / Fault.TP_ROWS.length + rng.nextDouble());
      if (mi == forced[k]) {
        count = Math.max(1, count);
      }
      for (int i = 0; i < count; i++) {
        int j = rng.nextInt(n);
        String id = String.format("X%03d%05d", mi, seq);
        String line = lines.get(j);
        switch (f) {
          case TP_DUPLICATE, TP_CORRECTION -> {
            j = FaultInserts.unpicked(picked, j);
            if (j < 0 || (f == Fault.TP_CORRECTION && target < 0)) {
              continue;
            }
            picked[j] = true;
            line = lines.get(j);
            if (f == Fault.TP_CORRECTION) {
              Matcher d = DURATION.matcher(line);
              d.find();
              long dur = Long.parseLong(d.group(1)) + rng.between(1, 5);
              String fixed = line.substring(0, d.start(1)) + dur + line.substring(d.end(1));
              carries.add(new Fault.Carry(target, fixed, f));
            } else if (target >= 0 && rng.chance(0.5)) {
              carries.add(new Fault.Carry(target, line, f));
            } else {
              ins.add(new FaultInserts.Insert(rng.between(j, n - 1), seq++, line, f));
            }
            continue;
          }
          case TP_INVALID_JSON -> {
            String json = withId(line, id);
            line = json.substring(0, json.indexOf(",\"retailer"));
          }
          case TP_UNKNOWN_RETAILER ->
              line =
                  withId(line, id)
                      .replace(
                          "\"retailer_code\":\"" + rs.code[clean.get(j).retailer()] + "\"",
                          "\"retailer_code\":\""
                              + String.format("370799%06d", rng.nextInt(1_000_000))
                              + "\"");
          case TP_UNKNOWN_MANAGER -> line = unknownManager(withId(line, id), rng);
          default -> {
            line = shifted(clean.get(j).retailer(), mi, id, rng);
            if (line == null) {
              continue;
            }
          }
        }
        ins.add(new FaultInserts.Insert(rng.nextInt(n), seq++, line, f));
      }
    }
    return FaultInserts.interleave(lines, ins, path, 0, at);
  }

  private static String withId(String json, String id) {
    int s = json.indexOf("\"event_id\":\"") + 12;
    int e = json.indexOf('"', s);
    return json.substring(0, s) + id + json.substring(e);
  }

  private static String unknownManager(String json, Rng rng) {
    String code = String.format("MX%03d", rng.nextInt(1000));
    int s = json.indexOf("\"manager_code\":\"");
    if (s >= 0) {
      int e = json.indexOf('"', s + 16);
      return json.substring(0, s + 16) + code + json.substring(e);
    }
    int c = json.indexOf(",\"channel\"");
    return json.substring(0, c) + ",\"manager_code\":\"" + code + "\"" + json.substring(c);
  }

  /** A valid WeChat event at 00:30–07:30 local on the 1st of the next month, written in UTC. */
  private String shifted(int r, int mi, String id, Rng rng) {
    if (mi + 1 >= files) {
      return null;
    }
    int day = days.month(mi + 1)[0];
    int v = rs.versionAt(r, day);
    if (v < 0 || rs.status[v] == Retailers.CLOSED) {
      return null;
    }
    int local = rng.between(30, 450);
    int utc = local - 480 + 1440; // on the previous day
    String ts = TouchpointModel.ts(day - 1, utc).replace("+08:00", "Z");
    return "{\"event_id\":\""
        + id
        + "\",\"ts\":\""
        + ts
        + "\",\"retailer_code\":\""
        + rs.code[r]
        + "\",\"manager_code\":\""
        + m.managers.get(rs.manager[v]).code()
        + "\",\"channel\":\"wechat\",\"duration_min\":"
        + rng.between(1, 5)
        + "}";
  }
}
