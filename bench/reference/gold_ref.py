#!/usr/bin/env python3
"""Independent reference implementation of the gridperf gold layer (docs/contract.md: Crediting, Gold tables, Metrics, Segments, Manager scorecard).

    python3 gold_ref.py SILVER_DIR OUT_DIR [--scoring conf/scoring.conf]

SILVER_DIR holds CSV exports (UTF-8, optional BOM, header row, empty field = NULL) of
dim_grid, dim_manager, dim_product, dim_retailer, fact_target, fact_sales_line and
fact_touchpoint. The script

  1. recomputes the crediting (docs/contract.md, Crediting) of every sale and touchpoint from dim_retailer
     (the retailer's version valid on the order date / business date) and dim_grid /
     dim_product, and reports how many rows disagree with the silver's credited columns;
  2. computes perf_manager, perf_grid, perf_category, perf_cube, retailer_segment and
     manager_scorecard (docs/contract.md, Gold tables to Manager scorecard) for all period types and writes them as CSV into
     OUT_DIR (plus service_visits.csv, a diagnostic aid).

Only the Python 3 standard library is used. Sums are exact (ints; amounts as integer
fen; Decimal for output); each ratio is then one double division of the exact numerator and
denominator, each rounded once to a double, by the formula as the contract writes it (so
volume_yoy = v / p - 1 and complaints_per_100 = c / n * 100 in doubles); means of
non-integers (mot_avg) are the exact mean rounded once.

Crediting is done from OUR reading of dim_retailer: the versions of a retailer ordered
by valid_from, each holding up to the next version's valid_from (exclusive). The
silver's own credited columns are only compared, never used for the gold tables.
"""

import argparse
import bisect
import csv
import datetime
import os
import re
import sys
import time
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# ---------------------------------------------------------------------------- helpers

T0 = time.time()


def log(msg):
    print("[%6.1fs] %s" % (time.time() - T0, msg), file=sys.stderr, flush=True)


def open_csv(path):
    f = open(path, encoding="utf-8-sig", newline="")
    r = csv.reader(f)
    header = [h.strip() for h in next(r)]
    return f, r, {h: i for i, h in enumerate(header)}


def read_dicts(path):
    f, r, idx = open_csv(path)
    with f:
        return [{h: (row[i] if row[i] != "" else None) for h, i in idx.items()} for row in r]


def cents(s):
    """'123.4' -> 12340 (exact, at most 2 decimal places)."""
    s = s.strip()
    neg = s.startswith("-")
    if s[:1] in "+-":
        s = s[1:]
    if "." in s:
        a, b = s.split(".")
        if len(b) > 2:
            d = Decimal(s) * 100
            if d != d.to_integral_value():
                raise ValueError("more than 2 decimal places: %r" % s)
            v = int(d)
        else:
            v = int(a or "0") * 100 + int((b + "00")[:2])
    else:
        v = int(s) * 100
    return -v if neg else v


def dec_cents(c):
    return Decimal(c).scaleb(-2)


def dec_cases(qty):
    # qty / 250 = qty * 4 / 1000, exact in decimal
    return Decimal(qty * 4).scaleb(-3)


def fdiv(num, den):
    """One ratio as the contract (Metrics) writes it: the exact sums (int / Fraction / Decimal), each
    rounded once to a double, then one double division. NULL when the denominator is zero
    or missing."""
    if num is None or den is None or den == 0:
        return None
    return float(num) / float(den)


def fmean(total, n):
    """A mean (mot_avg): the exact mean rounded once to a double. NULL when n = 0."""
    if not n:
        return None
    return float(Fraction(total) / n)


DATE_CACHE = {}


def pdate(s):
    d = DATE_CACHE.get(s)
    if d is None:
        dt = datetime.date.fromisoformat(s)
        d = (dt.toordinal(), dt.year * 12 + dt.month - 1)
        DATE_CACHE[s] = d
    return d


def month_start_ord(mi):
    return datetime.date(mi // 12, mi % 12 + 1, 1).toordinal()


def periods_of_month(mi):
    y, m = mi // 12, mi % 12 + 1
    return (("M", "%04d-%02d" % (y, m)), ("Q", "%04d-Q%d" % (y, (m - 1) // 3 + 1)), ("Y", "%04d" % y))


def period_year(p):
    return int(p[:4])


def prev_period(ptype, p):
    y = int(p[:4])
    return "%04d%s" % (y - 1, p[4:])


def months_of_period(ptype, p):
    y = int(p[:4])
    if ptype == "M":
        return [y * 12 + int(p[5:7]) - 1]
    if ptype == "Q":
        q = int(p[6])
        return [y * 12 + (q - 1) * 3 + i for i in range(3)]
    return [y * 12 + i for i in range(12)]


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(r.get(h)) for h in header])


# ---------------------------------------------------------------------------- scoring.conf

DEFAULT_SCORING = {
    "components": [
        ("attainment", "target_attainment", "0.25", "higher"),
        ("growth", "volume_yoy", "0.15", "higher"),
        ("structure", "revenue_per_case", "0.15", "higher"),
        ("activity", "order_rate", "0.10", "higher"),
        ("service", "service_compliance", "0.15", "higher"),
        ("experience", "peak_end_avg", "0.10", "higher"),
        ("complaints", "complaints_per_100", "0.10", "lower"),
    ],
    "segments": {"a": "0.2", "b": "0.5"},
    "service_menu": {"A": "4", "B": "2", "C": "1"},
    "tiers": {"a": "0.2", "b": "0.5", "c": "0.9"},
    "base_bonus_yuan": "10000",
    "multipliers": {"A": "1.5", "B": "1.2", "C": "1.0", "D": "0.6"},
}


def parse_scoring(path):
    """Minimal reader for the HOCON shape of conf/scoring.conf; falls back to the contract's defaults."""
    conf = {k: (list(v) if isinstance(v, list) else (dict(v) if isinstance(v, dict) else v))
            for k, v in DEFAULT_SCORING.items()}
    if not path or not os.path.exists(path):
        return conf, False
    text = "\n".join(line.split("#", 1)[0] for line in open(path, encoding="utf-8"))
    m = re.search(r"components\s*=\s*\[(.*?)\]", text, re.S)
    if m:
        comps = []
        for obj in re.findall(r"\{([^}]*)\}", m.group(1)):
            kv = dict((k.strip(), v.strip().strip('"')) for k, v in
                      (p.split("=", 1) for p in re.split(r"[,\n]", obj) if "=" in p))
            comps.append((kv["name"], kv["metric"], kv["weight"], kv["better"]))
        conf["components"] = comps
    for block in ("segments", "service_menu", "tiers", "multipliers"):
        m = re.search(block + r"\s*\{([^}]*)\}", text)
        if m:
            conf[block] = dict((k.strip(), v.strip()) for k, v in
                               (p.split("=", 1) for p in re.split(r"[,\n]", m.group(1)) if "=" in p))
    m = re.search(r"base_bonus_yuan\s*=\s*([0-9.]+)", text)
    if m:
        conf["base_bonus_yuan"] = m.group(1)
    return conf, True


# ---------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("silver")
    ap.add_argument("out")
    ap.add_argument("--scoring", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "..", "..", "conf", "scoring.conf"))
    args = ap.parse_args()
    S = args.silver
    os.makedirs(args.out, exist_ok=True)

    conf, from_file = parse_scoring(args.scoring)
    differs = {k for k in DEFAULT_SCORING if conf[k] != DEFAULT_SCORING[k]}
    log("scoring: %s (%s)" % (args.scoring if from_file else "contract defaults",
                              "equal to the contract defaults" if not differs else "differs from the contract defaults in %s" % sorted(differs)))
    report = Counter()  # crediting / consistency checks; every check is listed, 0 = all agree
    for name in ["dim_retailer: valid_to != next valid_from", "dim_retailer: unknown grid",
                 "dim_retailer: market_type != dim_grid's", "dim_retailer: unknown manager",
                 "sales: duplicate key (order_id, line_no)", "sales: no retailer version on order_date",
                 "sales: retailer version not active on order_date (should be quarantined)",
                 "sales: unknown sku", "sales: year/month partition != order_date",
                 "sales: zero qty (should be quarantined)",
                 "touchpoints: business_date != date of local ts",
                 "touchpoints: no retailer version on business_date",
                 "touchpoints: silver complaint_resolved_24h != recomputed"] + [
            "sales: silver %s differs from recomputed crediting" % c for c in
            ("retailer_valid_from", "grid_code", "manager_code", "format", "market_type", "scale", "price_class")] + [
            "touchpoints: silver %s differs from recomputed crediting" % c for c in
            ("retailer_valid_from", "grid_code", "manager_code", "format", "market_type", "scale")]:
        report[name] += 0

    # ---------------- dimensions
    grids = {r["grid_code"]: r for r in read_dicts(os.path.join(S, "dim_grid.csv"))}
    grid_mt = {g: r["market_type"] for g, r in grids.items()}
    products = {r["sku_code"]: int(r["price_class"]) for r in read_dicts(os.path.join(S, "dim_product.csv"))}
    managers = {r["manager_code"] for r in read_dicts(os.path.join(S, "dim_manager.csv"))}

    vers_by_r = defaultdict(list)
    for r in read_dicts(os.path.join(S, "dim_retailer.csv")):
        vers_by_r[r["retailer_code"]].append(r)
    # VERS: list of versions; each (retailer, vf_ord, vt_ord|None, vf_str, grid, manager, fmt, mt, scale, status)
    VERS = []
    RV = {}  # retailer -> (list of vf ords, list of version ids)
    for rc, vs in vers_by_r.items():
        vs.sort(key=lambda r: r["valid_from"])
        ords, ids = [], []
        for i, r in enumerate(vs):
            vf = pdate(r["valid_from"])[0]
            nxt = vs[i + 1]["valid_from"] if i + 1 < len(vs) else None
            if (r.get("valid_to") or None) != nxt:
                report["dim_retailer: valid_to != next valid_from"] += 1
            vt = pdate(nxt)[0] if nxt else None
            mt = grid_mt.get(r["grid_code"])
            if mt is None:
                report["dim_retailer: unknown grid"] += 1
            if "market_type" in r and r["market_type"] != mt:
                report["dim_retailer: market_type != dim_grid's"] += 1
            if r["manager_code"] not in managers:
                report["dim_retailer: unknown manager"] += 1
            vid = len(VERS)
            VERS.append((rc, vf, vt, r["valid_from"], r["grid_code"], r["manager_code"],
                         r["format"], mt, r["scale"], r["license_status"]))
            ords.append(vf)
            ids.append(vid)
        RV[rc] = (ords, ids)
    log("dims: %d grids, %d products, %d managers, %d retailers, %d versions"
        % (len(grids), len(products), len(managers), len(RV), len(VERS)))

    def version_on(rc, day_ord):
        e = RV.get(rc)
        if e is None:
            return None
        i = bisect.bisect_right(e[0], day_ord) - 1
        if i < 0:
            return None
        vid = e[1][i]
        vt = VERS[vid][2]
        if vt is not None and day_ord >= vt:
            return None
        return vid

    targets = {}
    for r in read_dicts(os.path.join(S, "fact_target.csv")):
        targets[(int(r["year"]) * 12 + int(r["month"]) - 1, r["manager_code"])] = (
            Decimal(r["target_cases"]) if r["target_cases"] is not None else None)

    # ---------------- sales: crediting + pre-aggregate (month, retailer, version, price_class)
    SALES = {}  # (mi, vid, pc) -> [qty, cents, any_pos]
    f, rd, ix = open_csv(os.path.join(S, "fact_sales_line.csv"))
    c_date, c_r, c_sku, c_q, c_a = ix["order_date"], ix["retailer_code"], ix["sku_code"], ix["qty_cartons"], ix["amount_yuan"]
    chk_cols = [(ix.get(c), c) for c in ("retailer_valid_from", "grid_code", "manager_code", "format",
                                         "market_type", "scale", "price_class")]
    c_y, c_m = ix.get("year"), ix.get("month")
    n_sales = 0
    keys_seen = set()
    c_oid, c_ln = ix["order_id"], ix["line_no"]
    examples = defaultdict(list)
    with f:
        for row in rd:
            n_sales += 1
            d_ord, mi = pdate(row[c_date])
            rc = row[c_r]
            k = (row[c_oid], int(row[c_ln]))
            if k in keys_seen:
                report["sales: duplicate key (order_id, line_no)"] += 1
            keys_seen.add(k)
            vid = version_on(rc, d_ord)
            if vid is None:
                report["sales: no retailer version on order_date"] += 1
                continue
            v = VERS[vid]
            if v[9] != "active":
                report["sales: retailer version not active on order_date (should be quarantined)"] += 1
            pc = products.get(row[c_sku])
            if pc is None:
                report["sales: unknown sku"] += 1
            mine = (v[3], v[4], v[5], v[6], v[7], v[8], str(pc))
            for (ci, cname), mv in zip(chk_cols, mine):
                if ci is not None and row[ci] != mv:
                    report["sales: silver %s differs from recomputed crediting" % cname] += 1
                    if len(examples[cname]) < 3:
                        examples[cname].append((k, row[ci], mv))
            if c_y is not None and (int(row[c_y]) != mi // 12 or int(row[c_m]) != mi % 12 + 1):
                report["sales: year/month partition != order_date"] += 1
            q = int(row[c_q])
            if q == 0:
                report["sales: zero qty (should be quarantined)"] += 1
            a = cents(row[c_a])
            key = (mi, vid, pc)
            agg = SALES.get(key)
            if agg is None:
                SALES[key] = [q, a, q > 0]
            else:
                agg[0] += q
                agg[1] += a
                if q > 0:
                    agg[2] = True
    del keys_seen
    log("sales: %d lines -> %d (month, version, class) groups" % (n_sales, len(SALES)))

    # ---------------- touchpoints
    TP = []  # (mi, vid, channel, mot_sum|None, sat|None, resolved24, ts, event_id, retailer)
    f, rd, ix = open_csv(os.path.join(S, "fact_touchpoint.csv"))
    tchk = [(ix.get(c), c) for c in ("retailer_valid_from", "grid_code", "manager_code", "format",
                                     "market_type", "scale")]
    with f:
        for row in rd:
            g = lambda c: (row[ix[c]] if row[ix[c]] != "" else None)
            ts = g("ts")
            bd = g("business_date")
            if bd != ts[:10]:
                report["touchpoints: business_date != date of local ts"] += 1
            d_ord, mi = pdate(bd)
            rc = g("retailer_code")
            vid = version_on(rc, d_ord)
            if vid is None:
                report["touchpoints: no retailer version on business_date"] += 1
                continue
            v = VERS[vid]
            mine = (v[3], v[4], v[5], v[6], v[7], v[8])
            for (ci, cname), mv in zip(tchk, mine):
                if ci is not None and row[ci] != mv:
                    report["touchpoints: silver %s differs from recomputed crediting" % cname] += 1
                    if len(examples["tp." + cname]) < 3:
                        examples["tp." + cname].append((g("event_id"), row[ci], mv))
            ch = g("channel")
            ms = [g("mot_appearance"), g("mot_behaviour"), g("mot_communication")]
            mot = None
            if ch == "visit" and all(x is not None for x in ms):
                mot = sum(Fraction(x) for x in ms)
            elif ch != "visit" and any(x is not None for x in ms):
                report["touchpoints: MOT on a non-visit"] += 1
            sat = g("satisfaction")
            sat = Fraction(sat) if sat is not None else None
            res24 = False
            if ch == "complaint":
                rts = g("complaint_resolved_ts")
                if rts is not None:
                    # Elapsed time is between instants: the local wall-clock strings differ from it
                    # across a DST change, so use the UTC columns when the silver has them.
                    if "complaint_resolved_ts_utc" in ix and "ts_utc" in ix and g("complaint_resolved_ts_utc"):
                        dt = (datetime.datetime.fromisoformat(g("complaint_resolved_ts_utc").replace("Z", "+00:00"))
                              - datetime.datetime.fromisoformat(g("ts_utc").replace("Z", "+00:00"))).total_seconds()
                    else:
                        dt = (datetime.datetime.fromisoformat(rts) - datetime.datetime.fromisoformat(ts)).total_seconds()
                    res24 = 0 <= dt <= 86400
                silver = g("complaint_resolved_24h")
                if silver is not None and (silver == "true") != res24:
                    report["touchpoints: silver complaint_resolved_24h != recomputed"] += 1
            elif g("complaint_category") is not None or g("complaint_resolved_ts") is not None:
                report["touchpoints: complaint object on a non-complaint channel"] += 1
            # time order of ratings is by instant (a local wall clock repeats an hour at a DST end)
            tord = g("ts_utc") if "ts_utc" in ix and g("ts_utc") else ts
            TP.append((mi, vid, ch, mot, sat, res24, tord, g("event_id"), rc))
    log("touchpoints: %d" % len(TP))
    for k, v in sorted(report.items()):
        log("CHECK %s: %d" % (k, v))
    for k, v in examples.items():
        log("  example %s: %s" % (k, v[:3]))

    # ---------------- data range (months with an accepted sale or touchpoint)
    months_with_data = {k[0] for k in SALES} | {t[0] for t in TP}
    m_lo, m_hi = min(months_with_data), max(months_with_data)
    range_lo = month_start_ord(m_lo)
    range_hi = month_start_ord(m_hi + 1)  # exclusive
    MONTHS = list(range(m_lo, m_hi + 1))
    log("data range %04d-%02d .. %04d-%02d" % (m_lo // 12, m_lo % 12 + 1, m_hi // 12, m_hi % 12 + 1))
    # months of a period inside the data range
    def months_in_range(ptype, p):
        return [mi for mi in months_of_period(ptype, p) if m_lo <= mi <= m_hi]

    # ---------------- assignment: (mi, vid) -> days the active version holds in the month (in range)
    ASSIGN = {}
    for vid, v in enumerate(VERS):
        if v[9] != "active":
            continue
        lo = max(v[1], range_lo)
        hi = range_hi if v[2] is None else min(v[2], range_hi)
        if lo >= hi:
            continue
        for mi in MONTHS:
            a, b = max(lo, month_start_ord(mi)), min(hi, month_start_ord(mi + 1))
            if a < b:
                ASSIGN[(mi, vid)] = ASSIGN.get((mi, vid), 0) + (b - a)

    # ---------------- entity keys of a version
    ENT = {
        "manager": lambda v: (v[5],),
        "grid": lambda v: (v[4],),
        "category": lambda v: (v[6], v[7], v[8]),
    }

    def new_acc():
        return {"assigned": set(), "ordering": set(), "qty": 0, "qty_hi": 0, "cents": 0,
                "tp": 0, "visits": 0, "complaints": 0, "res24": 0, "visited": set(),
                "mot_sum": Fraction(0), "mot_n": 0, "sat_sum": Fraction(0), "sat_n": 0,
                "ratings": defaultdict(list)}

    ACC = {et: defaultdict(new_acc) for et in ENT}
    # visits per (entity, retailer, month) for service_compliance
    VISITS = {et: Counter() for et in ("manager", "grid")}
    # assigned (entity, retailer, month) pairs
    APAIRS = {et: set() for et in ("manager", "grid")}

    for (mi, vid), days in ASSIGN.items():
        v = VERS[vid]
        for et, kf in ENT.items():
            ek = kf(v)
            for pp in periods_of_month(mi):
                ACC[et][(ek, pp)]["assigned"].add(v[0])
            if et in APAIRS:
                APAIRS[et].add((ek, v[0], mi))

    for (mi, vid, pc), (q, a, pos) in SALES.items():
        v = VERS[vid]
        for et, kf in ENT.items():
            ek = kf(v)
            for pp in periods_of_month(mi):
                acc = ACC[et][(ek, pp)]
                acc["qty"] += q
                acc["cents"] += a
                if pc in (1, 2):
                    acc["qty_hi"] += q
                if pos:
                    acc["ordering"].add(v[0])

    for (mi, vid, ch, mot, sat, res24, ts, eid, rc) in TP:
        v = VERS[vid]
        for et, kf in ENT.items():
            ek = kf(v)
            for pp in periods_of_month(mi):
                acc = ACC[et][(ek, pp)]
                acc["tp"] += 1
                if ch == "visit":
                    acc["visits"] += 1
                    acc["visited"].add(rc)
                    if mot is not None:
                        acc["mot_sum"] += mot / 3
                        acc["mot_n"] += 1
                elif ch == "complaint":
                    acc["complaints"] += 1
                    if res24:
                        acc["res24"] += 1
                if sat is not None:
                    acc["sat_sum"] += sat
                    acc["sat_n"] += 1
                    acc["ratings"][rc].append((ts, eid, sat))
            if ch == "visit" and et in VISITS:
                VISITS[et][(ek, rc, mi)] += 1
    log("accumulated")

    # ---------------- retailer_segment
    rev_by_ry = Counter()
    for (mi, vid, pc), (q, a, pos) in SALES.items():
        rev_by_ry[(VERS[vid][0], mi // 12)] += a
    days_rg = defaultdict(Counter)  # (retailer, year) -> grid -> days
    for (mi, vid), days in ASSIGN.items():
        v = VERS[vid]
        days_rg[(v[0], mi // 12)][v[4]] += days
    seg_a, seg_b = Fraction(conf["segments"]["a"]), Fraction(conf["segments"]["b"])
    SEG = {}
    seg_rows = []
    by_year_mt = defaultdict(list)
    for (rc, y), gd in days_rg.items():
        pg = sorted(gd.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        mt = grid_mt[pg]
        by_year_mt[(y, mt)].append((rc, rev_by_ry.get((rc, y), 0)))
    for (y, mt), lst in by_year_mt.items():
        n = len(lst)
        neg = sorted(-r for _, r in lst)
        for rc, rev in lst:
            higher = bisect.bisect_left(neg, -rev)  # number with a strictly higher revenue
            rank = 1 + higher
            p = Fraction(rank - 1, n)
            seg = "A" if p < seg_a else ("B" if p < seg_b else "C")
            SEG[(rc, y)] = seg
            seg_rows.append({"retailer_code": rc, "year": y, "market_type": mt,
                             "revenue_yuan": dec_cents(rev), "segment": seg})
    seg_rows.sort(key=lambda r: (r["retailer_code"], r["year"]))
    write_csv(os.path.join(args.out, "retailer_segment.csv"),
              ["retailer_code", "year", "market_type", "revenue_yuan", "segment"], seg_rows)
    log("retailer_segment: %d rows" % len(seg_rows))

    # ---------------- service_compliance (manager, grid; Y)
    menu = {k: int(v) for k, v in conf["service_menu"].items()}
    comp_num, comp_den = Counter(), Counter()
    sv_rows = []
    for et in ("manager", "grid"):
        for (ek, rc, mi) in APAIRS[et]:
            y = mi // 12
            nv = VISITS[et].get((ek, rc, mi), 0)
            sv_rows.append({"entity_type": et, "entity_code": ek[0], "retailer_code": rc,
                            "year": y, "month": mi % 12 + 1, "visits": nv})
            seg = SEG.get((rc, y - 1))
            if seg is None:
                continue
            comp_den[(et, ek, y)] += 1
            if nv >= menu[seg]:
                comp_num[(et, ek, y)] += 1
    sv_rows.sort(key=lambda r: (r["entity_type"], r["entity_code"], r["retailer_code"], r["year"], r["month"]))
    write_csv(os.path.join(args.out, "service_visits.csv"),
              ["entity_type", "entity_code", "retailer_code", "year", "month", "visits"], sv_rows)

    # ---------------- perf tables
    def peak_end(ratings):
        ratings.sort()
        peak = None
        for ts, eid, s in ratings:
            if peak is None or abs(s - 3) >= abs(peak - 3):
                peak = s
        return (peak + ratings[-1][2]) / 2

    ECOLS = {"manager": ["manager_code"], "grid": ["grid_code"], "category": ["format", "market_type", "scale"]}
    PERF = {}
    for et in ENT:
        acc_all = ACC[et]
        rows = {}
        for (ek, (ptype, p)), acc in acc_all.items():
            r = dict(zip(ECOLS[et], ek))
            r.update(period_type=ptype, period=p, year=period_year(p))
            na = len(acc["assigned"])
            r["retailers_assigned"] = na
            r["retailers_ordering"] = len(acc["ordering"])
            r["order_rate"] = fdiv(r["retailers_ordering"], na)
            q = acc["qty"]
            r["_qty"] = q
            r["volume_cases"] = dec_cases(q)
            r["revenue_yuan"] = dec_cents(acc["cents"])
            r["revenue_per_case"] = fdiv(r["revenue_yuan"], r["volume_cases"]) if q > 0 else None
            r["high_class_share"] = fdiv(acc["qty_hi"], q) if q > 0 else None
            r["touchpoints"] = acc["tp"]
            r["visits"] = acc["visits"]
            r["complaints"] = acc["complaints"]
            r["visit_coverage"] = fdiv(len(acc["assigned"] & acc["visited"]), na)
            r["mot_avg"] = fmean(acc["mot_sum"], acc["mot_n"])
            r["satisfaction_avg"] = fdiv(acc["sat_sum"], acc["sat_n"])
            if acc["ratings"]:
                pes = [peak_end(lst) for lst in acc["ratings"].values()]
                r["peak_end_avg"] = fdiv(sum(pes), len(pes))
            else:
                r["peak_end_avg"] = None
            r["complaints_per_100"] = (fdiv(acc["complaints"], na) * 100 if na else None)
            r["complaint_resolved_24h_rate"] = fdiv(acc["res24"], acc["complaints"])
            rows[(ek, ptype, p)] = r
        # volume_yoy
        for (ek, ptype, p), r in rows.items():
            prev = rows.get((ek, ptype, prev_period(ptype, p)))
            if prev is None or prev["_qty"] <= 0:
                r["volume_yoy"] = None
            else:
                r["volume_yoy"] = fdiv(r["volume_cases"], prev["volume_cases"]) - 1
        # targets (manager only)
        if et == "manager":
            for (ek, ptype, p), r in rows.items():
                tot = Decimal(0)
                for mi in months_of_period(ptype, p):
                    mp = periods_of_month(mi)[0][1]
                    if (ek, "M", mp) not in rows:
                        continue
                    t = targets.get((mi, ek[0]))
                    if t is None:
                        tot = None
                        break
                    tot += t
                r["target_cases"] = tot
                r["target_attainment"] = (fdiv(r["volume_cases"], tot) if tot is not None else None)
        # service_compliance
        if et in ("manager", "grid"):
            for (ek, ptype, p), r in rows.items():
                if ptype != "Y":
                    r["service_compliance"] = None
                else:
                    y = int(p)
                    den = comp_den.get((et, ek, y), 0)
                    r["service_compliance"] = fdiv(comp_num.get((et, ek, y), 0), den)
        PERF[et] = rows

    base = ["period_type", "period", "year", "retailers_assigned", "retailers_ordering", "order_rate",
            "volume_cases", "revenue_yuan", "revenue_per_case", "high_class_share", "volume_yoy"]
    tpc = ["touchpoints", "visits", "complaints", "visit_coverage", "mot_avg", "satisfaction_avg",
           "peak_end_avg", "complaints_per_100", "complaint_resolved_24h_rate"]
    HEAD = {
        "manager": ["manager_code"] + base + ["target_cases", "target_attainment"] + tpc + ["service_compliance"],
        "grid": ["grid_code"] + base + tpc + ["service_compliance"],
        "category": ["format", "market_type", "scale"] + base + tpc,
    }
    ptorder = {"M": 0, "Q": 1, "Y": 2}
    for et, name in (("manager", "perf_manager"), ("grid", "perf_grid"), ("category", "perf_category")):
        rows = sorted(PERF[et].values(), key=lambda r: (tuple(r[c] for c in ECOLS[et]), ptorder[r["period_type"]], r["period"]))
        write_csv(os.path.join(args.out, name + ".csv"), HEAD[et], rows)
        log("%s: %d rows" % (name, len(rows)))

    # ---------------- perf_cube
    DIMS = ["grid_code", "manager_code", "format", "market_type", "scale", "price_class"]
    SETS = [("grid_code", "manager_code"), ("grid_code", "price_class"), ("manager_code", "price_class"),
            ("format", "market_type", "scale"), ("format", "market_type", "scale", "price_class"),
            ("market_type", "price_class"), ("price_class",), ()]
    cube = defaultdict(lambda: [0, 0, 0, set()])  # qty, qty_hi, cents, ordering retailers
    for (mi, vid, pc), (q, a, pos) in SALES.items():
        v = VERS[vid]
        dv = {"grid_code": v[4], "manager_code": v[5], "format": v[6], "market_type": v[7], "scale": v[8],
              "price_class": pc}
        for gs in SETS:
            gid = 0
            for i, d in enumerate(DIMS):
                if d not in gs:
                    gid |= 1 << (len(DIMS) - 1 - i)
            vals = tuple(dv[d] if d in gs else None for d in DIMS)
            for pp in periods_of_month(mi):
                c = cube[(vals, gid, pp)]
                c[0] += q
                c[2] += a
                if pc in (1, 2):
                    c[1] += q
                if pos:
                    c[3].add(v[0])
    cube_rows = []
    for (vals, gid, (ptype, p)), (q, qh, a, ordr) in cube.items():
        r = dict(zip(DIMS, vals))
        r.update(grouping_id=gid, period_type=ptype, period=p, year=period_year(p),
                 retailers_ordering=len(ordr), volume_cases=dec_cases(q), revenue_yuan=dec_cents(a),
                 revenue_per_case=(fdiv(dec_cents(a), dec_cases(q)) if q > 0 else None),
                 high_class_share=(fdiv(qh, q) if q > 0 else None))
        cube_rows.append(r)
    cube_rows.sort(key=lambda r: (r["grouping_id"], ptorder[r["period_type"]], r["period"],
                                  tuple("" if r[d] is None else str(r[d]) for d in DIMS)))
    write_csv(os.path.join(args.out, "perf_cube.csv"),
              DIMS + ["grouping_id", "period_type", "period", "year", "retailers_ordering", "volume_cases",
                      "revenue_yuan", "revenue_per_case", "high_class_share"], cube_rows)
    log("perf_cube: %d rows" % len(cube_rows))

    # ---------------- manager_scorecard
    mdays = defaultdict(Counter)  # (manager, year) -> grid -> retailer-days
    for (mi, vid), days in ASSIGN.items():
        v = VERS[vid]
        mdays[(v[5], mi // 12)][v[4]] += days
    comps = conf["components"]
    tiers = {k: Fraction(v) for k, v in conf["tiers"].items()}
    mult = {k: Decimal(v) for k, v in conf["multipliers"].items()}
    base_bonus = Decimal(conf["base_bonus_yuan"])
    sc = {}
    for (mc, y), gd in mdays.items():
        pg = sorted(gd.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        prow = PERF["manager"].get(((mc,), "Y", "%04d" % y))
        sc[(mc, y)] = {"manager_code": mc, "year": y, "market_type": grid_mt[pg], "primary_grid_code": pg,
                       "_perf": prow}
    for (mc, y), r in sc.items():
        peers = [o for o in sc.values() if o["year"] == y and o["market_type"] == r["market_type"]]
        sum_pts = 0.0
        sum_w = 0.0
        sum_pts_exact = Fraction(0)
        for name, metric, w, better in comps:
            w = float(w)
            mine = r["_perf"][metric]
            vals = [o["_perf"][metric] for o in peers if o["_perf"][metric] is not None]
            n = len(vals)
            if mine is None:
                score = 0.0
            elif n == 1:
                score = 100.0
            else:
                k = sum(1 for x in vals if (x <= mine if better == "higher" else x >= mine))
                score = 100.0 * (k - 1) / (n - 1)
            r[name + "_value"] = mine
            r[name + "_score"] = score
            r[name + "_points"] = w * score
            sum_pts += w * score
            sum_w += w
            sum_pts_exact += Fraction(w) * Fraction(score)
        comp = sum_pts / sum_w
        r["composite"] = float(Decimal(repr(comp)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        exact = float((sum_pts_exact / Fraction(sum_w)))
        alt = float(Decimal(repr(exact)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        if alt != r["composite"]:
            log("NOTE composite rounding depends on float path for %s %d: %r vs exact %r" % (mc, y, comp, exact))
    years = sorted({y for (_, y) in sc})
    for y in years:
        mem = [r for r in sc.values() if r["year"] == y]
        n = len(mem)
        for r in mem:
            rank = 1 + sum(1 for o in mem if o["composite"] > r["composite"])
            p = Fraction(rank - 1, n)
            t = "A" if p < tiers["a"] else "B" if p < tiers["b"] else "C" if p < tiers["c"] else "D"
            r["tier"] = t
            r["bonus_yuan"] = base_bonus * mult[t]
    head = ["manager_code", "year", "market_type", "primary_grid_code"]
    for name, _, _, _ in comps:
        head += [name + "_value", name + "_score", name + "_points"]
    head += ["composite", "tier", "bonus_yuan"]
    write_csv(os.path.join(args.out, "manager_scorecard.csv"), head,
              sorted(sc.values(), key=lambda r: (r["manager_code"], r["year"])))
    log("manager_scorecard: %d rows" % len(sc))

    with open(os.path.join(args.out, "_checks.txt"), "w", encoding="utf-8") as f:
        f.write("sales lines read: %d\ntouchpoints read: %d\n" % (n_sales, len(TP)))
        for k, v in sorted(report.items()):
            f.write("%s: %d\n" % (k, v))
        f.write("total disagreements: %d\n" % sum(report.values()))
    log("done")


if __name__ == "__main__":
    main()
