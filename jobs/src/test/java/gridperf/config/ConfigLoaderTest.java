package gridperf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheContract() {
    GridperfConfig c = ConfigLoader.load(null, List.of());
    assertThat(c.business().timezone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(c.ingest().maxQuarantineRate()).isEqualTo(0.05);
    assertThat(c.landing().charsetOf("sales")).isEqualTo("auto");
    assertThat(c.lake().root()).isEqualTo("lake");
  }

  @Test
  void fileThenSetOverridesWin() throws Exception {
    Path f = dir.resolve("a.conf");
    Files.writeString(f, "lake.root = \"/data/lake\"\ningest.max_quarantine_rate = 0.2\n");
    GridperfConfig c = ConfigLoader.load(f.toString(), List.of("ingest.max_quarantine_rate=1"));
    assertThat(c.lake().root()).isEqualTo("/data/lake");
    assertThat(c.ingest().maxQuarantineRate()).isEqualTo(1.0);
  }

  @Test
  void sparkConfPassesThrough() {
    GridperfConfig c = ConfigLoader.load(null, List.of("spark.conf.\"spark.executor.memory\"=4g"));
    assertThat(c.spark().conf()).containsEntry("spark.executor.memory", "4g");
  }

  @Test
  void unknownKeyInFileIsRefusedNamingKeyAndFile() throws Exception {
    Path f = dir.resolve("typo.conf");
    Files.writeString(f, "ingest.max_quarantine_rat = 0.2\n");
    assertThatThrownBy(() -> ConfigLoader.load(f.toString(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.max_quarantine_rat")
        .hasMessageContaining("typo.conf");
  }

  @Test
  void unknownKeyInSetIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("lake.rot=x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lake.rot");
  }

  @Test
  void wrongTypeIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("ingest.max_quarantine_rate=lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.max_quarantine_rate");
  }

  @Test
  void badTimeZoneIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("business.timezone=Mars/Base")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("business.timezone");
  }

  @Test
  void missingFileIsRefusedNamingIt() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.conf").toString(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.conf");
  }

  @Test
  void shippedSettingsFilesLoad() {
    Path root = Path.of(System.getProperty("gridperf.project.root", ".."));
    assertThat(
            ConfigLoader.load(root.resolve("conf/local.conf").toString(), List.of()).lake().root())
        .isEqualTo("lake");
    assertThat(
            ConfigLoader.load(root.resolve("conf/cluster.conf").toString(), List.of())
                .lake()
                .root())
        .startsWith("hdfs:");
  }
}
