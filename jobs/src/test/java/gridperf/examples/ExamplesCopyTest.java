package gridperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gridperf.testing.WorkedExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checker kept in the repository (it checks this repository's own examples without {@code
 * ../shared}) is byte-for-byte the one published with the contract's examples, when that folder is
 * beside the repository. The published examples themselves are read from there, not copied.
 */
class ExamplesCopyTest {
  @Test
  void theCheckerIsThePublishedOne() throws IOException {
    Path published = WorkedExamples.publishedDirs().get(0).resolve("check_examples.py");
    assumeTrue(Files.isRegularFile(published), "no " + published + " beside the repository");
    assertThat(Files.readString(WorkedExamples.dir().resolve("check_examples.py")))
        .as("check_examples.py")
        .isEqualTo(Files.readString(published));
  }
}
