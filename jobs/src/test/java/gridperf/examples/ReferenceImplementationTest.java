package gridperf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import gridperf.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline against an independent implementation of docs/contract.md: {@code
 * bench/reference/*.py}, plain Python written from the contract and the worked examples without
 * reading the pipeline's code, computes silver, quarantine, the ledger, the gold tables and the
 * scorecard from the landing files, and the pipeline's exported tables must equal it cell by cell
 * (numbers within a relative 1e-9; in practice they are bit-equal).
 *
 * <p>The landing is a dirty generated tree (every fault kind of the generator) cut so that the data
 * range starts and ends mid-year (March 2014 to November 2015: assignment days outside it do not
 * count), with two targets removed (NULL target_cases). {@code bench/reference/scenario_runs.py}
 * turns it into five successive landing trees, each ingested into one lake and followed by an
 * incremental build:
 *
 * <ol>
 *   <li>the tree without its last week, last touchpoint month and late file;
 *   <li>those files (the incremental path, a late file for an old month) and a file of corrections
 *       and duplicates of earlier lines;
 *   <li>every master file changed: a grid's market type, a SKU's price class, a mid-month move to a
 *       new grid and manager, a suspension that takes accepted sales out of silver, a suspended
 *       version turned active, a version corrected in place, one on an unknown grid; a weekly file
 *       re-delivered with changed, removed and added lines; touchpoints around the move;
 *   <li>the suspension lifted, the new manager removed (his version, targets and touchpoints become
 *       UNKNOWN_MANAGER), a file removed from landing, a correction in a path that sorts before the
 *       rows it corrects;
 *   <li>the corrections file re-delivered empty with {@code --allow-empty}.
 * </ol>
 *
 * After runs 2, 3 and 5 every table must equal the reference's replay of the same runs, which
 * computes everything from scratch.
 */
class ReferenceImplementationTest extends SparkTestBase {
  static final String AS_OF = "2016-06-30";
  private static final Pattern DATED =
      Pattern.compile("(?:sales|touchpoints)-(\\d{4}-\\d{2}(?:-\\d{2})?)\\.\\w+");
  static final List<String> INGEST_TABLES =
      List.of(
          "quarantine",
          "ingest_files",
          "dim_grid",
          "dim_manager",
          "dim_product",
          "dim_retailer",
          "fact_target",
          "fact_sales_line",
          "fact_touchpoint");
  private static final List<String> GOLD_TABLES = WorkedExamplesTest.GOLD_TABLES;
  private static final int RUNS = 5;
  private static final Set<Integer> COMPARED_AFTER = Set.of(2, 3, 5);

  static Path root() {
    return Path.of(System.getProperty("gridperf.project.root", "..")).toAbsolutePath().normalize();
  }

  @Test
  void fiveIncrementalRunsWithMasterChangesEqualTheReferenceReplay() throws Exception {
    spark();
    Path ref = root().resolve("bench/reference");
    Path base = newDir("ref-base");
    run(
        "generate",
        "--scale",
        "0.05",
        "--years",
        "2014-2015",
        "--dirty-rate",
        "0.01",
        "--seed",
        "5",
        "--out",
        base.toString());
    cutToMidYearRange(base);
    // the reference implementation predates inspections: their rules are checked by the worked
    // examples and InspectionIngestTest, so the compared tree holds the sources it models
    deleteTree(base.resolve("inspections"));
    // the reference implementation does not know pilots.csv either
    java.nio.file.Files.deleteIfExists(base.resolve("master/pilots.csv"));
    Path runs = newDir("ref-runs");
    python(ref.resolve("scenario_runs.py"), "--base", base.toString(), "--out", runs.toString());

    Path lake = newDir("ref-lake");
    String[] common = {"--lake", lake.toString(), "--set", "spark.shuffle_partitions=2"};
    List<String> landings = new ArrayList<>();
    for (int i = 1; i <= RUNS; i++) {
      Path landing = runs.resolve("run" + i);
      landings.add(landing.toString());
      List<String> ingest =
          new ArrayList<>(
              List.of(
                  "ingest",
                  "--landing",
                  landing.toString(),
                  "--as-of",
                  AS_OF,
                  "--set",
                  "ingest.max_quarantine_rate=1"));
      if (i == RUNS) {
        ingest.add("--allow-empty");
      }
      run(concat(ingest.toArray(String[]::new), common));
      run(concat(new String[] {"build"}, common));
      if (COMPARED_AFTER.contains(i)) {
        compareWithReference(ref, common, landings, i == RUNS);
      }
    }
  }

  private static void compareWithReference(
      Path ref, String[] common, List<String> landings, boolean allowEmpty) throws Exception {
    run(concat(new String[] {"score"}, common));
    Path ours = newDir("ref-ours");
    for (String t : Stream.concat(INGEST_TABLES.stream(), GOLD_TABLES.stream()).toList()) {
      run(
          concat(
              new String[] {
                "export",
                "--table",
                t,
                "--format",
                "csv",
                "--out",
                ours.resolve(t + ".csv").toString()
              },
              common));
    }
    Path silver = newDir("ref-silver");
    Path gold = newDir("ref-gold");
    List<String> args = new ArrayList<>();
    for (String l : landings) {
      args.addAll(List.of("--landing", l));
    }
    args.addAll(
        List.of("--out", silver.toString(), "--as-of", AS_OF, "--max-quarantine-rate", "1"));
    if (allowEmpty) {
      args.add("--allow-empty");
    }
    python(ref.resolve("ingest_ref.py"), args.toArray(String[]::new));
    String ingest =
        python(
            ref.resolve("ingest_compare.py"),
            "--ref",
            silver.toString(),
            "--ours",
            ours.toString());
    python(
        ref.resolve("gold_ref.py"),
        silver.toString(),
        gold.toString(),
        "--scoring",
        root().resolve("conf/scoring.conf").toString());
    String goldReport = python(ref.resolve("compare.py"), gold.toString(), ours.toString());

    // the comparisons saw the tables (a compare of two empty folders would also exit 0)
    assertThat(ingest)
        .contains("== fact_sales_line: EQUAL")
        .contains("== quarantine: EQUAL")
        .contains("ALL EQUAL");
    for (String t : GOLD_TABLES) {
      assertThat(goldReport).containsPattern(t + "\\s+[1-9]\\d*\\s+[1-9]");
    }
  }

  /**
   * Keeps the sales weeks from 2014-03-03 to 2015-10-19 and the touchpoint months from 2014-03 to
   * 2015-11 (late files kept), and drops two managers' targets of one month each.
   */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void cutToMidYearRange(Path landing) throws IOException {
    try (Stream<Path> s = Files.walk(landing)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Matcher m = DATED.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        String d = m.group(1);
        boolean keep =
            d.length() == 10
                ? d.compareTo("2014-03-03") >= 0 && d.compareTo("2015-10-19") <= 0
                : d.compareTo("2014-03") >= 0 && d.compareTo("2015-11") <= 0;
        if (!keep) {
          Files.delete(p);
        }
      }
    }
    Path targets = landing.resolve("master/targets.csv");
    List<String> lines = Files.readAllLines(targets, StandardCharsets.UTF_8);
    List<String> kept =
        lines.stream()
            .filter(l -> !l.startsWith("2014,6,M001,") && !l.startsWith("2015,5,M002,"))
            .toList();
    assertThat(kept).hasSize(lines.size() - 2);
    Files.write(targets, kept, StandardCharsets.UTF_8);
  }

  static String python(Path script, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    System.out.println(out);
    assertThat(p.exitValue()).as(script.getFileName() + ":\n" + out).isZero();
    return out;
  }

  static void run(String... args) {
    int rc = Main.newCommandLine().execute(args);
    assertThat(rc).as("gridperf " + String.join(" ", args)).isZero();
  }

  static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
