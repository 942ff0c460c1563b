"""pilot_effect's did, se and 95 % interval (docs/pilots.md) from a perf_grid CSV and master/pilots.csv

Usage: python3 bench/pilot_did.py PERF_GRID_CSV PILOTS_CSV (listed controls only; Student t for df 1-3).
A cross-check independent of the pipeline, e.g. on bench/reference/gold_ref.py's perf_grid.
"""
import csv, math, sys
from collections import defaultdict
T={1:12.7062047361747,2:4.30265272974946,3:3.18244630528371}
pg=defaultdict(dict)
for r in csv.DictReader(open(sys.argv[1])):
    if r['period_type']!='M': continue
    f=lambda c: float(r[c]) if r[c] not in ('',None) else None
    ra=float(r['retailers_assigned']); vc=float(r['volume_cases'])
    pg[r['grid_code']][r['period']]={'order_rate':f('order_rate'),'visit_coverage':f('visit_coverage'),
      'volume_per_retailer': vc/ra if ra else None,'satisfaction_avg':f('satisfaction_avg'),
      'peak_end_avg':f('peak_end_avg'),'complaints_per_100':f('complaints_per_100')}
pil=defaultdict(list)
for r in csv.DictReader(open(sys.argv[2])): pil[r['pilot_id']].append(r)
def ym(s): y,m=map(int,s.split('-')); return y*12+m-1
def fm(i): return '%04d-%02d'%(i//12,i%12+1)
last=max(ym(p) for g in pg for p in pg[g])
for pid,rows in sorted(pil.items()):
    s,e=ym(rows[0]['start_month']),ym(rows[0]['end_month']); L=e-s+1
    pre=[fm(i) for i in range(s-L,s)]; post=[fm(i) for i in range(s,min(e,last)+1)]
    for metric in ['order_rate','visit_coverage','volume_per_retailer','satisfaction_avg','peak_end_avg','complaints_per_100']:
        arms={'pilot':[],'control':[]}
        for r in rows:
            vals=lambda ms:[pg[r['grid_code']].get(m,{}).get(metric) for m in ms]
            a=[v for v in vals(pre) if v is not None]; b=[v for v in vals(post) if v is not None]
            if a and b: arms[r['arm']].append(sum(b)/len(b)-sum(a)/len(a))
        p,c=arms['pilot'],arms['control']; mp=sum(p)/len(p); mc=sum(c)/len(c)
        var=lambda x,m: sum((v-m)**2 for v in x)/(len(x)-1)
        se=math.sqrt(var(p,mp)/len(p)+var(c,mc)/len(c)); t=T[min(len(p),len(c))-1]; d=mp-mc
        print(f'{pid:10s} {metric:20s} n={len(p)}/{len(c)} did={d:+.4f} se={se:.4f} ci=[{d-t*se:+.4f}, {d+t*se:+.4f}] significant={d-t*se>0 or d+t*se<0}')
