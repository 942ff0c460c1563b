#!/usr/bin/env python3
"""Writes five successive landing trees (run1 … run5) from one generated tree, for replaying
the incremental paths of docs/contract.md (Precedence, Re-delivery, Master-data changes) against the reference: an incremental run with late files
and corrections, master-data changes that re-credit, re-validate and un-accept rows,
re-deliveries, corrections that arrive out of path order, files removed from landing and an
empty re-delivery.

    python3 scenario_runs.py --base GENERATED_TREE --out DIR
    -> DIR/run1 … DIR/run5 and DIR/scenario.json (what each run changes)

Ingest them in order into one lake (run 5 with --allow-empty), and give the same trees to
ingest_ref.py as repeated --landing arguments. Every choice below is made from the base tree's
content, never at random, so the same base always gives the same runs. The base must span
2014-2015 (or a part of it holding June and September 2014 and June 2015).

run1  the base tree without its last sales week, its last touchpoint month and the late file.
run2  the held-back files (the incremental path: new periods and a late file for an old one),
      and sales/2014/zz-corr-2014-06.csv: corrections and exact duplicates of lines of an
      earlier week, and two sales of Y
run3  master changes, in one run:
      master/grids.csv      grid G_NEW (rural) added; the second grid's market_type changed
      master/managers.csv   manager M_NEW added
      master/products.csv   the second SKU's price_class changed (high_class_share moves)
      master/retailers.csv  X moves to G_NEW / M_NEW on 2015-06-17 (mid-month);
                            Y suspended from 2014-09-01, active again from 2014-10-15
                            (accepted sales in between, one of run 2's among them, leave silver);
                            Z's only version gets another format (a correction in place);
                            the first suspended version turns active (quarantined sales return);
                            W gets a version on an unknown grid (UNKNOWN_GRID; the old one holds)
      master/targets.csv    M_NEW's targets for June–December 2015 except September
      a re-delivered weekly sales file: one line's quantity changed, one line removed, one added
      touchpoints/2015/zz-extra-2015-06.jsonl  X's touchpoints around its move (one at 23:59:59
                            local on the move day, one whose UTC date is June but local date July),
                            a duplicate written in UTC, a correction
run4  run3, plus: Y's suspension removed (its sales come back in their original precedence);
      M_NEW removed from managers.csv (X's new version, M_NEW's targets and touchpoints become
      UNKNOWN_MANAGER); one target changed; the first sales file removed from landing (it stays
      ingested); sales/2014/aa-early-2014-06.csv: a correction and a duplicate of lines accepted
      earlier, in a path that sorts before them but arrives in a later run
run5  run4 with zz-corr-2014-06.csv re-delivered as a header only (needs --allow-empty): its
      corrections are withdrawn and the keys fall back to their earlier rows
"""

import argparse
import csv
import io
import json
import os
import shutil

SALES_HEADER = "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons,amount_yuan"
G_NEW = "0999"
G_UNKNOWN = "9998"
M_NEW = "M900"


def read_text(path):
    with open(path, "rb") as fh:
        data = fh.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8")


def rows_of(text):
    return list(csv.reader(io.StringIO(text)))


def write(root, rel, text):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    if os.path.lexists(p):
        os.unlink(p)  # never write through a hard link into another run's tree
    with open(p, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def csv_text(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def link_tree(src, dst, skip=()):
    for dirpath, _, files in os.walk(src):
        for f in files:
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, src).replace(os.sep, "/")
            if rel in skip or rel == "manifest.json":
                continue
            t = os.path.join(dst, rel)
            os.makedirs(os.path.dirname(t), exist_ok=True)
            os.link(full, t)


def files_under(base, folder):
    """Paths relative to base of the files under base/folder, in code-point order."""
    return sorted(os.path.relpath(os.path.join(d, f), base).replace(os.sep, "/")
                  for d, _, fs in os.walk(os.path.join(base, folder)) for f in fs)


def clean_sales_lines(base, rel, faults):
    """(physical line number, fields) of the lines of a sales file that no fault touches."""
    text = read_text(os.path.join(base, rel))
    lines = text.split("\n")
    header = lines[0].split(",")
    out = []
    for i, line in enumerate(lines[1:], start=2):
        if not line.strip() or (rel, i) in faults:
            continue
        f = line.split(",")
        if len(f) != len(header) or '"' in line:
            continue
        row = dict(zip(header, f))
        if row["qty_cartons"].lstrip("-").isdigit() and int(row["qty_cartons"]) > 0:
            out.append((i, row))
    return header, lines, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="a tree written by `gridperf generate` (2014-2015)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    base, out = a.base, a.out
    if os.path.exists(out):
        shutil.rmtree(out)
    with open(os.path.join(base, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    # lines a fault touches, and files that are a fault as a whole (GBK, BOM, late): never edited
    faults = {(loc[0], loc[1]) for fk in manifest["faults"] for loc in fk.get("locations", [])}
    fault_files = {f for fk in manifest["faults"] for f in fk.get("files", [])}
    sales, tps = files_under(base, "sales"), files_under(base, "touchpoints")
    weekly = [s for s in sales if os.path.basename(s).startswith("sales-")]
    editable = [s for s in weekly if s not in fault_files]
    monthly = [t for t in tps if os.path.basename(t).startswith("touchpoints-")]
    late = [s for s in sales + tps if os.path.basename(s).startswith("zz-late")]
    held_back = [weekly[-1], monthly[-1]] + late[:1]
    story = {"held_back_in_run1": held_back}

    # ---- run 1
    run1 = os.path.join(out, "run1")
    link_tree(base, run1, skip=set(held_back))

    # ---- run 2: the held-back files and a corrections file; run 3: master changes
    run2 = os.path.join(out, "run2")
    link_tree(base, run2)
    run3 = os.path.join(out, "run3")
    link_tree(base, run3)
    grids = rows_of(read_text(os.path.join(base, "master/grids.csv")))
    gh = grids[0]
    mt = gh.index("market_type")
    changed_grid = grids[2][0]
    grids[2][mt] = {"urban": "rural", "town": "urban", "rural": "town"}[grids[2][mt]]
    grids.append([G_NEW, "新增网格", grids[1][gh.index("station")], "rural"])
    write(run3, "master/grids.csv", csv_text(grids))
    managers = rows_of(read_text(os.path.join(base, "master/managers.csv")))
    managers.append([M_NEW, "新经理", managers[1][2], "2015-05-01"])
    write(run3, "master/managers.csv", csv_text(managers))
    products = rows_of(read_text(os.path.join(base, "master/products.csv")))
    pc = products[0].index("price_class")
    products[2][pc] = "3" if products[2][pc] in ("1", "2") else "1"
    write(run3, "master/products.csv", csv_text(products))

    retailers = rows_of(read_text(os.path.join(base, "master/retailers.csv")))
    rh = retailers[0]
    c = {name: rh.index(name) for name in rh}
    versions = {}
    for r in retailers[1:]:
        versions.setdefault(r[c["retailer_code"]], []).append(r)
    single = [code for code, vs in versions.items()
              if len(vs) == 1 and vs[0][c["license_status"]] == "active"
              and vs[0][c["valid_from"]] < "2014-01-01"]
    x, y, z = single[0], single[1], single[2]
    multi = [code for code, vs in versions.items() if len(vs) > 1 and code not in (x, y, z)]
    w = multi[0]
    suspended = next(r for r in retailers[1:] if r[c["license_status"]] == "suspended")
    story.update(x=x, y=y, z=z, w=w, suspended_turned_active=suspended[c["retailer_code"]],
                 grid_market_type_changed=changed_grid, sku_price_class_changed=products[2][0])

    def version(code, valid_from, **kv):
        r = list(versions[code][-1])
        r[c["valid_from"]] = valid_from
        for k, v in kv.items():
            r[c[k]] = v
        return r

    formats = ["grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other"]
    z_row = versions[z][0]
    z_new = list(z_row)
    z_new[c["format"]] = formats[(formats.index(z_row[c["format"]]) + 1) % len(formats)]
    y_suspended = version(y, "2014-09-01", license_status="suspended")
    retailers2 = [rh]
    for r in retailers[1:]:
        if r is z_row:
            retailers2.append(r)
            retailers2.append(z_new)  # same key, new content: the later row corrects
        elif r is suspended:
            r2 = list(r)
            r2[c["license_status"]] = "active"
            retailers2.append(r2)
        else:
            retailers2.append(r)
    retailers2 += [
        version(x, "2015-06-17", grid_code=G_NEW, manager_code=M_NEW),
        y_suspended,
        version(y, "2014-10-15"),
        version(w, "2015-02-01", grid_code=G_UNKNOWN),
    ]
    write(run3, "master/retailers.csv", csv_text(retailers2))
    targets = rows_of(read_text(os.path.join(base, "master/targets.csv")))
    targets2 = targets + [["2015", str(m), M_NEW, f"{10 + m}.50"] for m in range(6, 13) if m != 9]
    write(run3, "master/targets.csv", csv_text(targets2))

    # a re-delivered weekly file: one quantity changed, one line removed, one line added
    redelivered = next(s for s in editable if s >= weekly[len(weekly) // 5])
    header, lines, clean = clean_sales_lines(base, redelivered, faults)
    hidx = {h: i for i, h in enumerate(header)}
    (l_changed, _), (l_removed, _) = clean[3], clean[7]
    new_lines = []
    for i, line in enumerate(lines, start=1):
        if i == l_removed:
            continue
        if i == l_changed:
            f = line.split(",")
            f[hidx["qty_cartons"]] = str(int(f[hidx["qty_cartons"]]) + 7)
            line = ",".join(f)
        new_lines.append(line)
    last = clean[-1][1]
    added = dict(last, order_id="ONEW" + last["order_id"][1:], line_no="1")
    body = "\n".join(new_lines).rstrip("\n") + "\n" + ",".join(added[h] for h in header) + "\n"
    write(run3, redelivered, body)
    story["redelivered"] = {"file": redelivered, "qty_changed_line": l_changed,
                            "removed_line": l_removed}

    # corrections and duplicates of another week's lines, in a later path
    week = next(s for s in editable if "2014-06" in s)
    _, _, clean_w = clean_sales_lines(base, week, faults)
    corr = [SALES_HEADER]
    picked = [row for _, row in clean_w if row["retailer_code"] not in (x, y, z, w)][:6]
    for k, row in enumerate(picked):
        r = dict(row)
        if k in (0, 1):  # corrections: another amount
            cents = round(float(r["amount_yuan"]) * 100) + 1000
            r["amount_yuan"] = f"{cents // 100}.{cents % 100:02d}"
        elif k == 2:  # correction: another quantity
            r["qty_cartons"] = str(int(r["qty_cartons"]) + 1)
        elif k == 3:  # exact duplicate once typed: 5 -> 5.0, amounts with one zero less
            r["qty_cartons"] = r["qty_cartons"] + ".0"
        corr.append(",".join(r[h] for h in SALES_HEADER.split(",")))
    y_sku = picked[0]["sku_code"]
    corr.append(f"OYSUSP0001,1,2014-09-10,{y},{y_sku},4,321.00")
    corr.append(f"OYSUSP0001,2,2014-10-20,{y},{y_sku},2,160.50")
    for run in (run2, run3):
        write(run, "sales/2014/zz-corr-2014-06.csv", "\n".join(corr) + "\n")
    story["corrected_week"] = week

    # touchpoints around X's move, a duplicate in UTC, a correction
    month_file = next(t for t in monthly if "2015-06" in t and t not in fault_files)
    parsed = []
    for i, ln in enumerate(read_text(os.path.join(base, month_file)).split("\n"), start=1):
        if not ln.strip() or (month_file, i) in faults:
            continue
        try:
            o = json.loads(ln)
        except ValueError:
            continue
        if isinstance(o, dict) and o.get("ts", "").endswith("+08:00") and o.get("retailer_code") not in (x, y, z, w):
            parsed.append(o)
    dup = dict(next(o for o in parsed[10:] if len(o["ts"]) == 25 and o["ts"][11:13] >= "08"))
    local = dup["ts"][:19]
    dup["ts"] = f"{local[:11]}{int(local[11:13]) - 8:02d}{local[13:19]}Z"  # the same instant
    fix = dict(parsed[20])
    fix["satisfaction"] = 1 if fix.get("satisfaction") != 1 else 5
    mgr_x = versions[x][-1][c["manager_code"]]
    extra = [
        {"event_id": "TX0001", "ts": "2015-06-16T10:00:00+08:00", "retailer_code": x,
         "manager_code": mgr_x, "channel": "visit", "duration_min": 20,
         "mot": {"appearance": 5, "behaviour": 4, "communication": 3}, "satisfaction": 2},
        {"event_id": "TX0002", "ts": "2015-06-17T15:59:59Z", "retailer_code": x,
         "manager_code": M_NEW, "channel": "visit", "duration_min": 30,
         "mot": {"appearance": 4, "behaviour": 4, "communication": 4}, "satisfaction": 4},
        {"event_id": "TX0003", "ts": "2015-06-30T16:30:00Z", "retailer_code": x,
         "manager_code": M_NEW, "channel": "complaint", "satisfaction": 5,
         "complaint": {"category": "delivery", "resolved_ts": "2015-07-01T16:30:00Z"}},
        {"event_id": "TX0004", "ts": "2015-06-20T09:00:00+08:00", "retailer_code": x,
         "channel": "phone", "satisfaction": 3},
        dup,
        fix,
    ]
    write(run3, "touchpoints/2015/zz-extra-2015-06.jsonl",
          "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in extra))
    story["touchpoint_duplicate"] = dup["event_id"]
    story["touchpoint_correction"] = fix["event_id"]

    # ---- run 4
    run4 = os.path.join(out, "run4")
    link_tree(run3, run4)
    retailers3 = [r for r in retailers2 if r is not y_suspended]
    write(run4, "master/retailers.csv", csv_text(retailers3))
    write(run4, "master/managers.csv", csv_text([m for m in managers if m[0] != M_NEW]))
    targets3 = [list(t) for t in targets2]
    targets3[3][3] = "99.99"
    write(run4, "master/targets.csv", csv_text(targets3))
    os.unlink(os.path.join(run4, weekly[0]))
    early = [SALES_HEADER]
    week2 = next(s for s in editable if "2014-06" in s and s != week)
    _, _, clean_e = clean_sales_lines(base, week2, faults)
    pe = [row for _, row in clean_e if row["retailer_code"] not in (x, y, z, w)][:2]
    r0 = dict(pe[0], qty_cartons=str(int(pe[0]["qty_cartons"]) + 2))
    early.append(",".join(r0[h] for h in SALES_HEADER.split(",")))
    early.append(",".join(pe[1][h] for h in SALES_HEADER.split(",")))
    write(run4, "sales/2014/aa-early-2014-06.csv", "\n".join(early) + "\n")
    story["run4_removed_from_landing"] = weekly[0]
    story["run4_early_path_corrects"] = week2

    # ---- run 5
    run5 = os.path.join(out, "run5")
    link_tree(run4, run5)
    write(run5, "sales/2014/zz-corr-2014-06.csv", SALES_HEADER + "\n")

    with open(os.path.join(out, "scenario.json"), "w", encoding="utf-8") as fh:
        json.dump(story, fh, indent=1, ensure_ascii=False)
    print(json.dumps(story, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
