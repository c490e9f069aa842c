#!/usr/bin/env bash
# Counts the instructions of `eduplan export --format xlsx` and of build/bin/xlsx-bare on the same
# stored plan with callgrind, which does not spread the way times do on a shared machine, and
# prints both and their ratio (docs/performance.md). Slow: about 30 times the run time (2 minutes
# for a plan of 200,000 responsibilities). Needs valgrind (not in scripts/install-deps.sh).
#
# eduplan runs the exporter in a child process and looks for modules in children of their own.
# Callgrind starts a forked child with its parent's counts, so the children's totals must not be
# added up: eduplan's count is the parent's total plus, per child, the inclusive count of what the
# child runs (run_in_child, or discover_for for a module's discovery).
# Usage: bench/xlsx_instructions.sh BUILD_DIR DB [PLAN]   (PLAN: needed if DB holds more than one)
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 BUILD_DIR DB [PLAN]" >&2; exit 2; }
build=$(cd "$1" && pwd)
db=$2
plan=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
date=2026-11-26
command -v valgrind >/dev/null || { echo "needs valgrind (apt install valgrind)" >&2; exit 2; }

plan_args=()
[[ -n $plan ]] && plan_args=(--plan "$plan")
# The database and the plan are checked by a plain export first (seconds), so that a wrong
# argument is said at once and not after minutes under valgrind.
"$build/bin/eduplan" export --db "$db" "${plan_args[@]}" --format xlsx -o "$work/check.xlsx" \
  --option date=$date >/dev/null || exit
bare_plan=${plan:-$(sqlite3 "$db" "SELECT name FROM plan ORDER BY id LIMIT 1")}
run() {  # what valgrind's program printed, if it failed
  "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; echo "failed: $*" >&2; exit 1; }
}
run valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$work/cg.%p" \
  "$build/bin/eduplan" export --db "$db" "${plan_args[@]}" --format xlsx -o "$work/eduplan.xlsx" \
  --option date=$date
run valgrind --tool=callgrind --callgrind-out-file="$work/b.out" \
  "$build/bin/xlsx-bare" "$db" "$bare_plan" "$work/bare.xlsx" $date

summary() { awk '/^summary:/ && !found {print $2; found = 1}' "$1"; }
inclusive() {  # file function-pattern: the function's first (largest) inclusive count, or nothing
  callgrind_annotate --auto=no --inclusive=yes "$1" 2>/dev/null |
    awk -v f="$2" '!found && index($0, f) {gsub(",", "", $1); print $1; found = 1}'
}
mapfile -t files < <(ls "$work"/cg.* | sort -t. -k2 -n)
eduplan=$(summary "${files[0]}")
for f in "${files[@]:1}"; do
  own=$(inclusive "$f" "eduplan::run_in_child(")
  [[ -n $own ]] || own=$(inclusive "$f" "ExporterRegistry::discover_for(")
  [[ -n $own ]] || { echo "$f: neither run_in_child nor discover_for found" >&2; exit 1; }
  eduplan=$((eduplan + own))
done
bare=$(summary "$work/b.out")
awk -v e="$eduplan" -v b="$bare" -v n="${#files[@]}" 'BEGIN {
  printf "eduplan    %.3f G instructions (%d processes)\nxlsx-bare  %.3f G\nratio      %.3f\n",
         e / 1e9, n, b / 1e9, e / b }'
