package gridperf.serve;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.analyst.SmallLake;
import gridperf.lakehouse.Lake;
import gridperf.testing.SparkTestBase;
import gridperf.testing.WorkedExamples;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java client commands of docs/analysts.md run as written: against a served lake on loopback,
 * Maven writes the client's classpath and {@code docs/connect/ConnectClient.java} prints the
 * scorecard (on Java 17 it needs the one {@code --add-opens} the doc gives).
 */
class ConnectClientSnippetTest extends SparkTestBase {
  static final String CLASSPATH =
      "mvn -q -f docs/connect/pom.xml dependency:build-classpath -Dmdep.outputFile=connect-classpath.txt";
  static final String RUN =
      "java --add-opens=java.base/java.nio=ALL-UNNAMED -cp \"$(cat docs/connect/connect-classpath.txt)\""
          + " docs/connect/ConnectClient.java sc://127.0.0.1:15002";

  @Test
  void theDocumentedClientCommandsPrintTheServedScorecard() throws Exception {
    Path root = WorkedExamples.projectRoot();
    String doc = Files.readString(root.resolve("docs/analysts.md"), StandardCharsets.UTF_8);
    assertThat(doc).contains(CLASSPATH).contains(RUN);

    Lake lake = SmallLake.write(spark(), newDir("connect-lake").toString());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ConnectServer server = ConnectServer.start(lake, "127.0.0.1", port)) {
      String script = CLASSPATH + " && " + RUN.replace(":15002", ":" + port);
      Process p =
          new ProcessBuilder("bash", "-c", script)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      List<String> lines = out.lines().toList();
      assertThat(lines).anyMatch(l -> l.contains("manager_code") && l.contains("tier"));
      assertThat(lines).anyMatch(l -> l.contains("M017"));
    }
  }
}
