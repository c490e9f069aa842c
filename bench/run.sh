#!/usr/bin/env bash
# Runs the import benchmark at 10k, 100k and 1M responsibilities and prints a Markdown
# table for docs/performance.md. Usage: bench/run.sh [BUILD_DIR] [SIZES...]
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best() {  # mode doc units db runs -> the run with the lowest time
  local line best_line="" best_t=""
  for _ in $(seq "$5"); do
    line=$("$build/bench/eduplan-bench" "$1" "$2" "$3" "$4")
    t=$(cut -d' ' -f3 <<<"$line")
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_line=$line; fi
  done
  echo "$best_line"
}

echo "| responsibilities | document | read+validate | import | bare insert | import / bare | import peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  "$build/bench/eduplan-gen" -n "$n" -o "$work/$n" >/dev/null
  runs=3
  [ "$n" -ge 1000000 ] && runs=1
  doc="$work/$n/plan-0001.md" units="$work/$n/units.csv" db="$work/$n/bench.db"
  read -r _ count t_read _ _ <<<"$(best read "$doc" "$units" "$db" $runs)"
  read -r _ _ t_import rss doc_mib <<<"$(best import "$doc" "$units" "$db" $runs)"
  read -r _ _ t_bare _ _ <<<"$(best bare "$doc" "$units" "$db" $runs)"
  ratio=$(awk "BEGIN{printf \"%.2f\", $t_import / $t_bare}")
  echo "| $count | ${doc_mib} MiB | ${t_read} s | ${t_import} s | ${t_bare} s | ${ratio}× | ${rss} MiB |"
done
