package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeReportTest {
  @Test
  void readsWallCpuPeakAndExitFromGnuTime() {
    Measure m =
        TimeReport.parse(
            List.of(
                "\tCommand being timed: \"bin/gridperf ingest --lake x\"",
                "\tUser time (seconds): 19.40",
                "\tSystem time (seconds): 3.91",
                "\tPercent of CPU this job got: 37%",
                "\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.70",
                "\tMaximum resident set size (kbytes): 1394616",
                "\tExit status: 0"));
    assertThat(m.wallSec()).isCloseTo(62.70, within(1e-9));
    assertThat(m.cpuSec()).isCloseTo(23.31, within(1e-9));
    assertThat(m.peakRssKb()).isEqualTo(1394616);
    assertThat(m.exitCode()).isZero();
  }

  @Test
  void hoursInTheClock() {
    assertThat(TimeReport.clockSeconds("1:02:03")).isEqualTo(3723.0);
    assertThat(TimeReport.clockSeconds("0:05.31")).isCloseTo(5.31, within(1e-9));
  }

  @Test
  void refusesAnIncompleteReport() {
    assertThatThrownBy(() -> TimeReport.parse(List.of("User time (seconds): 1.0")))
        .hasMessageContaining("not a complete `time -v` report");
  }
}
