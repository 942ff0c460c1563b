-- Bar 1: perf_retailer's visits_owed / menu_months against the (retailer, month) pairs behind
-- perf_manager's service_compliance (service_visits manager pairs x retailer_segment class of the year
-- before x the default menu A = 4, B = 2, C = 1 visits), per year.
WITH menu(class, visit) AS (VALUES ('A', 4), ('B', 2), ('C', 1)),
cls AS (SELECT retailer_code, year + 1 AS year, class FROM retailer_segment),
mpairs AS (SELECT entity_code AS manager_code, retailer_code, year, month, visits
           FROM service_visits WHERE entity_type = 'manager'),
owed_pairs AS (SELECT p.*, m.visit FROM mpairs p JOIN cls k USING (retailer_code, year)
               JOIN menu m ON m.class = k.class WHERE m.visit > 0),
rm AS (SELECT DISTINCT retailer_code, year, month, visit FROM owed_pairs),
by_year AS (SELECT year, count(*) AS distinct_retailer_months, sum(visit) AS owed_from_pairs FROM rm GROUP BY year),
mgr AS (SELECT year, count(*) AS manager_pairs, count_if(visits >= visit) AS manager_pairs_met FROM owed_pairs GROUP BY year),
pr AS (SELECT year, sum(menu_months) AS menu_months, sum(visits_owed) AS visits_owed, sum(contacts_owed) AS contacts_owed
       FROM perf_retailer WHERE period_type = 'Y' GROUP BY year),
prm AS (SELECT year, sum(menu_months) AS menu_months_m, sum(visits_owed) AS visits_owed_m
       FROM perf_retailer WHERE period_type = 'M' GROUP BY year)
SELECT pr.year, pr.menu_months, prm.menu_months_m, b.distinct_retailer_months,
       pr.visits_owed, prm.visits_owed_m, pr.contacts_owed, b.owed_from_pairs,
       m.manager_pairs, m.manager_pairs_met
FROM pr LEFT JOIN prm USING (year) LEFT JOIN by_year b USING (year) LEFT JOIN mgr m USING (year)
ORDER BY year
