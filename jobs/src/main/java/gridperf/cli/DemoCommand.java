package gridperf.cli;

import static org.apache.spark.sql.functions.max;

import gridperf.config.ScoringConfig;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.SparkSessions;
import gridperf.lakehouse.TableId;
import gridperf.score.ClassCompliance;
import gridperf.score.DataCoverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gridperf demo}: the whole pipeline on an embedded default — generate a small county,
 * ingest it, build the gold tables, score the managers, and print what an analyst would look at
 * first. Each step is the real command, run in this JVM with the same settings.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate a small county, ingest, build, score and print a summary. The landing data go"
            + " to ./landing and the lake to ./lake, the lake every command and notebook opens"
            + " when no --lake is given (--dir puts both in another folder).")
public final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Folder of the demo's landing data and lake (DIR/landing, DIR/lake; default: the"
              + " current folder).")
  Path dir = Path.of(".");

  // 0.2: six managers in three peer groups, so the scorecard shows spread scores and tiers (at
  // 0.05 two managers, each alone in its peer group, both scored 100); 87 s against 93 s at 0.05
  @Option(
      names = "--scale",
      paramLabel = "S",
      description = "Scale factor of the generated county (default: ${DEFAULT-VALUE}).")
  double scale = 0.2;

  @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = 2015;

  @Option(names = "--years", description = "Years to generate (default: ${DEFAULT-VALUE}).")
  String years = "2014-2015";

  @Option(
      names = "--classes-scoring",
      paramLabel = "FILE",
      description =
          "Scoring file with a class scheme whose classes and compliance the demo prints as a"
              + " what-if (default: ${DEFAULT-VALUE}; skipped when missing).")
  Path classesScoring = Path.of("conf/scoring-classes.conf");

  @Override
  public Integer call() throws Exception {
    Path root = dir.toAbsolutePath().normalize();
    Path landing = root.resolve("landing");
    Path lake = common.lake != null ? Path.of(common.lake).toAbsolutePath() : root.resolve("lake");
    refuseForeign(landing, "landing folder", landing.resolve(MANIFEST));
    refuseForeign(lake, "lake", lake.resolve(DEMO_MARK));
    System.out.println("gridperf demo: landing data in " + landing + ", lake in " + lake);
    deleteTree(landing);
    deleteTree(lake);
    Files.createDirectories(root);

    step(
        "generate",
        "--scale",
        String.valueOf(scale),
        "--out",
        landing.toString(),
        "--seed",
        String.valueOf(seed),
        "--years",
        years);
    step(
        withCommon(
            "ingest", "--create-lake", "--landing", landing.toString(), "--lake", lake.toString()));
    Files.writeString(
        lake.resolve(DEMO_MARK), "written by gridperf demo; the next demo replaces this lake\n");
    step(withCommon("build", "--lake", lake.toString()));
    step(withCommon("score", "--lake", lake.toString()));

    Lake l = new Lake(SparkSessions.create(common.load()), lake.toString());
    String last = lastYear(l);
    String y = "(SELECT max(year) FROM manager_scorecard)";
    summary(
        lake,
        "Reconciliation of the landing files (rows read = accepted + quarantined + duplicates)",
        "SELECT regexp_extract(source_file, '^([a-z]+)', 1) AS source, count(*) AS files,"
            + " sum(rows_read) AS rows_read, sum(rows_accepted) AS accepted,"
            + " sum(rows_quarantined) AS quarantined, sum(rows_duplicate) AS duplicates"
            + " FROM ingest_files GROUP BY 1 ORDER BY 1");
    summary(
        lake,
        "Top 5 managers of " + last,
        "SELECT manager_code, market_type, composite, tier, bonus_yuan FROM manager_scorecard"
            + " WHERE year = "
            + y
            + " ORDER BY composite DESC, manager_code LIMIT 5");
    summary(
        lake,
        "Bottom 5 managers of " + last,
        "SELECT manager_code, market_type, composite, tier, bonus_yuan FROM manager_scorecard"
            + " WHERE year = "
            + y
            + " ORDER BY composite ASC, manager_code LIMIT 5");
    summary(
        lake,
        "Tiers and bonus of " + last,
        "SELECT tier, count(*) AS managers, sum(bonus_yuan) AS bonus_yuan FROM manager_scorecard"
            + " WHERE year = "
            + y
            + " GROUP BY tier ORDER BY tier");
    classes(lake, l);
    fairWhatIf(root, lake, y, last);
    System.out.println();
    System.out.println(
        "Query the lake: bin/gridperf sql \"SELECT * FROM perf_manager LIMIT 10\" --lake " + lake);
    return 0;
  }

  /**
   * Prints how far the data goes and returns the scorecard's last year as the summary names it,
   * e.g. {@code 2016 (provisional, data through 2016-01-10)} for a year without all twelve months.
   */
  private static String lastYear(Lake lake) {
    Optional<DataCoverage> coverage = DataCoverage.read(lake);
    Row last = lake.read(TableId.MANAGER_SCORECARD).agg(max("year")).head();
    System.out.println();
    System.out.println("== " + coverage.map(DataCoverage::sentence).orElse("No data"));
    if (last.isNullAt(0)) {
      return "the last year";
    }
    int year = last.getInt(0);
    if (coverage.isPresent() && coverage.get().provisional(year)) {
      System.out.printf(
          Locale.ROOT,
          "%d is provisional: the period range holds %d of its 12 months; its tiers and bonuses"
              + " change as the other months arrive%n",
          year,
          coverage.get().monthsIn(year));
    }
    return DataCoverage.yearLabel(coverage, year);
  }

  /** A what-if under the class scheme file: each class's retailers and compliance. */
  private void classes(Path lake, Lake l) {
    Path classesScoring = installed(this.classesScoring);
    if (!Files.exists(classesScoring)) {
      System.out.println();
      System.out.println("(no " + classesScoring + ": class what-if skipped)");
      return;
    }
    String file = classesScoring.toAbsolutePath().toString();
    step(
        withCommon("score", "--lake", lake.toString(), "--scoring", file, "--scenario", "classes"));
    ScoringConfig cfg = ScoringConfig.load(file);
    int y = l.read(TableId.MANAGER_SCORECARD).agg(max("year")).head().getInt(0);
    System.out.println();
    System.out.println(
        "== Classes of "
            + (y - 1)
            + " and service compliance "
            + y
            + " under "
            + classesScoring
            + " (what-if 'classes')");
    System.out.print(ClassCompliance.render(ClassCompliance.of(l, cfg, y), y));
  }

  /**
   * Says which peer groups of the last year are too small to rank (fewer than three managers: every
   * component scores 0 or 100) and shows the fair scoring file's tiers beside the official ones,
   * from a what-if run: the official scorecard is not touched.
   */
  private void fairWhatIf(Path root, Path lake, String y, String last) throws IOException {
    Path fair = fairScoringFile(root);
    System.out.println();
    System.out.println(
        "== What-if: the fair scoring file " + fair + " (docs/scoring.md, Fair scoring)");
    step(
        withCommon(
            "score",
            "--lake",
            lake.toString(),
            "--scoring",
            fair.toString(),
            "--scenario",
            "fair"));
    summary(
        lake,
        "Peer groups of "
            + last
            + " with fewer than 3 managers (each component then"
            + " scores 0 or 100; the fair file scores them against all managers)",
        "SELECT market_type, count(*) AS managers, concat_ws(', ', sort_array(collect_list("
            + "manager_code))) AS manager_codes FROM manager_scorecard WHERE year = "
            + y
            + " GROUP BY market_type HAVING count(*) < 3 ORDER BY market_type");
    summary(
        lake,
        "Official tiers of " + last + " beside the fair file's",
        "SELECT o.manager_code, o.market_type, o.composite, o.tier, o.bonus_yuan,"
            + " f.market_type AS fair_market_type, f.composite AS fair_composite,"
            + " f.tier AS fair_tier, f.bonus_yuan AS fair_bonus_yuan, f.eligible AS fair_eligible"
            + " FROM manager_scorecard o JOIN scorecard_scenario f ON f.scenario = 'fair'"
            + " AND f.manager_code = o.manager_code AND f.year = o.year WHERE o.year = "
            + y
            + " ORDER BY o.composite DESC, o.manager_code");
  }

  /**
   * conf/scoring-fair.conf of the installation; without one (the jar alone), the demo's own scoring
   * file with the four fair-scoring settings turned on, written beside the demo data.
   */
  private Path fairScoringFile(Path root) throws IOException {
    String home = System.getProperty("gridperf.home");
    if (home != null && Files.isRegularFile(Path.of(home, "conf", "scoring-fair.conf"))) {
      return Path.of(home, "conf", "scoring-fair.conf");
    }
    String official = gridperf.config.ScoringFile.read(common.load().scoring().file()).text();
    Path out = root.resolve("scoring-fair.conf");
    Files.writeString(
        out,
        official
            + "\nmissing = reweight\nmin_peer_group = 3\n"
            + "min_assigned_days = 90\nbonus_prorate = true\n",
        java.nio.charset.StandardCharsets.UTF_8);
    return out;
  }

  private String[] withCommon(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(common.forwarded());
    return all.toArray(new String[0]);
  }

  private void summary(Path lake, String title, String query) {
    System.out.println();
    System.out.println("== " + title);
    step(withCommon("sql", query, "--lake", lake.toString()));
  }

  private static void step(String... args) {
    int rc = Main.newCommandLine().execute(args);
    if (rc != 0) {
      throw new IllegalStateException("demo step '" + args[0] + "' failed (exit " + rc + ")");
    }
  }

  /**
   * A relative path that does not exist from the working folder, taken from the installation
   * ({@code gridperf.home}, set by bin/gridperf) when it is there: the demo runs from any folder.
   */
  private static Path installed(Path file) {
    String home = System.getProperty("gridperf.home");
    if (Files.exists(file) || file.isAbsolute() || home == null) {
      return file;
    }
    Path there = Path.of(home).resolve(file);
    return Files.exists(there) ? there : file;
  }

  /** The file that marks a lake as the demo's: a later demo may replace it. */
  static final String DEMO_MARK = ".gridperf-demo";

  /** What {@code generate} writes beside the landing data: a generated tree may be replaced. */
  private static final String MANIFEST = "manifest.json";

  /**
   * The demo replaces its own landing data and lake, never a folder it did not write: a user's lake
   * at the default location stays as it is.
   */
  private static void refuseForeign(Path folder, String what, Path mark) throws IOException {
    if (!Files.isDirectory(folder) || Files.exists(mark)) {
      return;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        throw new UsageError(
            folder
                + " is a "
                + what
                + " the demo did not write; it replaces only its"
                + " own. Run the demo in another folder (--dir DIR) or move that one away");
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
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
