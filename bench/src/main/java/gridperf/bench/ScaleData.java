package gridperf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The landing data of one scale, generated once and cached under {@code data/sf<S>}: {@code
 * generated/} (the generator's tree), {@code base/} and {@code week/} ({@link LandingSplit}) and
 * {@code split.json} (their row counts). A folder without {@code split.json} is incomplete and is
 * made again.
 */
final class ScaleData {
  /** The base and week trees, their counts, and the generation cost when it ran now. */
  record Prepared(Path base, Path week, LandingSplit.Counts counts, Measure generate) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleData() {}

  static Prepared prepare(Path home, Path dir, double scale, long seed) throws Exception {
    Path splitFile = dir.resolve("split.json");
    Path base = dir.resolve("base");
    Path week = dir.resolve("week");
    if (Files.exists(splitFile)) {
      Map<?, ?> m = JSON.readValue(splitFile.toFile(), Map.class);
      LandingSplit.Counts c =
          new LandingSplit.Counts(
              LocalDate.parse((String) m.get("week_start")),
              ((Number) m.get("base_sales")).longValue(),
              ((Number) m.get("base_touchpoints")).longValue(),
              ((Number) m.get("week_sales")).longValue(),
              ((Number) m.get("week_touchpoints")).longValue());
      Benchmark.log("sf " + scale + ": cached data in " + dir);
      return new Prepared(base, week, c, null);
    }
    Benchmark.deleteTree(dir);
    Files.createDirectories(dir);
    Path generated = dir.resolve("generated");
    Benchmark.log("sf " + scale + ": generating into " + generated);
    Measure gen =
        ProcessTimer.run(
            List.of(
                home.resolve("bin/gridperf").toString(),
                "generate",
                "--scale",
                String.valueOf(scale),
                "--seed",
                String.valueOf(seed),
                "--out",
                generated.toString()),
            Map.of(),
            dir.resolve("generate.log"));
    if (gen.exitCode() != 0) {
      throw new BenchmarkFailure(
          "generate failed:\n" + Stages.tail(dir.resolve("generate.log"), 30));
    }
    LandingSplit.Counts c = LandingSplit.split(generated, base, week);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(
            splitFile.toFile(),
            Map.of(
                "scale", scale,
                "seed", seed,
                "week_start", c.weekStart().toString(),
                "base_sales", c.baseSales(),
                "base_touchpoints", c.baseTouchpoints(),
                "week_sales", c.weekSales(),
                "week_touchpoints", c.weekTouchpoints(),
                "generate_wall_s", gen.wallSec()));
    return new Prepared(base, week, c, gen);
  }
}
