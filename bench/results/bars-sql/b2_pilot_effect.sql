-- Bar 2: pilot_effect as stored
SELECT pilot_id, metric, status, pre_from, pre_to, post_from, post_to, n_pilot, n_control,
       did, se, df, t_crit, ci_low, ci_high, significant,
       (ci_low <= 0 AND ci_high >= 0) AS ci_contains_0
FROM pilot_effect ORDER BY pilot_id, metric
