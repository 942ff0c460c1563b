-- Bar 3: fair what-if: every row's bonus against round_half_up(10000 x multiplier x assigned_days / days of the
-- year in the data range, 2) (data range 2011-01-01 .. 2015-12-31, so days of the year = 365 or 366);
-- eligibility against min_assigned_days = 90.
WITH s AS (SELECT * FROM scorecard_scenario WHERE scenario = 'fair'),
mult(tier, m) AS (VALUES ('A', 1.5BD), ('B', 1.2BD), ('C', 1.0BD), ('D', 0.6BD)),
d AS (SELECT year, datediff(make_date(year + 1, 1, 1), make_date(year, 1, 1)) AS days_in_range
      FROM (SELECT DISTINCT year FROM s)),
x AS (SELECT s.manager_code, s.year, s.assigned_days, d.days_in_range, s.eligible, s.tier, s.bonus_yuan,
             round(CAST(10000 AS DECIMAL(38,10)) * mult.m * s.assigned_days / d.days_in_range, 2) AS expected_bonus
      FROM s JOIN d USING (year) LEFT JOIN mult USING (tier))
SELECT manager_code, year, assigned_days, days_in_range, eligible, tier, bonus_yuan, expected_bonus,
       (bonus_yuan <=> expected_bonus) AS bonus_ok,
       (eligible = (assigned_days >= 90)) AS eligible_ok
FROM x WHERE assigned_days < days_in_range OR NOT eligible OR NOT (bonus_yuan <=> expected_bonus)
ORDER BY year, manager_code
