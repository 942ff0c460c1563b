package gridperf.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on loopback, built from the project's own dependencies: a master
 * and {@code n} workers in separate JVMs (1 core, 1 GB each), and {@link #submit} runs {@code
 * org.apache.spark.deploy.SparkSubmit} in a child JVM with the shaded jar, in client mode.
 *
 * <p>{@code SPARK_HOME/jars} is a temp folder of links to Spark's jars from {@code
 * target/classpath.txt} — without Delta, picocli and typesafe config, which travel in the shaded
 * jar, exactly as on a stock cluster. Every process it starts (and their children, the executors)
 * is stopped by process id in {@link #close}, also from a shutdown hook. {@code bin/local-cluster}
 * does the same from the shell.
 */
public final class StandaloneCluster implements AutoCloseable {
  /** Jars the cluster must not have: they are inside the shaded application jar. */
  private static final List<String> APP_ONLY =
      List.of("/io/delta/", "/io/unitycatalog/", "/info/picocli/", "/com/typesafe/config/");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private final Path dir;
  private final Path sparkHome;
  private final List<String> moduleOptions;
  private final List<Process> processes = new ArrayList<>();
  private final List<ProcessHandle> started = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "standalone-cluster-stop");
  private int masterPort;
  private int masterUiPort;

  private StandaloneCluster(Path dir, List<String> moduleOptions) {
    this.dir = dir;
    this.sparkHome = dir.resolve("spark-home");
    this.moduleOptions = moduleOptions;
  }

  /** What a submit did: its exit status and its output. */
  public record Submission(int exitCode, String stdout, String stderr) {
    /** The last non-blank line of stderr (the one-line reason of a failure). */
    public String lastErrorLine() {
      List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  /**
   * Starts a master and {@code workers} workers under {@code dir}, and waits until every worker is
   * registered. {@code classpathFile} is Maven's {@code target/classpath.txt}.
   */
  public static StandaloneCluster start(
      Path dir, Path classpathFile, String moduleOptions, int workers) throws IOException {
    StandaloneCluster c = new StandaloneCluster(dir, List.of(moduleOptions.trim().split("\\s+")));
    Runtime.getRuntime().addShutdownHook(c.hook);
    try {
      c.linkSparkJars(classpathFile);
      c.startMaster();
      for (int i = 1; i <= workers; i++) {
        c.startWorker(i);
      }
      c.awaitWorkers(workers);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:PORT}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The process ids of every JVM this cluster started (master, workers, submits, executors). */
  public synchronized List<ProcessHandle> startedProcesses() {
    List<ProcessHandle> all = new ArrayList<>(started);
    for (ProcessHandle h : started) {
      h.descendants().forEach(all::add);
    }
    return all;
  }

  /**
   * Runs {@code spark-submit --class gridperf.cli.Main jar args...} against this cluster and waits
   * for it (at most {@code timeout}); {@code sparkConf} are extra {@code key=value} settings.
   */
  public Submission submit(Path jar, List<String> sparkConf, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = java("1g");
    cmd.add("-Dlog4j2.configurationFile=" + log4jConfig());
    cmd.add("org.apache.spark.deploy.SparkSubmit");
    cmd.addAll(List.of("--master", masterUrl(), "--deploy-mode", "client"));
    List<String> conf = new ArrayList<>();
    conf.add("spark.driver.host=127.0.0.1");
    conf.add("spark.executor.memory=768m");
    conf.add("spark.executor.cores=1");
    conf.add("spark.cores.max=2");
    conf.add("spark.ui.enabled=false");
    // tiny tables: Delta's default of 50 snapshot partitions is 50 tasks per table read
    conf.add("spark.databricks.delta.snapshotPartitions=2");
    conf.add("spark.sql.shuffle.partitions=4");
    conf.addAll(sparkConf);
    for (String c : conf) {
      cmd.add("--conf");
      cmd.add(c);
    }
    cmd.addAll(List.of("--class", "gridperf.cli.Main", jar.toString()));
    cmd.addAll(List.of(args));
    String name = "submit-" + args[0] + "-" + System.nanoTime();
    Path out = dir.resolve("logs").resolve(name + ".out");
    Path err = dir.resolve("logs").resolve(name + ".err");
    Process p = launch(cmd, out, err);
    boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!done) {
      stop(p.toHandle());
      throw new IllegalStateException(
          "spark-submit "
              + String.join(" ", args)
              + " did not finish within "
              + timeout
              + "\n"
              + tail(err));
    }
    return new Submission(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Stops every process this cluster started, children first, by process id. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // already in the hook
    }
  }

  private synchronized void stopAll() {
    List<ProcessHandle> roots = new ArrayList<>(started);
    java.util.Collections.reverse(roots);
    for (ProcessHandle h : roots) {
      stop(h);
    }
  }

  /** SIGTERM, then SIGKILL after 10 s; the same for any child left behind (executors). */
  private static void stop(ProcessHandle h) {
    List<ProcessHandle> children = h.descendants().toList();
    terminate(h);
    for (ProcessHandle c : children) {
      terminate(c);
    }
  }

  private static void terminate(ProcessHandle h) {
    if (!h.isAlive()) {
      return;
    }
    h.destroy();
    try {
      h.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      h.destroyForcibly();
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by the caller's isAlive check
      }
    }
  }

  private void linkSparkJars(Path classpathFile) throws IOException {
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    Files.createDirectories(dir.resolve("logs"));
    String cp = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
    int linked = 0;
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      String unix = entry.replace('\\', '/');
      if (!entry.endsWith(".jar") || APP_ONLY.stream().anyMatch(unix::contains)) {
        continue;
      }
      Path target = Path.of(entry);
      Path link = jars.resolve(target.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, target);
        linked++;
      }
    }
    if (linked == 0) {
      throw new IllegalStateException("no Spark jars found in " + classpathFile);
    }
  }

  private void startMaster() throws IOException {
    masterPort = freePort();
    masterUiPort = freePort();
    List<String> cmd = java("512m");
    cmd.add("org.apache.spark.deploy.master.Master");
    cmd.addAll(
        List.of(
            "--host", "127.0.0.1",
            "--port", String.valueOf(masterPort),
            "--webui-port", String.valueOf(masterUiPort)));
    launch(cmd, dir.resolve("logs/master.out"), dir.resolve("logs/master.err"));
  }

  private void startWorker(int i) throws IOException {
    Path work = Files.createDirectories(dir.resolve("worker-" + i));
    List<String> cmd = java("512m");
    cmd.add("org.apache.spark.deploy.worker.Worker");
    cmd.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(freePort()),
            "--webui-port",
            String.valueOf(freePort()),
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            work.toString(),
            masterUrl()));
    launch(cmd, dir.resolve("logs/worker-" + i + ".out"), dir.resolve("logs/worker-" + i + ".err"));
  }

  private void awaitWorkers(int n) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a cluster process exited early (status "
                  + p.exitValue()
                  + "); logs in "
                  + dir.resolve("logs"));
        }
      }
      try {
        String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = alive.matcher(body);
        if (m.find() && Integer.parseInt(m.group(1)) >= n) {
          return;
        }
      } catch (IOException notUpYet) {
        // the master's UI is still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        n
            + " workers did not register within "
            + START_TIMEOUT
            + "; logs in "
            + dir.resolve("logs"));
  }

  private List<String> java(String heap) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(moduleOptions);
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    return cmd;
  }

  private synchronized Process launch(List<String> cmd, Path out, Path err) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("SPARK_CONF_DIR");
    env.remove("HADOOP_CONF_DIR");
    Process p = pb.start();
    processes.add(p);
    started.add(p.toHandle());
    return p;
  }

  private Path log4jConfig() {
    String root = System.getProperty("gridperf.project.root", ".");
    return Path.of(root, "conf", "log4j2.properties").toAbsolutePath().normalize();
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
