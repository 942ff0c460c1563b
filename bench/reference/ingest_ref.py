#!/usr/bin/env python3
"""Independent reference implementation of the gridperf INGEST contract (docs/contract.md: Landing files to Crediting).

Pure Python 3 standard library. Written from the data contract and the worked examples only.

    python3 ingest_ref.py --landing DIR [--landing DIR2 ...] --out OUTDIR
                          [--as-of 2016-06-30] [--tz Asia/Shanghai] [--max-quarantine-rate 0.05]
                          [--allow-empty] [--pipeline-choices]

Each --landing is one ingest RUN over the landing tree as it stands at that run (give the
same folder twice, or a modified copy, to model re-deliveries). The lake after the last
run is modelled as a deterministic function of (a) the current delivery of every path
ever seen (same path + same content hash = skipped, so it keeps its earlier run; same
path + new content = replaces the earlier delivery, whose rows are withdrawn; a path
that disappears from landing stays ingested; an empty re-delivery is refused unless
--allow-empty) and (b) the current master snapshots: all rows of current deliveries are
validated against the current master data and replayed in (run, path, line) order
(docs/contract.md, Precedence: rows are taken in (run, path, line) order, re-validation on master change,
"counts as the lake stands now").  One --as-of for all runs.

Readings of points the contract leaves open (default), and what --pipeline-choices changes to
match the pipeline's choices (docs/ingest.md and probes), so a comparison shows only real
disagreements:
  * contract paths: master/<5 names>.csv, sales/YYYY/*.csv, touchpoints/YYYY/*.jsonl, '*'
    not matching a leading dot (the pipeline reads it the same way)
  * lines split on \n only (a trailing \r dropped); blank = empty or whitespace only
  * CSV: RFC 4180 on one physical line; a quote inside an unquoted field, text after a
    closing quote, an unclosed quote, a field count different from the header's: MALFORMED.
    Surrounding spaces/tabs trimmed outside quotes only   [switch: every Unicode space and
    whitespace character, also inside the quotes]
  * integers: [+-]digits[.0…]                              [switch: also '5.'; beyond 64-bit
    BAD_NUMBER]
  * decimals: [+-]digits[.d{1,2}] written                  [switch: at most 2 places by value
    (400.120 ok), '.5' and '5.' ok; |v| >= 10^16 OUT_OF_RANGE]
  * ts / resolved_ts: YYYY-MM-DDThh:mm[:ss[.f]] + optional Z | ±hh | ±hh:mm
                                                           [switch: also t/z, ±hh:mm:ss, [zone]]
  * master name/brand/station/hire_date/carton_price required (MISSING_VALUE)
                                                           [switch: optional]
  * targets year any integer                               [switch: 1..9999 else OUT_OF_RANGE]
  * JSON object/array where a code/ts/category is expected: read as its JSON text
                                                           [switch: MALFORMED]
  * JSON: empty string = missing; a number where a code is expected reads as its text;
    NaN/Infinity invalid; satisfaction anything but a number with integer value 1..5 or
    null/absent: OUT_OF_RANGE; a MOT score that is not a number: missing; duration_min kept
    if a number else NULL; complaint not an object: absent; complaint_resolved_24h NULL for
    channels other than complaint; touchpoint unknown codes: retailer_code before
    manager_code (column order).

Outputs (UTF-8, header, empty field = NULL) in OUTDIR:
  quarantine.csv, ingest_files.csv, dim_grid.csv, dim_manager.csv, dim_product.csv,
  dim_retailer.csv, fact_target.csv, fact_sales_line.csv, fact_touchpoint.csv (ts in --tz
  local time, plus ts_utc), summary.json (counts, corrections, guard).
Run time on /work/ref/landing (1.95 M fact rows): about 25 s, 1.6 GB RAM.
"""

import argparse
import bisect
import csv
import datetime as dt
import hashlib
import json
import math
import os
import re
import sys
import time
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

# ----------------------------------------------------------------------------- contract

MASTER_FILES = ["grids", "managers", "products", "retailers", "targets"]
COLUMNS = {
    "grids": ["grid_code", "grid_name", "station", "market_type"],
    "managers": ["manager_code", "manager_name", "station", "hire_date"],
    "products": ["sku_code", "sku_name", "brand", "price_class", "carton_price"],
    "retailers": ["retailer_code", "retailer_name", "format", "scale", "grade", "grid_code",
                  "manager_code", "license_status", "valid_from"],
    "targets": ["year", "month", "manager_code", "target_cases"],
    "sales": ["order_id", "line_no", "order_date", "retailer_code", "sku_code", "qty_cartons",
              "amount_yuan"],
}
KEYS = {
    "grids": ["grid_code"], "managers": ["manager_code"], "products": ["sku_code"],
    "retailers": ["retailer_code", "valid_from"], "targets": ["year", "month", "manager_code"],
    "sales": ["order_id", "line_no"],
}
MARKET_TYPES = {"urban", "town", "rural"}
FORMATS = {"grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other"}
SCALES = {"large", "medium", "small"}
LICENSE = {"active", "suspended", "closed"}
CHANNELS = {"visit", "phone", "wechat", "complaint", "delivery", "training"}
MIN_DATE = "2000-01-01"


class Opts:
    """--pipeline-choices: adopt the pipeline's documented readings of points where the contract
    is silent or ambiguous (see docs of this script / the report), so that a comparison shows
    only real disagreements.  Default: this reference's own reading."""
    pipeline_choices = False
    ws = " \t"


OPTS = Opts()
# the pipeline's field trim (Character.isWhitespace or isSpaceChar): used with --pipeline-choices
JAVA_WS = "".join(chr(c) for c in [9, 10, 11, 12, 13, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0xa0, 0x1680]
                  + list(range(0x2000, 0x200b))
                  + [0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
LIMIT = Decimal(10) ** 16
INT64 = (-(1 << 63), (1 << 63) - 1)


class Reject(Exception):
    def __init__(self, reason, detail):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class Refused(Exception):
    pass


# ----------------------------------------------------------------------------- typing helpers

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_date_cache = {}


def parse_date(s):
    """'YYYY-MM-DD' that exists -> canonical string, else None."""
    r = _date_cache.get(s)
    if r is not None:
        return r or None
    m = _DATE_RE.match(s)
    ok = ""
    if m:
        try:
            dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            ok = s
        except ValueError:
            ok = ""
    if len(_date_cache) < 200000:
        _date_cache[s] = ok
    return ok or None


_INT_RE = re.compile(r"^[+-]?\d+(?:\.(\d+))?$", re.ASCII)
_INT_RE_P = re.compile(r"^[+-]?\d+(?:\.(\d*))?$", re.ASCII)   # pipeline choice: '5.' reads as 5


def parse_int(s):
    """Integer ('5', '05', '5.0' read as 5; '2.5' does not) -> int, else None."""
    m = (_INT_RE_P if OPTS.pipeline_choices else _INT_RE).match(s)
    if not m:
        return None
    frac = m.group(1)
    if frac is not None:
        if frac.strip("0"):
            return None
        s = s[: s.index(".")]
    v = int(s)
    if OPTS.pipeline_choices and not INT64[0] <= v <= INT64[1]:
        return None   # pipeline choice: beyond 64-bit is BAD_NUMBER
    return v


_DEC_RE = re.compile(r"^[+-]?\d+(?:\.(\d*))?$", re.ASCII)


_DEC_RE_P = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$", re.ASCII)


def parse_dec2(s):
    """Decimal with at most 2 (written) decimal places -> Decimal, else None.
    --pipeline-choices: at most 2 places BY VALUE (400.120 = 400.12), '.5' and '5.' allowed."""
    if OPTS.pipeline_choices:
        if not _DEC_RE_P.match(s):
            return None
        d = Decimal(s)
        if d != d.quantize(Decimal("0.01")):
            return None
        return d
    m = _DEC_RE.match(s)
    if not m:
        return None
    frac = m.group(1)
    if frac is not None and (len(frac) > 2 or len(frac) == 0):
        return None
    return Decimal(s)


_TS_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(Z|[+-]\d{2}(?::\d{2})?)?$", re.ASCII)
_TS_RE_P = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"([Zz]|[+-]\d{2}(?::\d{2}(?::\d{2})?)?)?(?:\[[^\]]+\])?$", re.ASCII)
UTC = dt.timezone.utc


def parse_ts(s, tz):
    """ISO-8601 date-time; without an offset it is business local time.
    Returns an aware datetime (UTC) or None."""
    if not isinstance(s, str):
        return None
    m = (_TS_RE_P if OPTS.pipeline_choices else _TS_RE).match(s)
    if not m:
        return None
    if OPTS.pipeline_choices and m.group(8) is None and s.endswith("]"):
        return None   # a [zone] only after an offset
    y, mo, d, h, mi = (int(m.group(i)) for i in range(1, 6))
    sec = int(m.group(6) or 0)
    frac = m.group(7) or ""
    micro = int((frac + "000000")[:6]) if frac else 0
    try:
        if m.group(8) is None:
            local = dt.datetime(y, mo, d, h, mi, sec, micro, tzinfo=tz)
        else:
            off = m.group(8)
            if off in ("Z", "z"):
                tzo = UTC
            else:
                sign = 1 if off[0] == "+" else -1
                oh = int(off[1:3])
                om = int(off[4:6]) if len(off) > 3 else 0
                osec = int(off[7:9]) if len(off) > 6 else 0
                if oh > 18 or om > 59 or osec > 59:
                    return None
                tzo = dt.timezone(sign * dt.timedelta(hours=oh, minutes=om, seconds=osec))
            local = dt.datetime(y, mo, d, h, mi, sec, micro, tzinfo=tzo)
        return local.astimezone(UTC)
    except ValueError:
        return None


def is_json_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ----------------------------------------------------------------------------- decoding / CSV

def decode_lines(data):
    """Charset auto: strip a leading UTF-8 BOM; each physical line (\\n, a trailing \\r
    removed) decodes as UTF-8 if valid, else GB18030; None if neither.
    Yields (line_no, text or None, charset); also returns file label via list."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    parts = data.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    try:
        whole = data.decode("utf-8")
        texts = whole.split("\n")
        if texts and texts[-1] == "":
            texts.pop()
        out = [(t[:-1] if t.endswith("\r") else t, "utf-8") for t in texts]
        return bom, out
    except UnicodeDecodeError:
        pass
    out = []
    for p in parts:
        if p.endswith(b"\r"):
            p = p[:-1]
        try:
            out.append((p.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError:
            try:
                out.append((p.decode("gb18030"), "gb18030"))
            except UnicodeDecodeError:
                out.append((None, None))
    return bom, out


def is_blank(text):
    return text is not None and text.strip() == ""


def parse_csv_line(s):
    """RFC 4180 on one physical line; surrounding spaces of a field trimmed (not inside quotes).
    Raises Reject(MALFORMED)."""
    if '"' not in s:
        return [f.strip(OPTS.ws) for f in s.split(",")]
    fields = []
    i, n = 0, len(s)
    while True:
        j = i
        while j < n and s[j] in OPTS.ws:
            j += 1
        if j < n and s[j] == '"':
            j += 1
            buf = []
            while True:
                k = s.find('"', j)
                if k < 0:
                    raise Reject("MALFORMED", "unclosed quote")
                buf.append(s[j:k])
                if k + 1 < n and s[k + 1] == '"':
                    buf.append('"')
                    j = k + 2
                    continue
                j = k + 1
                break
            while j < n and s[j] in OPTS.ws:
                j += 1
            v = "".join(buf)
            # pipeline choice: spaces inside the quotes are trimmed as well
            fields.append(v.strip(OPTS.ws) if OPTS.pipeline_choices else v)
            if j == n:
                return fields
            if s[j] != ",":
                raise Reject("MALFORMED", "text after a closing quote")
            i = j + 1
        else:
            k = s.find(",", i)
            raw = s[i:] if k < 0 else s[i:k]
            if '"' in raw:
                # RFC 4180 2.5: "If fields are not enclosed with double quotes, then double
                # quotes may not appear inside the fields."
                raise Reject("MALFORMED", "quote inside an unquoted field")
            fields.append(raw.strip(OPTS.ws))
            if k < 0:
                return fields
            i = k + 1


# ----------------------------------------------------------------------------- validators
# Each returns (key, value_tuple, stored_dict) or raises Reject.  The order of checks is the
# contract's: MALFORMED; MISSING_KEY; column by column MISSING_VALUE / BAD_DATE / BAD_NUMBER;
# OUT_OF_RANGE; ZERO_QTY; unknown codes in column order; NO_RETAILER_VERSION;
# RETAILER_NOT_ACTIVE.

def need(f, col):
    if f[col] == "":
        raise Reject("MISSING_VALUE", f"{col} is missing")
    return f[col]


def opt(f, col):
    """Master name/station columns: required (MISSING_VALUE) by default; optional under
    --pipeline-choices."""
    if OPTS.pipeline_choices and f[col] == "":
        return None
    return need(f, col)


def range_limit(d, col):
    if OPTS.pipeline_choices and d is not None and abs(d) >= LIMIT:
        raise Reject("OUT_OF_RANGE", f"{col} is 10^16 or more in magnitude")


def need_parsed(f, col, parse, reason, what):
    v = need(f, col)
    x = parse(v)
    if x is None:
        raise Reject(reason, f"{col} is not {what}: {v}")
    return x


def need_date(f, col):
    return need_parsed(f, col, parse_date, "BAD_DATE", "a valid date")


def need_int(f, col):
    return need_parsed(f, col, parse_int, "BAD_NUMBER", "an integer")


def need_dec(f, col):
    return need_parsed(f, col, parse_dec2, "BAD_NUMBER", "a decimal with at most 2 places")


def check_keys(f, src):
    for k in KEYS[src]:
        if f[k] == "":
            raise Reject("MISSING_KEY", f"{k} is missing")


class Ctx:
    def __init__(self, as_of, tz):
        self.as_of = as_of
        self.tz = tz
        self.grids = {}
        self.managers = {}
        self.products = {}
        self.ret_versions = {}  # code -> (sorted list of valid_from, list of version dicts)


def v_grids(f, ctx):
    check_keys(f, "grids")
    code = f["grid_code"]
    name = opt(f, "grid_name")
    station = opt(f, "station")
    mt = need(f, "market_type")
    if mt not in MARKET_TYPES:
        raise Reject("OUT_OF_RANGE", f"market_type {mt}")
    rec = {"grid_code": code, "grid_name": name, "station": station, "market_type": mt}
    return (code,), (name, station, mt), rec


def v_managers(f, ctx):
    check_keys(f, "managers")
    code = f["manager_code"]
    name = opt(f, "manager_name")
    station = opt(f, "station")
    hd = None if (OPTS.pipeline_choices and f["hire_date"] == "") else need_date(f, "hire_date")
    rec = {"manager_code": code, "manager_name": name, "station": station, "hire_date": hd}
    return (code,), (name, station, hd), rec


def v_products(f, ctx):
    check_keys(f, "products")
    code = f["sku_code"]
    name = opt(f, "sku_name")
    brand = opt(f, "brand")
    pc = need_int(f, "price_class")
    price = None if (OPTS.pipeline_choices and f["carton_price"] == "") else need_dec(f, "carton_price")
    range_limit(price, "carton_price")
    if not 1 <= pc <= 5:
        raise Reject("OUT_OF_RANGE", f"price_class {pc}")
    rec = {"sku_code": code, "sku_name": name, "brand": brand, "price_class": pc,
           "carton_price": price}
    return (code,), (name, brand, pc, price), rec


def v_retailers(f, ctx):
    check_keys(f, "retailers")
    code = f["retailer_code"]
    name = opt(f, "retailer_name")
    fmt = need(f, "format")
    scale = need(f, "scale")
    grade = need_int(f, "grade")
    grid = need(f, "grid_code")
    mgr = need(f, "manager_code")
    lic = need(f, "license_status")
    vf = need_date(f, "valid_from")
    if fmt not in FORMATS:
        raise Reject("OUT_OF_RANGE", f"format {fmt}")
    if scale not in SCALES:
        raise Reject("OUT_OF_RANGE", f"scale {scale}")
    if not 1 <= grade <= 30:
        raise Reject("OUT_OF_RANGE", f"grade {grade}")
    if lic not in LICENSE:
        raise Reject("OUT_OF_RANGE", f"license_status {lic}")
    if grid not in ctx.grids:
        raise Reject("UNKNOWN_GRID", f"grid_code {grid}")
    if mgr not in ctx.managers:
        raise Reject("UNKNOWN_MANAGER", f"manager_code {mgr}")
    rec = {"retailer_code": code, "valid_from": vf, "retailer_name": name, "format": fmt,
           "scale": scale, "grade": grade, "grid_code": grid, "manager_code": mgr,
           "license_status": lic}
    return (code, vf), (name, fmt, scale, grade, grid, mgr, lic), rec


def v_targets(f, ctx):
    check_keys(f, "targets")
    year = need_int(f, "year")
    month = need_int(f, "month")
    mgr = f["manager_code"]
    tc = need_dec(f, "target_cases")
    if OPTS.pipeline_choices and not 1 <= year <= 9999:
        raise Reject("OUT_OF_RANGE", f"year {year}")
    range_limit(tc, "target_cases")
    if not 1 <= month <= 12:
        raise Reject("OUT_OF_RANGE", f"month {month}")
    if tc < 0:
        raise Reject("OUT_OF_RANGE", f"negative target {tc}")
    if mgr not in ctx.managers:
        raise Reject("UNKNOWN_MANAGER", f"manager_code {mgr}")
    rec = {"year": year, "month": month, "manager_code": mgr, "target_cases": tc}
    return (year, month, mgr), (tc,), rec


def find_version(ctx, code, date):
    vv = ctx.ret_versions.get(code)
    if vv is None:
        return None, False
    froms, vers = vv
    i = bisect.bisect_right(froms, date)
    if i == 0:
        return None, True
    return vers[i - 1], True


def v_sales(f, ctx):
    check_keys(f, "sales")
    oid = f["order_id"]
    ln = need_int(f, "line_no")
    od = need_date(f, "order_date")
    rc = need(f, "retailer_code")
    sku = need(f, "sku_code")
    qty = need_int(f, "qty_cartons")
    amt = need_dec(f, "amount_yuan")
    if od < MIN_DATE or od > ctx.as_of:
        raise Reject("OUT_OF_RANGE", f"order_date {od} outside {MIN_DATE}..{ctx.as_of}")
    range_limit(amt, "amount_yuan")
    if qty == 0:
        raise Reject("ZERO_QTY", "qty_cartons is 0")
    if rc not in ctx.ret_versions:
        raise Reject("UNKNOWN_RETAILER", f"retailer_code {rc}")
    prod = ctx.products.get(sku)
    if prod is None:
        raise Reject("UNKNOWN_SKU", f"sku_code {sku}")
    ver, _ = find_version(ctx, rc, od)
    if ver is None:
        raise Reject("NO_RETAILER_VERSION", f"retailer {rc} has no version on {od}")
    if ver["license_status"] != "active":
        raise Reject("RETAILER_NOT_ACTIVE", f"retailer {rc} is {ver['license_status']} on {od}")
    rec = (oid, ln, od, rc, sku, qty, amt)
    return (oid, ln), (od, rc, sku, qty, amt), rec


TP_MOT = ("appearance", "behaviour", "communication")


def v_touchpoint(text, ctx):
    try:
        obj = json.loads(text, parse_constant=_bad_constant)
    except (ValueError, RecursionError) as e:
        raise Reject("MALFORMED", f"invalid JSON: {str(e)[:80]}")
    if not isinstance(obj, dict):
        raise Reject("MALFORMED", "not a JSON object")
    def code(name):
        v = obj.get(name)
        if v is None:
            return None
        if isinstance(v, str):
            return v if v != "" else None
        if is_json_number(v):  # lenient: a number where a code is expected reads as its text
            return json.dumps(v)
        # a boolean, object or array: its compact JSON text (valid JSON is not MALFORMED)
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    eid = code("event_id")
    if eid is None:
        raise Reject("MISSING_KEY", "event_id is missing")
    # column by column: ts, retailer_code, manager_code, channel, duration_min, mot, satisfaction, complaint
    ts_raw = obj.get("ts")
    if ts_raw is None or ts_raw == "":
        raise Reject("MISSING_VALUE", "ts is missing")
    ts = parse_ts(ts_raw, ctx.tz)
    if ts is None:
        raise Reject("BAD_DATE", f"ts is not an ISO-8601 date-time: {ts_raw}")
    rc = code("retailer_code")
    if rc is None:
        raise Reject("MISSING_VALUE", "retailer_code is missing")
    mgr = code("manager_code")
    ch = obj.get("channel")
    if ch is None or ch == "":
        raise Reject("MISSING_VALUE", "channel is missing")
    comp = obj.get("complaint")
    res_ts = None
    cat = None
    has_comp = isinstance(comp, dict)
    if has_comp:
        cat = comp.get("category")
        r = comp.get("resolved_ts")
        if OPTS.pipeline_choices and isinstance(r, str) and r.strip() == "":
            r = None   # pipeline choice: an empty or blank string is missing (docs/ingest.md)
        if r is not None:
            res_ts = parse_ts(r, ctx.tz)
            if res_ts is None:
                raise Reject("BAD_DATE", f"complaint.resolved_ts is not an ISO-8601 date-time: {r}")
    # OUT_OF_RANGE
    local = ts.astimezone(ctx.tz)
    bdate = local.date().isoformat()
    if bdate < MIN_DATE or bdate > ctx.as_of:
        raise Reject("OUT_OF_RANGE", f"business date {bdate} outside {MIN_DATE}..{ctx.as_of}")
    if not isinstance(ch, str) or ch not in CHANNELS:
        raise Reject("OUT_OF_RANGE", f"channel {ch!r}")
    sat = obj.get("satisfaction")
    if sat is not None:
        if not is_json_number(sat) or not 1 <= sat <= 5 or sat != int(sat):
            raise Reject("OUT_OF_RANGE", f"satisfaction {sat!r}")
        sat = int(sat)
    if res_ts is not None and res_ts < ts:
        raise Reject("OUT_OF_RANGE", "resolved_ts before ts")
    # unknown codes in column order: retailer_code, manager_code
    if rc not in ctx.ret_versions:
        raise Reject("UNKNOWN_RETAILER", f"retailer_code {rc}")
    if mgr is not None and mgr not in ctx.managers:
        raise Reject("UNKNOWN_MANAGER", f"manager_code {mgr}")
    ver, _ = find_version(ctx, rc, bdate)
    if ver is None:
        raise Reject("NO_RETAILER_VERSION", f"retailer {rc} has no version on {bdate}")
    # values
    mot = obj.get("mot")
    mots = [None, None, None]
    if isinstance(mot, dict):
        for i, k in enumerate(TP_MOT):
            v = mot.get(k)
            mots[i] = v if is_json_number(v) else None
    dur = obj.get("duration_min")
    if not is_json_number(dur):
        dur = None
    if isinstance(cat, (dict, list)):
        cat = json.dumps(cat, ensure_ascii=False, separators=(",", ":"))
    elif cat is not None and not isinstance(cat, str):
        cat = json.dumps(cat)
    if ch == "complaint":
        r24 = (res_ts is not None and dt.timedelta(0) <= res_ts - ts <= dt.timedelta(hours=24))
    else:
        r24 = None
    val = (ts, bdate, rc, mgr, ch, dur, tuple(mots), sat, cat, res_ts, has_comp)
    return (eid,), val, (eid,) + val + (r24,)


def _bad_constant(name):
    raise ValueError(f"invalid JSON constant {name}")


VALIDATORS = {"grids": v_grids, "managers": v_managers, "products": v_products,
              "retailers": v_retailers, "targets": v_targets, "sales": v_sales}


# ----------------------------------------------------------------------------- landing

_YEAR = re.compile(r"^\d{4}$", re.ASCII)


def classify(rel):
    """Contract paths only (docs/contract.md, Landing files): master/<name>.csv, sales/YYYY/*.csv,
    touchpoints/YYYY/*.jsonl; '*' as a shell glob (does not match a leading dot)."""
    parts = rel.split("/")
    if len(parts) == 2 and parts[0] == "master" and parts[1].endswith(".csv") \
            and parts[1][:-4] in MASTER_FILES:
        return parts[1][:-4]
    if len(parts) == 3 and _YEAR.match(parts[1]) and not parts[2].startswith("."):
        if parts[0] == "sales" and parts[2].endswith(".csv"):
            return "sales"
        if parts[0] == "touchpoints" and parts[2].endswith(".jsonl"):
            return "touchpoints"
    return None


def list_landing(root):
    out = {}
    for dp, dns, fns in os.walk(root):
        for fn in fns:
            full = os.path.join(dp, fn)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            src = classify(rel)
            if src:
                out[rel] = full
    return out


# ----------------------------------------------------------------------------- main engine

class FileState:
    __slots__ = ("rel", "src", "run", "data", "hash", "read", "acc", "quar", "dup", "label",
                 "charsets", "bom")

    def __init__(self, rel, src, run, data):
        self.rel, self.src, self.run, self.data = rel, src, run, data
        self.hash = hashlib.sha256(data).hexdigest()
        self.read = self.acc = self.quar = self.dup = 0
        self.charsets = set()
        self.bom = False


def compute_deliveries(landings, allow_empty):
    """Returns {rel: FileState} of current deliveries, plus a log of events."""
    current = {}
    log = []
    for run, root in enumerate(landings):
        files = list_landing(root)
        for rel in sorted(files):
            with open(files[rel], "rb") as fh:
                data = fh.read()
            h = hashlib.sha256(data).hexdigest()
            old = current.get(rel)
            if old is not None and old.hash == h:
                continue
            if old is not None and not data.strip() and not allow_empty:
                raise Refused(f"run {run + 1}: re-delivery of {rel} is empty "
                              f"(would withdraw its rows); use --allow-empty")
            if old is not None:
                log.append(f"run {run + 1}: {rel} re-delivered (replaces run {old.run + 1})")
            current[rel] = FileState(rel, classify(rel), run, data)
    return current


def process(files, ctx, quarantine, counters):
    """files: list of FileState of one source type, in precedence order.
    Returns (winners dict key -> (value, rec, file_rel, line_no))."""
    winners = {}
    for fs in files:
        src = fs.src
        bom, lines = decode_lines(fs.data)
        fs.bom = bom
        validator = VALIDATORS.get(src)
        is_csv = src != "touchpoints"
        col_idx = None
        start = 0
        if is_csv and all(t is not None and is_blank(t) for t, _ in lines):
            continue   # 0 bytes or blank lines only: an empty delivery, no header and no rows
        if is_csv:
            if not lines or lines[0][0] is None:
                raise Refused(f"{fs.rel}: no readable header")
            header = [h.strip(OPTS.ws) for h in parse_csv_line(lines[0][0])]
            fs.charsets.add(lines[0][1])
            missing = [c for c in COLUMNS[src] if c not in header]
            if missing:
                raise Refused(f"{fs.rel}: header lacks contract column(s) {', '.join(missing)}")
            col_idx = [(c, header.index(c)) for c in COLUMNS[src]]
            nhead = len(header)
            start = 1
        for idx in range(start, len(lines)):
            text, cs = lines[idx]
            line_no = idx + 1
            if text is not None and is_blank(text):
                continue
            fs.read += 1
            if cs:
                fs.charsets.add(cs)
            try:
                if text is None:
                    raise Reject("MALFORMED", "line is neither valid UTF-8 nor GB18030")
                if is_csv:
                    vals = parse_csv_line(text)
                    if len(vals) != nhead:
                        raise Reject("MALFORMED", f"{len(vals)} fields where the header has {nhead}")
                    f = {c: vals[i] for c, i in col_idx}
                    key, value, rec = validator(f, ctx)
                else:
                    key, value, rec = v_touchpoint(text, ctx)
            except Reject as r:
                fs.quar += 1
                quarantine.append((fs.rel, line_no, text if text is not None else
                                   fs_raw_bytes(fs, idx), r.reason, r.detail, src))
                continue
            cur = winners.get(key)
            if cur is None:
                winners[key] = (value, rec, fs.rel, line_no)
                fs.acc += 1
            elif cur[0] == value:
                fs.dup += 1
            else:
                winners[key] = (value, rec, fs.rel, line_no)
                fs.acc += 1
                counters[src + "_corrections"] = counters.get(src + "_corrections", 0) + 1
    return winners


def fs_raw_bytes(fs, idx):
    data = fs.data[3:] if fs.bom else fs.data
    p = data.split(b"\n")[idx]
    if p.endswith(b"\r"):
        p = p[:-1]
    return p.decode("utf-8", errors="replace")


def encoding_label(fs):
    """The contract fixes no labels; this follows the pipeline's scheme so the ledger compares:
    UTF-8 (also pure ASCII), UTF-8 BOM, GB18030, UTF-8+GB18030 (mixed per line),
    +MALFORMED when a line decodes in neither."""
    data = fs.data[3:] if fs.bom else fs.data
    utf8_nonascii = gb = bad = False
    if not data.isascii():
        for p in data.split(b"\n"):
            if p.isascii():
                continue
            try:
                p.decode("utf-8")
                utf8_nonascii = True
            except UnicodeDecodeError:
                try:
                    p.decode("gb18030")
                    gb = True
                except UnicodeDecodeError:
                    bad = True
    parts = []
    if utf8_nonascii or fs.bom or not gb:
        parts.append("UTF-8 BOM" if fs.bom else "UTF-8")
    if gb:
        parts.append("GB18030")
    if bad:
        parts.append("MALFORMED")
    return "+".join(parts)


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() else repr(v)
    return str(v)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(x) for x in r])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--landing", action="append", required=True,
                    help="landing tree of one run (repeat for successive runs)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--as-of", default=dt.date.today().isoformat())
    ap.add_argument("--tz", default="Asia/Shanghai")
    ap.add_argument("--max-quarantine-rate", type=float, default=0.05)
    ap.add_argument("--allow-empty", action="store_true")
    ap.add_argument("--pipeline-choices", action="store_true",
                    help="adopt the pipeline's documented readings where the contract is ambiguous")
    a = ap.parse_args()
    if a.pipeline_choices:
        OPTS.pipeline_choices = True
        OPTS.ws = JAVA_WS
    t0 = time.time()
    tz = ZoneInfo(a.tz)
    ctx = Ctx(a.as_of, tz)
    os.makedirs(a.out, exist_ok=True)

    try:
        files = compute_deliveries(a.landing, a.allow_empty)
    except Refused as e:
        print(f"REFUSED: {e}", file=sys.stderr)
        sys.exit(2)
    # precedence order: (run, path)
    order = sorted(files.values(), key=lambda fs: (fs.run, fs.rel))
    by_src = {}
    for fs in order:
        by_src.setdefault(fs.src, []).append(fs)

    quarantine = []
    counters = {}
    try:
        # master first (validation dependencies: grids, managers -> retailers, targets)
        dims = {}
        for src in ["grids", "managers", "products"]:
            w = process(by_src.get(src, []), ctx, quarantine, counters)
            dims[src] = w
            if src == "grids":
                ctx.grids = {k[0]: v[1] for k, v in w.items()}
            elif src == "managers":
                ctx.managers = {k[0]: v[1] for k, v in w.items()}
            else:
                ctx.products = {k[0]: v[1] for k, v in w.items()}
        w = process(by_src.get("retailers", []), ctx, quarantine, counters)
        dims["retailers"] = w
        vers = {}
        for (code, vf), v in w.items():
            vers.setdefault(code, []).append(v[1])
        for code, lst in vers.items():
            lst.sort(key=lambda r: r["valid_from"])
            for i, r in enumerate(lst):
                r["valid_to"] = lst[i + 1]["valid_from"] if i + 1 < len(lst) else None
                r["market_type"] = ctx.grids[r["grid_code"]]["market_type"]
            ctx.ret_versions[code] = ([r["valid_from"] for r in lst], lst)
        dims["targets"] = process(by_src.get("targets", []), ctx, quarantine, counters)
        t1 = time.time()
        sales = process(by_src.get("sales", []), ctx, quarantine, counters)
        t2 = time.time()
        tps = process(by_src.get("touchpoints", []), ctx, quarantine, counters)
        t3 = time.time()
    except Refused as e:
        print(f"REFUSED (run stops, nothing committed): {e}", file=sys.stderr)
        sys.exit(2)

    # guard
    fact_read = sum(fs.read for fs in order if fs.src in ("sales", "touchpoints"))
    fact_quar = sum(fs.quar for fs in order if fs.src in ("sales", "touchpoints"))
    rate = fact_quar / fact_read if fact_read else 0.0

    # ---- outputs
    write_csv(os.path.join(a.out, "quarantine.csv"),
              ["source_file", "line_no", "raw", "reason", "detail", "source"],
              sorted(quarantine, key=lambda q: (q[0], q[1])))
    write_csv(os.path.join(a.out, "ingest_files.csv"),
              ["source_file", "content_hash", "encoding", "rows_read", "rows_accepted",
               "rows_quarantined", "rows_duplicate", "source", "run"],
              [(fs.rel, fs.hash, encoding_label(fs), fs.read, fs.acc, fs.quar, fs.dup, fs.src,
                fs.run + 1) for fs in sorted(order, key=lambda f: f.rel)])
    write_csv(os.path.join(a.out, "dim_grid.csv"), COLUMNS["grids"],
              ([r[c] for c in COLUMNS["grids"]] for r in
               sorted((v[1] for v in dims["grids"].values()), key=lambda r: r["grid_code"])))
    write_csv(os.path.join(a.out, "dim_manager.csv"), COLUMNS["managers"],
              ([r[c] for c in COLUMNS["managers"]] for r in
               sorted((v[1] for v in dims["managers"].values()), key=lambda r: r["manager_code"])))
    write_csv(os.path.join(a.out, "dim_product.csv"), COLUMNS["products"],
              ([r[c] for c in COLUMNS["products"]] for r in
               sorted((v[1] for v in dims["products"].values()), key=lambda r: r["sku_code"])))
    rcols = ["retailer_code", "valid_from", "valid_to", "retailer_name", "format", "scale",
             "grade", "grid_code", "manager_code", "license_status", "market_type"]
    write_csv(os.path.join(a.out, "dim_retailer.csv"), rcols,
              ([r[c] for c in rcols] for code in sorted(ctx.ret_versions)
               for r in ctx.ret_versions[code][1]))
    write_csv(os.path.join(a.out, "fact_target.csv"), COLUMNS["targets"],
              ([r[c] for c in COLUMNS["targets"]] for r in
               sorted((v[1] for v in dims["targets"].values()),
                      key=lambda r: (r["year"], r["month"], r["manager_code"]))))

    def credit(rc, date):
        ver, _ = find_version(ctx, rc, date)
        return ver

    scols = ["order_id", "line_no", "order_date", "retailer_code", "sku_code", "qty_cartons",
             "amount_yuan", "retailer_valid_from", "grid_code", "manager_code", "format",
             "market_type", "scale", "price_class", "src_file", "src_line", "year", "month"]

    def sales_rows():
        for key in sorted(sales):
            value, rec, rel, ln = sales[key]
            oid, lno, od, rc, sku, qty, amt = rec
            v = credit(rc, od)
            yield (oid, lno, od, rc, sku, qty, amt, v["valid_from"], v["grid_code"],
                   v["manager_code"], v["format"], v["market_type"], v["scale"],
                   ctx.products[sku]["price_class"], rel, ln, int(od[:4]), int(od[5:7]))
    write_csv(os.path.join(a.out, "fact_sales_line.csv"), scols, sales_rows())

    tcols = ["event_id", "ts", "ts_utc", "business_date", "retailer_code", "event_manager_code",
             "channel", "duration_min", "mot_appearance", "mot_behaviour", "mot_communication",
             "satisfaction", "complaint_category", "complaint_resolved_ts",
             "complaint_resolved_24h", "retailer_valid_from", "grid_code", "manager_code",
             "format", "market_type", "scale", "src_file", "src_line", "year", "month",
             "complaint_resolved_ts_utc"]

    def loc(t):
        return t.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S") + (
            f".{t.microsecond:06d}" if t.microsecond else "") if t else None

    def tp_rows():
        for key in sorted(tps):
            value, rec, rel, ln = tps[key]
            (eid, ts, bdate, rc, mgr, ch, dur, mots, sat, cat, res_ts, has_comp, r24) = rec
            v = credit(rc, bdate)
            yield (eid, loc(ts), ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), bdate, rc, mgr, ch, dur,
                   mots[0], mots[1], mots[2], sat, cat, loc(res_ts), r24, v["valid_from"],
                   v["grid_code"], v["manager_code"], v["format"], v["market_type"], v["scale"],
                   rel, ln, int(bdate[:4]), int(bdate[5:7]),
                   res_ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if res_ts else None)
    write_csv(os.path.join(a.out, "fact_touchpoint.csv"), tcols, tp_rows())

    summary = {
        "as_of": a.as_of, "tz": a.tz, "runs": a.landing,
        "files": len(order),
        "by_source": {},
        "corrections": {k: v for k, v in counters.items()},
        "fact_quarantine_rate": rate,
        "guard_exceeded": rate > a.max_quarantine_rate,
        "silver_rows": {"sales": len(sales), "touchpoints": len(tps),
                        "retailer_versions": len(dims["retailers"])},
        "seconds": {"master": round(t1 - t0, 1), "sales": round(t2 - t1, 1),
                    "touchpoints": round(t3 - t2, 1), "total": round(time.time() - t0, 1)},
    }
    for fs in order:
        d = summary["by_source"].setdefault(fs.src, {"read": 0, "accepted": 0, "quarantined": 0,
                                                     "duplicate": 0, "reasons": {}})
        d["read"] += fs.read
        d["accepted"] += fs.acc
        d["quarantined"] += fs.quar
        d["duplicate"] += fs.dup
    for q in quarantine:
        r = summary["by_source"][q[5]]["reasons"]
        r[q[3]] = r.get(q[3], 0) + 1
    with open(os.path.join(a.out, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=1)
    if rate > a.max_quarantine_rate:
        print(f"GUARD: fact quarantine rate {rate:.4f} > {a.max_quarantine_rate}: "
              f"the pipeline must fail this run and commit nothing", file=sys.stderr)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
