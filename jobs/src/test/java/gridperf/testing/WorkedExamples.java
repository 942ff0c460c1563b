package gridperf.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the worked examples live, one folder per example (a {@code landing/} tree, {@code
 * expected.csv} with hand-computed cells, a README with the arithmetic): this repository's own in
 * {@code jobs/src/test/examples} (beside {@code check_examples.py}), and the contract's published
 * ones in {@code ../shared/examples} and {@code ../shared/examples-part-two}, read from there when
 * that folder is beside the repository (they are not copied in; docs/examples.md states each).
 */
public final class WorkedExamples {
  private WorkedExamples() {}

  /** The project root (the folder of the parent pom). */
  public static Path projectRoot() {
    return Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();
  }

  /** This repository's examples and the checker script. */
  public static Path dir() {
    return projectRoot().resolve("jobs/src/test/examples");
  }

  /** The published example sets beside the repository. */
  public static List<Path> publishedDirs() {
    Path shared = projectRoot().resolve("../shared").normalize();
    return List.of(shared.resolve("examples"), shared.resolve("examples-part-two"));
  }

  /** Every folder holding examples that is present: this repository's, then the published ones. */
  public static List<Path> roots() {
    List<Path> out = new ArrayList<>(List.of(dir()));
    publishedDirs().stream().filter(Files::isDirectory).forEach(out::add);
    return out;
  }

  /** The example folders under {@code root} (those with an expected.csv), by name. */
  public static List<Path> examples(Path root) {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.csv"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The landing tree of one example, wherever it lives; a test that needs a published example is
   * skipped, saying so, when the published set is not beside the repository.
   */
  public static Path landing(String example) {
    for (Path root : roots()) {
      Path p = root.resolve(example).resolve("landing");
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    assumeTrue(
        false,
        "worked example "
            + example
            + " is published in ../shared, which is not beside the repository");
    throw new IllegalStateException("unreachable");
  }
}
