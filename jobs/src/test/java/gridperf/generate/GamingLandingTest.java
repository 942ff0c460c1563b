package gridperf.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridperf.job.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code generate --gaming-rate}: without gaming the tree is byte for byte the one written without
 * the option; with it, the manifest lists the planted (manager, month, pattern) triples and the
 * files show exactly those patterns under the default integrity thresholds (counted here from the
 * files, by the manager the event names and the retailer's month of one-carton orders).
 */
class GamingLandingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path generate(GenSpec spec, double rate) throws Exception {
    Path dir = Files.createTempDirectory("gridperf-gaming");
    new Generator(spec, dir, Progress.silent("generate"), 2, rate).run();
    return dir;
  }

  @Test
  void zeroGamingRateWritesTheTreeOfNoOption() throws Exception {
    Path none = Landing.clean();
    Path zero = generate(Landing.CLEAN, 0);
    List<String> files = Landing.files(none, "");
    assertThat(Landing.files(zero, "")).isEqualTo(files);
    for (String f : files) {
      assertThat(Files.readAllBytes(zero.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(none.resolve(f)));
    }
  }

  @Test
  void plantedPatternsAreListedAndAreTheOnlyOnesInTheFiles() throws Exception {
    Path root = generate(new GenSpec(0.1, 2014, 2014, 11, 0), 0.4);
    JsonNode manifest = JSON.readTree(root.resolve("manifest.json").toFile());
    Set<String> planted = new TreeSet<>();
    for (JsonNode g : manifest.get("gaming")) {
      planted.add(
          g.get("manager_code").asText()
              + " "
              + g.get("month").asText()
              + " "
              + g.get("pattern").asText());
    }
    assertThat(manifest.get("gaming_rate").asDouble()).isEqualTo(0.4);
    assertThat(planted).isNotEmpty();
    assertThat(planted.stream().map(p -> p.substring(0, 4)).distinct().count())
        .isEqualTo(1); // 0.4 × 3 managers

    Map<String, int[]> visits = new HashMap<>(); // manager month → visits, late, short
    Map<String, Integer> perDay = new HashMap<>();
    try (var files = Files.walk(root.resolve("touchpoints"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode o = JSON.readTree(line);
          if (!o.get("channel").asText().equals("visit")) {
            continue;
          }
          LocalDate day = LocalDate.parse(o.get("ts").asText().substring(0, 10));
          String key = o.get("manager_code").asText() + " " + YearMonth.from(day);
          int[] c = visits.computeIfAbsent(key, k -> new int[3]);
          c[0]++;
          c[1] += day.getDayOfMonth() > day.lengthOfMonth() - 3 ? 1 : 0;
          JsonNode d = o.get("duration_min");
          c[2] += d == null || !d.isNumber() || d.asDouble() < 3 ? 1 : 0;
          perDay.merge(key + " " + o.get("retailer_code").asText() + " " + day, 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> repeats = new HashMap<>();
    perDay.forEach(
        (k, n) ->
            repeats.merge(
                k.substring(0, k.lastIndexOf(' ', k.lastIndexOf(' ') - 1)), n - 1, Integer::sum));
    Set<String> found = new TreeSet<>();
    visits.forEach(
        (k, c) -> {
          if (c[0] >= 10 && c[1] >= 0.5 * c[0]) {
            found.add(k + " VISIT_BUNCHING");
          }
          if (c[0] >= 10 && c[2] >= 0.25 * c[0]) {
            found.add(k + " SHORT_VISITS");
          }
          int r = repeats.getOrDefault(k, 0);
          if (r >= 5 && r >= 0.1 * c[0]) {
            found.add(k + " REPEAT_VISITS");
          }
        });

    // one-carton months: retailer → month → (lines, net, all in the last 3 days)
    Map<String, long[]> shopMonths = new HashMap<>();
    try (var files = Files.walk(root.resolve("sales"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
          String[] p = line.split(",");
          LocalDate day = LocalDate.parse(p[2]);
          long[] c = shopMonths.computeIfAbsent(p[3] + " " + YearMonth.from(day), k -> new long[2]);
          c[0] += Long.parseLong(p[5]);
          c[1] += day.getDayOfMonth() > day.lengthOfMonth() - 3 ? 0 : 1;
        }
      }
    }
    Set<String> tokenMonths = new HashSet<>();
    Map<String, Integer> tokens = new HashMap<>();
    shopMonths.forEach(
        (k, c) -> {
          if (c[0] == 1 && c[1] == 0) {
            tokens.merge(k.substring(k.indexOf(' ') + 1), 1, Integer::sum);
          }
        });
    tokens.forEach((month, n) -> tokenMonths.add(month + " " + n));
    Set<String> plantedTokens = new TreeSet<>();
    for (String p : planted) {
      if (p.endsWith("TOKEN_ORDERS")) {
        plantedTokens.add(p.split(" ")[1]);
      } else {
        assertThat(found).as("planted " + p).contains(p);
      }
    }
    // every planted visit pattern shows, and nothing else does
    assertThat(found).allMatch(planted::contains);
    // token orders: at least 4 shops in a planted month, none in another month
    tokens.forEach(
        (month, n) ->
            assertThat(plantedTokens).as(month + ": " + n + " one-carton shops").contains(month));
    for (String month : plantedTokens) {
      assertThat(tokens.getOrDefault(month, 0)).as(month).isGreaterThanOrEqualTo(4);
    }
  }
}
