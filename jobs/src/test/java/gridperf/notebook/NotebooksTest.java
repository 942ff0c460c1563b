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
 * a cell fails or a notebook shows no chart. Skipped, saying why, when Debian's Jupyter or the
 * kernel jar is missing ({@code bin/setup-notebooks} installs both).
 */
@Tag("notebooks")
class NotebooksTest extends SparkTestBase {
  private static final Path ROOT = Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @Test
  void everyNotebookRunsHeadlessAndDrawsAChart() throws Exception {
    assumeTrue(
        Files.isExecutable(JUPYTER) && run(List.of(JUPYTER.toString(), "nbconvert", "--version"), null) == 0,
        "Debian's jupyter-nbconvert is not installed: run bin/setup-notebooks to execute the notebooks");
    Path kernelJar = kernelJar();
    assumeTrue(Files.isRegularFile(kernelJar), kernelJar + " is missing: run bin/setup-notebooks");
    Path classpathFile = ROOT.resolve("jobs/target/classpath.txt");
    assumeTrue(Files.isRegularFile(classpathFile), classpathFile + " is missing: run mvn process-classes");

    Path lake = newDir("nb-lake");
    NotebookLake.write(spark(), lake.toString());
    Path jupyterPath = newDir("jupyter");
    // the kernel takes jars only: this build's classes go in as a jar
    Path classesJar = jar(ROOT.resolve("jobs/target/classes"), jupyterPath.resolve("gridperf-classes.jar"));
    String classpath = classesJar + File.pathSeparator + Files.readString(classpathFile).strip();
    KernelSpec.write(jupyterPath.resolve("kernels"), kernelJar.toString(), classpath, sparkJavaOptions());
    Path out = newDir("nb-out");

    List<Path> notebooks;
    try (Stream<Path> s = Files.list(ROOT.resolve("notebooks-java"))) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks).hasSizeGreaterThanOrEqualTo(5);
    for (Path nb : notebooks) {
      Path log = out.resolve(nb.getFileName() + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(
                  JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                  "--ExecutePreprocessor.timeout=900", "--ExecutePreprocessor.startup_timeout=300",
                  "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                  "--output-dir", out.toString(), nb.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
      pb.environment().put("GRIDPERF_LAKE", lake.toString());
      pb.environment().put("JAVA_TOOL_OPTIONS", "-Dgridperf.notebook.log=" + out.resolve(nb.getFileName() + ".spark.log"));
      long start = System.nanoTime();
      Process p = pb.start();
      boolean done = p.waitFor(20, TimeUnit.MINUTES);
      if (!done) {
        p.destroyForcibly();
      }
      System.err.printf("%s: %d s%n", nb.getFileName(), (System.nanoTime() - start) / 1_000_000_000L);
      String report = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done && p.exitValue() == 0).as("%s failed:%n%s", nb.getFileName(), tail(report)).isTrue();
      String executed = Files.readString(out.resolve(nb.getFileName()), StandardCharsets.UTF_8);
      assertThat(executed).as("%s has an error output", nb.getFileName()).doesNotContain("\"output_type\": \"error\"");
      assertThat(executed).as("%s draws no chart", nb.getFileName()).contains("\"image/png\"");
      assertThat(executed).as("%s shows no table", nb.getFileName()).contains("<table>");
    }
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

  private static Path kernelJar() {
    String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
    return Path.of(repo, "io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar");
  }

  private static String sparkJavaOptions() throws Exception {
    Matcher m =
        Pattern.compile("<spark.java.options>(.*)</spark.java.options>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    return m.find() ? m.group(1) : "";
  }

  private static int run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor(2, TimeUnit.MINUTES) ? p.exitValue() : -1;
  }

  private static String tail(String s) {
    return s.length() > 12000 ? s.substring(0, 6000) + "\n...\n" + s.substring(s.length() - 6000) : s;
  }
}
