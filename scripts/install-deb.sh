#!/usr/bin/env bash
# Builds the Debian package from build/ and installs it with apt (as root), then checks it.
# Usage: scripts/install-deb.sh   (after the README's first command)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/eduplan_*.deb | head -1)
apt-get install -y "./$deb"
eduplan --version
eduplan plugins | grep -E '^  (csv|dot|xlsx) '
work=$(mktemp -d)
eduplan import examples/bildungskonzept.md --units examples/verwaltungsgliederung.csv --db "$work/p.db" >/dev/null
eduplan export --db "$work/p.db" --format xlsx -o "$work/p.xlsx"
man -w eduplan
rm -rf "$work"
echo "installed from $deb"
