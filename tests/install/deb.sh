#!/usr/bin/env bash
# The Debian package builds and holds what it should (installing it: scripts/install-deb.sh).
# Usage: deb.sh BUILD_DIR
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$1/CPackConfig.cmake" -G DEB -B "$out" >/dev/null
deb=$(ls "$out"/eduplan_*_amd64.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/eduplan ./usr/lib/libeduplan.so.0.2 ./usr/lib/eduplan/exporters/eduplan_xlsx.so \
         ./usr/lib/eduplan/exporters/eduplan_csv.so ./usr/lib/eduplan/exporters/eduplan_dot.so \
         ./usr/include/eduplan/exporter_abi.h ./usr/include/eduplan/c_api.h ./usr/lib/cmake/eduplan/eduplanConfig.cmake \
         ./usr/lib/pkgconfig/eduplan.pc ./usr/share/man/man1/eduplan.1 ./usr/share/doc/eduplan/docs/schema.md; do
  grep -q " $f\$" <<<"$contents" || grep -q " $f " <<<"$contents" || { echo "missing in package: $f"; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libxlsxwriter4
echo "package: $(basename "$deb") ok"
