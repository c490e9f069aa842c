#!/usr/bin/env bash
# The status import benchmark (issue 12): a generated plan of about 105,000 responsibilities,
# 1,000 returned forms with about 100,000 reports (5 % of the rows left empty), imported in one
# run — once as .xlsx, once as .csv — each into a fresh copy of the database. Prints the median
# wall time of RUNS runs (default 5), timed with bash's `time`. Needs /usr/bin/python3 with openpyxl
# (Debian's python3-openpyxl) and the sqlite3 shell.
# Usage: bench/run_import.sh [BUILD_DIR] [FORMS] [RESPONSIBILITIES]
set -euo pipefail
build=${1:-build}
forms=${2:-1000}
n=${3:-110400}  # eduplan-gen -n 110400 makes about 105,000 responsibilities
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
eduplan="$build/bin/eduplan"
gen="$build/bin/eduplan-gen"
[ -x "$eduplan" ] || eduplan="$build/apps/eduplan/eduplan"
[ -x "$gen" ] || gen="$build/bench/eduplan-gen"

"$gen" -n "$n" -o "$work/gen" >/dev/null
"$eduplan" import --db "$work/base.db" --units "$work/gen/units.csv" --plan bench \
  "$work/gen/plan-0001.md" >/dev/null
/usr/bin/python3 "$here/make_forms.py" "$work/base.db" bench 2026-H1 "$work/forms" "$forms" both

median() {  # label, then the import's arguments after --db
  local label=$1 times=()
  shift
  for _ in $(seq "${RUNS:-5}"); do
    cp "$work/base.db" "$work/run.db"
    times+=("$({ TIMEFORMAT=%R; time "$eduplan" status import --db "$work/run.db" "$@" >/dev/null; } 2>&1)")
  done
  local m
  m=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((${#times[@]} + 1) / 2))p")
  echo "$label: median ${m} s of ${#times[@]} runs; $(sqlite3 "$work/run.db" 'SELECT count(*) FROM status_report') reports stored"
}

median "xlsx, $forms forms" "$work"/forms/*.xlsx
median "csv, $forms forms" --plan bench --period 2026-H1 "$work"/forms/*.csv
