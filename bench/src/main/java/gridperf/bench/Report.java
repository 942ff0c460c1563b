package gridperf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The benchmark's results: medians per scale and stage, ratios, growth, JSON and markdown. */
final class Report {
  /** Stage order in tables and the chart. */
  static final List<String> STAGES =
      List.of(
          "spark-empty",
          "spark-convert",
          "ingest",
          "duckdb-ingest",
          "build",
          "duckdb-build",
          "score",
          "ingest-week",
          "duckdb-ingest-week",
          "build-week",
          "duckdb-build-week",
          "update-noop");

  /** Median of the runs of one stage at one scale. */
  record Summary(
      double scale,
      String stage,
      int runs,
      long rows,
      double wallSec,
      double cpuSec,
      double peakRssMib) {
    double rowsPerSec() {
      return rows / wallSec;
    }
  }

  private final Map<String, Object> machine;
  private final String heap;
  private final int threads;
  private final int runs;
  private final List<StageResult> results;
  private final Map<Double, Map<String, Object>> data;
  private final Map<Double, List<EventLogs.StageCost>> profiles;
  private final String stamp =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

  Report(
      Map<String, Object> machine,
      String heap,
      int threads,
      int runs,
      List<StageResult> results,
      Map<Double, Map<String, Object>> data,
      Map<Double, List<EventLogs.StageCost>> profiles) {
    this.machine = machine;
    this.heap = heap;
    this.threads = threads;
    this.runs = runs;
    this.results = results;
    this.data = data;
    this.profiles = profiles;
  }

  /** Medians by scale, then stage in {@link #STAGES} order. */
  static List<Summary> summarise(List<StageResult> results) {
    Map<Double, Map<String, List<StageResult>>> by = new TreeMap<>();
    for (StageResult r : results) {
      by.computeIfAbsent(r.scale(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.stage(), k -> new ArrayList<>())
          .add(r);
    }
    List<Summary> out = new ArrayList<>();
    for (Map.Entry<Double, Map<String, List<StageResult>>> s : by.entrySet()) {
      for (String stage : STAGES) {
        List<StageResult> rs = s.getValue().get(stage);
        if (rs == null) {
          continue;
        }
        out.add(
            new Summary(
                s.getKey(),
                stage,
                rs.size(),
                rs.get(0).rows(),
                Stats.median(rs.stream().map(r -> r.measure().wallSec()).toList()),
                Stats.median(rs.stream().map(r -> r.measure().cpuSec()).toList()),
                rs.stream().mapToDouble(r -> r.measure().peakRssMib()).max().orElse(0)));
      }
    }
    return out;
  }

  /** Growth exponent per stage: log-log slope of median wall time against rows fed. */
  static Map<String, Double> growth(List<Summary> sums) {
    Map<String, Double> g = new LinkedHashMap<>();
    for (String stage : STAGES) {
      List<Summary> s = sums.stream().filter(x -> x.stage().equals(stage)).toList();
      if (s.size() < 2) {
        continue;
      }
      g.put(
          stage,
          Stats.growthExponent(
              s.stream().mapToDouble(Summary::rows).toArray(),
              s.stream().mapToDouble(Summary::wallSec).toArray()));
    }
    return g;
  }

  /**
   * Ratios of median wall time per scale: gridperf to DuckDB, to a bare Spark conversion of the
   * same files, and to an empty Spark application (the floor under any run).
   */
  static Map<Double, Map<String, Double>> ratios(List<Summary> sums) {
    Map<Double, Map<String, Double>> out = new TreeMap<>();
    for (double scale : new TreeSet<>(sums.stream().map(Summary::scale).toList())) {
      Map<String, Double> w = new LinkedHashMap<>();
      for (Summary s : sums) {
        if (s.scale() == scale) {
          w.put(s.stage(), s.wallSec());
        }
      }
      Map<String, Double> r = new LinkedHashMap<>();
      ratio(r, "full_ingest_vs_duckdb", w.get("ingest"), w.get("duckdb-ingest"));
      ratio(r, "full_build_vs_duckdb", w.get("build"), w.get("duckdb-build"));
      ratio(r, "week_ingest_vs_duckdb", w.get("ingest-week"), w.get("duckdb-ingest-week"));
      ratio(r, "week_build_vs_full_build", w.get("build-week"), w.get("build"));
      ratio(
          r,
          "week_build_vs_duckdb_full_recompute",
          w.get("build-week"),
          w.get("duckdb-build-week"));
      ratio(r, "full_ingest_vs_bare_spark", w.get("ingest"), w.get("spark-convert"));
      ratio(r, "full_build_vs_bare_spark", w.get("build"), w.get("spark-convert"));
      ratio(r, "noop_update_vs_empty_spark", w.get("update-noop"), w.get("spark-empty"));
      if (w.get("ingest-week") != null && w.get("build-week") != null) {
        r.put("week_ingest_plus_build_s", w.get("ingest-week") + w.get("build-week"));
        if (w.get("ingest") != null && w.get("build") != null) {
          r.put(
              "week_vs_full_ingest_plus_build",
              (w.get("ingest-week") + w.get("build-week")) / (w.get("ingest") + w.get("build")));
        }
      }
      out.put(scale, r);
    }
    return out;
  }

  private static void ratio(Map<String, Double> r, String name, Double a, Double b) {
    if (a != null && b != null && b > 0) {
      r.put(name, a / b);
    }
  }

  Path writeJson(Path out) throws IOException {
    List<Summary> sums = summarise(results);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("timestamp", stamp);
    root.put("machine", machine);
    root.put("settings", Map.of("heap", heap, "threads", threads, "runs", runs));
    Map<String, Object> ds = new LinkedHashMap<>();
    data.forEach((k, v) -> ds.put(String.valueOf(k), v));
    root.put("data", ds);
    root.put("runs", results);
    root.put("medians", sums);
    root.put("ratios", ratios(sums));
    root.put("growth_exponent", growth(sums));
    Map<String, Object> prof = new LinkedHashMap<>();
    profiles.forEach((k, v) -> prof.put(String.valueOf(k), v.stream().limit(10).toList()));
    root.put("top_spark_stages", prof);
    Files.createDirectories(out);
    Path file = out.resolve("results-" + stamp + ".json");
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  /** The per-scale row counts of a split, as the JSON carries them. */
  static Map<String, Object> countsMap(LandingSplit.Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("week_start", c.weekStart().toString());
    m.put("base_sales", c.baseSales());
    m.put("base_touchpoints", c.baseTouchpoints());
    m.put("week_sales", c.weekSales());
    m.put("week_touchpoints", c.weekTouchpoints());
    return m;
  }

  /** The medians as a markdown table (also printed at the end of a run). */
  String summaryTable() {
    StringBuilder b = new StringBuilder();
    b.append("| scale | stage | rows fed | wall s (median) | CPU s | peak RSS MiB | rows/s |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (Summary s : summarise(results)) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %.1f | %.1f | %.0f | %,.0f |%n",
              s.scale(),
              s.stage(),
              s.rows(),
              s.wallSec(),
              s.cpuSec(),
              s.peakRssMib(),
              s.rowsPerSec()));
    }
    return b.toString();
  }

  void appendMarkdown(Path md, Path chart, Path json) throws IOException {
    List<Summary> sums = summarise(results);
    ScalingChart.write(sums, chart);
    StringBuilder b = new StringBuilder("\n");
    b.append("## pipeline benchmark — ").append(stamp).append("\n\n");
    b.append("Command: `bin/gridperf-bench --scales ")
        .append(String.join(",", data.keySet().stream().map(String::valueOf).toList()))
        .append(" --runs ")
        .append(runs)
        .append("` (results: `bench-out/")
        .append(json.getFileName())
        .append("`, not committed).\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "Machine: %s cores, %s GiB RAM, %s, %s. Spark `local[%d]`, DuckDB `threads=%d`, every"
                + " stage a fresh JVM with `-Xmx%s` (DuckDB `memory_limit` the same). Load average"
                + " (1/5/15 min) at start %s, at end %s.%n%n",
            machine.get("cores"),
            machine.get("memory_gib"),
            machine.get("jvm"),
            machine.get("os"),
            threads,
            threads,
            heap,
            machine.get("load_average_start"),
            machine.get("load_average_end")));
    b.append("Medians of ").append(runs).append(" runs (peak RSS: the largest of the runs):\n\n");
    b.append(summaryTable()).append("\n");
    b.append("Ratios (median wall time):\n\n| scale | ratio | value |\n|---|---|---|\n");
    ratios(sums)
        .forEach(
            (s, r) ->
                r.forEach(
                    (k, v) ->
                        b.append(String.format(Locale.ROOT, "| %s | %s | %.2f |%n", s, k, v))));
    b.append("\nGrowth exponent (log-log slope of wall time against rows fed; 1 = linear):\n\n");
    b.append("| stage | exponent |\n|---|---|\n");
    growth(sums).forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.2f |%n", k, v)));
    b.append("\n![scaling curve](img/").append(chart.getFileName()).append(")\n\n");
    double top = data.keySet().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<EventLogs.StageCost> prof = profiles.getOrDefault(top, List.of());
    b.append("Most expensive Spark stages at scale ")
        .append(top)
        .append(" (last run, from the event logs):\n\n")
        .append(
            "| job | Spark stage | s | tasks | executor run s | shuffle write MiB |"
                + " spill MiB | SQL execution | physical plan operators |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (EventLogs.StageCost c : prof.stream().limit(5).toList()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d `%s` | %.1f | %d | %.1f | %.1f | %.1f | %s | %s |%n",
              c.job(),
              c.stageId(),
              c.name(),
              c.durationMs() / 1000.0,
              c.tasks(),
              c.executorRunMs() / 1000.0,
              c.shuffleWriteBytes() / 1048576.0,
              c.spillBytes() / 1048576.0,
              cell(c.sql()),
              cell(c.operators())));
    }
    Files.createDirectories(md.getParent());
    Files.writeString(
        md,
        b.toString(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static String cell(String s) {
    String t = s.replace("|", "\\|").replace("\n", " ");
    return t.length() > 90 ? t.substring(0, 90) + "…" : t;
  }
}
