package gridperf.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gridperf.testing.SparkTestBase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook of notebooks-java/ headless ({@code jupyter nbconvert --to notebook
 * --execute}) on a small lake, with a kernel spec pointing at this build's classes, and fails when
 * a cell fails or a notebook shows no chart or table. Skipped, saying why, when Debian's Jupyter is
 * missing ({@code bin/setup-notebooks} or {@code .ci/run} install it); CI sets {@code
 * GRIDPERF_REQUIRE_NOTEBOOKS=1} so that it fails instead. The kernel sometimes never answers on
 * start-up (rapaio-jupyter-kernel 3.0.1 on a loaded machine): a notebook whose kernel did not
 * answer gets one fresh kernel more ({@link NotebookRunner}, shared with {@code
 * bin/render-notebooks}). The committed notebooks carry outputs from the demo's lake: the run here
 * clears and recomputes them, and leaves the files of notebooks-java/ alone.
 */
@Tag("notebooks")
class NotebooksTest extends SparkTestBase {
  private static final Path ROOT =
      Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();

  @Test
  void everyNotebookRunsHeadlessAndDrawsAChart() throws Exception {
    available(
        NotebookRunner.jupyterAvailable(),
        "Debian's jupyter-nbconvert is not installed: run bin/setup-notebooks to execute the notebooks");
    Path kernelJar = kernelJar();
    available(
        Files.isRegularFile(kernelJar), kernelJar + " is missing: run mvn process-test-classes");
    Path classpathFile = ROOT.resolve("jobs/target/classpath.txt");
    available(
        Files.isRegularFile(classpathFile), classpathFile + " is missing: run mvn process-classes");

    Path lake = newDir("nb-lake");
    NotebookLake.write(spark(), lake.toString());
    Path jupyterPath = newDir("jupyter");
    // the kernel takes jars only: this build's classes go in as a jar
    Path classesJar =
        jar(ROOT.resolve("jobs/target/classes"), jupyterPath.resolve("gridperf-classes.jar"));
    String classpath = classesJar + File.pathSeparator + Files.readString(classpathFile).strip();
    var runner =
        new NotebookRunner(
            jupyterPath,
            lake,
            kernelJar.toString(),
            classpath,
            NotebookRunner.sparkJavaOptions(ROOT.resolve("pom.xml")));
    // the executed notebooks (with their charts) and the logs stay in target/
    // for a look after a run
    Path out = Files.createDirectories(ROOT.resolve("jobs/target/notebooks"));

    List<Path> notebooks;
    try (Stream<Path> s = Files.list(ROOT.resolve("notebooks-java"))) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks).hasSizeGreaterThanOrEqualTo(5);
    for (Path nb : notebooks) {
      long start = System.nanoTime();
      boolean done = runner.execute(nb, out);
      System.err.printf(
          "%s: %d s%n", nb.getFileName(), (System.nanoTime() - start) / 1_000_000_000L);
      String report =
          Files.readString(out.resolve(nb.getFileName() + ".log"), StandardCharsets.UTF_8);
      assertThat(done).as("%s failed:%n%s", nb.getFileName(), tail(report)).isTrue();
      String executed = Files.readString(out.resolve(nb.getFileName()), StandardCharsets.UTF_8);
      assertThat(executed)
          .as("%s has an error output", nb.getFileName())
          .doesNotContain("\"output_type\": \"error\"");
      assertThat(executed).as("%s draws no chart", nb.getFileName()).contains("\"image/png\"");
      assertThat(executed).as("%s shows no table", nb.getFileName()).contains("<table>");
    }
  }

  private static Path jar(Path classes, Path jar) throws Exception {
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(
            new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
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

  private static String tail(String s) {
    return s.length() > 12000
        ? s.substring(0, 6000) + "\n...\n" + s.substring(s.length() - 6000)
        : s;
  }
}
