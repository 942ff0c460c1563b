package gridperf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one child process and measures it. With GNU {@code /usr/bin/time} the kernel's own
 * accounting is used (exact CPU and peak RSS of the process tree); otherwise the harness polls
 * {@code /proc/<pid>/status} (VmHWM) and {@code /proc/<pid>/stat} every 100 ms while it runs.
 */
public final class ProcessTimer {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private ProcessTimer() {}

  /**
   * Runs {@code command} with extra environment {@code env}, output (stdout and stderr) to {@code
   * log}, and returns what it cost. Does not throw on a non-zero exit: the caller decides.
   */
  public static Measure run(List<String> command, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    boolean gnu = Files.isExecutable(GNU_TIME);
    Path timeFile = log.resolveSibling(log.getFileName() + ".time");
    List<String> cmd = new ArrayList<>();
    if (gnu) {
      cmd.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeFile.toString()));
    }
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    long peakKb = 0;
    double[] cpu = {0, 0};
    while (!p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (!gnu) {
        peakKb = Math.max(peakKb, ProcStatus.vmHwmKb(p.pid()));
        ProcStatus.cpuSeconds(p.pid(), cpu);
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (gnu) {
      Measure m = TimeReport.parse(Files.readAllLines(timeFile, StandardCharsets.UTF_8));
      // time -v reports the child's exit status; keep our own wall clock (finer than m:ss.ss)
      return new Measure(wall, m.userSec(), m.sysSec(), m.peakRssKb(), p.exitValue());
    }
    return new Measure(wall, cpu[0], cpu[1], peakKb, p.exitValue());
  }
}
