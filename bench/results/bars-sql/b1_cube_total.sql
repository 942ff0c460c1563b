-- Bar 1: per period, Σ perf_retailer volume_cases / revenue_yuan vs perf_cube company total (grouping_id = 63)
WITH r AS (SELECT period_type, period, sum(volume_cases) AS vol, sum(revenue_yuan) AS rev, count(*) AS retailers
           FROM perf_retailer GROUP BY period_type, period),
     c AS (SELECT period_type, period, volume_cases AS vol, revenue_yuan AS rev
           FROM perf_cube WHERE grouping_id = 63),
     j AS (SELECT coalesce(r.period_type, c.period_type) AS period_type, coalesce(r.period, c.period) AS period,
                  r.vol AS r_vol, c.vol AS c_vol, r.rev AS r_rev, c.rev AS c_rev
           FROM r FULL OUTER JOIN c ON r.period_type = c.period_type AND r.period = c.period)
SELECT period_type, count(*) AS periods,
       count_if(r_vol IS NULL OR c_vol IS NULL) AS unmatched_periods,
       count_if(r_vol <> c_vol) AS vol_differ, max(abs(r_vol - c_vol)) AS max_abs_vol_diff,
       max(abs(CAST(r_vol AS DOUBLE) - CAST(c_vol AS DOUBLE)) / CAST(c_vol AS DOUBLE)) AS max_rel_vol_diff,
       count_if(r_rev <> c_rev) AS rev_differ, sum(c_vol) AS cube_vol_total
FROM j GROUP BY period_type ORDER BY period_type
