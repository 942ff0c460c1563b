package gridperf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Launches the measured child processes: gridperf stages through {@code bin/gridperf} (the same
 * launcher a user runs, {@code local[N]}, the benchmark's heap, Spark's event log on) and the
 * DuckDB reference stages as {@link DuckStage} JVMs with the same heap and thread count.
 */
final class Stages {
  private final Path home;
  private final String heap;
  private final int threads;

  Stages(Path home, String heap, int threads) {
    this.home = home;
    this.heap = heap;
    this.threads = threads;
  }

  /**
   * Runs {@code bin/gridperf <args>} with the benchmark's Spark settings; with an event log dir
   * when {@code events} is not NULL (the log costs time: see {@link Benchmark}'s --profile).
   */
  Measure gridperf(List<String> args, Path work, Path events, Path log) throws Exception {
    return gridperf(args, work, events, log, Map.of());
  }

  private Measure gridperf(
      List<String> args, Path work, Path events, Path log, Map<String, String> env)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/gridperf").toString());
    cmd.addAll(args);
    List<String> sets = new ArrayList<>();
    sets.add("spark.master=local[" + threads + "]");
    sets.add("spark.local_dir=" + work.resolve("spark-local"));
    if (events != null) {
      Files.createDirectories(events);
      sets.add("spark.conf.\"spark.eventLog.enabled\"=true");
      sets.add("spark.conf.\"spark.eventLog.compress\"=false");
      sets.add("spark.conf.\"spark.eventLog.dir\"=" + events.toUri());
    }
    for (String set : sets) {
      cmd.add("--set");
      cmd.add(set);
    }
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("GRIDPERF_HEAP", heap);
    return checked(cmd, all, log);
  }

  /**
   * Records the launcher's class-data archive (bin/gridperf, GRIDPERF_CDS) with a small demo,
   * untimed, so that every measured stage maps the same archive and none pays for recording it.
   */
  void recordClassArchive(Path work, Path log) throws Exception {
    Path dir = work.resolve("class-archive-demo");
    gridperf(
        List.of("demo", "--dir", dir.toString(), "--scale", "0.01", "--years", "2015"),
        work,
        null,
        log,
        Map.of("GRIDPERF_CDS", "refresh"));
    Benchmark.deleteTree(dir);
  }

  /** True when {@code bin/gridperf <name> --help} shows that command (builds the project first). */
  boolean hasCommand(String name, Path logs) throws Exception {
    Measure m =
        ProcessTimer.run(
            List.of(home.resolve("bin/gridperf").toString(), name, "--help"),
            Map.of(),
            logs.resolve("help-" + name + ".log"));
    // picocli prints the top command's usage (exit 0) for an unknown subcommand with --help
    String help =
        new String(
            Files.readAllBytes(logs.resolve("help-" + name + ".log")), StandardCharsets.UTF_8);
    return m.exitCode() == 0 && help.contains("Usage: gridperf " + name);
  }

  /** Runs {@code DuckStage <args>} in a JVM of the same heap and DuckDB thread count. */
  Measure duck(String command, Path in, Path out, Path log, String... more) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(DuckStage.class.getName());
    cmd.addAll(
        List.of(command, in.toString(), out.toString(), String.valueOf(threads), duckMemory()));
    cmd.addAll(List.of(more));
    return checked(cmd, Map.of(), log);
  }

  /**
   * Runs {@link SparkAnchor} {@code mode} in a JVM of the same heap on gridperf's runtime classpath
   * (its Spark and Delta jars), {@code local[threads]}.
   */
  Measure spark(String mode, Path in, Path out, Path log) throws Exception {
    Path jobsCp = home.resolve("jobs/target/classpath.txt");
    String cp =
        System.getProperty("java.class.path")
            + java.io.File.pathSeparator
            + Files.readString(jobsCp, StandardCharsets.UTF_8).strip();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-XX:+UseParallelGC");
    cmd.addAll(
        List.of(
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED"));
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(SparkAnchor.class.getName());
    cmd.addAll(List.of(mode, in.toString(), out.toString(), String.valueOf(threads)));
    return checked(cmd, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), log);
  }

  /** DuckDB gets the memory Spark gets (its heap), not the machine's default 80 %. */
  String duckMemory() {
    return heap.toUpperCase().replaceAll("([0-9.]+)([KMGT])$", "$1$2B");
  }

  private Measure checked(List<String> cmd, Map<String, String> env, Path log) throws Exception {
    Measure m = ProcessTimer.run(cmd, env, log);
    if (m.exitCode() != 0) {
      throw new BenchmarkFailure(
          "stage failed (exit "
              + m.exitCode()
              + "): "
              + String.join(" ", cmd)
              + "\n--- "
              + log
              + " (last lines) ---\n"
              + tail(log, 40));
    }
    return m;
  }

  static String tail(Path log, int n) throws IOException {
    List<String> lines =
        List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
