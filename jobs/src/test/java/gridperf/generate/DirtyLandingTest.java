package gridperf.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dirty scale-0.01 tree: every injected kind is present, counted exactly in manifest.json, and
 * gets the outcome the manifest claims under an independent reading of the landing rules
 * (docs/contract.md).
 */
class DirtyLandingTest {
  private static final Path ROOT = Landing.dirty();
  private static JsonNode manifest;
  private static MiniIngest ref;

  @BeforeAll
  static void read() throws Exception {
    manifest = new ObjectMapper().readTree(Landing.bytes(ROOT, "manifest.json"));
    ref = new MiniIngest(ROOT);
    ref.sales(ROOT);
    ref.touchpoints(ROOT);
    ref.inspections(ROOT);
  }

  @Test
  void everyKindIsInjectedAndEachLocatedRowGetsItsExpectedOutcome() {
    Set<String> kinds = new HashSet<>();
    for (JsonNode f : manifest.get("faults")) {
      String kind = f.get("file_type").asText() + ":" + f.get("kind").asText();
      kinds.add(kind);
      assertThat(f.get("count").asInt()).as(kind).isPositive();
      if (f.has("locations")) {
        assertThat(f.get("locations")).as(kind).hasSize(f.get("count").asInt());
        for (JsonNode at : f.get("locations")) {
          String where = at.get(0).asText() + ":" + at.get(1).asInt();
          assertThat(ref.outcome.get(where))
              .as(kind + " at " + where)
              .isEqualTo(f.get("expected").asText());
        }
      }
    }
    assertThat(kinds)
        .contains(
            "sales:wrong_column_count",
            "sales:unclosed_quote",
            "sales:non_numeric_amount",
            "sales:bad_date",
            "sales:unknown_retailer",
            "sales:unknown_sku",
            "sales:duplicate",
            "sales:correction",
            "sales:late_file",
            "sales:gbk_file",
            "sales:bom_file",
            "touchpoints:invalid_json",
            "touchpoints:unknown_retailer",
            "touchpoints:unknown_manager",
            "touchpoints:duplicate",
            "touchpoints:correction",
            "touchpoints:timezone_shift",
            "touchpoints:late_file",
            "touchpoints:bom_file",
            "inspections:wrong_column_count",
            "inspections:missing_id",
            "inspections:missing_value",
            "inspections:bad_date",
            "inspections:non_integer_errors",
            "inspections:date_out_of_range",
            "inspections:bad_level",
            "inspections:bad_passed",
            "inspections:negative_errors",
            "inspections:unknown_manager",
            "inspections:unknown_retailer",
            "inspections:no_retailer_version",
            "inspections:duplicate",
            "inspections:correction");
  }

  @Test
  void manifestCountsEqualAnIndependentRecount() {
    Map<String, Integer> claimed = new HashMap<>();
    for (JsonNode f : manifest.get("faults")) {
      String exp = f.get("expected").asText();
      if (!exp.equals("ACCEPTED")) {
        claimed.merge(
            f.get("file_type").asText() + ":" + exp, f.get("count").asInt(), Integer::sum);
      }
    }
    Map<String, Integer> found = new HashMap<>(ref.counts);
    found.remove("sales:ACCEPTED");
    found.remove("touchpoints:ACCEPTED");
    found.remove("inspections:ACCEPTED");
    assertThat(found).isEqualTo(claimed);
    for (String src : new String[] {"sales", "touchpoints", "inspections"}) {
      JsonNode e = manifest.get("expected").get(src);
      int accepted = ref.count(src, "ACCEPTED") + ref.count(src, "CORRECTION");
      assertThat(e.get("accepted").asInt()).as(src).isEqualTo(accepted);
      assertThat(e.get("silver_rows").asInt()).as(src).isEqualTo(ref.count(src, "ACCEPTED"));
      int read =
          ref.counts.entrySet().stream()
              .filter(x -> x.getKey().startsWith(src + ":"))
              .mapToInt(Map.Entry::getValue)
              .sum();
      assertThat(e.get("rows_read").asInt()).as(src).isEqualTo(read);
    }
  }

  @Test
  void removingTheFaultsLeavesTheCleanTree() {
    Set<String> faultLines = new HashSet<>();
    Set<String> special = new HashSet<>();
    for (JsonNode f : manifest.get("faults")) {
      f.path("locations")
          .forEach(at -> faultLines.add(at.get(0).asText() + ":" + at.get(1).asInt()));
      f.path("files").forEach(x -> special.add(x.asText()));
    }
    Path clean = Landing.clean();
    for (String file : Landing.files(clean, "")) {
      if (file.equals("manifest.json") || file.equals("master/targets.csv")) {
        continue;
      }
      List<String> kept = new ArrayList<>();
      List<String> lines = Landing.lines(ROOT, file);
      for (int i = 0; i < lines.size(); i++) {
        if (!faultLines.contains(file + ":" + (i + 1))) {
          String l = lines.get(i);
          kept.add(
              special.contains(file) && file.startsWith("sales/") && l.contains(",")
                  ? l.substring(0, nthComma(l, 7))
                  : l);
        }
      }
      assertThat(kept).as(file).isEqualTo(Landing.lines(clean, file));
    }
  }

  private static int nthComma(String l, int n) {
    int at = -1;
    for (int k = 0; k < n; k++) {
      at = l.indexOf(',', at + 1);
      if (at < 0) {
        return l.length();
      }
    }
    return at;
  }

  @Test
  void gbkFileIsGb18030NotUtf8AndBomFilesStartWithABom() {
    JsonNode gbk = kind("sales", "gbk_file");
    String file = gbk.get("files").get(0).asText();
    byte[] b = Landing.bytes(ROOT, file);
    assertThat(Landing.validUtf8(b, 0, b.length)).isFalse();
    String text = new String(b, Charset.forName("GB18030"));
    assertThat(text)
        .startsWith(
            "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan,remark\n");
    assertThat(text).containsAnyOf("节前备货", "春节促销", "常规订单");
    assertThat(Landing.hasBom(b)).isFalse();
    for (String src : new String[] {"sales", "touchpoints"}) {
      String bomFile = kind(src, "bom_file").get("files").get(0).asText();
      assertThat(Landing.hasBom(Landing.bytes(ROOT, bomFile))).as(bomFile).isTrue();
    }
    long boms =
        Landing.files(ROOT, "").stream()
            .filter(f -> Landing.hasBom(Landing.bytes(ROOT, f)))
            .count();
    assertThat(boms).isEqualTo(2);
  }

  @Test
  void timezoneRowsAreUtcOnTheDayBeforeTheirBusinessDate() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int found = 0;
    for (String file : Landing.files(ROOT, "touchpoints")) {
      for (String l : Landing.lines(ROOT, file)) {
        if (!l.contains("Z\"")) {
          continue;
        }
        JsonNode n = json.readTree(l);
        OffsetDateTime ts = OffsetDateTime.parse(n.get("ts").asText());
        assertThat(ts.getOffset()).isEqualTo(ZoneOffset.UTC);
        LocalDate business = MiniIngest.businessDate(n.get("ts").asText());
        assertThat(business).isEqualTo(ts.toLocalDate().plusDays(1));
        assertThat(business.getDayOfMonth()).isEqualTo(1);
        assertThat(file).contains(ts.toLocalDate().toString().substring(0, 7));
        found++;
      }
    }
    assertThat(found).isEqualTo(kind("touchpoints", "timezone_shift").get("count").asInt());
  }

  @Test
  void lateFilesSortLastInTheirFolderButHoldAnOldMonth() {
    for (String src : new String[] {"sales", "touchpoints"}) {
      String file = kind(src, "late_file").get("files").get(0).asText();
      assertThat(file).matches(src + "/2012/zz-late-2012-03\\.(csv|jsonl)");
      List<String> folder = Landing.files(ROOT, src + "/2012");
      assertThat(folder.get(folder.size() - 1)).isEqualTo(file);
      List<String> lines = Landing.lines(ROOT, file);
      int rows = src.equals("sales") ? lines.size() - 1 : lines.size();
      assertThat(rows).isEqualTo(kind(src, "late_file").get("count").asInt());
      assertThat(lines.subList(src.equals("sales") ? 1 : 0, lines.size()))
          .allMatch(l -> l.contains("2012-03-"));
    }
  }

  private static JsonNode kind(String fileType, String kind) {
    for (JsonNode f : manifest.get("faults")) {
      if (f.get("file_type").asText().equals(fileType) && f.get("kind").asText().equals(kind)) {
        return f;
      }
    }
    throw new AssertionError("no manifest entry " + fileType + ":" + kind);
  }
}
