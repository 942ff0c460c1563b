-- Bar 3: summary of the fair what-if over all rows
WITH s AS (SELECT * FROM scorecard_scenario WHERE scenario = 'fair'),
mult(tier, m) AS (VALUES ('A', 1.5BD), ('B', 1.2BD), ('C', 1.0BD), ('D', 0.6BD)),
d AS (SELECT year, datediff(make_date(year + 1, 1, 1), make_date(year, 1, 1)) AS days_in_range FROM (SELECT DISTINCT year FROM s)),
x AS (SELECT s.*, d.days_in_range,
             round(CAST(10000 AS DECIMAL(38,10)) * mult.m * s.assigned_days / d.days_in_range, 2) AS expected_bonus
      FROM s JOIN d USING (year) LEFT JOIN mult USING (tier))
SELECT count(*) AS rows, count_if(assigned_days < days_in_range) AS part_year_rows,
       count_if(assigned_days < days_in_range AND eligible) AS part_year_eligible_rows,
       count_if(assigned_days < 90) AS under_min_days_rows,
       count_if(NOT (bonus_yuan <=> expected_bonus)) AS bonus_mismatch,
       count_if(NOT eligible AND (tier IS NOT NULL OR bonus_yuan IS NOT NULL OR composite IS NOT NULL)) AS ineligible_with_tier,
       count_if(eligible <> (assigned_days >= 90)) AS eligible_mismatch
FROM x
