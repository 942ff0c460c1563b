package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, on a dirty generated tree ({@code generate --scale 0.01 --years 2014-2015
 * --dirty-rate 0.01}): for every landing file rows read = accepted + quarantined + duplicates and
 * rows read equals an independent count of its data lines; every fault of manifest.json is found
 * where the manifest says with the outcome it expects; the ingest totals equal the manifest's; and
 * the gold totals equal the totals of the accepted silver rows.
 */
class DirtyReconciliationTest extends ReliabilityBase {
  private static Path landing;
  private static Lake lake;
  private static JsonNode manifest;

  @BeforeAll
  static void pipeline() throws IOException {
    landing = dir("dirty");
    Cli gen =
        cli(
            "generate",
            "--scale",
            "0.01",
            "--years",
            "2014-2015",
            "--dirty-rate",
            "0.01",
            "--seed",
            "11",
            "--out",
            landing.toString());
    assertThat(gen.status()).as(gen.err()).isZero();
    manifest = new ObjectMapper().readTree(landing.resolve("manifest.json").toFile());
    lake = newLake();
    ingest(lake, landing);
    build(lake);
  }

  static Map<String, Row> ledger() {
    Map<String, Row> out = new HashMap<>();
    for (Row r : lake.read(TableId.INGEST_FILES).collectAsList()) {
      out.put(r.getAs("source_file"), r);
    }
    return out;
  }

  static long n(Row r, String c) {
    return r.<Long>getAs(c);
  }

  /** Non-blank physical lines of a landing file, minus the CSV header. */
  static long dataLines(String rel) throws IOException {
    String text = new String(Files.readAllBytes(landing.resolve(rel)), StandardCharsets.ISO_8859_1);
    long lines = text.lines().filter(l -> !l.isBlank()).count();
    return rel.endsWith(".csv") ? lines - 1 : lines;
  }

  @Test
  void everyFileReconcilesReadAsAcceptedPlusQuarantinedPlusDuplicates() throws IOException {
    Map<String, Long> quarantined = new HashMap<>();
    for (Row r : lake.read(TableId.QUARANTINE).groupBy("source_file").count().collectAsList()) {
      quarantined.put(r.getAs("source_file"), r.getAs("count"));
    }
    Map<String, Row> files = ledger();
    assertThat(files).hasSizeGreaterThan(20);
    for (Map.Entry<String, Row> e : files.entrySet()) {
      Row r = e.getValue();
      String f = e.getKey();
      assertThat(n(r, "rows_read"))
          .as(f)
          .isEqualTo(n(r, "rows_accepted") + n(r, "rows_quarantined") + n(r, "rows_duplicate"))
          .isEqualTo(dataLines(f));
      assertThat(n(r, "rows_quarantined")).as(f).isEqualTo(quarantined.getOrDefault(f, 0L));
    }
  }

  @Test
  void ingestTotalsPerSourceEqualTheManifest() {
    for (String src : List.of("sales", "touchpoints")) {
      JsonNode want = manifest.get("expected").get(src);
      long read = 0, accepted = 0, quarantined = 0, duplicates = 0;
      for (Row r : ledger().values()) {
        if (r.<String>getAs("source_file").startsWith(src + "/")) {
          read += n(r, "rows_read");
          accepted += n(r, "rows_accepted");
          quarantined += n(r, "rows_quarantined");
          duplicates += n(r, "rows_duplicate");
        }
      }
      assertThat(List.of(read, accepted, quarantined, duplicates))
          .as(src)
          .isEqualTo(
              List.of(
                  want.get("rows_read").asLong(),
                  want.get("accepted").asLong(),
                  want.get("quarantined").asLong(),
                  want.get("duplicates").asLong()));
      TableId fact = src.equals("sales") ? TableId.FACT_SALES_LINE : TableId.FACT_TOUCHPOINT;
      assertThat(lake.read(fact).count())
          .as(src + " silver rows")
          .isEqualTo(want.get("silver_rows").asLong());
    }
  }

  @Test
  void everyManifestFaultIsAccountedForByItsExpectedOutcome() {
    Map<String, String> reasonAt = new HashMap<>();
    for (Row r :
        lake.read(TableId.QUARANTINE)
            .selectExpr("concat(source_file, ':', line_no) AS at", "reason")
            .collectAsList()) {
      reasonAt.put(r.getAs("at"), r.getAs("reason"));
    }
    Set<String> winners = new HashSet<>();
    for (TableId t :
        List.of(TableId.FACT_SALES_LINE, TableId.FACT_TOUCHPOINT, TableId.FACT_INSPECTION)) {
      for (Row r :
          lake.read(t).selectExpr("concat(src_file, ':', src_line) AS at").collectAsList()) {
        winners.add(r.getAs("at"));
      }
    }
    Map<String, Row> files = ledger();
    Map<String, Long> duplicatesPerFile = new HashMap<>();
    for (JsonNode f : manifest.get("faults")) {
      String kind = f.get("file_type").asText() + ":" + f.get("kind").asText();
      String expected = f.get("expected").asText();
      if (f.has("files")) {
        for (JsonNode file : f.get("files")) {
          assertThat(files).as(kind).containsKey(file.asText());
          assertThat(n(files.get(file.asText()), "rows_accepted"))
              .as(kind + " " + file)
              .isPositive();
        }
        continue;
      }
      long found = 0;
      for (JsonNode at : f.get("locations")) {
        String where = at.get(0).asText() + ":" + at.get(1).asLong();
        boolean ok =
            switch (expected) {
              case "DUPLICATE" -> !reasonAt.containsKey(where) && !winners.contains(where);
              case "CORRECTION", "ACCEPTED" -> winners.contains(where);
              default -> expected.equals(reasonAt.get(where));
            };
        assertThat(ok)
            .as(
                kind
                    + " at "
                    + where
                    + " expected "
                    + expected
                    + ", quarantine says "
                    + reasonAt.get(where))
            .isTrue();
        found++;
        if (expected.equals("DUPLICATE")) {
          duplicatesPerFile.merge(at.get(0).asText(), 1L, Long::sum);
        }
      }
      assertThat(found).as(kind + " count").isEqualTo(f.get("count").asLong());
    }
    duplicatesPerFile.forEach(
        (file, dups) ->
            assertThat(n(files.get(file), "rows_duplicate")).as(file).isGreaterThanOrEqualTo(dups));
  }

  @Test
  void goldRevenueAndVolumeEqualTheAcceptedSalesLines() {
    Row silver =
        lake.read(TableId.FACT_SALES_LINE)
            .selectExpr(
                "sum(amount_yuan) AS revenue_yuan",
                "cast(sum(qty_cartons) AS DECIMAL(30, 0)) / 250 AS volume_cases",
                "count(*) AS line_count")
            .first();
    Row gold =
        lake.read(TableId.PERF_MANAGER)
            .filter("period_type = 'Y'")
            .selectExpr("sum(revenue_yuan) AS revenue_yuan", "sum(volume_cases) AS volume_cases")
            .first();
    assertThat(gold.<BigDecimal>getAs("revenue_yuan"))
        .isEqualByComparingTo(silver.<BigDecimal>getAs("revenue_yuan"));
    assertThat(gold.<BigDecimal>getAs("volume_cases"))
        .isEqualByComparingTo(silver.<BigDecimal>getAs("volume_cases"));
    assertThat(silver.<Long>getAs("line_count")).isPositive();
  }

  @Test
  void goldTouchpointsEqualTheAcceptedTouchpoints() {
    long touchpoints = lake.read(TableId.FACT_TOUCHPOINT).count();
    Row tp =
        lake.read(TableId.PERF_MANAGER)
            .filter("period_type = 'Y'")
            .selectExpr("sum(touchpoints) AS touchpoints")
            .first();
    assertThat(tp.<Long>getAs("touchpoints")).isEqualTo(touchpoints);
  }

  @Test
  void gridRevenueOfEachYearEqualsThatYearsAcceptedSales() {
    assertThat(
            rows(
                lake.read(TableId.PERF_GRID)
                    .filter("period_type = 'Y'")
                    .groupBy("year")
                    .agg(org.apache.spark.sql.functions.sum("revenue_yuan").as("r"))))
        .isEqualTo(
            rows(
                lake.read(TableId.FACT_SALES_LINE)
                    .groupBy("year")
                    .agg(org.apache.spark.sql.functions.sum("amount_yuan").as("r"))));
  }
}
