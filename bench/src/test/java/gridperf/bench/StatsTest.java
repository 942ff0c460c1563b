package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
  }

  @Test
  void growthExponentIsTheLogLogSlope() {
    double[] x = {0.1, 0.3, 1, 3};
    assertThat(Stats.growthExponent(x, new double[] {0.3, 0.9, 3, 9})).isCloseTo(1, within(1e-12));
    assertThat(Stats.growthExponent(x, new double[] {0.01, 0.09, 1, 9}))
        .isCloseTo(2, within(1e-12));
    // a fixed start-up cost bends the curve below linear: 10 s + 20 s per scale unit
    assertThat(Stats.growthExponent(x, new double[] {12, 16, 30, 70})).isBetween(0.4, 0.6);
  }

  @Test
  void oneScaleHasNoSlope() {
    assertThat(Stats.growthExponent(new double[] {1, 1}, new double[] {2, 3})).isNaN();
  }

  @Test
  void ratiosAndGrowthFromRuns() {
    List<StageResult> runs =
        List.of(
            new StageResult(0.1, "ingest", 1, 100, new Measure(12, 10, 1, 1024, 0)),
            new StageResult(0.1, "ingest", 2, 100, new Measure(10, 10, 1, 2048, 0)),
            new StageResult(0.1, "ingest", 3, 100, new Measure(11, 10, 1, 1024, 0)),
            new StageResult(0.1, "duckdb-ingest", 1, 100, new Measure(2, 2, 0, 512, 0)),
            new StageResult(1.0, "ingest", 1, 1000, new Measure(110, 100, 5, 4096, 0)),
            new StageResult(1.0, "duckdb-ingest", 1, 1000, new Measure(20, 20, 1, 512, 0)));
    List<Report.Summary> sums = Report.summarise(runs);
    assertThat(sums.get(0).wallSec()).isEqualTo(11);
    assertThat(sums.get(0).peakRssMib()).isEqualTo(2);
    assertThat(Report.ratios(sums).get(0.1).get("full_ingest_vs_duckdb")).isEqualTo(5.5);
    assertThat(Report.ratios(sums).get(1.0).get("full_ingest_vs_duckdb")).isEqualTo(5.5);
    assertThat(Report.growth(sums).get("ingest")).isCloseTo(1, within(1e-12));
  }
}
