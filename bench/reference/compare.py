#!/usr/bin/env python3
"""Compares two folders of gridperf gold table CSVs cell by cell.

    python3 compare.py LEFT_DIR RIGHT_DIR [--tables a,b] [--examples N] [--rel-tol 1e-9] [--abs-tol 1e-12]

Rows are matched by the table's key (entity columns + period_type + period; perf_cube also
grouping_id and its six dimension columns, NULL-aware; retailer_segment retailer_code + year;
manager_scorecard manager_code + year). Reports missing/extra rows and, per column, the number
of differing cells with a few examples. Numbers are equal within the relative tolerance (and
the absolute one around 0); `*_code` and other text columns compare exactly; an empty field
(or NULL / null / \\N) is NULL and only matches NULL. Columns present on one side only are
listed. Exits 1 when anything differs.
"""

import argparse
import csv
import math
import os
import sys
from collections import defaultdict

KEYS = {
    "perf_manager": ["manager_code", "period_type", "period"],
    "perf_grid": ["grid_code", "period_type", "period"],
    "perf_category": ["format", "market_type", "scale", "period_type", "period"],
    "perf_cube": ["grid_code", "manager_code", "format", "market_type", "scale", "price_class",
                  "grouping_id", "period_type", "period"],
    "retailer_segment": ["retailer_code", "year"],
    "manager_scorecard": ["manager_code", "year"],
    "service_visits": ["entity_type", "entity_code", "retailer_code", "year", "month"],
}
DEFAULT_TABLES = ["perf_manager", "perf_grid", "perf_category", "perf_cube", "retailer_segment",
                  "manager_scorecard"]
TEXT_COLS = {"period", "period_type", "format", "market_type", "scale", "segment", "tier", "entity_type"}
NULLS = {"", "null", "\\n"}


def is_null(v):
    return v is None or v.strip().lower() in NULLS


def is_text(col):
    return col.endswith("_code") or col in TEXT_COLS


def num(v):
    try:
        x = float(v)
    except ValueError:
        return None
    return x


def norm_key(col, v):
    if is_null(v):
        return None
    v = v.strip()
    if not is_text(col):
        x = num(v)
        if x is not None and x == int(x):
            return str(int(x))  # grouping_id 15 == 15.0, year, price_class
    return v


def load(path, key):
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.reader(f)
        header = [h.strip() for h in next(r)]
        miss = [k for k in key if k not in header]
        if miss:
            raise SystemExit("%s: key columns missing: %s" % (path, miss))
        ki = [header.index(k) for k in key]
        rows, dups = {}, 0
        for row in r:
            k = tuple(norm_key(c, row[i]) for c, i in zip(key, ki))
            if k in rows:
                dups += 1
            rows[k] = dict(zip(header, row))
    return header, rows, dups


def same(col, a, b, rel, abst):
    if is_null(a) or is_null(b):
        return is_null(a) and is_null(b)
    a, b = a.strip(), b.strip()
    if is_text(col):
        return a == b
    x, y = num(a), num(b)
    if x is None or y is None:
        if a.lower() in ("true", "false") or b.lower() in ("true", "false"):
            return a.lower() == b.lower()
        return a == b
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return abs(x - y) <= max(rel * max(abs(x), abs(y)), abst)


def fmt_key(key, k):
    return ";".join("%s=%s" % (c, "" if v is None else v) for c, v in zip(key, k))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("left")
    ap.add_argument("right")
    ap.add_argument("--tables", default=",".join(DEFAULT_TABLES))
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--rel-tol", type=float, default=1e-9)
    ap.add_argument("--abs-tol", type=float, default=1e-12)
    args = ap.parse_args()
    bad = False
    summary = []
    for t in args.tables.split(","):
        key = KEYS[t]
        lp, rp = os.path.join(args.left, t + ".csv"), os.path.join(args.right, t + ".csv")
        if not (os.path.exists(lp) and os.path.exists(rp)):
            print("== %s: missing file (%s)" % (t, ", ".join(p for p in (lp, rp) if not os.path.exists(p))))
            bad = True
            continue
        lh, L, ld = load(lp, key)
        rh, R, rd = load(rp, key)
        print("== %s: left %d rows, right %d rows" % (t, len(L), len(R)))
        if ld or rd:
            print("  DUPLICATE KEYS: left %d, right %d" % (ld, rd))
            bad = True
        only_l = [c for c in lh if c not in rh]
        only_r = [c for c in rh if c not in lh]
        if only_l or only_r:
            print("  columns only left: %s; only right: %s" % (only_l, only_r))
        cols = [c for c in lh if c in rh and c not in key]
        missing = sorted((k for k in L if k not in R), key=lambda k: tuple("" if v is None else v for v in k))
        extra = sorted((k for k in R if k not in L), key=lambda k: tuple("" if v is None else v for v in k))
        for label, ks in (("rows only in left (missing on right)", missing), ("rows only in right (extra on right)", extra)):
            if ks:
                bad = True
                print("  %s: %d" % (label, len(ks)))
                for k in ks[: args.examples]:
                    print("    " + fmt_key(key, k))
        diffs = defaultdict(list)
        common = [k for k in L if k in R]
        ncells = 0
        inexact = 0  # numeric cells equal within tolerance but not bit-equal as doubles
        for k in common:
            a, b = L[k], R[k]
            for c in cols:
                ncells += 1
                if not same(c, a[c], b[c], args.rel_tol, args.abs_tol):
                    diffs[c].append(k)
                elif not is_text(c) and not is_null(a[c]):
                    x, y = num(a[c]), num(b[c])
                    if x is not None and y is not None and x != y:
                        inexact += 1
        ndiff = sum(len(v) for v in diffs.values())
        print("  compared %d common rows, %d cells (%d value columns); differing cells: %d"
              " (equal within tolerance but not bit-equal: %d)" % (len(common), ncells, len(cols), ndiff, inexact))
        for c in cols:
            if diffs[c]:
                bad = True
                print("  column %s: %d differ" % (c, len(diffs[c])))
                for k in sorted(diffs[c], key=lambda k: tuple("" if v is None else v for v in k))[: args.examples]:
                    print("    %s: left=%r right=%r" % (fmt_key(key, k), L[k][c], R[k][c]))
        summary.append((t, len(L), len(R), len(common), ncells, ndiff, len(missing), len(extra), inexact))
    print()
    print("%-18s %8s %8s %8s %10s %8s %8s %8s %9s" % ("table", "left", "right", "common", "cells", "diff",
                                                       "missing", "extra", "not-bit=="))
    for s in summary:
        print("%-18s %8d %8d %8d %10d %8d %8d %8d %9d" % s)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
