package gridperf.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Executes notebooks of notebooks-java/ headless with Debian's Jupyter ({@code jupyter nbconvert
 * --to notebook --execute}) on one lake, with a kernel spec of its own (in {@code
 * <jupyterPath>/kernels}, passed to Jupyter as {@code JUPYTER_PATH}). Shared by the notebook test
 * and by {@code bin/render-notebooks}, whose {@link #main} writes the executed notebooks back into
 * notebooks-java/ with their outputs (see {@link NotebookFile}).
 *
 * <p>rapaio-jupyter-kernel 3.0.1 now and then binds its sockets and then never answers, or exits
 * without a word, before any cell runs (5 of 20 starts in one series of runs, loaded or not; its
 * shell thread logs nothing). Only then a fresh kernel is started, up to {@link #STARTS} times in
 * all; a failing cell is never retried.
 */
public final class NotebookRunner {
  /** Debian's Jupyter (not one from another Python on the PATH). */
  public static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  /** Kernel starts per notebook when a kernel never answers. */
  public static final int STARTS = 5;

  private final Path jupyterPath;
  private final Path lake;

  /**
   * Writes the kernel spec under {@code jupyterPath/kernels}, for notebooks run on {@code lake}.
   */
  public NotebookRunner(
      Path jupyterPath, Path lake, String kernelJar, String classpath, String jvmOptions)
      throws IOException {
    this.jupyterPath = jupyterPath;
    this.lake = lake;
    KernelSpec.write(jupyterPath.resolve("kernels"), kernelJar, classpath, jvmOptions);
  }

  /**
   * Runs {@code notebook} into {@code outDir} (same file name); its nbconvert log is {@code
   * outDir/<name>.log} and its Spark log {@code outDir/<name>.spark.log}. True when every cell ran.
   */
  public boolean execute(Path notebook, Path outDir) throws IOException, InterruptedException {
    Path log = outDir.resolve(notebook.getFileName() + ".log");
    boolean done = executeOnce(notebook, outDir, log);
    for (int attempt = 2; attempt <= STARTS && kernelNeverAnswered(log); attempt++) {
      System.err.printf(
          "%s: the kernel did not answer, starting a new one (%d of %d)%n",
          notebook.getFileName(), attempt, STARTS);
      done = executeOnce(notebook, outDir, log);
    }
    return done;
  }

  /** True when nbconvert gave up on the kernel before any cell ran. */
  private static boolean kernelNeverAnswered(Path log) throws IOException {
    String report = Files.readString(log, StandardCharsets.UTF_8);
    return report.contains("Kernel didn't respond")
        || report.contains("Kernel died before replying to kernel_info");
  }

  private boolean executeOnce(Path notebook, Path outDir, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                JUPYTER.toString(),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.timeout=600",
                "--ExecutePreprocessor.startup_timeout=90",
                "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                "--output-dir",
                outDir.toString(),
                notebook.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
    pb.environment().put("GRIDPERF_LAKE", lake.toString());
    pb.environment()
        .put(
            "JAVA_TOOL_OPTIONS",
            "-Dgridperf.notebook.log=" + outDir.resolve(notebook.getFileName() + ".spark.log"));
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  /** True when Debian's {@code jupyter nbconvert} runs. */
  public static boolean jupyterAvailable() throws InterruptedException {
    if (!Files.isExecutable(JUPYTER)) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Spark's JVM options from the project's pom.xml ({@code <spark.java.options>}). */
  public static String sparkJavaOptions(Path pom) throws IOException {
    Matcher m =
        Pattern.compile("<spark.java.options>(.*)</spark.java.options>")
            .matcher(Files.readString(pom));
    return m.find() ? m.group(1) : "";
  }

  /**
   * {@code NotebookRunner --lake DIR --kernel-jar JAR --classpath CP --pom POM NOTEBOOK...}:
   * executes each notebook on the lake and writes it back in place with its outputs, the code hash
   * recorded and the lake's path shown as {@code $GRIDPERF_LAKE}. A notebook that fails is left as
   * it was; the exit code is then 1.
   */
  public static void main(String[] args) throws Exception {
    Path lake = null;
    String kernelJar = null;
    String classpath = null;
    Path pom = null;
    List<Path> notebooks = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--lake" -> lake = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--kernel-jar" -> kernelJar = args[++i];
        case "--classpath" -> classpath = args[++i];
        case "--pom" -> pom = Path.of(args[++i]);
        default -> notebooks.add(Path.of(args[i]).toAbsolutePath().normalize());
      }
    }
    if (lake == null
        || kernelJar == null
        || classpath == null
        || pom == null
        || notebooks.isEmpty()) {
      System.err.println(
          "usage: NotebookRunner --lake DIR --kernel-jar JAR --classpath CP --pom POM NOTEBOOK...");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("gridperf-render-");
    NotebookRunner runner =
        new NotebookRunner(
            work.resolve("jupyter"), lake, kernelJar, classpath, sparkJavaOptions(pom));
    Path out = Files.createDirectories(work.resolve("out"));
    List<String> failed = new ArrayList<>();
    for (Path nb : notebooks) {
      long start = System.nanoTime();
      boolean done = runner.execute(nb, out);
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      Path executed = out.resolve(nb.getFileName());
      if (!done || !Files.isRegularFile(executed)) {
        System.err.printf(
            "%s: FAILED after %d s, left as it was; nbconvert's log: %s%n",
            nb.getFileName(), seconds, out.resolve(nb.getFileName() + ".log"));
        failed.add(nb.getFileName().toString());
        continue;
      }
      ObjectNode merged =
          NotebookFile.merge(
              NotebookFile.read(nb),
              NotebookFile.read(executed),
              Map.of(lake.toString(), "$GRIDPERF_LAKE"));
      NotebookFile.write(nb, merged);
      System.out.printf("%s: %d s, %d KB%n", nb.getFileName(), seconds, Files.size(nb) / 1024);
    }
    if (failed.isEmpty()) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    } else {
      System.err.println("failed: " + String.join(", ", failed) + " (logs in " + out + ")");
      System.exit(1);
    }
  }
}
