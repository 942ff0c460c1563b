-- Bar 3: closed total + Σ bonus_delta_yuan against the re-scored total (what-if 'rescored', year 2014)
SELECT (SELECT sum(bonus_yuan) FROM manager_scorecard WHERE year = 2014) AS closed_total,
       (SELECT coalesce(sum(bonus_delta_yuan), 0) FROM scorecard_adjustment WHERE year = 2014) AS sum_delta,
       (SELECT sum(bonus_yuan) FROM manager_scorecard WHERE year = 2014)
     + (SELECT coalesce(sum(bonus_delta_yuan), 0) FROM scorecard_adjustment WHERE year = 2014) AS closed_plus_delta,
       (SELECT sum(bonus_yuan) FROM scorecard_scenario WHERE scenario = 'rescored' AND year = 2014) AS rescored_total,
       (SELECT count(*) FROM scorecard_adjustment WHERE year = 2014) AS adjustment_rows
