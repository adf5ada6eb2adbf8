#!/usr/bin/env bash
# Checks that the Containerfile's runtime stage provides every shared library
# the release binary needs (Docker is not needed): each library `ldd` lists
# must belong to a Debian package that the runtime stage installs, or that
# one of those depends on (apt's dependency closure, no recommends). libgdal is
# not linked but opened on first use (Sources/CGDAL), so it and the libraries
# it links are checked too.
#
#   Scripts/check-runtime-libraries.sh [BINARY]   (default: builds it as the Containerfile does)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
if [ -z "$binary" ]; then
  swift build -c release --product sightline >&2  # static Swift runtime: Package.swift
  binary=.build/release/sightline
fi
packages=$(sed -n 's/^# runtime-packages: //p' Containerfile)
[ -n "$packages" ] || { echo "Containerfile: no '# runtime-packages:' line" >&2; exit 1; }
# The runtime stage's install line must say the same as its marker.
grep -q "apt-get install -y --no-install-recommends $packages" Containerfile \
  || { echo "Containerfile: the runtime stage installs something other than '$packages'" >&2; exit 1; }
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
  $packages 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | tr -d '<>' | sort -u)
missing=0
count=0
while read -r name path; do
  [ -n "$path" ] || continue
  count=$((count + 1))
  owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$owner" ] || owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
  if [ -z "$owner" ]; then
    echo "$name ($path): no Debian package provides it; the runtime stage would lack it" >&2
    missing=1
  elif ! grep -qx "$owner" <<<"$closure"; then
    echo "$name ($path): from $owner, which the runtime stage ($packages) does not install" >&2
    missing=1
  fi
done < <({
  ldd "$binary"
  gdal=$(ldconfig -p | awk '/libgdal\.so\.[0-9]+ / { print $NF; exit }')
  if [ -n "$gdal" ]; then
    printf '\t%s => %s (dlopen)\n' "$(basename "$gdal")" "$gdal"
    ldd "$gdal"
  fi
} | awk '$2 == "=>" { print $1, $3 } $1 ~ /^\// { print $1, $1 }' | sort -u)
[ "$missing" -eq 0 ] || exit 1
echo "runtime libraries: all $count shared libraries of $binary come from $packages or their dependencies"
