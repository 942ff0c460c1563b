#!/usr/bin/env python3
"""Integrity flags computed straight from a landing tree (a plain reference of the rules, no Spark).

Usage: landing_flags.py LANDING
Credits every visit and sales line to the manager of the retailer version valid on its date (business
date = the local date of ts, as the generator writes +08:00), applies the default thresholds and
prints per pattern: planted, raised, both, raised-not-planted, planted-not-raised; then the number
of manager-months flagged. The landing must be contract-clean (no --dirty-rate).
"""
import json, glob, calendar, sys, csv, bisect
from collections import defaultdict
land=sys.argv[1]
vers=defaultdict(list)
for r in csv.DictReader(open(land+'/master/retailers.csv',encoding='utf-8-sig')):
    vers[r['retailer_code']].append((r['valid_from'],r['manager_code'],r['license_status']))
for k in vers: vers[k].sort()
def mgr_on(code, d):
    v=vers[code]; i=bisect.bisect_right([x[0] for x in v], d)-1
    return v[i][1] if i>=0 else None
vis=defaultdict(lambda: [0,0,0,defaultdict(int)])
for f in glob.glob(land+'/touchpoints/*/*.jsonl'):
    for line in open(f,encoding='utf-8'):
        o=json.loads(line)
        if o.get('channel')!='visit': continue
        d=o['ts'][:10]; y,m,dd=int(d[:4]),int(d[5:7]),int(d[8:])
        k=(mgr_on(o['retailer_code'],d),'%04d-%02d'%(y,m))
        v=vis[k]; v[0]+=1
        last=calendar.monthrange(y,m)[1]
        if dd>last-3: v[1]+=1
        du=o.get('duration_min')
        if not isinstance(du,(int,float)) or isinstance(du,bool) or du<3: v[2]+=1
        v[3][(o['retailer_code'],d)]+=1
shop=defaultdict(lambda:[0,0,'9999-99-99'])
for f in glob.glob(land+'/sales/*/*.csv'):
    rd=csv.reader(open(f,encoding='utf-8-sig')); next(rd)
    for p in rd:
        d=p[2]; q=int(p[5]); k=(mgr_on(p[3],d), d[:7], p[3])
        s=shop[k]; s[0]=max(s[0],q); s[1]+=q; s[2]=min(s[2],d)
tok=defaultdict(lambda:[0,0])
for (mg,mo,r),(mx,net,first) in shop.items():
    if mx<=0: continue
    t=tok[(mg,mo)]; t[0]+=1
    y,m,dd=int(first[:4]),int(first[5:7]),int(first[8:])
    if net==1 and dd>calendar.monthrange(y,m)[1]-3: t[1]+=1
raised=set()
for k,v in vis.items():
    n,late,short,pairs=v
    rep=sum(c-1 for c in pairs.values())
    if n>=10 and late/n>=0.5: raised.add(k+('VISIT_BUNCHING',))
    if n>=10 and short/n>=0.25: raised.add(k+('SHORT_VISITS',))
    if rep>=5 and rep/n>=0.1: raised.add(k+('REPEAT_VISITS',))
for k,(o,t) in tok.items():
    if t>=3 and t/o>=0.05: raised.add(k+('TOKEN_ORDERS',))
m=json.load(open(land+'/manifest.json'))
planted={(g['manager_code'],g['month'],g['pattern']) for g in m.get('gaming',[])}
for p in ['VISIT_BUNCHING','TOKEN_ORDERS','SHORT_VISITS','REPEAT_VISITS']:
    pl={t for t in planted if t[2]==p}; ra={t for t in raised if t[2]==p}
    print(p,len(pl),len(ra),len(pl&ra), sorted(ra-pl)[:5], sorted(pl-ra)[:5])
mm={k for k in vis}|{k for k in tok}
print('flagged mm', len({t[:2] for t in raised}), 'of', len(mm))
