package gridperf.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gridperf update}: the scheduled run — {@code ingest}, then {@code build}, then {@code
 * score}, in one JVM and one Spark application. Each step is the real command with the same
 * settings and writes its own {@code pipeline_runs} row; the first step that fails stops the run
 * with its one-line error and exit status, so a refused ingest never reaches the build.
 *
 * <p>Why one application: the build after an ingest reuses the JVM's loaded and compiled Spark and
 * Delta code (and, on a cluster, the executors) instead of paying a cold start again; the measured
 * difference is in docs/operations.md, section 5.
 */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description =
        "Ingest new or changed landing files, build the periods they changed, then score: the"
            + " three jobs in one Spark application (one spark-submit), each with its own"
            + " pipeline_runs row. Stops at the first step that fails, with its exit status.")
public final class UpdateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin IngestOptions ingestOptions;

  @Option(
      names = "--skip-score",
      description = "Stop after the build (the scorecard is left as the last score wrote it).")
  boolean skipScore;

  @Override
  public Integer call() throws IOException {
    // refused here, naming update, rather than by its ingest step
    String root = common.load().lake().root();
    Path path = new Path(root);
    Configuration conf = new Configuration();
    if (!ingestOptions.createLake && !path.getFileSystem(conf).exists(path)) {
      throw new UsageError(LakeCommand.missingLake(root, conf));
    }
    List<String> ingest = new ArrayList<>(List.of("ingest"));
    ingest.addAll(ingestOptions.arguments());
    List<List<String>> steps = new ArrayList<>();
    steps.add(ingest);
    steps.add(new ArrayList<>(List.of("build")));
    if (!skipScore) {
      steps.add(new ArrayList<>(List.of("score")));
    }
    for (List<String> step : steps) {
      step.addAll(common.forwarded());
      if (common.lake != null) {
        step.addAll(List.of("--lake", common.lake));
      }
      int rc = Main.newCommandLine().execute(step.toArray(new String[0]));
      if (rc != 0) {
        return rc;
      }
    }
    return 0;
  }
}
