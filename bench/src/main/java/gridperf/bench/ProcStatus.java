package gridperf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Readings from {@code /proc} for a running process (Linux), used when GNU time is missing. */
final class ProcStatus {
  private static final double CLOCK_TICKS = 100.0;

  private ProcStatus() {}

  /** VmHWM (peak RSS) in kB, or 0 when the process is gone. */
  static long vmHwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two polls
    }
    return 0;
  }

  /** Stores user and system CPU seconds (utime, stime) into {@code out} when readable. */
  static void cpuSeconds(long pid, double[] out) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      out[0] = Long.parseLong(f[11]) / CLOCK_TICKS;
      out[1] = Long.parseLong(f[12]) / CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      // keep the last reading
    }
  }
}
