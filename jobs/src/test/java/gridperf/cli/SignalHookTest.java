package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The shutdown hook of a run (what SIGTERM triggers before Spark stops): it says "interrupted" and
 * records the run as INTERRUPTED, once; a run that already ended records nothing more. {@code
 * reliability.SigtermTest} sends a real SIGTERM to a real run.
 */
class SignalHookTest extends SparkTestBase {
  @Test
  void signalDuringARunSaysInterruptedAndRecordsAnInterruptedRowOnce() {
    Lake lake = new Lake(spark(), newDir("lake").toString());
    BuildCommand cmd = new BuildCommand();
    new CommandLine(cmd).parseArgs("--lake", lake.root());
    JobContext ctx = context(lake);

    String err =
        stderrOf(
            () -> {
              cmd.onSignal(ctx, Instant.now());
              cmd.onSignal(ctx, Instant.now()); // a second signal adds nothing
            });

    assertThat(err.strip())
        .isEqualTo(
            "gridperf build: interrupted (the run was stopped before it ended; run it again to complete it)");
    List<Row> runs = lake.read(TableId.PIPELINE_RUNS).collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getString(runs.get(0).fieldIndex("status"))).isEqualTo("INTERRUPTED");
    assertThat(runs.get(0).getString(runs.get(0).fieldIndex("error"))).isEqualTo("interrupted");
  }

  @Test
  void signalOnAMissingLakeCreatesNothing() {
    String root = newDir("parent").resolve("lake").toString();
    BuildCommand cmd = new BuildCommand();
    new CommandLine(cmd).parseArgs("--lake", root);
    Lake lake = new Lake(spark(), root);
    stderrOf(() -> cmd.onSignal(context(lake), Instant.now()));
    assertThat(Files.exists(Path.of(root))).isFalse();
  }

  private static JobContext context(Lake lake) {
    GridperfConfig cfg = ConfigLoader.load(null, List.of()).withLakeRoot(lake.root());
    return new JobContext(cfg, spark(), lake, "run-1", Progress.silent("build"), Clock.systemUTC());
  }

  private static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
