package gridperf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four fair-scoring keys of the scoring file: defaults, the fair file, bad values. */
class FairScoringConfigTest {
  static String file(String name) throws Exception {
    return Files.readString(
        Path.of(System.getProperty("gridperf.project.root", ".."), "conf", name));
  }

  @Test
  void officialFileKeepsTheDefaultsAndTheFairFileTurnsAllFourOn() throws Exception {
    ScoringConfig official = ScoringConfig.parse(file("scoring.conf"), "scoring.conf");
    assertThat(official.fair()).isEqualTo(FairScoring.DEFAULTS);
    assertThat(official.fair().isDefault()).isTrue();
    ScoringConfig fair = ScoringConfig.parse(file("scoring-fair.conf"), "scoring-fair.conf");
    assertThat(fair.fair()).isEqualTo(new FairScoring(true, 3, 90, true));
    // everything else is the official file's
    assertThat(fair)
        .usingRecursiveComparison()
        .ignoringFields("source", "fair")
        .isEqualTo(official);
  }

  @Test
  void aFileWithoutTheKeysHasTheDefaults() throws Exception {
    String without =
        file("scoring.conf")
            .replaceAll("(?m)^(missing|min_peer_group|min_assigned_days|bonus_prorate) = .*$", "");
    assertThat(ScoringConfig.parse(without, "old.conf").fair()).isEqualTo(FairScoring.DEFAULTS);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "missing = zero|missing = skip|missing must be zero or reweight",
        "min_peer_group = 1|min_peer_group = 0|min_peer_group must be at least 1",
        "min_assigned_days = 0|min_assigned_days = -5|min_assigned_days must be within 0..366",
        "min_assigned_days = 0|min_assigned_days = 400|min_assigned_days must be within 0..366",
        "bonus_prorate = false|bonus_prorate = 12|bonus_prorate",
        "min_peer_group = 1|min_peer_group = three|min_peer_group",
      })
  void badValueIsRefusedNamingKeyAndFile(String from, String to, String message) throws Exception {
    String text = file("scoring.conf").replace(from, to);
    assertThat(text).contains(to);
    assertThatThrownBy(() -> ScoringConfig.parse(text, "bad.conf"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad.conf")
        .hasMessageContaining(message);
  }
}
