#!/usr/bin/env python3
"""Compares the ingest reference (ingest_ref.py output) with the pipeline's exported tables.

    python3 ingest_compare.py --ref REFDIR --ours OURSDIR [--tz Asia/Shanghai] [--examples 5]
                              [--tables quarantine,ingest_files,...] [--json report.json]

Both folders hold CSV exports (a UTF-8 BOM is stripped; empty field = NULL; columns found
by name). Compared:
  quarantine        by (source_file, line_no): presence and reason
  ingest_files      by source_file: rows_read, rows_accepted, rows_quarantined,
                    rows_duplicate, encoding, content_hash
  dim_*, fact_target  cell by cell by key
  fact_sales_line   by (order_id, line_no): every value column, credited columns,
                    lineage (src_file, src_line)
  fact_touchpoint   by event_id: same, plus business_date; ts as instants
Decimals compare by value (1000.0 = 1000.00); timestamps as instants (a value without an
offset is local time of --tz); booleans case-insensitively.
Exit status 0 when everything compared is equal, 1 otherwise.
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

csv.field_size_limit(1 << 30)

TABLES = {
    "quarantine": (["source_file", "line_no"], ["reason", "raw"]),
    "ingest_files": (["source_file"], ["rows_read", "rows_accepted", "rows_quarantined",
                                       "rows_duplicate", "encoding", "content_hash"]),
    "dim_grid": (["grid_code"], None),
    "dim_manager": (["manager_code"], None),
    "dim_product": (["sku_code"], None),
    "dim_retailer": (["retailer_code", "valid_from"], None),
    "fact_target": (["year", "month", "manager_code"], None),
    "fact_sales_line": (["order_id", "line_no"],
                        ["order_date", "retailer_code", "sku_code", "qty_cartons", "amount_yuan",
                         "retailer_valid_from", "grid_code", "manager_code", "format",
                         "market_type", "scale", "price_class", "src_file", "src_line",
                         "year", "month"]),
    "fact_touchpoint": (["event_id"],
                        ["ts", "business_date", "retailer_code", "event_manager_code", "channel",
                         "duration_min", "mot_appearance", "mot_behaviour", "mot_communication",
                         "satisfaction", "complaint_category", "complaint_resolved_ts",
                         "complaint_resolved_24h", "retailer_valid_from", "grid_code",
                         "manager_code", "format", "market_type", "scale", "src_file",
                         "src_line", "year", "month"]),
}
NUMERIC = {"line_no", "qty_cartons", "amount_yuan", "price_class", "carton_price", "grade",
           "year", "month", "target_cases", "duration_min", "mot_appearance", "mot_behaviour",
           "mot_communication", "satisfaction", "src_line", "rows_read", "rows_accepted",
           "rows_quarantined", "rows_duplicate"}
TIMESTAMP = {"ts", "complaint_resolved_ts"}
BOOL = {"complaint_resolved_24h"}
KEY_NUMERIC = {"line_no", "year", "month"}
_TS = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$")


class Norm:
    def __init__(self, tz):
        self.tz = tz

    def val(self, col, v):
        if v is None or v == "":
            return None
        if col in NUMERIC:
            try:
                return Decimal(v)
            except InvalidOperation:
                return ("text", v)
        if col in TIMESTAMP:
            m = _TS.match(v.strip())
            if not m:
                return ("text", v)
            date, time_, off = m.groups()
            if len(time_) == 5:
                time_ += ":00"
            base = dt.datetime.fromisoformat(date + "T" + time_[:15])
            if off is None:
                base = base.replace(tzinfo=self.tz)
            else:
                if off == "Z":
                    off = "+00:00"
                elif ":" not in off:
                    off = off[:3] + ":" + off[3:]
                base = dt.datetime.fromisoformat(date + "T" + time_[:15] + off)
            return base.astimezone(dt.timezone.utc)
        if col in BOOL:
            return v.strip().lower()
        return v

    def key(self, cols, row):
        out = []
        for c in cols:
            v = row.get(c, "")
            if c in KEY_NUMERIC:
                try:
                    v = int(Decimal(v))
                except (InvalidOperation, ValueError):
                    pass
            out.append(v)
        return tuple(out)


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        r = csv.reader(fh)
        header = next(r)
        return header, list(r)


def compare_table(name, refdir, oursdir, norm, nex):
    keycols, cols = TABLES[name]
    rp, op = os.path.join(refdir, name + ".csv"), os.path.join(oursdir, name + ".csv")
    res = {"table": name}
    if not os.path.exists(rp) or not os.path.exists(op):
        res["error"] = f"missing export: {rp if not os.path.exists(rp) else op}"
        return res
    rh, rrows = read(rp)
    oh, orows = read(op)
    if cols is None:
        cols = [c for c in rh if c in oh and c not in keycols]
    res["columns_compared"] = cols
    res["columns_only_ref"] = [c for c in rh if c not in oh]
    res["columns_only_ours"] = [c for c in oh if c not in rh]
    ri = {c: i for i, c in enumerate(rh)}
    oi = {c: i for i, c in enumerate(oh)}

    def index(rows, idx, side):
        d = {}
        dups = 0
        for row in rows:
            rd = {c: row[i] for c, i in idx.items() if i < len(row)}
            k = norm.key(keycols, rd)
            if k in d:
                dups += 1
            d[k] = row
        return d, dups
    R, rd = index(rrows, ri, "ref")
    O, od = index(orows, oi, "ours")
    res["rows_ref"], res["rows_ours"] = len(rrows), len(orows)
    res["duplicate_keys_ref"], res["duplicate_keys_ours"] = rd, od
    only_r = [k for k in R if k not in O]
    only_o = [k for k in O if k not in R]
    res["only_ref"] = len(only_r)
    res["only_ours"] = len(only_o)
    show = [c for c in (["reason", "detail", "raw"] if name == "quarantine" else cols[:6])
            if c in ri or c in oi]
    res["only_ref_examples"] = [(k, {c: R[k][ri[c]] for c in show if c in ri}) for k in sorted(only_r)[:nex]]
    res["only_ours_examples"] = [(k, {c: O[k][oi[c]] for c in show if c in oi}) for k in sorted(only_o)[:nex]]
    if name == "quarantine":
        # group presence differences by reason
        g = {}
        for k in only_r:
            rr = R[k][ri["reason"]]
            g[f"only_ref {rr}"] = g.get(f"only_ref {rr}", 0) + 1
        for k in only_o:
            rr = O[k][oi["reason"]]
            g[f"only_ours {rr}"] = g.get(f"only_ours {rr}", 0) + 1
        res["presence_by_reason"] = g
    diffs = {}
    both = 0
    for k, rrow in R.items():
        orow = O.get(k)
        if orow is None:
            continue
        both += 1
        for c in cols:
            if c not in ri or c not in oi:
                continue
            a, b = rrow[ri[c]], orow[oi[c]]
            if a == b:
                continue
            if norm.val(c, a) == norm.val(c, b):
                continue
            d = diffs.setdefault(c, {"count": 0, "examples": [], "pairs": {}})
            d["count"] += 1
            pair = f"{a!r} -> {b!r}" if name in ("quarantine", "ingest_files") and c != "raw" else None
            if pair and len(d["pairs"]) < 50:
                d["pairs"][pair] = d["pairs"].get(pair, 0) + 1
            if len(d["examples"]) < nex:
                d["examples"].append({"key": k, "ref": a, "ours": b})
    res["rows_both"] = both
    res["column_diffs"] = diffs
    res["equal"] = not only_r and not only_o and not diffs and not res["columns_only_ref"] \
        if name != "quarantine" else (not only_r and not only_o and not diffs)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--ours", required=True)
    ap.add_argument("--tz", default="Asia/Shanghai")
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--tables", default=",".join(TABLES))
    ap.add_argument("--json")
    a = ap.parse_args()
    norm = Norm(ZoneInfo(a.tz))
    results = []
    ok = True
    for t in a.tables.split(","):
        if not os.path.exists(os.path.join(a.ours, t + ".csv")):
            print(f"== {t}: not exported by the pipeline, skipped")
            continue
        r = compare_table(t, a.ref, a.ours, norm, a.examples)
        results.append(r)
        if "error" in r:
            print(f"== {t}: {r['error']}")
            ok = False
            continue
        ok = ok and (r["only_ref"] == 0 and r["only_ours"] == 0 and not r["column_diffs"])
        status = "EQUAL" if (r["only_ref"] == 0 and r["only_ours"] == 0 and not r["column_diffs"]) else "DIFF"
        print(f"== {t}: {status}  ref {r['rows_ref']} rows, ours {r['rows_ours']} rows, "
              f"both {r['rows_both']}, only_ref {r['only_ref']}, only_ours {r['only_ours']}"
              f"{', dup keys ref/ours %d/%d' % (r['duplicate_keys_ref'], r['duplicate_keys_ours']) if r['duplicate_keys_ref'] or r['duplicate_keys_ours'] else ''}")
        if r["columns_only_ref"]:
            print(f"   columns only in ref (not compared): {r['columns_only_ref']}")
        for key in ("presence_by_reason",):
            if r.get(key):
                print(f"   {key}: {r[key]}")
        for k, ex in r["only_ref_examples"]:
            print(f"   only_ref  {k} {ex}")
        for k, ex in r["only_ours_examples"]:
            print(f"   only_ours {k} {ex}")
        for c, d in r["column_diffs"].items():
            print(f"   column {c}: {d['count']} differ")
            if d["pairs"]:
                print(f"      value pairs (ref -> ours): {d['pairs']}")
            for e in d["examples"]:
                print(f"      {e['key']}: ref={e['ref']!r} ours={e['ours']!r}")
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(results, fh, indent=1, default=str)
    print("ALL EQUAL" if ok else "DIFFERENCES FOUND")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
