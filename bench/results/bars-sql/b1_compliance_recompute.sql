-- Bar 1: perf_manager Y service_compliance vs a plain-SQL recomputation with the default menu
-- (the SQL of docs/scoring.md with the menu A = 4, B = 2, C = 1 visits, remote 0).
WITH menu(class, visit, remote) AS (VALUES ('A', 4, 0), ('B', 2, 0), ('C', 1, 0)),
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
pm AS (SELECT manager_code, year, service_compliance FROM perf_manager WHERE period_type = 'Y')
SELECT count(*) AS manager_years, count_if(pm.service_compliance IS NULL) AS pm_null,
       count_if(s.service_compliance IS NULL) AS sql_null,
       count_if(NOT (pm.service_compliance <=> s.service_compliance)) AS not_identical,
       max(abs(pm.service_compliance - s.service_compliance)) AS max_abs_diff,
       sum(s.pairs) AS manager_pairs
FROM pm FULL OUTER JOIN sql_sc s USING (manager_code, year)
