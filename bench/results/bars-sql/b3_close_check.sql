-- Bar 3, on lakeA-close after score, close --year 2014, a late 2014 sales file and update.
-- ${V} = period_close.scorecard_version of the 2014 close (substituted by the runner, see the results file).
-- (1) the 2014 rows now vs at the close, EXCEPT ALL both ways
SELECT 'closed_minus_now' AS side, count(*) AS n_rows FROM (
  SELECT * FROM manager_scorecard VERSION AS OF ${V} WHERE year = 2014
  EXCEPT ALL SELECT * FROM manager_scorecard WHERE year = 2014)
UNION ALL
SELECT 'now_minus_closed', count(*) FROM (
  SELECT * FROM manager_scorecard WHERE year = 2014
  EXCEPT ALL SELECT * FROM manager_scorecard VERSION AS OF ${V} WHERE year = 2014)
UNION ALL SELECT 'rows_2014_now', count(*) FROM manager_scorecard WHERE year = 2014
UNION ALL SELECT 'rows_2014_closed', count(*) FROM manager_scorecard VERSION AS OF ${V} WHERE year = 2014
