#!/usr/bin/env bash
# Runs the import benchmark at 10k, 100k and 1M responsibilities and prints a Markdown
# table for docs/performance.md (median of RUNS runs, default 3).
# Usage: bench/run.sh [BUILD_DIR] [SIZES...]
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() {  # mode doc units db runs -> the run with the median time
  local lines=()
  for _ in $(seq "$5"); do lines+=("$("$build/bin/eduplan-bench" "$1" "$2" "$3" "$4")"); done
  printf '%s\n' "${lines[@]}" | sort -t' ' -k3,3n | sed -n "$((($5 + 1) / 2))p"
}

echo "| responsibilities | document | read+validate | import | bare insert | import / bare | import peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  "$build/bin/eduplan-gen" -n "$n" -o "$work/$n" >/dev/null
  runs=${RUNS:-3}
  doc="$work/$n/plan-0001.md" units="$work/$n/units.csv" db="$work/$n/bench.db"
  read -r _ count t_read _ _ <<<"$(median read "$doc" "$units" "$db" $runs)"
  read -r _ _ t_import rss doc_mib <<<"$(median import "$doc" "$units" "$db" $runs)"
  read -r _ _ t_bare _ _ <<<"$(median bare "$doc" "$units" "$db" $runs)"
  ratio=$(awk "BEGIN{printf \"%.2f\", $t_import / $t_bare}")
  echo "| $count | ${doc_mib} MiB | ${t_read} s | ${t_import} s | ${t_bare} s | ${ratio}× | ${rss} MiB |"
done
