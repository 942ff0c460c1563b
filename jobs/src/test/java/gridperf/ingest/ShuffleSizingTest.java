package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Ingest's shuffle partitions: one per 32 MB of fact files sorted, never below the configured
 * count.
 */
class ShuffleSizingTest {
  private static final long MIB = 1L << 20;

  @Test
  void smallBatchesKeepTheConfiguredCount() {
    assertThat(RunSettings.shufflePartitions(0, 8)).isEqualTo(8);
    assertThat(RunSettings.shufflePartitions(120 * MIB, 8)).isEqualTo(8);
    assertThat(RunSettings.shufflePartitions(256 * MIB, 8)).isEqualTo(8);
  }

  @Test
  void largeBatchesGetOnePartitionPer32MiB() {
    assertThat(RunSettings.shufflePartitions(256 * MIB + 1, 8)).isEqualTo(9);
    // (a scale-1 county's landing files measured 1,042 MiB: 33 partitions)
    assertThat(RunSettings.shufflePartitions(1_200 * MIB, 8)).isEqualTo(38);
  }

  @Test
  void aLargerConfiguredCountWinsAndTheCountIsCapped() {
    assertThat(RunSettings.shufflePartitions(1_200 * MIB, 200)).isEqualTo(200);
    assertThat(RunSettings.shufflePartitions(Long.MAX_VALUE / 2, 8)).isEqualTo(4000);
  }
}
