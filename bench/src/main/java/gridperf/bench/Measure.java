package gridperf.bench;

/**
 * What one child process cost: wall time, CPU time (user + system, children included) and peak
 * resident memory (the kernel's high-water mark, VmHWM / "Maximum resident set size").
 */
public record Measure(double wallSec, double userSec, double sysSec, long peakRssKb, int exitCode) {
  /** User plus system CPU seconds. */
  public double cpuSec() {
    return userSec + sysSec;
  }

  /** Peak RSS in MiB. */
  public double peakRssMib() {
    return peakRssKb / 1024.0;
  }
}
