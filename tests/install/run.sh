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

# The out-of-tree exporter example, built from its installed copy against the installed package
# only, round trip.
md_source="$prefix/share/doc/eduplan/examples/markdown-exporter"
test -f "$md_source/CMakeLists.txt" || { echo "the example exporter is not installed"; exit 1; }
cmake -S "$md_source" -B "$work/md" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$work/md" >/dev/null
mkdir -m 755 "$work/plugins"
cp "$work/md/eduplan_markdown.so" "$work/plugins/"
"$eduplan" plugins --plugin-dir "$work/plugins" | grep -q "^  markdown 1.0.0  .md"
"$eduplan" export --db "$work/plan.db" --plugin-dir "$work/plugins" --format markdown -o "$work/plan.md" >/dev/null
"$eduplan" import "$work/plan.md" --units "$source/examples/verwaltungsgliederung.csv" --db "$work/again.db" \
  --plan bildungskonzept >/dev/null
"$eduplan" export --db "$work/plan.db" --format csv -o "$work/before.csv" >/dev/null
"$eduplan" export --db "$work/again.db" --format csv -o "$work/after.csv" >/dev/null
cmp "$work/before.csv" "$work/after.csv" || { echo "markdown round trip changed the plan"; diff "$work/before.csv" "$work/after.csv" | head; exit 1; }
echo "markdown round trip: identical"

# The C API from another language: Python ctypes against the installed library. Under the
# sanitizers Python is not instrumented, so their runtimes are preloaded.
libeduplan=$(find "$prefix" -name 'libeduplan.so' | head -1)
preload=""
if [ -n "$flags" ]; then
  preload="$(g++ -print-file-name=libasan.so):$(g++ -print-file-name=libubsan.so)"
fi
LD_PRELOAD="$preload" ASAN_OPTIONS=detect_leaks=0 /usr/bin/python3 "$source/tests/install/c_api.py" \
  "$libeduplan" "$source" "$work"

export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name eduplan.pc)")
test "$(pkg-config --modversion eduplan)" = "$("$eduplan" --version | cut -d' ' -f2)"
libs=$(pkg-config --libs eduplan) cflags=$(pkg-config --cflags eduplan)
echo "pkg-config: $cflags $libs"
grep -q -- "-leduplan" <<<"$libs"
if grep -q -- "-std=" <<<"$cflags"; then echo "eduplan.pc carries a language standard: $cflags"; exit 1; fi
# Relocatable: a moved prefix still describes itself.
mv "$prefix" "$prefix.moved" && mkdir "$prefix"
moved=$(PKG_CONFIG_PATH=${PKG_CONFIG_PATH/$prefix/$prefix.moved} pkg-config --variable=includedir eduplan)
relocated=0
test -f "$moved/eduplan/c_api.h" && relocated=1
rmdir "$prefix" && mv "$prefix.moved" "$prefix"
[ $relocated = 1 ] || { echo "pkg-config is not relocatable: $moved"; exit 1; }
unset PKG_CONFIG_PATH

# The documentation's snippets, built and run exactly as printed against this prefix. Under the
# sanitizers the programs load an instrumented libeduplan: their runtimes are preloaded.
snippet_env=()
if [ -n "$flags" ]; then snippet_env=("LD_PRELOAD=$preload" "ASAN_OPTIONS=detect_leaks=0"); fi
for doc in embedding.md plugin-sdk.md; do
  /usr/bin/python3 "$source/tests/install/doc_snippets.py" "$source/docs/$doc" "$prefix" "$work/doc-$doc" \
    "${snippet_env[@]}"
done
echo "install: ok"
