package gridperf.bench;

import java.util.List;

/** Parses the report of GNU {@code /usr/bin/time -v} into a {@link Measure}. */
public final class TimeReport {
  private TimeReport() {}

  /**
   * Reads wall clock, user and system time, maximum RSS and exit status from the lines of a {@code
   * time -v} report (other lines, such as the program's own output, are ignored).
   *
   * @throws IllegalArgumentException when the report lacks one of those lines
   */
  public static Measure parse(List<String> lines) {
    Double wall = null;
    Double user = null;
    Double sys = null;
    Long rss = null;
    int exit = 0;
    for (String raw : lines) {
      String line = raw.trim();
      int colon = line.lastIndexOf(": ");
      if (colon < 0) {
        continue;
      }
      String value = line.substring(colon + 2).trim();
      if (line.startsWith("User time (seconds)")) {
        user = Double.parseDouble(value);
      } else if (line.startsWith("System time (seconds)")) {
        sys = Double.parseDouble(value);
      } else if (line.startsWith("Maximum resident set size (kbytes)")) {
        rss = Long.parseLong(value);
      } else if (line.startsWith("Exit status")) {
        exit = Integer.parseInt(value);
      } else if (line.startsWith("Elapsed (wall clock) time")) {
        wall = clockSeconds(value);
      }
    }
    if (wall == null || user == null || sys == null || rss == null) {
      throw new IllegalArgumentException("not a complete `time -v` report: " + lines);
    }
    return new Measure(wall, user, sys, rss, exit);
  }

  /** {@code h:mm:ss} or {@code m:ss.ss} to seconds. */
  static double clockSeconds(String clock) {
    String[] parts = clock.split(":");
    double s = 0;
    for (String p : parts) {
      s = s * 60 + Double.parseDouble(p);
    }
    return s;
  }
}
