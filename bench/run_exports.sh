#!/usr/bin/env bash
# Times `eduplan export` against its floors on generated plans and prints Markdown table rows for
# docs/performance.md:
#   xlsx: `eduplan export --format xlsx` vs build/bin/xlsx-bare (bench/xlsx_bare.cc: the same
#         cells with plain sqlite3 + libxlsxwriter; tests/cli/cli_bench_fair.py proves it);
#   csv:  `eduplan export --format csv` vs the sqlite3 shell running bench/flat_table.sql;
#   show: `eduplan show` alone (it has no floor; its aim is memory), printed after the table.
# The two commands run in turn (A B A B ...) after one warm-up each, RUNS pairs (default 5);
# figures are medians, ratios the median of the pairs' ratios (robust when the machine's speed
# drifts). Times and peak RSS from /usr/bin/time (the peak of the largest process, the exporter's
# child process included).
# PIN=N runs every command on processor N only (taskset), which steadies single times on a shared
# machine.
# Usage: [RUNS=5] [PIN=1] bench/run_exports.sh [BUILD_DIR] [SIZES...]   (default: 200000 1000000)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
shift || true
sizes=("${@:-200000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
date=2026-11-26

pin=()
[[ -n ${PIN:-} ]] && pin=(taskset -c "$PIN")

timed() {  # out-file command... : appends "wall cpu peak_kib"
  local out=$1
  shift
  "${pin[@]}" /usr/bin/time -o "$work/t" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2
    exit 1
  }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/t" >>"$out"
}

median() {  # file column
  sort -g -k"$2,$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {m = (NR + 1) / 2; printf "%.2f", (v[int(m)] + v[int(m + 0.5)]) / 2}'
}

pair() {  # label size -- command A -- command B
  local label=$1 n=$2
  shift 3
  local a=() b=()
  while [[ $1 != -- ]]; do a+=("$1"); shift; done
  shift
  b=("$@")
  : >"$work/a" && : >"$work/b"
  "${a[@]}" >/dev/null 2>&1 && "${b[@]}" >/dev/null 2>&1  # warm-up
  for _ in $(seq "$runs"); do
    timed "$work/a" "${a[@]}"
    timed "$work/b" "${b[@]}"
  done
  paste -d' ' "$work/a" "$work/b" | awk '{print $1 / $4, $2 / $5}' >"$work/ratios"
  printf '| %s | %s | %s s | %s s | %.1f MiB | %s s | %s s | %.1f MiB | %s× | %s× |\n' "$n" "$label" \
    "$(median "$work/a" 1)" "$(median "$work/a" 2)" "$(sort -g "$work/a" -k3,3 | tail -1 | awk '{print $3 / 1024}')" \
    "$(median "$work/b" 1)" "$(median "$work/b" 2)" "$(sort -g "$work/b" -k3,3 | tail -1 | awk '{print $3 / 1024}')" \
    "$(median "$work/ratios" 1)" "$(median "$work/ratios" 2)"
}

shows=()
echo "| responsibilities | export | eduplan wall | eduplan cpu | eduplan peak RSS | floor wall | floor cpu | floor peak RSS | wall ratio | cpu ratio |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  dir="$work/$n"
  "$build/bin/eduplan-gen" -n "$n" -o "$dir" >/dev/null
  "$build/bin/eduplan" import "$dir/plan-0001.md" --units "$dir/units.csv" --db "$dir/p.db" --plan p >/dev/null 2>&1
  count=$(sqlite3 "$dir/p.db" "SELECT count(*) FROM responsibility")
  pair "xlsx vs xlsx-bare" "$count" \
    -- "$build/bin/eduplan" export --db "$dir/p.db" --format xlsx -o "$dir/e.xlsx" --option "date=$date" \
    -- "$build/bin/xlsx-bare" "$dir/p.db" p "$dir/b.xlsx" "$date"
  pair "csv vs sqlite3 shell" "$count" \
    -- "$build/bin/eduplan" export --db "$dir/p.db" --format csv -o "$dir/e.csv" \
    -- sqlite3 -cmd ".parameter set @plan p" -cmd ".output $dir/s.csv" "$dir/p.db" ".read $here/flat_table.sql"
  : >"$work/show"
  "$build/bin/eduplan" show --db "$dir/p.db" >/dev/null  # warm-up
  for _ in $(seq "$runs"); do timed "$work/show" "$build/bin/eduplan" show --db "$dir/p.db"; done
  shows+=("$(printf '| %s | show | %s s | %s s | %.1f MiB |' "$count" "$(median "$work/show" 1)" \
    "$(median "$work/show" 2)" "$(sort -g "$work/show" -k3,3 | tail -1 | awk '{print $3 / 1024}')")")
done
echo
echo "| responsibilities | command | wall | cpu | peak RSS |"
echo "|---:|---|---:|---:|---:|"
printf '%s\n' "${shows[@]}"
