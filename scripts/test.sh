#!/usr/bin/env bash
# Builds eduplan and runs the whole test suite three times: a developer build (build/,
# RelWithDebInfo), the same under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/),
# a packager's Release build (build-release/), and a short fuzzing run of the readers (build-fuzz/,
# clang + libFuzzer, 10 s per target, see docs/fuzzing.md). Warnings are errors in all builds.
# Usage: scripts/test.sh [--no-sanitizers] [--no-release] [--no-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
sanitizers=1 release=1 fuzz=1
for arg in "$@"; do
  case $arg in
    --no-sanitizers) sanitizers=0 ;;
    --no-release) release=0 ;;
    --no-fuzz) fuzz=0 ;;
    *) echo "usage: $0 [--no-sanitizers] [--no-release] [--no-fuzz]" >&2; exit 2 ;;
  esac
done

run_suite() {  # build-dir, build type, extra cmake args...
  local dir=$1 type=$2
  shift 2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" -DEDUPLAN_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure
}

echo "== tests (build/, RelWithDebInfo)"
run_suite build RelWithDebInfo
if [ $sanitizers = 1 ]; then
  echo "== tests under ASan + UBSan (build-asan/)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
    run_suite build-asan RelWithDebInfo -DEDUPLAN_SANITIZE=ON
fi
if [ $release = 1 ]; then
  echo "== tests of the Release build (build-release/)"
  run_suite build-release Release
fi
if [ $fuzz = 1 ]; then
  echo "== fuzzing the readers, 10 s per target (build-fuzz/)"
  scripts/fuzz.sh 10
fi
