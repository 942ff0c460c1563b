package gridperf.testing;

import java.nio.file.Path;

/**
 * Where the worked examples live: {@code jobs/src/test/examples}, one folder per example (a
 * {@code landing/} tree, {@code expected.csv} with hand-computed cells, a README with the
 * arithmetic), beside {@code check_examples.py}, which compares exported tables with the cells.
 */
public final class WorkedExamples {
  private WorkedExamples() {}

  /** The project root (the folder of the parent pom). */
  public static Path projectRoot() {
    return Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();
  }

  /** The folder holding every worked example. */
  public static Path dir() {
    return projectRoot().resolve("jobs/src/test/examples");
  }

  /** The landing tree of one example. */
  public static Path landing(String example) {
    return dir().resolve(example).resolve("landing");
  }
}
