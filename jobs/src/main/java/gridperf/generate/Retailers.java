package gridperf.generate;

import java.time.LocalDate;

/**
 * Retailers and their effective-dated versions, held in flat arrays (version {@code v} of retailer
 * {@code r} is index {@code start[r] + v}). Versions of a retailer have strictly increasing
 * valid_from; one holds until the next one's valid_from. See {@link RetailerHistory} for how the
 * history is drawn.
 */
public final class Retailers {
  public static final String[] FORMATS = {
    "grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other"
  };
  public static final String[] SCALES = {"large", "medium", "small"};
  public static final String[] STATUS = {"active", "suspended", "closed"};
  public static final byte ACTIVE = 0;
  public static final byte SUSPENDED = 1;
  public static final byte CLOSED = 2;

  final int count;
  final String[] code;
  final String[] name;

  /** Base demand in cartons a week at grade 1-normalised value; see {@link SalesModel}. */
  final double[] value;

  final int[] start;
  int versions;
  int[] from = new int[16];
  byte[] status = new byte[16];
  int[] grid = new int[16];
  int[] manager = new int[16];
  byte[] format = new byte[16];
  byte[] scale = new byte[16];
  byte[] grade = new byte[16];

  Retailers(int count) {
    this.count = count;
    this.code = new String[count];
    this.name = new String[count];
    this.value = new double[count];
    this.start = new int[count + 1];
  }

  /** The 12-digit code of retailer {@code r}: county prefix 370784 + a serial. */
  static String code(int r) {
    return "370784" + String.format("%06d", 100_000 + r);
  }

  void add(int day, byte st, int g, int m, int f, int s, int gr) {
    if (versions == from.length) {
      int n = versions * 2;
      from = java.util.Arrays.copyOf(from, n);
      status = java.util.Arrays.copyOf(status, n);
      grid = java.util.Arrays.copyOf(grid, n);
      manager = java.util.Arrays.copyOf(manager, n);
      format = java.util.Arrays.copyOf(format, n);
      scale = java.util.Arrays.copyOf(scale, n);
      grade = java.util.Arrays.copyOf(grade, n);
    }
    from[versions] = day;
    status[versions] = st;
    grid[versions] = g;
    manager[versions] = m;
    format[versions] = (byte) f;
    scale[versions] = (byte) s;
    grade[versions] = (byte) gr;
    versions++;
  }

  /** The version index in force for retailer r on an epoch day, or -1 when none. */
  public int versionAt(int r, int day) {
    int found = -1;
    for (int v = start[r]; v < start[r + 1]; v++) {
      if (from[v] <= day) {
        found = v;
      } else {
        break;
      }
    }
    return found;
  }

  /** True when the retailer's version on the day is active (the retailer is assigned). */
  public boolean activeOn(int r, int day) {
    int v = versionAt(r, day);
    return v >= 0 && status[v] == ACTIVE;
  }

  String versionRow(int v, int r, Master m) {
    return code[r]
        + ','
        + Text.csv(name[r])
        + ','
        + FORMATS[format[v]]
        + ','
        + SCALES[scale[v]]
        + ','
        + grade[v]
        + ','
        + m.grids.get(grid[v]).code()
        + ','
        + m.managers.get(manager[v]).code()
        + ','
        + STATUS[status[v]]
        + ','
        + LocalDate.ofEpochDay(from[v]);
  }
}
