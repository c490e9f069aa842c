#!/usr/bin/env bash
# Installs eduplan's build and test dependencies from Debian 12's packages (run as root).
# Does nothing when everything is already installed, so CI can call it cheaply.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost1.81-dev libboost-program-options1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3 libxlsxwriter-dev graphviz python3-openpyxl python3-jsonschema
  libgtest-dev libgmock-dev libbenchmark-dev
  libutf8proc-dev libzip-dev libxml2-dev  # the readers: Unicode, .docx/.odt/.xlsx (zip + XML)
  libisal-dev  # ISA-L: the XLSX read-back check inflates the parts with it (docs/architecture.md)
  locales  # de_DE definitions for the German-locale export test (built with localedef, no system change)
  # Real clients in the tests: documents made by pandoc and LibreOffice Writer, workbooks printed by
  # LibreOffice Calc to PDF and measured with poppler.
  pandoc libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
  # Carlito has Calibri's metrics: LibreOffice then sizes columns as Excel does (the workbook's default
  # font is Calibri), the tighter case for the print tests' row heights.
  fonts-crosextra-carlito
  # scripts/fuzz.sh: clang with libFuzzer and the sanitizer runtimes; llvm-symbolizer for the traces.
  clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
