#!/usr/bin/env bash
# Installs GEOS, SQLite, GDAL and libcrypto (OpenSSL) if missing, builds Sightline, and checks the
# bundled hotel example (or the plan or .dxf drawing given).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! pkg-config --exists geos 2>/dev/null || ! pkg-config --exists sqlite3 2>/dev/null || ! pkg-config --exists gdal 2>/dev/null \
   || ! pkg-config --exists libcrypto 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq libgeos-dev libsqlite3-dev libgdal-dev libssl-dev pkg-config
fi
swift build -c release --product sightline
status=0
.build/release/sightline check "${1:-Examples/hotel-floor.json}" || status=$?
echo "(exit status $status: 0 clean, 1 error findings, 2 bad input)"
