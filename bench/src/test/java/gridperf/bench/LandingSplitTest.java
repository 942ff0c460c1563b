package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingSplitTest {
  @TempDir Path dir;

  @Test
  void theLastWeekLeavesTheBaseAsItsOwnFiles() throws Exception {
    Path gen = dir.resolve("gen");
    write(gen, "master/grids.csv", "grid_code,grid_name,station,market_type\n0101,a,b,urban\n");
    write(gen, "sales/2015/sales-2015-12-21.csv", "order_id,line_no\nO1,1\nO2,1\n");
    write(gen, "sales/2015/sales-2015-12-28.csv", "order_id,line_no\nO3,1\n\nO4,1\nO5,1\n");
    write(
        gen,
        "touchpoints/2015/touchpoints-2015-12.jsonl",
        "{\"event_id\":\"EV1\",\"ts\":\"2015-12-27T23:59:00+08:00\"}\n"
            // 17:30 UTC on the 27th is 01:30 on the 28th in Shanghai: the new week
            + "{\"event_id\":\"EV2\",\"ts\":\"2015-12-27T17:30:00Z\"}\n"
            + "{\"event_id\":\"EV3\",\"ts\":\"2015-12-31T10:00:00+08:00\"}\n");
    write(
        gen,
        "touchpoints/2015/touchpoints-2015-11.jsonl",
        "{\"event_id\":\"EV0\",\"ts\":\"2015-11-02T10:00:00+08:00\"}\n");

    LandingSplit.Counts c = LandingSplit.split(gen, dir.resolve("base"), dir.resolve("week"));

    assertThat(c).isEqualTo(new LandingSplit.Counts(LocalDate.of(2015, 12, 28), 2, 2, 3, 2));
    assertThat(files(dir.resolve("base")))
        .containsExactly(
            "master/grids.csv",
            "sales/2015/sales-2015-12-21.csv",
            "touchpoints/2015/touchpoints-2015-11.jsonl",
            "touchpoints/2015/touchpoints-2015-12.jsonl");
    assertThat(files(dir.resolve("week")))
        .containsExactly(
            "sales/2015/sales-2015-12-28.csv", "touchpoints/2015/touchpoints-2015-12-28.jsonl");
    assertThat(Files.readString(dir.resolve("base/touchpoints/2015/touchpoints-2015-12.jsonl")))
        .contains("EV1")
        .doesNotContain("EV2")
        .doesNotContain("EV3");
    assertThat(Files.readString(dir.resolve("week/touchpoints/2015/touchpoints-2015-12-28.jsonl")))
        .contains("EV2")
        .contains("EV3")
        .doesNotContain("EV1");
  }

  private static void write(Path root, String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static java.util.List<String> files(Path root) throws Exception {
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
