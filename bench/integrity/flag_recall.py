#!/usr/bin/env python3
"""Precision and recall of integrity_flags against the gaming planted by `generate --gaming-rate`.

Usage: flag_recall.py LANDING/manifest.json FLAGS.csv
  FLAGS.csv: `gridperf export --table integrity_flags --format csv --out FLAGS.csv`.
Prints, per pattern, planted and raised (manager, month, pattern) triples, their overlap,
precision = overlap / raised and recall = overlap / planted, then the share of manager-months
with any flag (against the manager-months of the generated years).
"""
import csv
import json
import sys


def main(manifest_path, flags_path):
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    planted = {(g["manager_code"], g["month"], g["pattern"]) for g in manifest.get("gaming", [])}
    raised = set()
    with open(flags_path, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            raised.add((r["manager_code"], "%04d-%02d" % (int(r["year"]), int(r["month"])), r["flag"]))
    patterns = ["VISIT_BUNCHING", "TOKEN_ORDERS", "SHORT_VISITS", "REPEAT_VISITS"]
    print("%-15s %8s %7s %5s %9s %6s" % ("pattern", "planted", "raised", "both", "precision", "recall"))
    for p in patterns:
        pl = {t for t in planted if t[2] == p}
        ra = {t for t in raised if t[2] == p}
        both = len(pl & ra)
        prec = both / len(ra) if ra else float("nan")
        rec = both / len(pl) if pl else float("nan")
        print("%-15s %8d %7d %5d %9.3f %6.3f" % (p, len(pl), len(ra), both, prec, rec))
    first, last = manifest["args"]["years"].split("-")
    months = (int(last) - int(first) + 1) * 12
    managers = manifest_managers(manifest_path)
    flagged = {(t[0], t[1]) for t in raised}
    if managers:
        print("manager-months flagged: %d of %d = %.4f" % (len(flagged), managers * months,
                                                         len(flagged) / (managers * months)))
    extra = sorted(raised - planted)
    if extra:
        print("raised but not planted:", ", ".join("/".join(t) for t in extra[:20]))
    missed = sorted(planted - raised)
    if missed:
        print("planted but not raised:", ", ".join("/".join(t) for t in missed[:20]))


def manifest_managers(manifest_path):
    import os
    path = os.path.join(os.path.dirname(manifest_path), "master", "managers.csv")
    try:
        with open(path, encoding="utf-8-sig") as f:
            return sum(1 for _ in csv.DictReader(f))
    except OSError:
        return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
