-- Bar 1: the three new tables are non-empty; with the default scoring file tier = ranked_tier on every row
SELECT 'fact_inspection' AS t, count(*) AS n FROM fact_inspection
UNION ALL SELECT 'service_standards', count(*) FROM service_standards
UNION ALL SELECT 'service_standards_Y', count(*) FROM service_standards WHERE period_type = 'Y'
UNION ALL SELECT 'perf_retailer', count(*) FROM perf_retailer
UNION ALL SELECT 'scorecard_rows', count(*) FROM manager_scorecard
UNION ALL SELECT 'scorecard_tier_ne_ranked', count_if(NOT (tier <=> ranked_tier)) FROM manager_scorecard
UNION ALL SELECT 'scorecard_standards_met_false', count_if(NOT standards_met) FROM manager_scorecard
UNION ALL SELECT 'scorecard_standards_met_null', count_if(standards_met IS NULL) FROM manager_scorecard
