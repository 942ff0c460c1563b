package gridperf.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A clean scale-0.01 landing tree checked against the landing rules and for realism. */
class CleanLandingTest {
  private static final Path ROOT = Landing.clean();
  private static final String DEC2 = "-?\\d+\\.\\d{2}";
  private static MiniIngest ref;

  /** One reading of the clean tree shared by the tests (master data only until asked). */
  private static synchronized MiniIngest ref() {
    if (ref == null) {
      ref = new MiniIngest(ROOT);
    }
    return ref;
  }

  private static List<List<String>> rows(String rel, String header) {
    List<String> lines = Landing.lines(ROOT, rel);
    assertThat(lines.get(0)).as(rel + " header").isEqualTo(header);
    List<List<String>> out = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      List<String> f = Landing.csv(l);
      assertThat(f).as(rel + ": " + l).isNotNull().hasSize(header.split(",").length);
      out.add(f);
    }
    return out;
  }

  @Test
  void masterFilesHaveExactHeadersValidEnumsAndUniqueKeys() {
    List<List<String>> grids = rows("master/grids.csv", "grid_code,grid_name,station,market_type");
    assertThat(grids)
        .extracting(g -> g.get(3))
        .containsOnly("urban", "town", "rural")
        .contains("urban", "town", "rural");
    assertThat(grids)
        .extracting(g -> g.get(0))
        .doesNotHaveDuplicates()
        .allMatch(c -> c.startsWith("0"));
    assertThat(grids).extracting(g -> g.get(1)).allMatch(n -> n.matches(".*[\\u4e00-\\u9fa5].*"));
    List<List<String>> managers =
        rows("master/managers.csv", "manager_code,manager_name,station,hire_date");
    assertThat(managers)
        .hasSizeGreaterThanOrEqualTo(1)
        .extracting(m -> m.get(0))
        .doesNotHaveDuplicates();
    managers.forEach(m -> assertThat(LocalDate.parse(m.get(3))).isBefore(LocalDate.of(2011, 1, 1)));
    List<List<String>> products =
        rows("master/products.csv", "sku_code,sku_name,brand,price_class,carton_price");
    assertThat(products).extracting(p -> p.get(0)).doesNotHaveDuplicates();
    assertThat(products)
        .extracting(p -> p.get(3))
        .containsOnly("1", "2", "3", "4", "5")
        .contains("1", "2", "3", "4", "5");
    assertThat(products).extracting(p -> p.get(4)).allMatch(a -> a.matches("\\d+\\.\\d{2}"));
    // price classes are ordered by carton price: every class-1 SKU costs more than every class-3
    double minClass1 =
        products.stream()
            .filter(p -> p.get(3).equals("1"))
            .mapToDouble(p -> Double.parseDouble(p.get(4)))
            .min()
            .orElseThrow();
    double maxClass3 =
        products.stream()
            .filter(p -> p.get(3).equals("3"))
            .mapToDouble(p -> Double.parseDouble(p.get(4)))
            .max()
            .orElseThrow();
    assertThat(minClass1).isGreaterThan(maxClass3);
    List<List<String>> targets = rows("master/targets.csv", "year,month,manager_code,target_cases");
    assertThat(targets).hasSize(managers.size() * 60);
    assertThat(targets)
        .extracting(t -> t.get(0) + "|" + t.get(1) + "|" + t.get(2))
        .doesNotHaveDuplicates();
    assertThat(targets)
        .allMatch(
            t ->
                t.get(3).matches("\\d+\\.\\d{2}")
                    && Integer.parseInt(t.get(1)) >= 1
                    && Integer.parseInt(t.get(1)) <= 12);
  }

  @Test
  void retailerVersionsAreValidDistinctAndMoveAtLeastFivePercentAYear() {
    Set<String> grids =
        new HashSet<>(
            rows("master/grids.csv", "grid_code,grid_name,station,market_type").stream()
                .map(g -> g.get(0))
                .toList());
    Set<String> managers =
        new HashSet<>(
            rows("master/managers.csv", "manager_code,manager_name,station,hire_date").stream()
                .map(g -> g.get(0))
                .toList());
    List<List<String>> vs =
        rows(
            "master/retailers.csv",
            "retailer_code,retailer_name,format,scale,"
                + "grade,grid_code,manager_code,license_status,valid_from");
    Map<String, List<List<String>>> byRetailer = new HashMap<>();
    for (List<String> v : vs) {
      assertThat(v.get(0)).matches("\\d{12}");
      assertThat(v.get(2))
          .isIn(
              "grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other");
      assertThat(v.get(3)).isIn("large", "medium", "small");
      assertThat(Integer.parseInt(v.get(4))).isBetween(1, 30);
      assertThat(v.get(5)).isIn(grids);
      assertThat(v.get(6)).isIn(managers);
      assertThat(v.get(7)).isIn("active", "suspended", "closed");
      LocalDate.parse(v.get(8));
      byRetailer.computeIfAbsent(v.get(0), k -> new ArrayList<>()).add(v);
    }
    assertThat(byRetailer).hasSizeGreaterThanOrEqualTo(40);
    int[] moves = new int[5];
    Set<String> statuses = new HashSet<>();
    int opened = 0;
    for (List<List<String>> versions : byRetailer.values()) {
      for (int i = 1; i < versions.size(); i++) {
        LocalDate prev = LocalDate.parse(versions.get(i - 1).get(8));
        LocalDate cur = LocalDate.parse(versions.get(i).get(8));
        assertThat(cur).as("versions in order, distinct valid_from").isAfter(prev);
        statuses.add(versions.get(i).get(7));
        boolean moved =
            !versions.get(i).get(5).equals(versions.get(i - 1).get(5))
                || !versions.get(i).get(6).equals(versions.get(i - 1).get(6));
        if (moved && cur.getYear() >= 2011) {
          moves[cur.getYear() - 2011]++;
        }
      }
      opened += LocalDate.parse(versions.get(0).get(8)).getYear() >= 2011 ? 1 : 0;
    }
    for (int y = 0; y < 5; y++) {
      assertThat(moves[y])
          .as("moves in " + (2011 + y))
          .isGreaterThanOrEqualTo((int) Math.ceil(0.05 * byRetailer.size()));
    }
    assertThat(statuses).contains("suspended", "closed", "active");
    assertThat(opened).isPositive();
  }

  @Test
  void salesAreContractCleanOnActiveDaysWithPeakReturnsAndGrowth() {
    MiniIngest ref = ref();
    Map<String, Long> price = new HashMap<>();
    for (List<String> p :
        rows("master/products.csv", "sku_code,sku_name,brand,price_class,carton_price")) {
      price.put(p.get(0), Math.round(Double.parseDouble(p.get(4)) * 100));
    }
    Set<String> keys = new HashSet<>();
    long lines = 0;
    long returns = 0;
    long[] byYear = new long[5];
    long janFeb = 0;
    long marApr = 0;
    List<String> bad = new ArrayList<>();
    String header = "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan";
    for (String file : Landing.files(ROOT, "sales")) {
      assertThat(file).matches("sales/(\\d{4})/sales-\\1-\\d\\d-\\d\\d\\.csv");
      List<String> text = Landing.lines(ROOT, file);
      assertThat(text.get(0)).isEqualTo(header);
      int year = Integer.parseInt(file.substring(6, 10));
      for (String l : text.subList(1, text.size())) {
        List<String> f = Landing.csv(l);
        lines++;
        LocalDate d = LocalDate.parse(f.get(2));
        long qty = Long.parseLong(f.get(5));
        if (f.size() != 7
            || !keys.add(f.get(0) + "|" + Long.parseLong(f.get(1)))
            || d.getYear() != year
            || !"active".equals(ref.status(f.get(3), d))
            || qty == 0
            || !f.get(6).matches(DEC2)
            || Math.round(Double.parseDouble(f.get(6)) * 100) != qty * price.get(f.get(4))) {
          bad.add(file + ": " + l);
        }
        returns += qty < 0 ? 1 : 0;
        byYear[d.getYear() - 2011] += qty;
        int m = d.getMonthValue();
        janFeb += m <= 2 ? qty : 0;
        marApr += m == 3 || m == 4 ? qty : 0;
      }
    }
    assertThat(bad).as("rows breaking the contract or not on an active day").isEmpty();
    assertThat(lines).isBetween(100_000L, 200_000L); // ~15 M × 0.01
    assertThat((double) returns / lines).isBetween(0.002, 0.01);
    assertThat(janFeb).as("Spring-Festival peak").isGreaterThan(marApr * 12 / 10);
    assertThat(byYear[4]).as("growth").isGreaterThan(byYear[0]);
  }

  @Test
  void touchpointsAreValidOnDaysWithAVersionAndSpread() throws Exception {
    MiniIngest ref = ref();
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    Map<String, Integer> channels = new HashMap<>();
    int late = 0;
    int unresolved = 0;
    int rated = 0;
    for (String file : Landing.files(ROOT, "touchpoints")) {
      assertThat(file).matches("touchpoints/(\\d{4})/touchpoints-\\1-\\d\\d\\.jsonl");
      for (String l : Landing.lines(ROOT, file)) {
        JsonNode n = json.readTree(l);
        assertThat(ids.add(n.get("event_id").asText())).isTrue();
        String ts = n.get("ts").asText();
        assertThat(ts).endsWith("+08:00");
        LocalDate day = MiniIngest.businessDate(ts);
        assertThat(file).contains(day.toString().substring(0, 7));
        assertThat(ref.status(n.get("retailer_code").asText(), day)).as(l).isNotNull();
        String ch = n.get("channel").asText();
        channels.merge(ch, 1, Integer::sum);
        assertThat(n.has("mot")).isEqualTo(ch.equals("visit"));
        if (n.has("satisfaction")) {
          rated++;
          assertThat(n.get("satisfaction").asInt()).isBetween(1, 5);
        }
        assertThat(n.has("complaint")).isEqualTo(ch.equals("complaint"));
        if (ch.equals("complaint")) {
          JsonNode r = n.get("complaint").get("resolved_ts");
          if (r.isNull()) {
            unresolved++;
          } else {
            long mins =
                java.time.Duration.between(
                        OffsetDateTime.parse(ts), OffsetDateTime.parse(r.asText()))
                    .toMinutes();
            assertThat(mins).isNotNegative();
            late += mins > 24 * 60 ? 1 : 0;
          }
        }
      }
    }
    assertThat(ids.size()).isBetween(6_000, 15_000); // ~1 M × 0.01
    assertThat(channels.keySet())
        .containsExactlyInAnyOrder("visit", "phone", "wechat", "complaint", "delivery", "training");
    assertThat(channels.get("visit")).isGreaterThan(ids.size() / 3);
    assertThat(late).as("complaints resolved after 24 h").isPositive();
    assertThat(unresolved).as("complaints never resolved").isPositive();
    assertThat(rated).isBetween(ids.size() / 10, ids.size() / 2);
  }

  @Test
  void anIngestOfTheCleanTreeQuarantinesNothingAndFindsNoDuplicates() {
    MiniIngest ref = ref();
    ref.sales(ROOT);
    ref.touchpoints(ROOT);
    ref.inspections(ROOT);
    assertThat(ref.counts.keySet())
        .containsExactlyInAnyOrder(
            "sales:ACCEPTED", "touchpoints:ACCEPTED", "inspections:ACCEPTED");
    String manifest =
        new String(Landing.bytes(ROOT, "manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(manifest)
        .contains(
            "\"clean_rows\": {\"sales\": "
                + ref.count("sales", "ACCEPTED")
                + ", \"touchpoints\": "
                + ref.count("touchpoints", "ACCEPTED")
                + ", \"inspections\": "
                + ref.count("inspections", "ACCEPTED")
                + "}");
  }

  @Test
  void sameArgumentsWriteByteIdenticalFilesWhateverTheThreads() {
    Path other = Landing.cleanOneThread();
    List<String> a = Landing.files(ROOT, "");
    assertThat(Landing.files(other, "")).isEqualTo(a);
    for (String f : a) {
      assertThat(Landing.bytes(other, f)).as(f).isEqualTo(Landing.bytes(ROOT, f));
    }
  }

  @Test
  void inspectionsAreMonthlyWithTwoSelfChecksMostMonthsAQuarterlyGeneralAndSpotChecks() {
    String header = "inspection_id,inspection_date,level,manager_code,retailer_code,passed,errors";
    java.util.Map<String, Integer> self = new java.util.TreeMap<>();
    java.util.Map<String, Integer> general = new java.util.TreeMap<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    int spots = 0;
    int passed = 0;
    int errors = 0;
    int rows = 0;
    List<String> files = Landing.files(ROOT, "inspections");
    assertThat(files)
        .hasSize(60)
        .allMatch(f -> f.matches("inspections/\\d{4}/inspections-\\d{4}-\\d{2}\\.csv"));
    for (String file : files) {
      String ym = file.substring(file.length() - 11, file.length() - 4);
      for (List<String> f : rows(file, header)) {
        rows++;
        assertThat(ids.add(f.get(0))).as("unique id " + f.get(0)).isTrue();
        assertThat(f.get(1)).startsWith(ym);
        assertThat(f.get(2)).isIn("self", "general", "spot");
        assertThat(f.get(5)).isIn("Y", "N");
        assertThat(Integer.parseInt(f.get(6))).isBetween(0, 2);
        errors += Integer.parseInt(f.get(6)) > 0 ? 1 : 0;
        String month = f.get(3) + " " + ym;
        int q = (Integer.parseInt(ym.substring(5)) + 2) / 3;
        switch (f.get(2)) {
          case "self" -> self.merge(month, 1, Integer::sum);
          case "general" ->
              general.merge(f.get(3) + " " + ym.substring(0, 4) + "-Q" + q, 1, Integer::sum);
          default -> {
            spots++;
            passed += f.get(5).equals("Y") ? 1 : 0;
          }
        }
      }
    }
    assertThat(self.values()).allMatch(n -> n <= 3);
    assertThat(self.values().stream().filter(n -> n >= 2).count())
        .as("manager-months keeping two self-inspections")
        .isGreaterThan(self.size() * 8L / 10);
    assertThat(general.values()).allMatch(n -> n == 1);
    assertThat(general).hasSizeGreaterThanOrEqualTo(self.size() / 3 - 2);
    assertThat(spots).isGreaterThan(self.size() / 4);
    assertThat((double) passed / spots).isBetween(0.6, 1.0);
    assertThat(errors).isPositive().isLessThan(rows / 5);
  }
}
