#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (EDUPLAN_FUZZ=ON: clang, ASan, UBSan) in build-fuzz/ and
# runs each for a bounded time from its seed corpus. Fails if a target finds a crash, a
# sanitizer report, a leak, a timeout or a memory blow-up, and prints the reproducer's path.
# New inputs go to build-fuzz/fuzz-work/<target>/corpus, never into the committed fuzz/corpus.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 60 s, every target)
#        scripts/fuzz.sh --replay [TARGET...]   runs the saved reproducers of fuzz/crashes/ once
# Environment: CLANG / CLANGXX (default clang-14 / clang++-14), EDUPLAN_FUZZ_BUILD (build dir),
#              EDUPLAN_FUZZ_JOBS (build jobs). See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
all_targets=(plan_markdown flat_csv units_directory office_zip docx_xml odt_xml)

replay=0 seconds=60
if [ "${1:-}" = --replay ]; then
  replay=1
  shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target '$t' (${all_targets[*]})" >&2; exit 2; }
done

# Per target: the longest input libFuzzer makes (the seeds stay below it) and its dictionary.
max_len() {
  case $1 in
    units_directory) echo 8192 ;;
    plan_markdown | flat_csv) echo 32768 ;;
    *) echo 65536 ;;
  esac
}
dict() {
  case $1 in
    office_zip | docx_xml | odt_xml) echo "$root/fuzz/dict/office_xml.dict" ;;
    *) echo "$root/fuzz/dict/$1.dict" ;;
  esac
}

build=${EDUPLAN_FUZZ_BUILD:-$root/build-fuzz}
cmake -S . -B "$build" -DEDUPLAN_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="${CLANG:-clang-14}" -DCMAKE_CXX_COMPILER="${CLANGXX:-clang++-14}" \
  -DEDUPLAN_BUILD_TESTS=OFF -DEDUPLAN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "${EDUPLAN_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}" \
  --target "${targets[@]/#/fuzz_}"

symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:symbolize=1${symbolizer:+:external_symbolizer_path=$symbolizer}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# The report's head: what happened and the stack's top frames in eduplan (not libFuzzer's, libc's).
report() {
  grep -a -E '^(==[0-9]+== ?ERROR|SUMMARY|    #[0-9]+ |.*runtime error|eduplan fuzz)' "$1" |
    grep -a -v -E 'fuzzer::|__sanitizer_|libc\.so|/nptl/|/signal/|stdlib/abort' | head -14 || true
}

failed=()
if [ $replay = 1 ]; then
  for t in "${targets[@]}"; do
    shopt -s nullglob
    inputs=("$root/fuzz/crashes/$t"/*)
    shopt -u nullglob
    [ ${#inputs[@]} -gt 0 ] || continue
    for input in "${inputs[@]}"; do
      if "$build/bin/fuzz_$t" -rss_limit_mb=2048 -timeout=10 "$input" >"$build/replay.log" 2>&1; then
        echo "== $t: ${input#"$root"/}: passes"
      else
        echo "== $t: ${input#"$root"/}: FAILS"
        report "$build/replay.log"
        failed+=("$t")
      fi
    done
  done
  [ ${#failed[@]} -eq 0 ] || { echo "fuzz.sh: reproducers still fail in: ${failed[*]}" >&2; exit 1; }
  exit 0
fi

for t in "${targets[@]}"; do
  work=$build/fuzz-work/$t
  mkdir -p "$work/corpus" "$work/artifacts"
  rm -f "$work/artifacts"/*
  echo "== fuzz_$t: ${seconds} s"
  status=0
  "$build/bin/fuzz_$t" "$work/corpus" "$root/fuzz/corpus/$t" \
    -dict="$(dict "$t")" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -timeout=10 -max_total_time="$seconds" -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 >"$work/log" 2>&1 || status=$?
  if [ $status -eq 0 ]; then
    grep -a -E '^#[0-9]+ +DONE' "$work/log" | tail -1 || true
    continue
  fi
  failed+=("$t")
  echo "fuzz_$t FAILED (exit $status); log: $work/log"
  report "$work/log"
  for artifact in "$work/artifacts"/*; do
    [ -e "$artifact" ] || continue
    echo "reproducer: $artifact"
    echo "  replay: $build/bin/fuzz_$t $artifact"
  done
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in: ${failed[*]} (save reproducers under fuzz/crashes/<target>/)" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} target(s), ${seconds} s each, nothing found"
