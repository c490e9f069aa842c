#!/usr/bin/env bash
# Times `eduplan export --format dot --option render=svg` on generated plans, per view: with the
# default limits (large graphs reduced, see docs/export.md) and with the limits lifted (dot alone,
# stopped after LIMIT seconds, default 120). Prints a Markdown table.
# Usage: bench/dot_render.sh [BUILD_DIR] [SIZES...]     (sizes in responsibilities; default 500 2000 20000)
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-500 2000 20000}")
read -r -a sizes <<<"${sizes[*]}"
limit=${LIMIT:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
eduplan="$build/bin/eduplan"

seconds() {  # command... -> elapsed seconds, or "> limit" if it failed
  local start end
  start=$(date +%s.%N)
  if "$@" >/dev/null 2>&1; then
    end=$(date +%s.%N)
    awk "BEGIN{printf \"%.1f s\", $end - $start}"
  else
    echo "> $limit s (abgebrochen)"
  fi
}

echo "| responsibilities | view | full graph | default: drawn as | default | limits lifted |"
echo "|---:|---|---|---|---:|---:|"
for n in "${sizes[@]}"; do
  "$build/bin/eduplan-gen" -n "$n" -o "$work/$n" >/dev/null
  db="$work/$n/plan.db"
  "$eduplan" import "$work/$n/plan-0001.md" --units "$work/$n/units.csv" --db "$db" >/dev/null
  for view in responsibility cooperation fields; do
    export_dot() { "$eduplan" export --db "$db" --format dot --option "view=$view" "$@"; }
    export_dot -o "$work/full.dot" --option collapse=false --option max-nodes=10000000 \
      --option max-edges=10000000 >/dev/null
    full="$(grep -cE '^ +[a-z][0-9_]+ \[label=' "$work/full.dot") nodes, $(grep -cE ' -[->] ' "$work/full.dot") edges"
    export_dot -o "$work/default.dot" >/dev/null
    drawn="dot"
    if grep -q "layout=sfdp" "$work/default.dot"; then drawn="sfdp"; fi
    if grep -q "Schwerpunkte zu ihren Handlungsfeldern" "$work/default.dot"; then
      drawn="fields x divisions, $drawn"
    elif grep -q "Einheiten zu ihren Dezernaten" "$work/default.dot"; then
      drawn="divisions, $drawn"
    fi
    t_default=$(seconds export_dot -o "$work/default.svg" --option render=svg)
    t_full=$(seconds export_dot -o "$work/full.svg" --option render=svg --option collapse=false \
      --option max-nodes=10000000 --option max-edges=10000000 --option "timeout=$limit")
    echo "| $n | $view | $full | $drawn | $t_default | $t_full |"
  done
done
