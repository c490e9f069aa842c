#!/usr/bin/env bash
# Times `eduplan export --format xlsx` against bench/xlsx_bare.cc (the same cells with plain
# libxlsxwriter) at 10k, 100k and 1M responsibilities; both load the plan from the same
# database. Median of RUNS runs (default 3); peak RSS from /usr/bin/time.
# Usage: bench/run_xlsx.sh [BUILD_DIR] [SIZES...]
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median_of() {  # command... -> "seconds rss_mib" of the median run
  local results=()
  for _ in $(seq "$runs"); do
    local t
    t=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
    results+=("$t")
  done
  printf '%s\n' "${results[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p" | awk '{printf "%.2f %.1f\n", $1, $2 / 1024}'
}

echo "| responsibilities | eduplan xlsx | peak RSS | bare libxlsxwriter | peak RSS | ratio | workbook |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  "$build/bin/eduplan-gen" -n "$n" -o "$work/$n" >/dev/null
  db="$work/$n/plan.db"
  "$build/bin/eduplan" import "$work/$n/plan-0001.md" --units "$work/$n/units.csv" --db "$db" --plan p >/dev/null
  read -r t_e rss_e <<<"$(median_of "$build/bin/eduplan" export --db "$db" --format xlsx -o "$work/$n/e.xlsx")"
  read -r t_b rss_b <<<"$(median_of "$build/bin/xlsx-bare" "$db" p "$work/$n/b.xlsx")"
  size=$(du -m "$work/$n/e.xlsx" | cut -f1)
  echo "| $n | ${t_e} s | ${rss_e} MiB | ${t_b} s | ${rss_b} MiB | $(awk "BEGIN{printf \"%.2f\", $t_e / $t_b}")× | ${size} MiB |"
done
