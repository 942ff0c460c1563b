-- Bar 1: every manager-year of the official (default file) scorecard against the what-if
-- 'gateB' (conf/scoring.conf with standards.gate_tier = B): tier, ranked tier, bonus, standards_met
SELECT o.year, o.manager_code, o.composite, o.ranked_tier, o.tier AS default_tier, s.tier AS gated_tier,
       o.standards_met, s.standards_met AS gated_standards_met, o.bonus_yuan AS default_bonus, s.bonus_yuan AS gated_bonus,
       (o.tier <=> s.tier AND o.bonus_yuan <=> s.bonus_yuan) AS unchanged,
       (o.composite <=> s.composite AND o.ranked_tier <=> s.ranked_tier) AS same_rank
FROM manager_scorecard o FULL OUTER JOIN (SELECT * FROM scorecard_scenario WHERE scenario = 'gateB') s
  USING (manager_code, year)
ORDER BY year, manager_code
