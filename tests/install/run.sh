#!/usr/bin/env bash
# Installs eduplan into a temporary prefix, then checks what a user of the installed package
# sees: the CLI finds its exporters without any environment variable, a consumer project
# builds against find_package(eduplan), and pkg-config describes the library.
# Usage: run.sh BUILD_DIR SOURCE_DIR CXX_FLAGS
set -euo pipefail
build=$1 source=$2 flags=${3:-}
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
unset EDUPLAN_PLUGIN_PATH

cmake --install "$build" --prefix "$prefix" >/dev/null
eduplan="$prefix/bin/eduplan"
"$eduplan" --version
"$eduplan" plugins >"$work/plugins.txt"
for id in csv dot xlsx; do
  grep -q "^  $id " "$work/plugins.txt" || { echo "installed CLI does not find exporter $id"; cat "$work/plugins.txt"; exit 1; }
done
grep -q "geladen aus $prefix/" "$work/plugins.txt" || { echo "exporters not loaded from the prefix"; exit 1; }
"$eduplan" import "$source/examples/bildungskonzept.md" --units "$source/examples/verwaltungsgliederung.csv" \
  --db "$work/plan.db" >/dev/null
"$eduplan" export --db "$work/plan.db" --format xlsx -o "$work/plan.xlsx" >/dev/null
test -s "$work/plan.xlsx"
test -f "$prefix/include/eduplan/exporter_abi.h" && test -f "$prefix/include/eduplan/version.h"

cmake -S "$source/tests/find-package" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer" "$source/examples/bildungskonzept.md" "$source/examples/verwaltungsgliederung.csv"

export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name eduplan.pc)")
test "$(pkg-config --modversion eduplan)" = "$("$eduplan" --version | cut -d' ' -f2)"
libs=$(pkg-config --libs eduplan)
echo "pkg-config: $libs"
grep -q -- "-leduplan" <<<"$libs"
echo "install: ok"
