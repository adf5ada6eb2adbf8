#!/usr/bin/env bash
# Renders a plan's HTML report with headless Chromium to a PNG, to look at.
# Usage: Scripts/render-html.sh [PLAN] [OUT.png]   (installs chromium if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
plan="${1:-Examples/hotel-floor.json}"
out="${2:-out/$(basename "$plan" .json).png}"
mkdir -p "$(dirname "$out")"
# Chromium, and a CJK font so the Chinese article texts render.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "CJK"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium fonts-noto-cjk
fi
swift build --product sightline >/dev/null
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
html="${out%.png}.html"
.build/debug/sightline check "$plan" --format html --as-of 2026-01-15 -o "$html" || true
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2000 \
  --screenshot="$out" "file://$html" 2>/dev/null
[ -s "$out" ] || { echo "chromium wrote no screenshot" >&2; exit 1; }
echo "wrote $out (from $html)"
