package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each worked example whose expected.csv names {@code quarantine} or {@code ingest_files}
 * through ingest (fresh lake, whole landing tree, max_quarantine_rate 1) and checks every such
 * cell the way check_examples.py does (key must match exactly one row; empty = NULL; numbers
 * with relative tolerance 1e-9; {@code _rows} counts matching rows).
 */
class ExamplesIngestTest extends IngestTestBase {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "reason-codes",
        "gbk-and-bom",
        "mixed-encoding-per-line",
        "duplicate-across-files",
        "correction-in-later-file",
        "sale-on-closed-day"
      })
  void matchesExpectedCells(String example) throws IOException {
    Path dir = examples().resolve(example);
    Lake lake = newLake();
    ingest(lake, dir.resolve("landing"), "ingest.max_quarantine_rate=1");
    List<String> failures = new ArrayList<>();
    Map<String, List<Row>> tables = new java.util.HashMap<>();
    int checked = 0;
    for (String line : Files.readAllLines(dir.resolve("expected.csv"))) {
      String[] c = line.split(",", 4);
      if (!c[0].equals("quarantine") && !c[0].equals("ingest_files")) {
        continue;
      }
      checked++;
      // each table is collected once (they are tiny); keys are matched on the driver
      List<Row> rows =
          tables.computeIfAbsent(
                  c[0], n -> lake.read(gridperf.lakehouse.TableId.byName(n).orElseThrow()).collectAsList())
              .stream()
              .filter(r -> matches(r, key(c[1])))
              .toList();
      if (c[2].equals("_rows")) {
        if (rows.size() != Integer.parseInt(c[3])) {
          failures.add(line + " -> " + rows.size() + " rows");
        }
        continue;
      }
      if (rows.size() != 1) {
        failures.add(line + " -> " + rows.size() + " matching rows");
        continue;
      }
      Object v = rows.get(0).getAs(c[2]);
      if (!same(c[3], v)) {
        failures.add(line + " -> " + v);
      }
    }
    assertThat(checked).isPositive();
    assertThat(failures).as(example).isEmpty();
  }

  private static boolean matches(Row r, Map<String, String> key) {
    for (Map.Entry<String, String> k : key.entrySet()) {
      Object v = r.getAs(k.getKey());
      if (k.getValue().isEmpty() ? v != null : v == null || !String.valueOf(v).equals(k.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> key(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!key.isEmpty()) {
      for (String part : key.split(";")) {
        int eq = part.indexOf('=');
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return out;
  }

  private static boolean same(String expected, Object actual) {
    if (expected.isEmpty() || actual == null) {
      return expected.isEmpty() && actual == null;
    }
    String a = String.valueOf(actual);
    if (a.equals(expected)) {
      return true;
    }
    try {
      BigDecimal e = new BigDecimal(expected);
      BigDecimal g = new BigDecimal(a);
      double tol = 1e-9 * Math.max(Math.abs(e.doubleValue()), Math.abs(g.doubleValue()));
      return Math.abs(e.doubleValue() - g.doubleValue()) <= tol;
    } catch (NumberFormatException ex) {
      return false;
    }
  }
}
