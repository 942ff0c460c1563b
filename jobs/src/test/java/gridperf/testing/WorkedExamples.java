package gridperf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The worked examples of the contract, test resources of this repository in {@code
 * jobs/src/test/examples} beside {@code check_examples.py}: one folder per example with its landing
 * tree in {@code input/} (named so because a folder called {@code landing} is the product's
 * generated data) and {@code expected.csv} with the hand-computed cells. docs/examples.md states
 * each example's rule.
 */
public final class WorkedExamples {
  private WorkedExamples() {}

  /** The project root (the folder of the parent pom). */
  public static Path projectRoot() {
    return Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();
  }

  /** The examples' folder, which also holds the checker script. */
  public static Path dir() {
    return projectRoot().resolve("jobs/src/test/examples");
  }

  /** The example folders (those with an expected.csv), by name. */
  public static List<Path> examples() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.csv"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The landing tree of one example. */
  public static Path landing(String example) {
    Path p = input(dir().resolve(example));
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("no worked example " + example + " in " + dir());
    }
    return p;
  }

  /** The landing tree of the example folder {@code example}. */
  public static Path input(Path example) {
    return example.resolve("input");
  }
}
