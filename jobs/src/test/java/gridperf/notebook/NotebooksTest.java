package gridperf.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gridperf.testing.SparkTestBase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook of notebooks-java/ headless ({@code jupyter nbconvert --to notebook
 * --execute}) on a small lake, with a kernel spec pointing at this build's classes, and fails when
 * a cell fails or a notebook shows no chart or table. Skipped, saying why, when Debian's Jupyter
 * is missing ({@code bin/setup-notebooks} or {@code .ci/run} install it); CI sets {@code
 * GRIDPERF_REQUIRE_NOTEBOOKS=1} so that it fails instead. The kernel sometimes never answers on
 * start-up (rapaio-jupyter-kernel 3.0.1 on a loaded machine): a notebook whose kernel did not
 * answer gets one fresh kernel more.
 */
@Tag("notebooks")
class NotebooksTest extends SparkTestBase {
  private static final Path ROOT = Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @Test
  void everyNotebookRunsHeadlessAndDrawsAChart() throws Exception {
    available(
        Files.isExecutable(JUPYTER) && run(List.of(JUPYTER.toString(), "nbconvert", "--version")) == 0,
        "Debian's jupyter-nbconvert is not installed: run bin/setup-notebooks to execute the notebooks");
    Path kernelJar = kernelJar();
    available(Files.isRegularFile(kernelJar), kernelJar + " is missing: run mvn process-test-classes");
    Path classpathFile = ROOT.resolve("jobs/target/classpath.txt");
    available(Files.isRegularFile(classpathFile), classpathFile + " is missing: run mvn process-classes");

    Path lake = newDir("nb-lake");
    NotebookLake.write(spark(), lake.toString());
    Path jupyterPath = newDir("jupyter");
    // the kernel takes jars only: this build's classes go in as a jar
    Path classesJar = jar(ROOT.resolve("jobs/target/classes"), jupyterPath.resolve("gridperf-classes.jar"));
    String classpath = classesJar + File.pathSeparator + Files.readString(classpathFile).strip();
    KernelSpec.write(jupyterPath.resolve("kernels"), kernelJar.toString(), classpath, sparkJavaOptions());
    // the executed notebooks (with their charts) and the logs stay in target/ for a look after a run
    Path out = Files.createDirectories(ROOT.resolve("jobs/target/notebooks"));

    List<Path> notebooks;
    try (Stream<Path> s = Files.list(ROOT.resolve("notebooks-java"))) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks).hasSizeGreaterThanOrEqualTo(5);
    for (Path nb : notebooks) {
      Path log = out.resolve(nb.getFileName() + ".log");
      long start = System.nanoTime();
      // rapaio-jupyter-kernel 3.0.1 now and then binds its sockets and then never answers, or
      // exits without a word, before any cell runs (5 of 20 starts in one series of runs, loaded or
      // not; its shell thread logs nothing, not even an unhandled message). Only then a fresh
      // kernel is started, up to STARTS times in all; a failing cell is never retried.
      boolean done = execute(nb, lake, jupyterPath, out, log);
      for (int attempt = 2; attempt <= STARTS && kernelNeverAnswered(log); attempt++) {
        System.err.printf("%s: the kernel did not answer, starting a new one (%d of %d)%n",
            nb.getFileName(), attempt, STARTS);
        done = execute(nb, lake, jupyterPath, out, log);
      }
      System.err.printf("%s: %d s%n", nb.getFileName(), (System.nanoTime() - start) / 1_000_000_000L);
      String report = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done).as("%s failed:%n%s", nb.getFileName(), tail(report)).isTrue();
      String executed = Files.readString(out.resolve(nb.getFileName()), StandardCharsets.UTF_8);
      assertThat(executed).as("%s has an error output", nb.getFileName()).doesNotContain("\"output_type\": \"error\"");
      assertThat(executed).as("%s draws no chart", nb.getFileName()).contains("\"image/png\"");
      assertThat(executed).as("%s shows no table", nb.getFileName()).contains("<table>");
    }
  }

  /** Kernel starts per notebook when a kernel never answers (see the loop above). */
  private static final int STARTS = 3;

  /** True when nbconvert gave up on the kernel before any cell ran. */
  private static boolean kernelNeverAnswered(Path log) throws Exception {
    String report = Files.readString(log, StandardCharsets.UTF_8);
    return report.contains("Kernel didn't respond")
        || report.contains("Kernel died before replying to kernel_info");
  }

  /** Runs one notebook with nbconvert; true when it ran to the end without a failed cell. */
  private static boolean execute(Path nb, Path lake, Path jupyterPath, Path out, Path log)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=90",
                "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                "--output-dir", out.toString(), nb.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
    pb.environment().put("GRIDPERF_LAKE", lake.toString());
    pb.environment().put(
        "JAVA_TOOL_OPTIONS",
        "-Dgridperf.notebook.log=" + out.resolve(nb.getFileName() + ".spark.log"));
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  private static Path jar(Path classes, Path jar) throws Exception {
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The kernel jar the build copies (maven-dependency-plugin, execution notebook-kernel). */
  private static Path kernelJar() {
    return ROOT.resolve("jobs/target/notebook/rapaio-jupyter-kernel.jar");
  }

  /** Skips the test when a tool is missing, or fails it where GRIDPERF_REQUIRE_NOTEBOOKS=1 (CI). */
  private static void available(boolean ok, String why) {
    if ("1".equals(System.getenv("GRIDPERF_REQUIRE_NOTEBOOKS"))) {
      assertThat(ok).as(why).isTrue();
    }
    assumeTrue(ok, why);
  }

  private static String sparkJavaOptions() throws Exception {
    Matcher m =
        Pattern.compile("<spark.java.options>(.*)</spark.java.options>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    return m.find() ? m.group(1) : "";
  }

  private static int run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor(2, TimeUnit.MINUTES) ? p.exitValue() : -1;
  }

  private static String tail(String s) {
    return s.length() > 12000 ? s.substring(0, 6000) + "\n...\n" + s.substring(s.length() - 6000) : s;
  }
}
