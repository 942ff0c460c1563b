package gridperf.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Spoils a monthly inspections file: about {@code rate × rows} of its rows get a fault, split
 * evenly over {@link Fault#IN_ROWS}, and every kind is forced at least once in the middle file.
 * Each bad row is built from a clean row of the file so that exactly one rule breaks (the reason
 * the manifest claims); quarantined kinds get new ids in the {@code DX…} namespace. Duplicates
 * repeat a clean row later in the same file; corrections repeat its id later in the file with one
 * more error (and passed N), so the correction wins.
 */
final class InspectionFaults {
  private final GenSpec spec;
  private final int forced;
  private final String[] noVersion;

  /** {@code rs}: the retailer history (a day before a retailer's first version has no version). */
  InspectionFaults(GenSpec spec, int months, Retailers rs) {
    this.spec = spec;
    this.forced = months / 2;
    int floor = (int) java.time.LocalDate.of(2000, 1, 1).toEpochDay();
    String[] nv = null;
    for (int r = 0; r < rs.count && nv == null; r++) {
      int first = rs.from[rs.start[r]];
      if (first > floor) {
        nv = new String[] {Retailers.code(r), java.time.LocalDate.ofEpochDay(first - 1).toString()};
      }
    }
    this.noVersion = nv;
  }

  /** The file's rows with faults inserted; records where each landed. */
  List<String> inject(int mi, List<String> clean, String path, List<Fault.At> at) {
    int n = clean.size();
    if (!spec.dirty() || n == 0) {
      return clean;
    }
    Rng rng = Rng.of(spec.seed(), 42, mi);
    boolean[] picked = new boolean[n];
    List<FaultInserts.Insert> ins = new ArrayList<>();
    int seq = 0;
    for (Fault f : Fault.IN_ROWS) {
      int count = (int) Math.floor(n * spec.dirtyRate() / Fault.IN_ROWS.length + rng.nextDouble());
      if (mi == forced) {
        count = Math.max(1, count);
      }
      for (int i = 0; i < count; i++) {
        int j = rng.nextInt(n);
        String[] x = clean.get(j).split(",", -1);
        if (f == Fault.IN_DUPLICATE || f == Fault.IN_CORRECTION) {
          j = FaultInserts.unpicked(picked, j);
          if (j < 0) {
            continue;
          }
          picked[j] = true;
          x = clean.get(j).split(",", -1);
          String line =
              f == Fault.IN_DUPLICATE
                  ? clean.get(j)
                  : String.join(
                      ",",
                      x[0],
                      x[1],
                      x[2],
                      x[3],
                      x[4],
                      "N",
                      String.valueOf(Long.parseLong(x[6]) + 1));
          ins.add(new FaultInserts.Insert(rng.between(j, n - 1), seq++, line, f));
          continue;
        }
        if (f == Fault.IN_NO_RETAILER_VERSION && noVersion == null) {
          continue;
        }
        x[0] = String.format("DX%03d%05d", mi, seq);
        ins.add(new FaultInserts.Insert(rng.nextInt(n), seq++, spoil(f, x), f));
      }
    }
    return FaultInserts.interleave(clean, ins, path, 1, at);
  }

  private String spoil(Fault f, String[] x) {
    switch (f) {
      case IN_WRONG_COLUMN_COUNT -> {
        return String.join(",", x[0], x[1], x[2], x[3], x[4], x[5]);
      }
      case IN_MISSING_ID -> x[0] = "";
      case IN_MISSING_VALUE -> x[5] = "";
      case IN_BAD_DATE -> x[1] = x[1].substring(0, 8) + "32";
      case IN_NON_INTEGER_ERRORS -> x[6] = "1.5";
      case IN_DATE_OUT_OF_RANGE -> x[1] = "1999-12-31";
      case IN_BAD_LEVEL -> x[2] = "audit";
      case IN_BAD_PASSED -> x[5] = "yes";
      case IN_NEGATIVE_ERRORS -> x[6] = "-1";
      case IN_UNKNOWN_MANAGER -> x[3] = "MX01";
      case IN_UNKNOWN_RETAILER -> x[4] = "999999999999";
      case IN_NO_RETAILER_VERSION -> {
        x[4] = noVersion[0];
        x[1] = noVersion[1];
      }
      default -> throw new IllegalArgumentException(f.toString());
    }
    return String.join(",", x);
  }
}
