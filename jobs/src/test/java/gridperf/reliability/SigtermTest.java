package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.WorkedExamples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A run stopped by SIGTERM (a scheduler's timeout): a real {@code gridperf ingest} in its own JVM
 * is terminated while it works; it says "interrupted" (not a Spark internals error), records a
 * pipeline_runs row with status INTERRUPTED, and the rerun completes the batch. It starts a second
 * JVM with Spark, so it runs with the acceptance tests ({@code -Pacceptance}); {@code
 * cli.SignalHookTest} checks the hook itself in every run.
 */
@Tag("acceptance")
class SigtermTest extends ReliabilityBase {
  @Test
  void terminatedRunSaysInterruptedRecordsItAndItsRerunCompletesTheBatch() throws Exception {
    Path landing = copyTree(WorkedExamples.landing("mid-month-reassignment"));
    Lake lake = newLake();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-Xmx") && !a.startsWith("-javaagent") && !a.startsWith("-agentlib")) {
        cmd.add(a);
      }
    }
    cmd.addAll(
        List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "gridperf.cli.Main"));
    cmd.addAll(
        List.of(
            lakeArgs(
                lake,
                "ingest",
                "--landing",
                landing.toString(),
                "--as-of",
                AS_OF,
                "--set",
                "ingest.max_quarantine_rate=0.5")));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    StringBuilder err = new StringBuilder();
    CountDownLatch working = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  synchronized (err) {
                    err.append(l).append('\n');
                  }
                  if (l.startsWith("[ingest]")) {
                    working.countDown();
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            });
    reader.start();
    assertThat(working.await(10, TimeUnit.MINUTES)).as("the run started working").isTrue();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    reader.join();
    String stderr;
    synchronized (err) {
      stderr = err.toString();
    }
    assertThat(p.exitValue()).as(stderr).isEqualTo(143); // 128 + SIGTERM: not killed otherwise
    assertThat(stderr)
        .contains("gridperf ingest: interrupted")
        .doesNotContain("NullPointerException");
    assertThat(lake.read(TableId.PIPELINE_RUNS).where("status = 'INTERRUPTED'").count())
        .as(stderr)
        .isEqualTo(1);

    ingest(lake, landing);
    long files;
    try (Stream<Path> s = Files.walk(landing)) {
      files = s.filter(Files::isRegularFile).count();
    }
    assertThat(lake.read(TableId.INGEST_FILES).count()).isEqualTo(files);
  }
}
