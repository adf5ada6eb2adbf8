#!/usr/bin/env bash
# Sets up a fresh Debian machine with Swift for Sightline, builds it, and checks the bundled hotel
# example (or the plan or .dxf drawing given).
#
# Installs, when missing: the C libraries sightline links (GEOS, SQLite, GDAL, OpenSSL's libcrypto),
# and every program its tests call — GDAL's ogrinfo/ogr2ogr (GIS output read back), poppler's
# pdftoppm/pdfinfo/pdftotext (PDF backgrounds and the drawing set), headless Chromium with its
# driver and CJK fonts (PDF printing, the browser tests) and Selenium — so that after this script
# `swift test --disable-swift-testing` runs every test with nothing skipped for a missing program.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
need_library() { pkg-config --exists "$1" 2>/dev/null || packages+=("$2"); }
need_program() { command -v "$1" >/dev/null 2>&1 || packages+=("$2"); }
need_program pkg-config pkg-config
need_library geos libgeos-dev
need_library sqlite3 libsqlite3-dev
need_library gdal libgdal-dev
need_library libcrypto libssl-dev
need_program ogrinfo gdal-bin
need_program pdftoppm poppler-utils
need_program chromium chromium
need_program chromedriver chromium-driver
need_program script bsdutils
need_program python3 python3
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || packages+=(fonts-noto-cjk)
if [ ${#packages[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi
# Selenium drives Chromium in the planner's browser tests.
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium 2>/dev/null \
  || python3 -m pip install -q --break-system-packages selenium

swift build -c release --product sightline
status=0
.build/release/sightline check "${1:-Examples/hotel-floor.json}" || status=$?
echo "(exit status $status: 0 clean, 1 error findings, 2 bad input)"
