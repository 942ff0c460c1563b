#!/usr/bin/env python3
"""Writes b2_pilot_recompute_diff.sql: recompute_pilot_effect.sql verbatim as CTE r, joined with pilot_effect."""
import os
here = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(here, '../../../jobs/src/test/resources/pilots/recompute_pilot_effect.sql')).read()
body = src[src.index('WITH arms AS'):]
head, sel = body.rsplit('\nSELECT pilot_id, metric,', 1)
sel = 'SELECT pilot_id, metric,' + sel
sel = sel[:sel.rindex('ORDER BY')].rstrip()
cols = ['n_pilot', 'n_control', 'pilot_pre', 'pilot_post', 'control_pre', 'control_post', 'did', 'se']
out = ['-- Bar 2: jobs/src/test/resources/pilots/recompute_pilot_effect.sql (verbatim, as CTE "r")',
       '-- joined with pilot_effect on (pilot_id, metric): max |difference| per column; <=> counts NULL-safe mismatches.',
       head + ',', 'r AS (' + sel + ')',
       'SELECT count(*) AS rows_joined, count_if(p.pilot_id IS NULL) AS only_in_sql, count_if(r.pilot_id IS NULL) AS only_in_table,']
out.append(',\n'.join(f'  max(abs(r.{c} - p.{c})) AS max_abs_{c}, count_if(NOT ((r.{c} IS NULL) <=> (p.{c} IS NULL))) AS nullness_diff_{c}'
                      for c in cols))
out.append('FROM r FULL OUTER JOIN pilot_effect p ON p.pilot_id = r.pilot_id AND p.metric = r.metric')
open(os.path.join(here, 'b2_pilot_recompute_diff.sql'), 'w').write('\n'.join(out) + '\n')
