package gridperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gridperf.testing.WorkedExamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worked examples kept in the repository are byte-for-byte the ones the contract's authors
 * publish beside it, when that folder is present ({@code ../shared/examples} for the first part,
 * {@code ../shared/examples-part-two} for the rules of part two): a changed or added example there
 * fails here until the copy is brought up to date. Part two's examples are compared once they are
 * in the repository (each is added when its feature is built). Skipped without the folders.
 */
class ExamplesCopyTest {
  private static final Path SHARED = WorkedExamples.projectRoot().resolve("../shared").normalize();

  @Test
  void everyExampleOfThePublishedSetIsInTheRepositoryUnchanged() {
    Path published = SHARED.resolve("examples");
    assumeTrue(Files.isDirectory(published), "no " + published + " beside the repository");
    List<String> names = examples(published);
    assertThat(names).hasSizeGreaterThanOrEqualTo(21);
    for (String name : names) {
      assertSameTree(published.resolve(name), WorkedExamples.dir().resolve(name));
    }
    assertThat(read(WorkedExamples.dir().resolve("check_examples.py")))
        .as("check_examples.py")
        .isEqualTo(read(published.resolve("check_examples.py")));
  }

  @Test
  void partTwoExamplesInTheRepositoryMatchThePublishedOnes() {
    Path published = SHARED.resolve("examples-part-two");
    assumeTrue(Files.isDirectory(published), "no " + published + " beside the repository");
    for (String name : examples(published)) {
      Path copy = WorkedExamples.dir().resolve(name);
      if (Files.isDirectory(copy)) {
        assertSameTree(published.resolve(name), copy);
      }
    }
  }

  private static List<String> examples(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("expected.csv")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The landing tree and expected cells are the same files with the same bytes. */
  private static void assertSameTree(Path published, Path copy) {
    Map<String, byte[]> want = files(published);
    Map<String, byte[]> have = files(copy);
    assertThat(have.keySet()).as("files of " + copy).isEqualTo(want.keySet());
    for (Map.Entry<String, byte[]> e : want.entrySet()) {
      assertThat(have.get(e.getKey())).as(copy.resolve(e.getKey()).toString()).isEqualTo(e.getValue());
    }
  }

  private static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path p : paths) {
      String rel = root.relativize(p).toString();
      if (rel.equals("expected.csv") || rel.startsWith("landing")) {
        out.put(rel, read(p));
      }
    }
    return out;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
