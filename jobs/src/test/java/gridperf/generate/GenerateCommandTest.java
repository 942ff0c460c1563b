package gridperf.generate;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, one-line errors, refusing a non-empty folder, parsing --years. */
class GenerateCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true));
    System.setErr(new PrintStream(e, true));
    try {
      int rc = Main.run(args);
      return new String[] {Integer.toString(rc), o.toString(), e.toString()};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void helpListsTheOptions() {
    String[] r = run("generate", "--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("--scale", "--out", "--years", "--seed", "--dirty-rate");
  }

  @Test
  void badArgumentsFailWithOneLine() throws Exception {
    String[] r =
        run(
            "generate",
            "--scale",
            "0.01",
            "--out",
            tmp.resolve("a").toString(),
            "--years",
            "2015-2011");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2].strip()).doesNotContain("\n").contains("--years");
    Files.writeString(tmp.resolve("b.txt"), "x");
    r = run("generate", "--scale", "0.01", "--out", tmp.toString());
    assertThat(r[0]).as("a usage error").isEqualTo("2");
    assertThat(r[2].strip()).doesNotContain("\n").contains("not empty");
    r = run("generate", "--scale", "-1", "--out", tmp.resolve("c").toString());
    assertThat(r[2].strip()).contains("--scale");
  }

  @Test
  void writesOneYearTree() throws Exception {
    Path out = tmp.resolve("land");
    String[] r =
        run(
            "generate",
            "--scale",
            "0.005",
            "--out",
            out.toString(),
            "--years",
            "2014",
            "--seed",
            "3");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("sales lines");
    assertThat(Landing.files(out, "sales")).allMatch(f -> f.startsWith("sales/2014/sales-2014-"));
    assertThat(Landing.files(out, "touchpoints")).hasSize(12);
    assertThat(Landing.files(out, "inspections")).hasSize(12);
    assertThat(out.resolve("master/targets.csv")).exists();
    assertThat(GenSpec.parseYears("2011-2015")).containsExactly(2011, 2015);
    assertThat(GenSpec.parseYears("2013")).containsExactly(2013, 2013);
  }
}
