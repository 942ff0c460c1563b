-- Bar 3: the re-scored 2014 (what-if 'rescored' = conf/scoring.conf on today's data) against the closed rows
-- (VERSION AS OF ${V}); every manager whose composite, tier or bonus differs must have a scorecard_adjustment row
-- with the same current values, and no other manager may have one.
WITH closed AS (SELECT manager_code, composite, tier, bonus_yuan FROM manager_scorecard VERSION AS OF ${V} WHERE year = 2014),
now AS (SELECT manager_code, composite, tier, bonus_yuan FROM scorecard_scenario WHERE scenario = 'rescored' AND year = 2014),
diff AS (SELECT coalesce(c.manager_code, n.manager_code) AS manager_code,
                c.composite AS c_comp, n.composite AS n_comp, c.tier AS c_tier, n.tier AS n_tier,
                c.bonus_yuan AS c_bonus, n.bonus_yuan AS n_bonus,
                NOT (c.composite <=> n.composite AND c.tier <=> n.tier AND c.bonus_yuan <=> n.bonus_yuan) AS differs
         FROM closed c FULL OUTER JOIN now n ON c.manager_code = n.manager_code),
adj AS (SELECT * FROM scorecard_adjustment WHERE year = 2014)
SELECT d.manager_code, d.c_comp, d.n_comp, d.c_tier, d.n_tier, d.c_bonus, d.n_bonus, d.differs,
       a.manager_code IS NOT NULL AS has_adjustment, a.closed_composite, a.current_composite, a.closed_tier, a.current_tier,
       a.closed_bonus_yuan, a.current_bonus_yuan, a.bonus_delta_yuan,
       (a.manager_code IS NULL OR (a.current_composite <=> d.n_comp AND a.current_tier <=> d.n_tier
        AND a.current_bonus_yuan <=> d.n_bonus AND a.closed_composite <=> d.c_comp AND a.closed_tier <=> d.c_tier
        AND a.closed_bonus_yuan <=> d.c_bonus)) AS adjustment_values_ok
FROM diff d FULL OUTER JOIN adj a ON a.manager_code = d.manager_code ORDER BY 1
