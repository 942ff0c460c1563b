package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals that happen before any Spark work: exit 2 (a usage error) and a one-line reason. */
class ScoreCommandTest {
  @TempDir Path dir;

  private String stderrOf(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(2);
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badScoringFileIsRefusedNamingTheKey() throws Exception {
    Path f = dir.resolve("bad.conf");
    Path official = Path.of(System.getProperty("gridperf.project.root", ".."), "conf/scoring.conf");
    Files.writeString(f, Files.readString(official).replace("weight = 0.25", "weight = -1"));
    assertThat(
            stderrOf(
                "score", "--lake", dir.toString(), "--scoring", f.toString(), "--scenario", "x"))
        .startsWith("gridperf score: ")
        .contains("components[0].weight must not be negative");
  }

  @Test
  void badScenarioNameIsRefused() {
    Path official = Path.of(System.getProperty("gridperf.project.root", ".."), "conf/scoring.conf");
    assertThat(
            stderrOf(
                "score",
                "--lake",
                dir.toString(),
                "--scoring",
                official.toString(),
                "--scenario",
                "a b"))
        .contains("bad scenario name 'a b'");
    assertThat(
            stderrOf(
                "statement",
                "--lake",
                dir.toString(),
                "--manager",
                "M1",
                "--year",
                "2015",
                "--scoring",
                official.toString(),
                "--scenario",
                "x;y"))
        .contains("bad scenario name");
  }
}
