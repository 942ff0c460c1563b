-- Bar 4: docs/scoring.md's plain-SQL service_compliance (menus of conf/scoring-classes.conf, stored classes)
-- against perf_manager's Y service_compliance and against manager_scorecard.service_value.
WITH menu(class, visit, remote) AS (VALUES ('key_large', 4, 2), ('key', 3, 1), ('modern_mid', 1, 2),
  ('traditional_mid', 2, 1), ('graded_low', 1, 1), ('sizeable_low', 1, 0), ('small_low', 0, 1)),
cls AS (SELECT retailer_code, year + 1 AS year, class, preferred_remote FROM retailer_segment),
credited AS (
  SELECT manager_code, retailer_code, year, month,
         count_if(channel = 'visit') AS visits, count_if(channel = 'phone') AS phone,
         count_if(channel = 'wechat') AS wechat
  FROM fact_touchpoint GROUP BY ALL),
pairs AS (
  SELECT DISTINCT entity_code AS manager_code, retailer_code, year, month
  FROM service_visits WHERE entity_type = 'manager'),
sql_sc AS (
SELECT p.manager_code, p.year, count(*) AS pairs,
       CAST(count_if(coalesce(c.visits, 0) >= m.visit
                     AND (CASE WHEN k.preferred_remote = 'wechat' THEN coalesce(c.wechat, 0)
                               ELSE coalesce(c.phone, 0) END) >= m.remote) AS DOUBLE)
         / count(*) AS service_compliance
FROM pairs p JOIN cls k USING (retailer_code, year) JOIN menu m ON m.class = k.class
LEFT JOIN credited c USING (manager_code, retailer_code, year, month)
WHERE m.visit > 0 OR m.remote > 0
GROUP BY p.manager_code, p.year),
pm AS (SELECT manager_code, year, service_compliance FROM perf_manager WHERE period_type = 'Y'),
sc AS (SELECT manager_code, year, service_value FROM manager_scorecard)
SELECT count(*) AS manager_years, count_if(s.service_compliance IS NOT NULL) AS sql_rows,
       count_if(pm.service_compliance IS NOT NULL) AS pm_non_null,
       count_if(NOT (pm.service_compliance <=> s.service_compliance)) AS pm_not_identical,
       max(abs(pm.service_compliance - s.service_compliance)) AS pm_max_abs_diff,
       count_if(sc.manager_code IS NOT NULL AND NOT (sc.service_value <=> s.service_compliance)) AS scorecard_not_identical,
       max(abs(sc.service_value - s.service_compliance)) AS scorecard_max_abs_diff,
       sum(s.pairs) AS pairs
FROM pm FULL OUTER JOIN sql_sc s USING (manager_code, year) LEFT JOIN sc USING (manager_code, year)
