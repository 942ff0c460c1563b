package gridperf.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares a table with a golden CSV under src/test/resources/&lt;job&gt;/: '#' lines are comments,
 * the header names the columns, an empty cell is NULL; rows are matched by their first {@code
 * keyColumns} cells and numbers compare with a relative tolerance of 1e-12.
 */
final class Golden {
  private Golden() {}

  /** A golden CSV's columns and rows of cells ("" is NULL). */
  record Table(String name, List<String> columns, List<List<String>> rows) {
    /** This table with column {@code column} replaced by {@code into}, its cells mapped by f. */
    Table replace(String column, List<String> into, Function<String, List<String>> f) {
      int at = columns.indexOf(column);
      assertThat(at).as(name + " has " + column).isNotNegative();
      List<String> cols = new ArrayList<>(columns);
      cols.remove(at);
      cols.addAll(at, into);
      List<List<String>> out = new ArrayList<>();
      for (List<String> r : rows) {
        List<String> cells = new ArrayList<>(r);
        cells.remove(at);
        cells.addAll(at, f.apply(r.get(at)));
        out.add(cells);
      }
      return new Table(name, cols, out);
    }

    /** This table without the given columns. */
    Table without(String... drop) {
      Table t = this;
      for (String c : drop) {
        t = t.replace(c, List.of(), cell -> List.of());
      }
      return t;
    }
  }

  /** The golden CSV {@code resource}: '#' lines and blank lines left out. */
  static Table read(String resource) throws IOException {
    Path p =
        Path.of(
            System.getProperty("gridperf.project.root", ".."), "jobs/src/test/resources", resource);
    if (!Files.exists(p)) {
      p = Path.of("src/test/resources", resource);
    }
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (!l.startsWith("#") && !l.isBlank()) {
        lines.add(l);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(List.of(l.split(",", -1)));
    }
    return new Table(resource, List.of(lines.get(0).split(",", -1)), rows);
  }

  static void assertMatches(Dataset<Row> table, String resource, int keyColumns)
      throws IOException {
    assertMatches(table, read(resource), keyColumns);
  }

  static void assertMatches(Dataset<Row> table, Table golden, int keyColumns) {
    String resource = golden.name();
    String[] header = golden.columns().toArray(new String[0]);
    Map<String, String[]> want = new TreeMap<>();
    for (List<String> row : golden.rows()) {
      String[] cells = row.toArray(new String[0]);
      want.put(key(cells, keyColumns), cells);
    }
    Map<String, String[]> got = new TreeMap<>();
    for (Row r : table.selectExpr(header).collectAsList()) {
      String[] cells = new String[r.length()];
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        cells[i] =
            v == null
                ? ""
                : v instanceof BigDecimal bd
                    ? bd.stripTrailingZeros().toPlainString()
                    : v.toString();
      }
      got.put(key(cells, keyColumns), cells);
    }
    assertThat(got.keySet()).as(resource + " keys").isEqualTo(want.keySet());
    for (Map.Entry<String, String[]> e : want.entrySet()) {
      String[] g = got.get(e.getKey());
      for (int i = 0; i < header.length; i++) {
        assertThat(same(g[i], e.getValue()[i]))
            .as(
                resource
                    + " "
                    + e.getKey()
                    + " "
                    + header[i]
                    + ": got "
                    + g[i]
                    + ", want "
                    + e.getValue()[i])
            .isTrue();
      }
    }
  }

  private static String key(String[] cells, int n) {
    return String.join("|", List.of(cells).subList(0, n));
  }

  private static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      return Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
