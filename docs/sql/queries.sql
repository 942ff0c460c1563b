-- three questions in one session: `bin/gridperf sql --format csv < docs/sql/queries.sql`
SELECT period, sum(volume_cases) AS volume_cases FROM perf_grid WHERE period_type = 'Y' GROUP BY period ORDER BY period;
SELECT manager_code, composite, tier FROM manager_scorecard WHERE year = 2015 ORDER BY composite DESC LIMIT 3;
SELECT reason, count(*) AS rows FROM quarantine GROUP BY reason ORDER BY rows DESC
