package gridperf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import gridperf.testing.SparkTestBase;
import gridperf.testing.WorkedExamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Every worked example of {@code jobs/src/test/examples}, in-process: for each a fresh lake, one
 * ingest over its landing tree, then build and score when it checks a table they write (all in one
 * {@code update}, as scheduled), every table it checks exported with {@code export --format csv},
 * then {@code check_examples.py} over all of them. Fails with the checker's list of differing
 * cells.
 *
 * <p>Examples run a few at a time, each thread in its own Spark session (own catalog and settings)
 * over the shared SparkContext: tiny Delta jobs wait mostly on the driver.
 */
class WorkedExamplesTest extends SparkTestBase {
  /** The gold tables the examples check. */
  static final List<String> GOLD_TABLES =
      List.of(
          "perf_manager",
          "perf_grid",
          "perf_category",
          "perf_cube",
          "retailer_segment",
          "manager_scorecard");

  /** Tables an ingest alone writes: an example naming only these needs no build. */
  private static final List<String> INGEST_TABLES = List.of("quarantine", "ingest_files");

  /** Tables whose cells depend on the score step. */
  private static final List<String> SCORE_TABLES =
      List.of("retailer_segment", "manager_scorecard", "scorecard_adjustment");

  private static final int THREADS = 3;

  static Path examplesDir() {
    return WorkedExamples.dir();
  }

  @Test
  void everyWorkedExampleMatchesItsExpectedCells() throws Exception {
    SparkSession shared = spark();
    Path checker = examplesDir().resolve("check_examples.py");
    assertThat(checker).exists();
    Path out = newDir("examples-out");
    List<Path> folders = WorkedExamples.examples();
    // the contract's 30 published examples and this repository's 7
    assertThat(folders).hasSizeGreaterThanOrEqualTo(37);
    // -Dgridperf.examples=a,b runs only those (while working on one rule); the build runs all
    String only = System.getProperty("gridperf.examples", "");
    if (!only.isBlank()) {
      List<String> names = List.of(only.split(","));
      folders = folders.stream().filter(f -> names.contains(f.getFileName().toString())).toList();
      assertThat(folders).as("examples named by gridperf.examples").hasSize(names.size());
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger threads = new AtomicInteger();
    ThreadLocal<SparkSession> own =
        ThreadLocal.withInitial(
            () -> {
              // sessions share the catalog's databases: each thread registers tables in its own
              SparkSession s = shared.newSession();
              String db = "examples_" + threads.incrementAndGet();
              s.sql("CREATE DATABASE IF NOT EXISTS " + db);
              s.sql("USE " + db);
              return s;
            });
    List<Future<?>> runs = new ArrayList<>();
    for (Path ex : folders) {
      runs.add(
          pool.submit(
              () -> {
                SparkSession.setActiveSession(own.get());
                runExample(ex, out.resolve(ex.getFileName().toString()));
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : runs) {
      f.get();
    }
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    List<String> names = folders.stream().map(f -> f.getFileName().toString()).toList();
    Process p =
        new ProcessBuilder(
                "python3",
                checker.toString(),
                examplesDir().toString(),
                out.toString(),
                "--only",
                String.join(",", names))
            .redirectErrorStream(true)
            .start();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    System.out.println(report);
    assertThat(p.exitValue()).as(report).isZero();
  }

  private static void runExample(Path ex, Path exported) throws Exception {
    String name = ex.getFileName().toString();
    Path lake = newDir("lake-" + name);
    Files.createDirectories(exported);
    String[] common = {"--lake", lake.toString(), "--set", "spark.shuffle_partitions=2"};
    List<String> named;
    try (Stream<String> lines = Files.lines(ex.resolve("expected.csv"))) {
      named = lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
    }
    String[] ingest = {
      "--landing", WorkedExamples.input(ex).toString(), "--set", "ingest.max_quarantine_rate=1"
    };
    // a job runs when a table it writes (or a later job reads) is checked: the README loop runs
    // all three, but an unchecked job's tables change no cell the checker reads. Examples that
    // need the build go through `update` (ingest, build and score in one command, as scheduled)
    if (named.stream().anyMatch(SCORE_TABLES::contains)) {
      run(concat(concat(new String[] {"update"}, ingest), common));
    } else if (named.stream().anyMatch(t -> !INGEST_TABLES.contains(t) && !isSilver(t))) {
      run(concat(concat(new String[] {"update", "--skip-score"}, ingest), common));
    } else {
      run(concat(concat(new String[] {"ingest"}, ingest), common));
    }
    for (String t : named) {
      run(
          concat(
              new String[] {
                "export",
                "--table",
                t,
                "--format",
                "csv",
                "--out",
                exported.resolve(t + ".csv").toString()
              },
              common));
    }
  }

  private static boolean isSilver(String table) {
    return table.startsWith("fact_") || table.startsWith("dim_");
  }

  private static void run(String... args) {
    int rc = Main.newCommandLine().execute(args);
    assertThat(rc).as("gridperf " + String.join(" ", args)).isZero();
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
