package gridperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/gridperf-bench}: for each scale, generates the landing data once (cached), then per
 * run times gridperf's full {@code ingest}, {@code build}, {@code score} and the incremental week
 * ({@code ingest} + {@code build}) as child JVMs, beside DuckDB doing the same conversion and
 * metrics on the same files with the same threads and memory; checks that both agree after the full
 * and the incremental build; writes JSON, a chart and a dated section of bench/results/history.md.
 */
@Command(
    name = "gridperf-bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark gridperf against DuckDB over scale factors (not a test).")
public final class Benchmark implements Callable<Integer> {
  @Option(names = "--scales", split = ",", description = "Scale factors (default: 0.1,0.3,1).")
  List<Double> scales = List.of(0.1, 0.3, 1.0);

  @Option(names = "--runs", description = "Runs per scale; medians are reported (default: 3).")
  int runs = 3;

  @Option(names = "--out", description = "Output folder (default: bench-out).")
  Path out = Path.of("bench-out");

  @Option(names = "--heap", description = "-Xmx of every stage JVM (default: 6g).")
  String heap = "6g";

  @Option(names = "--threads", description = "Spark local[N] and DuckDB threads (default: 2).")
  int threads = 2;

  @Option(names = "--seed", description = "Generator seed (default: 42).")
  long seed = 42;

  @Option(
      names = "--check",
      description =
          "all: every metric both compute must agree; core: only the core metrics (default: all).")
  String check = "all";

  @Option(
      names = "--profile",
      description =
          "Scales whose gridperf stages write Spark event logs for the stage profile: largest"
              + " (default), all or none. An event log adds about a tenth to a small job's time"
              + " (the plans of every adaptive re-optimisation are serialised), so only the scale"
              + " the report profiles pays it.")
  String profile = "largest";

  @Option(
      names = "--docs",
      description = "Markdown file to append to (default: bench/results/history.md).")
  Path docs;

  @Option(
      names = "--from-json",
      description =
          "Append bench/results/history.md and the chart from an earlier results JSON (and the event"
              + " logs still under --out) instead of running.")
  Path fromJson;

  @Option(names = "--no-docs", description = "Write the JSON only, not docs/ (for trial runs).")
  boolean noDocs;

  private boolean hasScore;

  private final Path home = Path.of(System.getProperty("gridperf.home", ".")).toAbsolutePath();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Benchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    out = out.toAbsolutePath();
    if (fromJson != null) {
      Report report = ResultsFile.load(fromJson, out);
      report.appendMarkdown(
          docs != null ? docs : home.resolve("bench/results/history.md"),
          home.resolve("docs/img/bench-scaling.png"),
          fromJson);
      System.out.println(report.summaryTable());
      return 0;
    }
    Map<String, Object> machine = Machine.describe();
    log("machine " + machine);
    Stages stages = new Stages(home, heap, threads);
    hasScore = stages.hasCommand("score", out.resolve("logs"));
    if (!hasScore) {
      log("this build has no `gridperf score` command: the score stage is skipped");
    }
    log("recording the launcher's class-data archive (a small demo, untimed)");
    stages.recordClassArchive(out.resolve("work"), out.resolve("logs/class-archive-demo.log"));
    List<StageResult> results = new ArrayList<>();
    Map<Double, ScaleData.Prepared> data = new LinkedHashMap<>();
    Map<Double, List<EventLogs.StageCost>> profiles = new LinkedHashMap<>();
    String startLoad = Machine.loadAverage();
    double largest = scales.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    for (double s : scales) {
      boolean profiled =
          switch (profile) {
            case "all" -> true;
            case "none" -> false;
            case "largest" -> s == largest;
            default ->
                throw new CommandLine.ParameterException(
                    new CommandLine(this), "--profile: largest, all or none, not " + profile);
          };
      ScaleData.Prepared d = ScaleData.prepare(home, out.resolve("data/sf" + s), s, seed);
      data.put(s, d);
      log(String.format("sf %s: %s", s, d.counts()));
      for (int run = 1; run <= runs; run++) {
        results.addAll(oneRun(stages, s, run, d, profiled));
      }
      if (profiled) {
        profiles.put(s, EventLogs.summarise(out.resolve("work/sf" + s + "/events")));
      }
    }
    machine.put("load_average_start", startLoad);
    machine.put("load_average_end", Machine.loadAverage());
    Map<Double, Map<String, Object>> counts = new LinkedHashMap<>();
    data.forEach((k, v) -> counts.put(k, Report.countsMap(v.counts())));
    Report report = new Report(machine, heap, threads, runs, results, counts, profiles);
    Path json = report.writeJson(out);
    log("results: " + json);
    if (!noDocs) {
      Path md = docs != null ? docs : home.resolve("bench/results/history.md");
      report.appendMarkdown(md, home.resolve("docs/img/bench-scaling.png"), json);
      log("appended to " + md);
    }
    System.out.println(report.summaryTable());
    return 0;
  }

  private List<StageResult> oneRun(
      Stages st, double s, int run, ScaleData.Prepared d, boolean profiled) throws Exception {
    Path work = out.resolve("work/sf" + s);
    deleteTree(work);
    Path landing = work.resolve("landing");
    Path lake = work.resolve("lake");
    Path logs = work.resolve("logs");
    Path events = work.resolve("events");
    Function<String, Path> ev = j -> profiled ? events.resolve(j) : null;
    LandingSplit.linkTree(d.base(), landing);
    long base = d.counts().baseSales() + d.counts().baseTouchpoints();
    long week = d.counts().weekSales() + d.counts().weekTouchpoints();
    List<StageResult> r = new ArrayList<>();
    String lk = lake.toString();
    Path refLanding = work.resolve("ref-landing");
    Path refWeek = work.resolve("ref-landing-week");
    log(String.format("sf %s run %d/%d (load %s)", s, run, runs, Machine.loadAverage()));
    // the two Spark anchors: what any Spark application costs, and Spark's own conversion floor
    r.add(
        timed(
            s,
            run,
            "spark-empty",
            0,
            st.spark(
                "empty", d.base(), work.resolve("spark-empty"), logs.resolve("spark-empty.log"))));
    r.add(
        timed(
            s,
            run,
            "spark-convert",
            base,
            st.spark(
                "convert",
                d.base(),
                work.resolve("spark-convert"),
                logs.resolve("spark-convert.log"))));
    r.add(
        timed(
            s,
            run,
            "duckdb-ingest",
            base,
            st.duck("ingest", d.base(), refLanding, logs.resolve("duckdb-ingest.log"))));
    r.add(
        timed(
            s,
            run,
            "ingest",
            base,
            st.gridperf(
                List.of("ingest", "--create-lake", "--landing", landing.toString(), "--lake", lk),
                work,
                ev.apply("ingest"),
                logs.resolve("ingest.log"))));
    r.add(
        timed(
            s,
            run,
            "build",
            base,
            st.gridperf(
                List.of("build", "--lake", lk),
                work,
                ev.apply("build"),
                logs.resolve("build.log"))));
    r.add(
        timed(
            s,
            run,
            "duckdb-build",
            base,
            st.duck("build", lake, work.resolve("ref-build"), logs.resolve("duckdb-build.log"))));
    check(st, lake, work.resolve("ref-build"), List.of(refLanding), logs.resolve("check.log"));
    if (hasScore) {
      r.add(
          timed(
              s,
              run,
              "score",
              base,
              st.gridperf(
                  List.of("score", "--lake", lk),
                  work,
                  ev.apply("score"),
                  logs.resolve("score.log"))));
    }
    LandingSplit.linkTree(d.week(), landing);
    r.add(
        timed(
            s,
            run,
            "duckdb-ingest-week",
            week,
            st.duck("ingest", d.week(), refWeek, logs.resolve("duckdb-ingest-week.log"))));
    r.add(
        timed(
            s,
            run,
            "ingest-week",
            week,
            st.gridperf(
                List.of("ingest", "--landing", landing.toString(), "--lake", lk),
                work,
                ev.apply("ingest-week"),
                logs.resolve("ingest-week.log"))));
    r.add(
        timed(
            s,
            run,
            "build-week",
            week,
            st.gridperf(
                List.of("build", "--lake", lk),
                work,
                ev.apply("build-week"),
                logs.resolve("build-week.log"))));
    r.add(
        timed(
            s,
            run,
            "duckdb-build-week",
            base + week,
            st.duck(
                "build",
                lake,
                work.resolve("ref-build-week"),
                logs.resolve("duckdb-build-week.log"))));
    check(
        st,
        lake,
        work.resolve("ref-build-week"),
        List.of(refLanding, refWeek),
        logs.resolve("check-week.log"));
    r.add(
        timed(
            s,
            run,
            "update-noop",
            0,
            st.gridperf(
                List.of("update", "--landing", landing.toString(), "--lake", lk),
                work,
                null,
                logs.resolve("update-noop.log"))));
    return r;
  }

  private void check(Stages st, Path lake, Path ref, List<Path> landingRefs, Path log)
      throws Exception {
    String refs = String.join(",", landingRefs.stream().map(Path::toString).toList());
    try {
      st.duck("check", lake, ref, log, refs, check);
    } catch (BenchmarkFailure e) {
      throw new BenchmarkFailure(
          "gridperf and DuckDB DISAGREE; the figures are void.\n" + Stages.tail(log, 60));
    }
    log("check ok: " + Stages.tail(log, 8).replace("\n", " | "));
  }

  private static StageResult timed(double s, int run, String stage, long rows, Measure m) {
    log(
        String.format(
            "  %-20s %8.1f s wall %8.1f s cpu %7.0f MiB peak",
            stage, m.wallSec(), m.cpuSec(), m.peakRssMib()));
    return new StageResult(s, stage, run, rows, m);
  }

  static void log(String msg) {
    System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + msg);
  }

  static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
