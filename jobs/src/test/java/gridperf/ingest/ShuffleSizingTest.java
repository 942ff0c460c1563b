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
    assertThat(IngestJob.shufflePartitions(0, 8)).isEqualTo(8);
    assertThat(IngestJob.shufflePartitions(120 * MIB, 8)).isEqualTo(8);
    assertThat(IngestJob.shufflePartitions(256 * MIB, 8)).isEqualTo(8);
  }

  @Test
  void largeBatchesGetOnePartitionPer32MiB() {
    assertThat(IngestJob.shufflePartitions(256 * MIB + 1, 8)).isEqualTo(9);
    // (a scale-1 county's landing files measured 1,042 MiB: 33 partitions)
    assertThat(IngestJob.shufflePartitions(1_200 * MIB, 8)).isEqualTo(38);
  }

  @Test
  void aLargerConfiguredCountWinsAndTheCountIsCapped() {
    assertThat(IngestJob.shufflePartitions(1_200 * MIB, 200)).isEqualTo(200);
    assertThat(IngestJob.shufflePartitions(Long.MAX_VALUE / 2, 8)).isEqualTo(4000);
  }
}
