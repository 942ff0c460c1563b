package gridperf.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings gridperf gives a session, without starting one. */
class SparkTuningTest {
  @Test
  void listingParallelismFollowsShufflePartitionsNotSparksTenThousand() {
    GridperfConfig c = ConfigLoader.load(null, List.of("spark.shuffle_partitions=6"));
    Map<String, String> t = SparkSessions.tuning(c.spark());
    assertThat(t)
        .containsEntry("spark.sql.shuffle.partitions", "6")
        .containsEntry(SparkSessions.LISTING_PARALLELISM, "6")
        .containsEntry(SparkSessions.CODEGEN_CACHE_ENTRIES, SparkSessions.CODEGEN_CACHE_SIZE);
  }

  @Test
  void sparkConfWinsOverDerivedSettings() {
    GridperfConfig c =
        ConfigLoader.load(
            null,
            List.of(
                "spark.shuffle_partitions=6",
                "spark.conf.\"" + SparkSessions.LISTING_PARALLELISM + "\"=64",
                "spark.conf.\"" + SparkSessions.CODEGEN_CACHE_ENTRIES + "\"=100"));
    Map<String, String> t = SparkSessions.tuning(c.spark());
    assertThat(t)
        .containsEntry("spark.sql.shuffle.partitions", "6")
        .containsEntry(SparkSessions.LISTING_PARALLELISM, "64")
        .containsEntry(SparkSessions.CODEGEN_CACHE_ENTRIES, "100");
  }
}
