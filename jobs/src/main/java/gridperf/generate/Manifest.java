package gridperf.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code manifest.json} at the landing root: the run's arguments, the clean rows per source, what
 * an ingest of the whole tree must count (rows read, accepted, quarantined, duplicates,
 * corrections, silver rows) and, per injected kind, its exact count, expected outcome and where
 * each row is ({@code [file, line]}; file-level kinds list their files).
 */
final class Manifest {
  private final Map<Fault, List<Fault.At>> byKind = new EnumMap<>(Fault.class);
  long cleanSales;

  /** The {@code "pilots"} member ({@link PilotModel#json}), or NULL for none. */
  String pilots;

  long cleanTouchpoints;
  long cleanInspections;

  Manifest() {
    for (Fault f : Fault.values()) {
      byKind.put(f, new ArrayList<>());
    }
  }

  void add(Fault.At at) {
    byKind.get(at.fault()).add(at);
  }

  void addAll(List<Fault.At> at) {
    at.forEach(this::add);
  }

  long count(Fault f) {
    return byKind.get(f).size();
  }

  private static boolean fileLevel(Fault f) {
    return f == Fault.GBK_FILE
        || f == Fault.BOM_FILE
        || f == Fault.LATE_FILE
        || f == Fault.TP_BOM_FILE
        || f == Fault.TP_LATE_FILE;
  }

  /** Expected ingest counts of one source: rows_read, accepted, quarantined, duplicates, ... */
  long[] expected(String fileType, long clean) {
    long quarantined = 0;
    long duplicates = 0;
    long corrections = 0;
    long extra = 0;
    for (Fault f : Fault.values()) {
      if (!f.fileType.equals(fileType)) {
        continue;
      }
      long c = count(f);
      switch (f.expected) {
        case "DUPLICATE" -> duplicates += c;
        case "CORRECTION" -> corrections += c;
        case "ACCEPTED" ->
            extra +=
                (f == Fault.LATE_FILE || f == Fault.TP_LATE_FILE || f == Fault.TP_TIMEZONE_SHIFT)
                    ? c
                    : 0;
        default -> quarantined += c;
      }
    }
    long silver = clean + extra;
    long accepted = silver + corrections;
    return new long[] {
      accepted + quarantined + duplicates, accepted, quarantined, duplicates, corrections, silver
    };
  }

  String json(GenSpec spec) {
    StringBuilder b = new StringBuilder();
    b.append("{\n  \"generator\": \"gridperf generate\",\n  \"args\": {\"scale\": ")
        .append(num(spec.scale()))
        .append(", \"years\": \"")
        .append(spec.firstYear())
        .append('-')
        .append(spec.lastYear())
        .append("\", \"seed\": ")
        .append(spec.seed())
        .append(", \"dirty_rate\": ")
        .append(num(spec.dirtyRate()))
        .append("},\n");
    b.append("  \"first_date\": \"")
        .append(spec.start())
        .append("\", \"last_date\": \"")
        .append(spec.end())
        .append("\",\n");
    b.append("  \"clean_rows\": {\"sales\": ")
        .append(cleanSales)
        .append(", \"touchpoints\": ")
        .append(cleanTouchpoints)
        .append(", \"inspections\": ")
        .append(cleanInspections)
        .append("},\n  \"expected\": {\n");
    String[] names = {
      "rows_read", "accepted", "quarantined", "duplicates", "corrections", "silver_rows"
    };
    for (String src : new String[] {"sales", "touchpoints", "inspections"}) {
      long[] e =
          expected(
              src,
              switch (src) {
                case "sales" -> cleanSales;
                case "touchpoints" -> cleanTouchpoints;
                default -> cleanInspections;
              });
      b.append("    \"").append(src).append("\": {");
      for (int i = 0; i < names.length; i++) {
        b.append(i == 0 ? "" : ", ").append('"').append(names[i]).append("\": ").append(e[i]);
      }
      b.append(src.equals("inspections") ? "}\n" : "},\n");
    }
    b.append("  },\n  \"faults\": [\n");
    Fault[] all = Fault.values();
    for (int i = 0; i < all.length; i++) {
      Fault f = all[i];
      List<Fault.At> list = byKind.get(f);
      b.append("    {\"kind\": \"")
          .append(f.kind())
          .append("\", \"file_type\": \"")
          .append(f.fileType)
          .append("\", \"count\": ")
          .append(list.size())
          .append(", \"expected\": \"")
          .append(f.expected)
          .append('"');
      if (fileLevel(f)) {
        Set<String> files = new LinkedHashSet<>();
        list.forEach(a -> files.add(a.file()));
        b.append(", \"files\": [");
        int k = 0;
        for (String file : files) {
          b.append(k++ == 0 ? "" : ", ").append(Text.json(file));
        }
        b.append(']');
      } else {
        b.append(", \"locations\": [");
        for (int k = 0; k < list.size(); k++) {
          b.append(k == 0 ? "" : ", ")
              .append('[')
              .append(Text.json(list.get(k).file()))
              .append(", ")
              .append(list.get(k).line())
              .append(']');
        }
        b.append(']');
      }
      b.append(i + 1 < all.length ? "},\n" : "}\n");
    }
    b.append(pilots == null ? "  ]\n" : "  ],\n" + pilots + "\n");
    return b.append("}\n").toString();
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d)
        : String.format(Locale.ROOT, "%s", Double.toString(d));
  }
}
