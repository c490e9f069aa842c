#!/usr/bin/env bash
# Builds eduplan and runs the whole test suite twice: a normal build (build/) and one
# with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/).
# Usage: scripts/test.sh [--no-sanitizers]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

run_suite() {  # build-dir, extra cmake args...
  local dir=$1
  shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure
}

echo "== tests (build/)"
run_suite build
if [ "${1:-}" != "--no-sanitizers" ]; then
  echo "== tests under ASan + UBSan (build-asan/)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -DEDUPLAN_SANITIZE=ON
fi
