#!/bin/sh
# The worked examples through the Python reference alone (landing -> ingest_ref.py -> gold_ref.py)
# and check_examples.py over every expected cell, quarantine and ingest_files included: a check
# of the reference itself. Usage: sh run_examples.sh [OUT_DIR]
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
EX=${EX:-$HERE/../../jobs/src/test/examples}
OUT=${1:-${TMPDIR:-/tmp}/gridperf-ref-examples}
rm -rf "$OUT"; mkdir -p "$OUT/silver" "$OUT/gold"
for f in "$EX"/*/expected.csv; do
  d=$(dirname "$f"); n=$(basename "$d")
  python3 "$HERE/ingest_ref.py" --landing "$d/landing" --out "$OUT/silver/$n" --as-of 2016-06-30 \
    --max-quarantine-rate 1 >"$OUT/ingest_$n.log" 2>&1 || { echo "$n: ingest_ref failed"; cat "$OUT/ingest_$n.log"; }
  python3 "$HERE/gold_ref.py" "$OUT/silver/$n" "$OUT/gold/$n" >"$OUT/gold_$n.log" 2>&1 || { echo "$n: gold_ref failed"; cat "$OUT/gold_$n.log"; }
  cp "$OUT/silver/$n/quarantine.csv" "$OUT/silver/$n/ingest_files.csv" "$OUT/gold/$n/"
done
python3 "$EX/check_examples.py" "$EX" "$OUT/gold"
