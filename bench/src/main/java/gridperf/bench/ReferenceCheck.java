package gridperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that gridperf and DuckDB agree (a benchmark of wrong answers is worthless): landing totals
 * per year (DuckDB's reading of the CSV/JSON files) against the silver facts; the DuckDB build
 * reference against gridperf's perf_manager, perf_grid and perf_category cell by cell on every
 * metric both compute; and the company's volume and revenue per year in perf_manager against the
 * landing. Gold and silver are read from their current Delta snapshots only.
 */
public final class ReferenceCheck {
  private static final int EXAMPLES = 3;

  private ReferenceCheck() {}

  /**
   * Returns the disagreements (empty when all agree). With {@code coreOnly}, disagreements on
   * metrics outside {@link ReferenceSql#CORE} are printed as warnings instead.
   */
  public static List<String> run(
      Duck duck, Path lake, Path ref, List<String> landingRefs, boolean coreOnly) throws Exception {
    List<String> problems = new ArrayList<>();
    DuckStage.silverViews(duck, lake);
    landingViews(duck, landingRefs);
    compareRows(
        duck,
        "sales per year (landing vs fact_sales_line)",
        "SELECT year(order_date) AS y, count(*) AS n, sum(qty_cartons) AS q,"
            + " sum(amount_yuan) AS a FROM %s GROUP BY 1",
        "landing_sales",
        "s",
        problems);
    compareRows(
        duck,
        "touchpoints per business year (landing vs fact_touchpoint)",
        "SELECT year(business_date) AS y, count(*) AS n FROM %s GROUP BY 1",
        "landing_tp",
        "t",
        problems);
    for (Map.Entry<String, List<String>> e : DuckStage.ENTITY_TABLES.entrySet()) {
      Path table = lake.resolve("gold/" + e.getKey());
      Path refFile = ref.resolve(e.getKey() + ".parquet");
      if (!Files.isDirectory(table.resolve("_delta_log"))) {
        problems.add(e.getKey() + ": gridperf did not write " + table);
        continue;
      }
      duck.deltaView("g", table);
      duck.exec(
          "CREATE OR REPLACE VIEW ref AS SELECT * FROM read_parquet("
              + ReferenceSql.quote(refFile.toString())
              + ")");
      compareEntity(duck, e.getKey(), e.getValue(), coreOnly, problems);
      if (e.getKey().equals("perf_manager")) {
        compareRows(
            duck,
            "company volume and revenue per year (landing vs perf_manager Y rows)",
            "SELECT CAST(y AS INTEGER) AS y, CAST(vc AS DECIMAL(38, 3)) AS vc,"
                + " CAST(a AS DECIMAL(38, 2)) AS a FROM %s",
            "(SELECT year(order_date) AS y, sum(qty_cartons) / 250 AS vc,"
                + " sum(amount_yuan) AS a FROM landing_sales GROUP BY 1)",
            "(SELECT period AS y, sum(CAST(volume_cases AS DECIMAL(38, 3))) AS vc,"
                + " sum(revenue_yuan) AS a FROM g WHERE period_type = 'Y' GROUP BY 1)",
            problems);
      }
    }
    return problems;
  }

  private static void landingViews(Duck duck, List<String> landingRefs) throws Exception {
    List<String> sales = new ArrayList<>();
    List<String> tps = new ArrayList<>();
    for (String d : landingRefs) {
      Path dir = Path.of(d);
      if (Files.exists(dir.resolve("sales.parquet"))) {
        sales.add(dir.resolve("sales.parquet").toString());
      }
      if (Files.exists(dir.resolve("touchpoints.parquet"))) {
        tps.add(dir.resolve("touchpoints.parquet").toString());
      }
    }
    duck.exec(
        "CREATE OR REPLACE VIEW landing_sales AS SELECT * FROM read_parquet("
            + ReferenceSql.fileList(sales)
            + ")");
    duck.exec(
        "CREATE OR REPLACE VIEW landing_tp AS SELECT * FROM read_parquet("
            + ReferenceSql.fileList(tps)
            + ")");
  }

  /** Compares the same aggregate over two sources as sets of rows. */
  static void compareRows(
      Duck duck, String what, String template, String a, String b, List<String> problems)
      throws Exception {
    String qa = String.format(template, a);
    String qb = String.format(template, b);
    List<Object[]> onlyA = duck.rows("(" + qa + ") EXCEPT (" + qb + ") ORDER BY 1");
    List<Object[]> onlyB = duck.rows("(" + qb + ") EXCEPT (" + qa + ") ORDER BY 1");
    if (onlyA.isEmpty() && onlyB.isEmpty()) {
      System.out.println("agree: " + what + " " + show(duck.rows(qa + " ORDER BY 1")));
      return;
    }
    problems.add(
        what + ": only in " + a + " " + show(onlyA) + "; only in " + b + " " + show(onlyB));
  }

  private static void compareEntity(
      Duck duck, String table, List<String> entity, boolean coreOnly, List<String> problems)
      throws Exception {
    Set<String> columns = new HashSet<>();
    for (Object[] r : duck.rows("SELECT column_name FROM (DESCRIBE g)")) {
      columns.add(String.valueOf(r[0]));
    }
    List<String> keys = new ArrayList<>(entity);
    keys.addAll(List.of("period_type", "period"));
    String on = String.join(", ", keys);
    String keyExpr = "concat_ws('/', " + on + ")";
    String gKeyExpr = "concat_ws('/', g." + String.join(", g.", keys) + ")";
    long refRows = ((Number) duck.rows("SELECT count(*) FROM ref").get(0)[0]).longValue();
    long gRows = ((Number) duck.rows("SELECT count(*) FROM g").get(0)[0]).longValue();
    List<Object[]> onlyRef =
        duck.rows("SELECT " + keyExpr + " FROM ref ANTI JOIN g USING (" + on + ") LIMIT 5");
    List<Object[]> onlyG =
        duck.rows("SELECT " + keyExpr + " FROM g ANTI JOIN ref USING (" + on + ") LIMIT 5");
    if (!onlyRef.isEmpty() || !onlyG.isEmpty()) {
      problems.add(
          table
              + ": rows differ (DuckDB "
              + refRows
              + ", gridperf "
              + gRows
              + "); only DuckDB "
              + show(onlyRef)
              + "; only gridperf "
              + show(onlyG));
    }
    int compared = 0;
    for (String m : ReferenceSql.METRICS) {
      boolean core = ReferenceSql.CORE.contains(m);
      if (!columns.contains(m)) {
        String msg = table + "." + m + ": column missing in gridperf's table";
        if (core) {
          problems.add(msg);
        } else {
          System.out.println("warning: " + msg);
        }
        continue;
      }
      compared++;
      String differ =
          "(g."
              + m
              + " IS NULL) <> (ref."
              + m
              + " IS NULL) OR abs(CAST(g."
              + m
              + " AS DOUBLE) - CAST(ref."
              + m
              + " AS DOUBLE)) > 1e-9 * greatest(1.0, abs(CAST(ref."
              + m
              + " AS DOUBLE)))";
      List<Object[]> bad =
          duck.rows(
              "SELECT count(*) OVER (), "
                  + gKeyExpr
                  + ", CAST(g."
                  + m
                  + " AS VARCHAR), CAST(ref."
                  + m
                  + " AS VARCHAR)"
                  + " FROM g JOIN ref USING ("
                  + on
                  + ") WHERE "
                  + differ
                  + " LIMIT "
                  + EXAMPLES);
      if (!bad.isEmpty()) {
        String msg =
            table
                + "."
                + m
                + ": "
                + bad.get(0)[0]
                + " of "
                + refRows
                + " cells differ, e.g. (key, gridperf, DuckDB) "
                + show(trimFirst(bad));
        if (core || !coreOnly) {
          problems.add(msg);
        } else {
          System.out.println("warning: " + msg);
        }
      }
    }
    System.out.println(
        "compared "
            + table
            + ": "
            + refRows
            + " DuckDB rows, "
            + gRows
            + " gridperf rows, "
            + compared
            + " metrics");
  }

  private static List<Object[]> trimFirst(List<Object[]> rows) {
    return rows.stream().map(r -> Arrays.copyOfRange(r, 1, r.length)).toList();
  }

  static String show(List<Object[]> rows) {
    StringBuilder b = new StringBuilder("[");
    for (Object[] r : rows) {
      b.append(b.length() == 1 ? "" : ", ").append(Arrays.toString(r));
    }
    return b.append("]").toString();
  }
}
