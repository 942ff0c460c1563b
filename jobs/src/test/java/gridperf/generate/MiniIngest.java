package gridperf.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent, test-only reading of docs/contract.md's landing rules for sales and touchpoints:
 * classifies every row of a landing tree (files in path order) as ACCEPTED, DUPLICATE, CORRECTION
 * or the first reason code that applies, so tests can check the generator's manifest against it.
 */
final class MiniIngest {
  static final ZoneId TZ = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CHANNELS =
      Set.of("visit", "phone", "wechat", "complaint", "delivery", "training");

  /** Outcome per "file:line", in path and line order. */
  final Map<String, String> outcome = new TreeMap<>();

  final Map<String, Integer> counts = new TreeMap<>();
  private final Map<String, int[]> versionsFrom = new HashMap<>();
  private final Map<String, String[]> versionsStatus = new HashMap<>();
  private final Set<String> skus = new java.util.HashSet<>();
  private final Set<String> managers = new java.util.HashSet<>();
  private final LocalDate asOf = LocalDate.of(2026, 1, 1);

  MiniIngest(Path root) {
    Map<String, List<String[]>> vs = new TreeMap<>();
    List<String> rows = Landing.lines(root, "master/retailers.csv");
    for (String l : rows.subList(1, rows.size())) {
      List<String> f = Landing.csv(l);
      vs.computeIfAbsent(f.get(0), k -> new java.util.ArrayList<>())
          .add(new String[] {f.get(8), f.get(7)});
    }
    vs.forEach(
        (code, list) -> {
          list.sort(java.util.Comparator.comparing(a -> a[0]));
          versionsFrom.put(
              code,
              list.stream().mapToInt(a -> (int) LocalDate.parse(a[0]).toEpochDay()).toArray());
          versionsStatus.put(code, list.stream().map(a -> a[1]).toArray(String[]::new));
        });
    for (String l : Landing.lines(root, "master/products.csv")) {
      skus.add(Landing.csv(l).get(0));
    }
    for (String l : Landing.lines(root, "master/managers.csv")) {
      managers.add(Landing.csv(l).get(0));
    }
  }

  /** Status of the retailer's version on the day: null when none. */
  String status(String retailer, LocalDate day) {
    int[] from = versionsFrom.get(retailer);
    String found = null;
    for (int i = 0; i < from.length && from[i] <= day.toEpochDay(); i++) {
      found = versionsStatus.get(retailer)[i];
    }
    return found;
  }

  void sales(Path root) {
    Map<String, List<Object>> winners = new HashMap<>();
    for (String file : Landing.files(root, "sales")) {
      List<String> lines = Landing.lines(root, file);
      List<String> header = Landing.csv(lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        List<String> f = Landing.csv(lines.get(i));
        String code = salesCode(f, header);
        if (code == null) {
          String key = f.get(0) + "|" + Long.parseLong(f.get(1));
          List<Object> typed =
              List.of(
                  f.get(2),
                  f.get(3),
                  f.get(4),
                  Long.parseLong(f.get(5)),
                  new BigDecimal(f.get(6)).stripTrailingZeros());
          List<Object> prev = winners.put(key, typed);
          code = prev == null ? "ACCEPTED" : prev.equals(typed) ? "DUPLICATE" : "CORRECTION";
        }
        record("sales", file, i + 1, code);
      }
    }
  }

  /** Inspections: the rules of docs/standards.md, independently of the product's code. */
  void inspections(Path root) {
    Map<String, List<Object>> winners = new HashMap<>();
    for (String file : Landing.files(root, "inspections")) {
      List<String> lines = Landing.lines(root, file);
      List<String> header = Landing.csv(lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        List<String> raw = Landing.csv(lines.get(i));
        List<String> f = raw == null ? null : raw.stream().map(String::trim).toList();
        String code = inspectionCode(f, header);
        if (code == null) {
          List<Object> typed =
              List.of(
                  f.get(1),
                  f.get(2),
                  f.get(3),
                  f.get(4),
                  f.get(5),
                  new BigDecimal(f.get(6)).longValueExact());
          List<Object> prev = winners.put(f.get(0), typed);
          code = prev == null ? "ACCEPTED" : prev.equals(typed) ? "DUPLICATE" : "CORRECTION";
        }
        record("inspections", file, i + 1, code);
      }
    }
  }

  private String inspectionCode(List<String> f, List<String> header) {
    if (f == null || f.size() != header.size()) {
      return "MALFORMED";
    }
    if (f.get(0).isEmpty()) {
      return "MISSING_KEY";
    }
    for (int c = 1; c < 7; c++) {
      if (f.get(c).isEmpty()) {
        return "MISSING_VALUE";
      }
      if (c == 1) {
        try {
          LocalDate.parse(f.get(1));
        } catch (DateTimeParseException e) {
          return "BAD_DATE";
        }
      }
      if (c == 6 && !f.get(6).matches("-?\\d+(\\.0*)?")) {
        return "BAD_NUMBER";
      }
    }
    LocalDate date = LocalDate.parse(f.get(1));
    if (date.isBefore(LocalDate.of(2000, 1, 1))
        || date.isAfter(asOf)
        || !Set.of("self", "general", "spot").contains(f.get(2))
        || !Set.of("Y", "N").contains(f.get(5))
        || new BigDecimal(f.get(6)).signum() < 0) {
      return "OUT_OF_RANGE";
    }
    if (!managers.contains(f.get(3))) {
      return "UNKNOWN_MANAGER";
    }
    if (!versionsFrom.containsKey(f.get(4))) {
      return "UNKNOWN_RETAILER";
    }
    return status(f.get(4), date) == null ? "NO_RETAILER_VERSION" : null;
  }

  private String salesCode(List<String> f, List<String> header) {
    if (f == null || f.size() != header.size()) {
      return "MALFORMED";
    }
    if (f.get(0).isEmpty() || f.get(1).isEmpty()) {
      return "MISSING_KEY";
    }
    if (!f.get(1).matches("-?\\d+")) {
      return "BAD_NUMBER";
    }
    LocalDate date;
    try {
      date = LocalDate.parse(f.get(2));
    } catch (DateTimeParseException e) {
      return "BAD_DATE";
    }
    if (!f.get(5).matches("-?\\d+") || !f.get(6).matches("-?\\d+(\\.\\d{1,2})?")) {
      return "BAD_NUMBER";
    }
    if (date.isBefore(LocalDate.of(2000, 1, 1)) || date.isAfter(asOf)) {
      return "OUT_OF_RANGE";
    }
    if (Long.parseLong(f.get(5)) == 0) {
      return "ZERO_QTY";
    }
    if (!versionsFrom.containsKey(f.get(3))) {
      return "UNKNOWN_RETAILER";
    }
    if (!skus.contains(f.get(4))) {
      return "UNKNOWN_SKU";
    }
    String st = status(f.get(3), date);
    return st == null ? "NO_RETAILER_VERSION" : st.equals("active") ? null : "RETAILER_NOT_ACTIVE";
  }

  void touchpoints(Path root) {
    Map<String, JsonNode> winners = new HashMap<>();
    for (String file : Landing.files(root, "touchpoints")) {
      List<String> lines = Landing.lines(root, file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        JsonNode n;
        String code;
        try {
          n = JSON.readTree(lines.get(i));
          code = n != null && n.isObject() ? touchpointCode(n) : "MALFORMED";
        } catch (Exception e) {
          n = null;
          code = "MALFORMED";
        }
        if (code == null) {
          JsonNode prev = winners.put(n.get("event_id").asText(), n);
          code = prev == null ? "ACCEPTED" : prev.equals(n) ? "DUPLICATE" : "CORRECTION";
        }
        record("touchpoints", file, i + 1, code);
      }
    }
  }

  /** The business date of a ts text (offset converted to Asia/Shanghai; none = local). */
  static LocalDate businessDate(String ts) {
    try {
      return OffsetDateTime.parse(ts).atZoneSameInstant(TZ).toLocalDate();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(ts).toLocalDate();
    }
  }

  private String touchpointCode(JsonNode n) {
    if (!n.hasNonNull("event_id") || n.get("event_id").asText().isEmpty()) {
      return "MISSING_KEY";
    }
    LocalDate day;
    try {
      day = businessDate(n.path("ts").asText());
    } catch (DateTimeParseException e) {
      return "BAD_DATE";
    }
    if (day.isBefore(LocalDate.of(2000, 1, 1)) || day.isAfter(asOf)) {
      return "OUT_OF_RANGE";
    }
    if (!CHANNELS.contains(n.path("channel").asText())) {
      return "OUT_OF_RANGE";
    }
    JsonNode sat = n.get("satisfaction");
    if (sat != null
        && !sat.isNull()
        && (!sat.isNumber()
            || sat.asDouble() != Math.rint(sat.asDouble())
            || sat.asDouble() < 1
            || sat.asDouble() > 5)) {
      return "OUT_OF_RANGE";
    }
    JsonNode c = n.get("complaint");
    if (c != null
        && c.hasNonNull("resolved_ts")
        && OffsetDateTime.parse(c.get("resolved_ts").asText())
            .toInstant()
            .isBefore(OffsetDateTime.parse(n.get("ts").asText()).toInstant())) {
      return "OUT_OF_RANGE";
    }
    if (n.hasNonNull("manager_code") && !managers.contains(n.get("manager_code").asText())) {
      return "UNKNOWN_MANAGER";
    }
    if (!versionsFrom.containsKey(n.path("retailer_code").asText())) {
      return "UNKNOWN_RETAILER";
    }
    return status(n.get("retailer_code").asText(), day) == null ? "NO_RETAILER_VERSION" : null;
  }

  private void record(String source, String file, int line, String code) {
    outcome.put(file + ":" + line, code);
    counts.merge(source + ":" + code, 1, Integer::sum);
  }

  int count(String source, String code) {
    return counts.getOrDefault(source + ":" + code, 0);
  }
}
