package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A paid year closed, then a late file changes one manager's tier (docs/scoring.md, "Closing a
 * year"), through the command line: update, close, late file, update, reopen, score.
 *
 * <p>Three urban managers, one retailer each (R1 → M1, R2 → M2, R3 → M3), one component: structure
 * (revenue_per_case, weight 1, higher is better), so composite = score. January sales of one case
 * each: R1 300 yuan, R2 200, R3 200. Scores: M1 100 (k = 3 of 3), M2 and M3 tie at k = 2 → 50.
 * Tiers over 3: M1 rank 1 → A (15,000); M2, M3 rank 2, p = 1/3 → B (12,000 each); total 39,000. A
 * late June sale of R2 (one case, 100 yuan) makes M2 2 cases for 300 yuan = 150 a case: M2 now k =
 * 1 → 0, rank 3, p = 2/3 → C (10,000); M3 alone at k = 2 keeps 50 and B; M1 keeps A. One
 * adjustment: M2 50 → 0, B → C, 12,000 → 10,000, delta −2,000; 39,000 − 2,000 = 37,000 = the
 * re-scored total.
 */
class CloseCliTest extends SparkTestBase {
  static final String SALES =
      "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan";

  @Test
  void closedYearStaysAsClosedAndALateFileBooksOneAdjustment() throws Exception {
    Path dir = newDir("close-cli");
    Path landing = dir.resolve("landing");
    String lakeDir = dir.resolve("lake").toString();
    Path scoring = dir.resolve("structure-only.conf");
    Files.writeString(scoring, scoringFile(), StandardCharsets.UTF_8);
    List<String> common =
        List.of(
            "--lake", lakeDir, "--set", "scoring.file=" + scoring.toString().replace('\\', '/'));
    master(landing);
    write(
        landing,
        "sales/2014/2014-01.csv",
        SALES,
        "O1,1,2014-01-06,R1,S1,250,300.00",
        "O2,1,2014-01-07,R2,S1,250,200.00",
        "O3,1,2014-01-08,R3,S1,250,200.00");
    // a December touchpoint brings the data range to December: 2014 can close
    write(landing, "touchpoints/2014/2014-12.jsonl", touchpoint("E2", "2014-12-10", "R1", "M1"));
    assertThat(run(common, "update", "--create-lake", "--landing", landing.toString()))
        .isEqualTo(0);
    Lake lake = new Lake(spark(), lakeDir);

    // refusals: one line, exit 1, nothing written (no period_close, no audit row)
    long audits = lake.read(TableId.PIPELINE_RUNS).count();
    assertThat(err(common, "close", "--year", "2013"))
        .isEqualTo("gridperf close: 2013 has no scorecard (run score first)");
    assertThat(err(common, "close", "--year", "2014", "--reopen"))
        .isEqualTo("gridperf close: 2014 is not closed: nothing to reopen");
    assertThat(lake.exists(TableId.PERIOD_CLOSE)).isFalse();
    assertThat(lake.read(TableId.PIPELINE_RUNS).count()).isEqualTo(audits);

    assertThat(card(lake.read(TableId.MANAGER_SCORECARD)))
        .containsExactly("M1 100.0 A 15000.00", "M2 50.0 B 12000.00", "M3 50.0 B 12000.00");
    assertThat(run(common, "close", "--year", "2014")).isEqualTo(0);
    long closedVersion = lake.version(TableId.MANAGER_SCORECARD);
    Row close = lake.read(TableId.PERIOD_CLOSE).first();
    assertThat(close.<Integer>getAs("year")).isEqualTo(2014);
    assertThat(close.<Long>getAs("scorecard_version")).isEqualTo(closedVersion);
    assertThat(close.<String>getAs("scoring_text")).isEqualTo(scoringFile());
    assertThat(close.<String>getAs("scoring_sha256")).isEqualTo(sha256(scoringFile()));
    assertThat(close.<String>getAs("batch_id"))
        .isEqualTo(
            lake.read(TableId.INGEST_FILES)
                .where("source_file = 'touchpoints/2014/2014-12.jsonl'")
                .first()
                .<String>getAs("batch_id"));
    assertThat(
            close
                .<scala.collection.Map<String, Long>>getAs("source_versions")
                .contains("perf_manager"))
        .isTrue();
    assertThat(close.isNullAt(close.fieldIndex("reopened_at"))).isTrue();
    assertThat(err(common, "close", "--year", "2014"))
        .startsWith("gridperf close: 2014 is already closed (since ");
    assertThat(lake.read(TableId.PERIOD_CLOSE).count()).isEqualTo(1);

    // the late file: update re-scores 2014 with the closed file and books the difference
    write(landing, "sales/2014/2014-06-late.csv", SALES, "L1,1,2014-06-10,R2,S1,250,100.00");
    assertThat(run(common, "update", "--landing", landing.toString())).isEqualTo(0);
    Dataset<Row> atClose =
        spark()
            .read()
            .format("delta")
            .option("versionAsOf", closedVersion)
            .load(lake.path(TableId.MANAGER_SCORECARD))
            .where("year = 2014");
    Dataset<Row> now = lake.read(TableId.MANAGER_SCORECARD).where("year = 2014");
    assertThat(now.exceptAll(atClose).count()).isZero();
    assertThat(atClose.exceptAll(now).count()).isZero();
    assertThat(List.of(now.inputFiles())).containsExactlyInAnyOrder(atClose.inputFiles());
    assertThat(card(now))
        .containsExactly("M1 100.0 A 15000.00", "M2 50.0 B 12000.00", "M3 50.0 B 12000.00");
    List<Row> adj = lake.read(TableId.SCORECARD_ADJUSTMENT).collectAsList();
    assertThat(adj).hasSize(1);
    Row m2 = adj.get(0);
    assertThat(
            List.of(
                m2.getAs("manager_code"),
                m2.getAs("year"),
                m2.getAs("closed_composite"),
                m2.getAs("current_composite"),
                m2.getAs("closed_tier"),
                m2.getAs("current_tier")))
        .containsExactly("M2", 2014, 50.0, 0.0, "B", "C");
    assertThat(m2.<BigDecimal>getAs("closed_bonus_yuan")).isEqualByComparingTo("12000");
    assertThat(m2.<BigDecimal>getAs("current_bonus_yuan")).isEqualByComparingTo("10000");
    assertThat(m2.<BigDecimal>getAs("bonus_delta_yuan")).isEqualByComparingTo("-2000");
    Row lastScore =
        lake.read(TableId.PIPELINE_RUNS)
            .where("job = 'score'")
            .orderBy(org.apache.spark.sql.functions.col("start_ts").desc())
            .first();
    assertThat(lastScore.<Long>getAs("rows_out")).isEqualTo(1L); // no open year, one adjustment
    assertThat(
            lastScore
                .<scala.collection.Map<String, Long>>getAs("delta_versions")
                .contains("scorecard_adjustment"))
        .isTrue();

    // reopen: the next score rewrites 2014 on today's data and clears its adjustments
    assertThat(run(common, "close", "--year", "2014", "--reopen")).isEqualTo(0);
    assertThat(lake.read(TableId.PERIOD_CLOSE).where("reopened_at IS NOT NULL").count())
        .isEqualTo(1);
    assertThat(run(common, "score")).isEqualTo(0);
    assertThat(card(lake.read(TableId.MANAGER_SCORECARD)))
        .containsExactly("M1 100.0 A 15000.00", "M2 0.0 C 10000.00", "M3 50.0 B 12000.00");
    assertThat(lake.read(TableId.SCORECARD_ADJUSTMENT).count()).isZero();
  }

  /** The data must reach December of the year: a lake whose facts end in June 2014 is refused. */
  @Test
  void yearWhoseDecemberIsNotInTheDataIsRefused() {
    Path dir = newDir("close-early");
    Lake lake = new Lake(spark(), dir.toString());
    lake.write(
            TableId.MANAGER_SCORECARD,
            spark()
                .sql(
                    "SELECT 'M1' AS manager_code, 2014 AS year, CAST(10000 AS DECIMAL(18,2))"
                        + " AS bonus_yuan"))
        .partitionBy("year")
        .commit();
    lake.write(TableId.FACT_SALES_LINE, spark().sql("SELECT DATE'2014-01-06' AS order_date"))
        .commit();
    lake.write(TableId.FACT_TOUCHPOINT, spark().sql("SELECT DATE'2014-06-30' AS business_date"))
        .commit();
    assertThat(err(List.of("--lake", dir.toString()), "close", "--year", "2014"))
        .isEqualTo(
            "gridperf close: the data ends in 2014-06, before December 2014: a year closes once"
                + " its last month is in the data");
    assertThat(lake.exists(TableId.PERIOD_CLOSE)).isFalse();
    assertThat(lake.exists(TableId.PIPELINE_RUNS)).isFalse();
  }

  static List<String> card(Dataset<Row> df) {
    return df.orderBy("manager_code")
        .selectExpr(
            "concat_ws(' ', manager_code, cast(composite as string), tier,"
                + " cast(bonus_yuan as string))")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  static int run(List<String> common, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(common);
    return Main.run(all.toArray(new String[0]));
  }

  /** Runs a command that must fail and returns its one stderr line. */
  static String err(List<String> common, String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = run(common, args);
    } finally {
      System.setErr(old);
    }
    assertThat(rc).isEqualTo(1);
    List<String> lines =
        buf.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("gridperf "))
            .collect(Collectors.toList());
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  static String scoringFile() throws IOException {
    String official =
        Files.readString(
            Path.of(System.getProperty("gridperf.project.root", ".."), "conf/scoring.conf"));
    return official.replaceAll(
        "(?s)components = \\[.*?\\n\\]",
        "components = [\n  { name = structure, metric = revenue_per_case, weight = 1.0, better ="
            + " higher }\n]");
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String touchpoint(String id, String day, String retailer, String manager) {
    return "{\"event_id\":\""
        + id
        + "\",\"ts\":\""
        + day
        + "T10:00:00+08:00\",\"retailer_code\":\""
        + retailer
        + "\",\"manager_code\":\""
        + manager
        + "\",\"channel\":\"phone\"}";
  }

  static void master(Path root) {
    write(
        root,
        "master/grids.csv",
        "grid_code,grid_name,station,market_type",
        "G1,g1,s1,urban",
        "G2,g2,s1,urban");
    write(
        root,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,Wang,s1,2010-01-01",
        "M2,Li,s1,2010-01-01",
        "M3,Zhang,s1,2010-01-01");
    write(
        root,
        "master/products.csv",
        "sku_code,sku_name,brand,price_class,carton_price",
        "S1,s1,b,3,1.00");
    write(
        root,
        "master/retailers.csv",
        "retailer_code,retailer_name,format,scale,grade,grid_code,manager_code,license_status,"
            + "valid_from",
        "R1,r1,grocery,small,5,G1,M1,active,2014-01-01",
        "R2,r2,grocery,small,5,G1,M2,active,2014-01-01",
        "R3,r3,grocery,small,5,G2,M3,active,2014-01-01");
    write(root, "master/targets.csv", "year,month,manager_code,target_cases", "2014,1,M1,1.00");
  }

  static void write(Path root, String rel, String... lines) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
