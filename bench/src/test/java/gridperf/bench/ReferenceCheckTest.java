package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement check on a hand-made lake (Delta logs written by hand, no Spark): it passes when
 * gridperf's tables equal the reference, names the cell when one differs, and reads only the files
 * of the current snapshot (docs/contract.md, Implementation advice).
 */
class ReferenceCheckTest {
  @TempDir Path dir;
  Path lake;
  Path ref;
  Path landingRef;

  @BeforeEach
  void lakeWithSilverAndReference() throws Exception {
    lake = dir.resolve("lake");
    ref = dir.resolve("ref");
    landingRef = dir.resolve("landing-ref");
    Files.createDirectories(landingRef);
    try (Duck duck = new Duck(2, "1GB")) {
      TinyDelta.create(duck, lake.resolve("silver/fact_sales_line"), TinySilver.SALES);
      TinyDelta.create(duck, lake.resolve("silver/fact_touchpoint"), TinySilver.TOUCHPOINTS);
      TinyDelta.create(duck, lake.resolve("silver/dim_retailer"), TinySilver.RETAILERS);
      duck.exec(
          "COPY (SELECT order_date, qty_cartons, amount_yuan FROM ("
              + TinySilver.SALES
              + ")) TO "
              + ReferenceSql.quote(landingRef.resolve("sales.parquet").toString()));
      duck.exec(
          "COPY (SELECT business_date FROM ("
              + TinySilver.TOUCHPOINTS
              + ")) TO "
              + ReferenceSql.quote(landingRef.resolve("touchpoints.parquet").toString()));
      DuckStage.build(duck, lake, ref);
      for (String t : DuckStage.ENTITY_TABLES.keySet()) {
        TinyDelta.create(duck, lake.resolve("gold/" + t), refTable(t));
      }
    }
  }

  @Test
  void agreesWhenGoldEqualsTheReference() throws Exception {
    assertThat(check(false)).isEmpty();
  }

  @Test
  void namesTheCellThatDiffers() throws Exception {
    overwritePerfManager(wrongRevenue(), 1);
    List<String> problems = check(false);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .startsWith("perf_manager.revenue_yuan: 1 of 8 cells differ")
        .contains("M1/Y/2015, 1097.00, 1096.00");
    assertThat(problems.get(1)).startsWith("company volume and revenue per year");
  }

  @Test
  void readsOnlyTheCurrentSnapshotNotTheFolder() throws Exception {
    // version 0 wrong, version 1 right: the wrong file stays in the folder, removed in the log
    try (Duck duck = new Duck(2, "1GB")) {
      Path t = lake.resolve("gold/perf_manager");
      Benchmark.deleteTree(t);
      TinyDelta.create(duck, t, wrongRevenue());
      TinyDelta.commit(duck, t, refTable("perf_manager"), 1, List.of("part-00000.parquet"));
    }
    assertThat(Files.exists(lake.resolve("gold/perf_manager/part-00000.parquet"))).isTrue();
    assertThat(SnapshotFiles.list(lake.resolve("gold/perf_manager")).files())
        .containsExactly(lake.resolve("gold/perf_manager/part-00001.parquet").toString());
    assertThat(check(false)).isEmpty();
  }

  @Test
  void landingRowsMissingFromSilverAreReported() throws Exception {
    try (Duck duck = new Duck(2, "1GB")) {
      duck.exec(
          "COPY (SELECT order_date, qty_cartons, amount_yuan FROM ("
              + TinySilver.SALES
              + ") UNION ALL SELECT DATE '2015-03-01', 10, 5.00) TO "
              + ReferenceSql.quote(landingRef.resolve("sales.parquet").toString()));
    }
    assertThat(check(false))
        .anySatisfy(p -> assertThat(p).startsWith("sales per year (landing vs fact_sales_line)"));
  }

  @Test
  void coreOnlyDemotesOtherMetricsToWarnings() throws Exception {
    overwritePerfManager(
        "SELECT * REPLACE (CASE WHEN manager_code = 'M2' AND period_type = 'Y' THEN 3.5"
            + " ELSE satisfaction_avg END AS satisfaction_avg) FROM "
            + refTable2("perf_manager"),
        1);
    assertThat(check(false)).singleElement().asString().startsWith("perf_manager.satisfaction_avg");
    assertThat(check(true)).isEmpty();
  }

  private List<String> check(boolean coreOnly) throws Exception {
    try (Duck duck = new Duck(2, "1GB")) {
      return ReferenceCheck.run(duck, lake, ref, List.of(landingRef.toString()), coreOnly);
    }
  }

  private void overwritePerfManager(String select, int version) throws Exception {
    try (Duck duck = new Duck(2, "1GB")) {
      TinyDelta.commit(
          duck,
          lake.resolve("gold/perf_manager"),
          select,
          version,
          List.of(String.format("part-%05d.parquet", version - 1)));
    }
  }

  private String wrongRevenue() {
    return "SELECT * REPLACE (CASE WHEN manager_code = 'M1' AND period_type = 'Y'"
        + " THEN revenue_yuan + 1 ELSE revenue_yuan END AS revenue_yuan) FROM "
        + refTable2("perf_manager");
  }

  private String refTable(String t) {
    return "SELECT * FROM " + refTable2(t);
  }

  private String refTable2(String t) {
    return "read_parquet(" + ReferenceSql.quote(ref.resolve(t + ".parquet").toString()) + ")";
  }
}
