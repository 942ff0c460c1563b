package gridperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gridperf.testing.WorkedExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The drift check: where the contract's published examples are beside the repository (a {@code
 * shared} folder next to the project root, as in the team's workspace), every published example has
 * a copy here with the same expected.csv and the same landing tree, byte for byte (held in {@code
 * input/}), and the checker script is the published one. Skipped, saying so, elsewhere.
 */
class ExamplesCopyTest {
  private static final Path SHARED = WorkedExamples.projectRoot().resolve("../shared").normalize();

  @Test
  void theCopiesAreThePublishedExamples() throws IOException {
    Path first = SHARED.resolve("examples");
    assumeTrue(Files.isDirectory(first), "no published examples at " + first);
    int compared = 0;
    for (Path set : List.of(first, SHARED.resolve("examples-part-two"))) {
      if (!Files.isDirectory(set)) {
        continue;
      }
      try (Stream<Path> s = Files.list(set)) {
        for (Path published :
            s.filter(p -> Files.isRegularFile(p.resolve("expected.csv"))).sorted().toList()) {
          Path copy = WorkedExamples.dir().resolve(published.getFileName());
          String name = published.getFileName().toString();
          assertThat(copy.resolve("expected.csv")).as(name).exists();
          assertThat(Files.readAllBytes(copy.resolve("expected.csv")))
              .as(name + "/expected.csv")
              .isEqualTo(Files.readAllBytes(published.resolve("expected.csv")));
          assertThat(tree(WorkedExamples.input(copy)))
              .as(name + ": input/ against the published landing/")
              .isEqualTo(tree(published.resolve("landing")));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(21);
    assertThat(Files.readString(WorkedExamples.dir().resolve("check_examples.py")))
        .as("check_examples.py")
        .isEqualTo(Files.readString(first.resolve("check_examples.py")));
  }

  /** Relative path → the file's bytes in hex, for every file under {@code root}. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(
            root.relativize(f).toString(),
            java.util.HexFormat.of().formatHex(Files.readAllBytes(f)));
      }
    }
    return out;
  }
}
