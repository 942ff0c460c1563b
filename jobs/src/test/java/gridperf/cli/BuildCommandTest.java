package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** build's arguments are checked before any Spark work. */
class BuildCommandTest {
  private static String stderrOf(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isNotZero();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void refusesFromAfterToInOneLine() {
    String err =
        stderrOf("build", "--from", "2015-03", "--to", "2015-01", "--lake", "/nonexistent");
    assertThat(err.strip()).isEqualTo("gridperf build: --from 2015-03 is after --to 2015-01");
  }

  @Test
  void refusesAMalformedMonth() {
    String err = stderrOf("build", "--from", "2015-13");
    assertThat(err.strip()).isEqualTo("gridperf build: --from must be YYYY-MM, got '2015-13'");
  }
}
