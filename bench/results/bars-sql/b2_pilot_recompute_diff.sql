-- Bar 2: jobs/src/test/resources/pilots/recompute_pilot_effect.sql (verbatim, as CTE "r")
-- joined with pilot_effect on (pilot_id, metric): max |difference| per column; <=> counts NULL-safe mismatches.
WITH arms AS (
  SELECT pilot_id, grid_code, arm FROM dim_pilot
  UNION ALL
  SELECT p.pilot_id, g.grid_code, 'control'
  FROM (SELECT DISTINCT pilot_id FROM dim_pilot) p
  CROSS JOIN dim_grid g
  WHERE NOT EXISTS (SELECT 1 FROM dim_pilot c WHERE c.pilot_id = p.pilot_id AND c.arm = 'control')
    AND EXISTS (SELECT 1 FROM dim_pilot d JOIN dim_grid dg ON dg.grid_code = d.grid_code
                WHERE d.pilot_id = p.pilot_id AND d.arm = 'pilot' AND dg.market_type = g.market_type)
    AND NOT EXISTS (SELECT 1 FROM dim_pilot l WHERE l.pilot_id = p.pilot_id AND l.grid_code = g.grid_code)
    AND NOT EXISTS (SELECT 1 FROM dim_pilot a WHERE a.arm = 'pilot' AND a.grid_code = g.grid_code)
),
windows AS (SELECT DISTINCT pilot_id, pre_from, pre_to, post_from, post_to FROM pilot_effect),
monthly AS (
  SELECT grid_code, period,
         stack(6, 'order_rate', order_rate,
                  'visit_coverage', visit_coverage,
                  'volume_per_retailer', CASE WHEN retailers_assigned <> 0
                      THEN CAST(volume_cases AS DOUBLE) / CAST(retailers_assigned AS DOUBLE) END,
                  'satisfaction_avg', satisfaction_avg,
                  'peak_end_avg', peak_end_avg,
                  'complaints_per_100', complaints_per_100) AS (metric, value)
  FROM perf_grid WHERE period_type = 'M'
),
grid_windows AS (
  SELECT a.pilot_id, a.grid_code, a.arm, m.metric,
         AVG(CASE WHEN m.period BETWEEN w.pre_from AND w.pre_to THEN m.value END) AS pre,
         AVG(CASE WHEN m.period BETWEEN w.post_from AND w.post_to THEN m.value END) AS post
  FROM arms a JOIN windows w ON w.pilot_id = a.pilot_id
  JOIN monthly m ON m.grid_code = a.grid_code
  GROUP BY a.pilot_id, a.grid_code, a.arm, m.metric
),
deltas AS (SELECT *, post - pre AS delta FROM grid_windows WHERE pre IS NOT NULL AND post IS NOT NULL),
r AS (SELECT pilot_id, metric,
       COUNT(CASE WHEN arm = 'pilot' THEN 1 END) AS n_pilot,
       COUNT(CASE WHEN arm = 'control' THEN 1 END) AS n_control,
       AVG(CASE WHEN arm = 'pilot' THEN pre END) AS pilot_pre,
       AVG(CASE WHEN arm = 'pilot' THEN post END) AS pilot_post,
       AVG(CASE WHEN arm = 'control' THEN pre END) AS control_pre,
       AVG(CASE WHEN arm = 'control' THEN post END) AS control_post,
       AVG(CASE WHEN arm = 'pilot' THEN delta END) - AVG(CASE WHEN arm = 'control' THEN delta END) AS did,
       SQRT(VAR_SAMP(CASE WHEN arm = 'pilot' THEN delta END) / COUNT(CASE WHEN arm = 'pilot' THEN 1 END)
          + VAR_SAMP(CASE WHEN arm = 'control' THEN delta END) / COUNT(CASE WHEN arm = 'control' THEN 1 END)) AS se
FROM deltas
GROUP BY pilot_id, metric)
SELECT count(*) AS rows_joined, count_if(p.pilot_id IS NULL) AS only_in_sql, count_if(r.pilot_id IS NULL) AS only_in_table,
  max(abs(r.n_pilot - p.n_pilot)) AS max_abs_n_pilot, count_if(NOT ((r.n_pilot IS NULL) <=> (p.n_pilot IS NULL))) AS nullness_diff_n_pilot,
  max(abs(r.n_control - p.n_control)) AS max_abs_n_control, count_if(NOT ((r.n_control IS NULL) <=> (p.n_control IS NULL))) AS nullness_diff_n_control,
  max(abs(r.pilot_pre - p.pilot_pre)) AS max_abs_pilot_pre, count_if(NOT ((r.pilot_pre IS NULL) <=> (p.pilot_pre IS NULL))) AS nullness_diff_pilot_pre,
  max(abs(r.pilot_post - p.pilot_post)) AS max_abs_pilot_post, count_if(NOT ((r.pilot_post IS NULL) <=> (p.pilot_post IS NULL))) AS nullness_diff_pilot_post,
  max(abs(r.control_pre - p.control_pre)) AS max_abs_control_pre, count_if(NOT ((r.control_pre IS NULL) <=> (p.control_pre IS NULL))) AS nullness_diff_control_pre,
  max(abs(r.control_post - p.control_post)) AS max_abs_control_post, count_if(NOT ((r.control_post IS NULL) <=> (p.control_post IS NULL))) AS nullness_diff_control_post,
  max(abs(r.did - p.did)) AS max_abs_did, count_if(NOT ((r.did IS NULL) <=> (p.did IS NULL))) AS nullness_diff_did,
  max(abs(r.se - p.se)) AS max_abs_se, count_if(NOT ((r.se IS NULL) <=> (p.se IS NULL))) AS nullness_diff_se
FROM r FULL OUTER JOIN pilot_effect p ON p.pilot_id = r.pilot_id AND p.metric = r.metric
