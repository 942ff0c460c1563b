package gridperf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scoring file is validated on load; a bad one is refused naming the key and the file. */
class ScoringConfigTest {
  @TempDir Path dir;

  static String official() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("gridperf.project.root", ".."), "conf/scoring.conf"));
  }

  @Test
  void officialFileIsTheDesignDefaults() throws Exception {
    ScoringConfig c = ScoringConfig.parse(official(), "scoring.conf");
    assertThat(c.components())
        .extracting(ScoringConfig.Component::name)
        .containsExactly(
            "attainment", "growth", "structure", "activity", "service", "experience", "complaints");
    assertThat(c.components().get(6).higherIsBetter()).isFalse();
    assertThat(c.components())
        .extracting(ScoringConfig.Component::weight)
        .containsExactly(0.25, 0.15, 0.15, 0.10, 0.15, 0.10, 0.10);
    assertThat(new double[] {c.segmentA(), c.segmentB(), c.tierA(), c.tierB(), c.tierC()})
        .containsExactly(0.2, 0.5, 0.2, 0.5, 0.9);
    assertThat(c.classes()).isEqualTo(ServiceClasses.defaults());
    assertThat(c.visitsOwed("A")).isEqualTo(4);
    assertThat(c.visitsOwed("C")).isEqualTo(1);
    assertThat(c.baseBonusYuan()).isEqualTo(10000.0);
    assertThat(c.multipliers()).containsEntry("A", 1.5).containsEntry("D", 0.6);
    assertThat(c.standards()).isEqualTo(new StandardsConfig(2, 1.0, 0.90, "none"));
    // a scoring file without the section (an older what-if) has the same standards, no gate
    String without = official().substring(0, official().indexOf("# Service standards"));
    assertThat(ScoringConfig.parse(without, "old.conf").standards()).isEqualTo(c.standards());
    assertThat(
            ScoringConfig.parse(official().replace("gate_tier = none", "gate_tier = B"), "b.conf")
                .standards()
                .gated())
        .isTrue();
    assertThat(ScoringConfig.defaults())
        .usingRecursiveComparison()
        .ignoringFields("source")
        .isEqualTo(c);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("weight = 0.25", "weight = -0.25", "components[0].weight"),
        Arguments.of("metric = volume_yoy", "metric = volume_growth", "components[1].metric"),
        Arguments.of("better = lower", "better = less", "components[6].better"),
        Arguments.of(
            "tiers { a = 0.2, b = 0.5, c = 0.9 }", "tiers { a = 0.5, b = 0.2, c = 0.9 }", "tiers"),
        Arguments.of(
            "tiers { a = 0.2, b = 0.5, c = 0.9 }", "tiers { a = 0.2, b = 0.5, c = 1.5 }", "tiers"),
        Arguments.of("segments { a = 0.2, b = 0.5 }", "segments { a = 0.5, b = 0.5 }", "segments"),
        Arguments.of(
            "base_bonus_yuan = 10000", "base_bonus_yuan = 10000\nbonus_pool = 5", "bonus_pool"),
        Arguments.of(
            "service_menu { A = 4, B = 2, C = 1 }",
            "service_menu { A = 4, B = 2, C = 1, D = 0 }",
            "service_menu.D"),
        Arguments.of(
            "service_menu { A = 4, B = 2, C = 1 }",
            "service_menu { A = 4, B = -2, C = 1 }",
            "service_menu.B"),
        Arguments.of(
            "service_menu { A = 4, B = 2, C = 1 }",
            "service_menu { A { visit = 2, fax = 1 }, B = 2, C = 1 }",
            "service_menu.A.fax"),
        Arguments.of(
            "{ name = A, segments = [A] }", "{ name = A, segments = [AA] }", "classes[0].segments"),
        Arguments.of(
            "{ name = A, segments = [A] }",
            "{ name = A, formats = [kiosk] }",
            "classes[0].formats"),
        Arguments.of(
            "{ name = B, segments = [B] }",
            "{ name = B, market_types = [city] }",
            "classes[1].market_types"),
        Arguments.of(
            "{ name = C, segments = [C] }", "{ name = C, scales = [huge] }", "classes[2].scales"),
        Arguments.of(
            "{ name = A, segments = [A] }", "{ name = A, grades = [0, 5] }", "classes[0].grades"),
        Arguments.of(
            "{ name = A, segments = [A] }", "{ name = A, grades = [9, 5] }", "classes[0].grades"),
        Arguments.of(
            "{ name = A, segments = [A] }", "{ name = A, grades = [5, 31] }", "classes[0].grades"),
        Arguments.of(
            "{ name = A, segments = [A] }", "{ name = A, colour = [red] }", "classes[0].colour"),
        Arguments.of(
            "{ name = C, segments = [C] }", "{ name = A, segments = [C] }", "classes[2].name"),
        Arguments.of(
            "{ name = C, segments = [C] }", "{ name = K, segments = [C] }", "service_menu.C"),
        Arguments.of("multipliers { A = 1.5,", "multipliers { A = -1.5,", "multipliers.A"),
        Arguments.of(
            "weight = 0.25, better", "weight = 0.25, wieght = 1, better", "components[0].wieght"),
        Arguments.of("gate_tier = none", "gate_tier = E", "standards.gate_tier"),
        Arguments.of(
            "min_spot_pass_rate = 0.90", "min_spot_pass_rate = 90", "standards.min_spot_pass_rate"),
        Arguments.of(
            "min_self_check_month_share = 1.0",
            "min_self_check_month_share = -0.5",
            "standards.min_self_check_month_share"),
        Arguments.of(
            "self_checks_per_month = 2",
            "self_checks_per_month = -1",
            "standards.self_checks_per_month"),
        Arguments.of("gate_tier = none", "gate_tier = none\n  gate = B", "standards.gate"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badFiles")
  void badFileIsRefusedNamingTheKeyAndFile(String from, String to, String key) throws Exception {
    String text = official();
    assertThat(text).contains(from);
    Path f = dir.resolve("what-if.conf");
    Files.writeString(
        f,
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    assertThatThrownBy(() -> ScoringConfig.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("what-if.conf");
  }

  @Test
  void perChannelMenuAndClassRulesAreRead() {
    String text =
        "classes = [\n"
            + "  { name = big_town, segments = [A, B], market_types = [town], scales = [large] }\n"
            + "  { name = graded, grades = [10, 20] }\n"
            + "]\n"
            + "service_menu { big_town { visit = 2, remote = 2 }, graded = 1 }\n";
    ServiceClasses c =
        ServiceClasses.parse(com.typesafe.config.ConfigFactory.parseString(text), "x.conf");
    assertThat(c.classNames()).containsExactly("big_town", "graded", "unclassified");
    assertThat(c.menuOf("big_town"))
        .containsExactly(java.util.Map.entry("visit", 2), java.util.Map.entry("remote", 2));
    assertThat(c.owed("graded", "visit")).isEqualTo(1);
    assertThat(c.owesSomething("unclassified")).isFalse();
    assertThat(c.classify("B", "town", "grocery", "large", 3)).isEqualTo("big_town");
    assertThat(c.classify("B", "urban", "grocery", "large", 20)).isEqualTo("graded");
    assertThat(c.classify("B", "urban", "grocery", "large", 21)).isEqualTo("unclassified");
  }

  @Test
  void conformingClassesFileInConfIsValid() throws Exception {
    ScoringConfig c =
        ScoringConfig.load(
            Path.of(System.getProperty("gridperf.project.root", ".."), "conf/scoring-classes.conf")
                .toString());
    assertThat(c.classes().rules()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(c.classes().menu().values())
        .anyMatch(m -> m.containsKey("visit") && m.containsKey("remote"));
  }

  @Test
  void allZeroWeightsAreRefused() throws Exception {
    Path f = dir.resolve("zero.conf");
    Files.writeString(f, official().replaceAll("weight = 0\\.[0-9]+", "weight = 0"));
    assertThatThrownBy(() -> ScoringConfig.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("components")
        .hasMessageContaining("all zero");
  }

  @Test
  void missingFileIsRefusedNamingIt() {
    assertThatThrownBy(() -> ScoringConfig.load(dir.resolve("nope.conf").toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.conf");
  }
}
