-- Bar 3: the fair what-if (scenario 'fair'): tiers and distinct composites per year
SELECT year, count(*) AS managers, count_if(eligible) AS eligible, count(DISTINCT tier) AS tiers,
       count(DISTINCT composite) AS distinct_composites, concat_ws(' ', sort_array(collect_list(tier))) AS tier_list,
       sum(bonus_yuan) AS bonus_total
FROM scorecard_scenario WHERE scenario = 'fair' GROUP BY year ORDER BY year
