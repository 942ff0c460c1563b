package gridperf.bench;

import java.util.List;

/**
 * The DuckDB reference, in SQL: the landing→Parquet conversion (the ingest reference) and the gold
 * metrics of docs/contract.md, Metrics, per entity and period (the build reference), from the
 * contract independently of the Spark code. Inputs are views {@code s} (fact_sales_line), {@code t}
 * (fact_touchpoint) and {@code r} (dim_retailer) over the current-snapshot files.
 *
 * <p>Computed per (entity, period_type, period): retailers_assigned, retailers_ordering,
 * order_rate, volume_cases, revenue_yuan, revenue_per_case, high_class_share, volume_yoy,
 * touchpoints, visits, complaints, visit_coverage, mot_avg, satisfaction_avg, complaints_per_100,
 * complaint_resolved_24h_rate. Not computed: target_*, peak_end_avg, service_compliance.
 */
public final class ReferenceSql {
  /** The metric columns of {@link #entityMetrics}, in order. */
  public static final List<String> METRICS =
      List.of(
          "retailers_assigned",
          "retailers_ordering",
          "order_rate",
          "volume_cases",
          "revenue_yuan",
          "revenue_per_case",
          "high_class_share",
          "volume_yoy",
          "touchpoints",
          "visits",
          "complaints",
          "visit_coverage",
          "mot_avg",
          "satisfaction_avg",
          "complaints_per_100",
          "complaint_resolved_24h_rate");

  /** Metrics whose disagreement fails the benchmark in every case (the benchmark's minimum). */
  public static final List<String> CORE =
      List.of(
          "volume_cases",
          "revenue_yuan",
          "retailers_ordering",
          "retailers_assigned",
          "order_rate",
          "touchpoints",
          "visits");

  private ReferenceSql() {}

  /** A SQL list literal of file paths. */
  public static String fileList(List<String> files) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < files.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quote(files.get(i)));
    }
    return b.append("]").toString();
  }

  /** A SQL string literal. */
  public static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** SELECT of the landing sales files typed per docs/contract.md, Landing files (RFC 4180). */
  public static String readSales(List<String> files) {
    return "SELECT * FROM read_csv("
        + fileList(files)
        + ", header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false,"
        + " columns = {'order_id': 'VARCHAR', 'line_no': 'BIGINT', 'order_date': 'DATE',"
        + " 'retailer_code': 'VARCHAR', 'sku_code': 'VARCHAR', 'qty_cartons': 'BIGINT',"
        + " 'amount_yuan': 'DECIMAL(18,2)'})";
  }

  /** SELECT of the landing touchpoint files (JSON lines), with the business date. */
  public static String readTouchpoints(List<String> files) {
    return "SELECT *, CAST(ts AS DATE) AS business_date FROM read_json("
        + fileList(files)
        + ", format = 'newline_delimited', columns = {'event_id': 'VARCHAR',"
        + " 'ts': 'TIMESTAMPTZ', 'retailer_code': 'VARCHAR', 'manager_code': 'VARCHAR',"
        + " 'channel': 'VARCHAR', 'duration_min': 'DOUBLE', 'mot': 'JSON',"
        + " 'satisfaction': 'DOUBLE', 'complaint': 'JSON'})";
  }

  /** Statements creating {@code months}, {@code pm} (month → M/Q/Y labels) and {@code periods}. */
  public static List<String> periods() {
    return List.of(
        "CREATE OR REPLACE TEMP TABLE rng AS SELECT"
            + " CAST(date_trunc('month', least(s_lo, t_lo)) AS DATE) AS lo,"
            + " last_day(greatest(s_hi, t_hi)) AS hi FROM"
            + " (SELECT min(order_date) s_lo, max(order_date) s_hi FROM s),"
            + " (SELECT min(business_date) t_lo, max(business_date) t_hi FROM t)",
        "CREATE OR REPLACE TEMP TABLE months AS SELECT CAST(generate_series AS DATE) AS m"
            + " FROM rng, generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP),"
            + " INTERVAL 1 MONTH)",
        "CREATE OR REPLACE TEMP TABLE pm AS"
            + " SELECT m, 'M' AS pt, strftime(m, '%Y-%m') AS per FROM months UNION ALL"
            + " SELECT m, 'Q', CAST(year(m) AS VARCHAR) || '-Q' || CAST(quarter(m) AS VARCHAR)"
            + " FROM months UNION ALL SELECT m, 'Y', CAST(year(m) AS VARCHAR) FROM months",
        "CREATE OR REPLACE TEMP TABLE periods AS SELECT pt, per, min(m) AS p_lo,"
            + " CAST(max(m) + INTERVAL 1 MONTH AS DATE) AS p_hi FROM pm GROUP BY pt, per");
  }

  /**
   * The metrics of one entity table (perf_manager: {@code manager_code}; perf_grid: {@code
   * grid_code}; perf_category: {@code format, market_type, scale}) for every period type.
   */
  public static String entityMetrics(List<String> entity) {
    String e = String.join(", ", entity);
    String on = String.join(", ", entity) + ", pt, per";
    String visit = "channel = 'visit'";
    String mot3 =
        visit
            + " AND mot_appearance IS NOT NULL AND mot_behaviour IS NOT NULL"
            + " AND mot_communication IS NOT NULL";
    return "WITH sm AS (SELECT "
        + e
        + ", retailer_code, CAST(date_trunc('month', order_date) AS DATE) AS m,"
        + " sum(qty_cartons) AS q, sum(amount_yuan) AS a,"
        + " sum(CASE WHEN price_class <= 2 THEN qty_cartons ELSE 0 END) AS qh,"
        + " bool_or(qty_cartons > 0) AS ordered FROM s GROUP BY ALL),"
        + " sp AS (SELECT "
        + e
        + ", pt, per, sum(q) AS q, sum(a) AS a, sum(qh) AS qh,"
        + " count(DISTINCT CASE WHEN ordered THEN retailer_code END) AS ordering"
        + " FROM sm JOIN pm USING (m) GROUP BY ALL),"
        + " tm AS (SELECT "
        + e
        + ", retailer_code, CAST(date_trunc('month', business_date) AS DATE) AS m,"
        + " count(*) AS n, count(*) FILTER (WHERE "
        + visit
        + ") AS v, count(*) FILTER (WHERE channel = 'complaint') AS c,"
        + " count(*) FILTER (WHERE channel = 'complaint' AND complaint_resolved_24h) AS c24,"
        + " sum((mot_appearance + mot_behaviour + mot_communication) / 3) FILTER (WHERE "
        + mot3
        + ") AS mot_s, count(*) FILTER (WHERE "
        + mot3
        + ") AS mot_n, sum(satisfaction) AS sat_s, count(satisfaction) AS sat_n"
        + " FROM t GROUP BY ALL),"
        + " tp AS (SELECT "
        + e
        + ", pt, per, sum(n) AS n, sum(v) AS v, sum(c) AS c, sum(c24) AS c24,"
        + " sum(mot_s) AS mot_s, sum(mot_n) AS mot_n, sum(sat_s) AS sat_s, sum(sat_n) AS sat_n"
        + " FROM tm JOIN pm USING (m) GROUP BY ALL),"
        + " asg AS (SELECT DISTINCT "
        + prefixed("r", entity)
        + ", p.pt, p.per, r.retailer_code FROM r JOIN periods p ON r.valid_from < p.p_hi"
        + " AND coalesce(r.valid_to, DATE '9999-12-31') > p.p_lo"
        + " WHERE r.license_status = 'active'),"
        + " vis AS (SELECT DISTINCT "
        + e
        + ", pt, per, retailer_code FROM tm JOIN pm USING (m) WHERE v > 0),"
        + " ap AS (SELECT "
        + prefixed("asg", entity)
        + ", asg.pt, asg.per, count(*) AS assigned, count(vis.retailer_code) AS covered"
        + " FROM asg LEFT JOIN vis USING ("
        + on
        + ", retailer_code) GROUP BY ALL),"
        + " j AS (SELECT "
        + on
        + ", coalesce(ap.assigned, 0) AS assigned, coalesce(ap.covered, 0) AS covered,"
        + " coalesce(sp.ordering, 0) AS ordering, coalesce(sp.q, 0) AS q,"
        + " coalesce(sp.a, CAST(0 AS DECIMAL(38, 2))) AS a, coalesce(sp.qh, 0) AS qh,"
        + " coalesce(tp.n, 0) AS n, coalesce(tp.v, 0) AS v, coalesce(tp.c, 0) AS c,"
        + " coalesce(tp.c24, 0) AS c24, tp.mot_s, coalesce(tp.mot_n, 0) AS mot_n, tp.sat_s,"
        + " coalesce(tp.sat_n, 0) AS sat_n FROM ap FULL JOIN sp USING ("
        + on
        + ") FULL JOIN tp USING ("
        + on
        + "))"
        + " SELECT j."
        + String.join(", j.", entity)
        + ", j.pt AS period_type, j.per AS period,"
        + " j.assigned AS retailers_assigned, j.ordering AS retailers_ordering,"
        + " CASE WHEN j.assigned > 0 THEN j.ordering / j.assigned END AS order_rate,"
        + " j.q / 250.0 AS volume_cases, j.a AS revenue_yuan,"
        + " CASE WHEN j.q > 0 THEN CAST(j.a AS DOUBLE) / (j.q / 250.0) END AS revenue_per_case,"
        + " CASE WHEN j.q > 0 THEN j.qh / j.q END AS high_class_share,"
        + " CASE WHEN prev.q > 0 THEN (j.q / 250.0) / (prev.q / 250.0) - 1 END AS volume_yoy,"
        + " j.n AS touchpoints, j.v AS visits, j.c AS complaints,"
        + " CASE WHEN j.assigned > 0 THEN j.covered / j.assigned END AS visit_coverage,"
        + " CASE WHEN j.mot_n > 0 THEN j.mot_s / j.mot_n END AS mot_avg,"
        + " CASE WHEN j.sat_n > 0 THEN j.sat_s / j.sat_n END AS satisfaction_avg,"
        + " CASE WHEN j.assigned > 0 THEN j.c / j.assigned * 100 END AS complaints_per_100,"
        + " CASE WHEN j.c > 0 THEN j.c24 / j.c END AS complaint_resolved_24h_rate"
        + " FROM j LEFT JOIN j AS prev ON "
        + joinOn("j", "prev", entity)
        + " AND prev.pt = j.pt AND prev.per = CAST(CAST(substr(j.per, 1, 4) AS INTEGER) - 1"
        + " AS VARCHAR) || substr(j.per, 5)";
  }

  private static String prefixed(String alias, List<String> cols) {
    return alias + "." + String.join(", " + alias + ".", cols);
  }

  private static String joinOn(String a, String b, List<String> cols) {
    StringBuilder s = new StringBuilder();
    for (String c : cols) {
      s.append(s.length() == 0 ? "" : " AND ")
          .append(b)
          .append('.')
          .append(c)
          .append(" = ")
          .append(a)
          .append('.')
          .append(c);
    }
    return s.toString();
  }
}
