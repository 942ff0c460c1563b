package gridperf.notebook;

import gridperf.query.Cells;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Jupyter kernel spec of the Java notebooks ({@code <dir>/gridperf-java/kernel.json}):
 * rapaio-jupyter-kernel started through {@link KernelMain} (copied into the spec's {@code
 * launcher/} folder; it avoids the kernel's start-up race) by this JVM's {@code java} with Spark's
 * JVM flags — but never {@code --add-modules=jdk.incubator.vector}, which hangs the kernel —
 * headless, with {@code RJK_CLASSPATH} listing the project's classes and jars. Used by {@code
 * bin/setup-notebooks} and by the notebook test.
 *
 * <p>{@code java -cp <gridperf jar> gridperf.notebook.KernelSpec KERNELS_DIR KERNEL_JAR CLASSPATH
 * "JVM OPTIONS"}
 */
public final class KernelSpec {
  /** The kernel name notebooks refer to in their metadata. */
  public static final String NAME = "gridperf-java";

  private KernelSpec() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: KernelSpec KERNELS_DIR KERNEL_JAR CLASSPATH [JVM_OPTIONS]");
      System.exit(2);
    }
    Path file = write(Path.of(args[0]), args[1], args[2], args.length > 3 ? args[3] : "");
    System.out.println("wrote " + file);
  }

  /** Writes {@code kernelsDir/gridperf-java/kernel.json}; returns its path. */
  public static Path write(Path kernelsDir, String kernelJar, String classpath, String jvmOptions)
      throws IOException {
    Path dir = Files.createDirectories(kernelsDir.resolve(NAME));
    Path launcher = dir.resolve("launcher");
    Path mainClass = launcher.resolve("gridperf/notebook/KernelMain.class");
    Files.createDirectories(mainClass.getParent());
    try (InputStream in = KernelSpec.class.getResourceAsStream("KernelMain.class")) {
      if (in == null) {
        throw new IOException("gridperf/notebook/KernelMain.class is not on the classpath");
      }
      Files.copy(in, mainClass, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-Xmx" + System.getenv().getOrDefault("GRIDPERF_NOTEBOOK_HEAP", "2g"));
    for (String o : jvmOptions.trim().split("\\s+")) {
      if (!o.isEmpty() && !o.contains("jdk.incubator.vector")) {
        argv.add(o);
      }
    }
    // C1 only: the kernel runs short cells on tiny data, start-up time dominates
    argv.add("-XX:TieredStopAtLevel=1");
    argv.add("-Djava.awt.headless=true");
    argv.add("-cp");
    argv.add(launcher + java.io.File.pathSeparator + kernelJar);
    argv.add(KernelMain.class.getName());
    argv.add("{connection_file}");
    StringBuilder json = new StringBuilder("{\n  \"argv\": [");
    for (int i = 0; i < argv.size(); i++) {
      json.append(i == 0 ? "" : ", ");
      Cells.quote(json, argv.get(i));
    }
    json.append("],\n  \"display_name\": \"Java (gridperf)\",\n  \"language\": \"java\",\n")
        .append("  \"interrupt_mode\": \"message\",\n  \"env\": {\n    \"RJK_CLASSPATH\": ");
    // rapaio-jupyter-kernel splits RJK_CLASSPATH on ';' whatever the platform
    Cells.quote(json, String.join(";", classpath.split(java.io.File.pathSeparator)));
    json.append(",\n    \"RJK_COMPILER_OPTIONS\": \"\",\n    \"RJK_INIT_SCRIPT\": \"\",\n")
        .append("    \"RJK_TIMEOUT_MILLIS\": \"-1\"\n  }\n}\n");
    Path file = dir.resolve("kernel.json");
    Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    return file;
  }
}
