-- Bar 4: per manager-year, stored vs SQL service_compliance at full precision (for the report)
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
       count_if(coalesce(c.visits, 0) >= m.visit
                     AND (CASE WHEN k.preferred_remote = 'wechat' THEN coalesce(c.wechat, 0)
                               ELSE coalesce(c.phone, 0) END) >= m.remote) AS met
FROM pairs p JOIN cls k USING (retailer_code, year) JOIN menu m ON m.class = k.class
LEFT JOIN credited c USING (manager_code, retailer_code, year, month)
WHERE m.visit > 0 OR m.remote > 0
GROUP BY p.manager_code, p.year)
SELECT manager_code, year, s.pairs, s.met, CAST(s.met AS DOUBLE) / s.pairs AS sql_value,
       pm.service_compliance AS stored, pm.service_compliance - CAST(s.met AS DOUBLE) / s.pairs AS diff
FROM (SELECT manager_code, year, service_compliance FROM perf_manager WHERE period_type = 'Y') pm
FULL OUTER JOIN sql_sc s USING (manager_code, year) ORDER BY year, manager_code
