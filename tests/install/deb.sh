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
depends=$(dpkg-deb -f "$deb" Depends)
grep -q libxlsxwriter4 <<<"$depends"
# Every shared library the package's programs and modules load comes from a package it depends on.
# (Not for a sanitizer build's package, which nobody installs: it loads the sanitizer runtimes and,
# built without optimisation of some calls, libraries the real package does not need.)
dpkg-deb -x "$deb" "$out/root"
needed=$(find "$out/root" -type f \( -name '*.so*' -o -path '*/bin/*' \) -exec objdump -p {} + 2>/dev/null |
         awk '$1 == "NEEDED" {print $2}' | sort -u)
[ -n "$needed" ] || { echo "objdump found no libraries the package loads"; exit 1; }
if grep -q '^libasan\.so' <<<"$needed"; then
  echo "sanitizer build: Depends not checked against the libraries loaded"
else
  while read -r soname; do
    case $soname in libeduplan.so.*) continue ;; esac  # shipped in the package itself
    path=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64/ && !found {print $NF; found = 1}')
    [ -n "$path" ] || { echo "no library on this system for $soname"; exit 1; }
    owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path")
    owner=${owner%%:*}
    tr ',' '\n' <<<"$depends" | awk '{print $1}' | grep -Fxq "$owner" ||
      { echo "$soname ($owner) is not in Depends: $depends"; exit 1; }
  done <<<"$needed"
fi
echo "package: $(basename "$deb") ok"
