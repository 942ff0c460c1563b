-- the scorecard of 2015, best first, then the tiers' counts and bonus (the last statement's result is printed)
SELECT manager_code, composite, tier, bonus_yuan FROM manager_scorecard WHERE year = 2015 ORDER BY composite DESC;
SELECT tier, count(*) AS managers, sum(bonus_yuan) AS bonus_yuan
FROM manager_scorecard WHERE year = 2015 GROUP BY tier ORDER BY tier;
