#!/usr/bin/env bash
# Builds and runs the libFuzzer targets: the decoder, the whole check, and
# the importers (DXF, OSM, IMDF, camera schedules through GDAL).
#
#   Scripts/fuzz.sh [SECONDS] [decoder|pipeline|import|planner|all]     (default: 60 all)
#
# The mutations start from a fixed seed (FUZZ_SEED, default 1), so a CI run
# tries what a run here tried, in the same order; set FUZZ_SEED to explore.
#
# SwiftPM's link step renames `main` (--defsym main=<target>_main), which
# clashes with libFuzzer's own main, so the package's libraries are built by
# SwiftPM with coverage and AddressSanitizer instrumentation, and each target
# is compiled and linked here with `swiftc -sanitize=fuzzer,address`.
# Crashes are written to .build-fuzz/crashes/ and make the script exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
which="${2:-all}"
build=.build-fuzz
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build -c release --build-path "$build" "${flags[@]}" --target SightlineCheck >&2
if [ "$which" = all ] || [ "$which" = planner ]; then
  swift build -c release --build-path "$build" "${flags[@]}" --target SightlineServe >&2
fi
bin="$build/release"
modules=(CYaml Yams PlanarGeometry GEOS CGDAL OGR SightlineIO SightlineJSON SightlineText SightlinePlan SightlineImport SightlineEngine SightlineRules SightlineReport SightlineCheck)
# An object of one of our modules whose source has moved to another module
# since an earlier build is stale: linked, it would define its symbols twice.
fresh() {
  local o=$1 m source
  m=$(basename "$(dirname "$o")" .build)
  source=$(basename "$o" .o)
  if [ -d "Sources/$m" ] && [[ "$source" == *.swift ]] && [ -z "$(find "Sources/$m" -name "$source" -print -quit)" ]; then return 1; fi
  return 0
}
objects=()
for m in "${modules[@]}"; do
  # Swift targets keep their objects at the top of the build folder, C targets under src/.
  while IFS= read -r o; do if fresh "$o"; then objects+=("$o"); fi; done < <(find "$bin/$m.build" -name '*.o' | sort)
done
# The planner's target links everything SightlineServe stands on (Hummingbird,
# SwiftNIO and their C modules): every module built, but the executables.
server_objects=()
while IFS= read -r o; do if fresh "$o"; then server_objects+=("$o"); fi; done < <(
  find "$bin/" -name '*.o' -path '*.build/*' ! -path '*/sightline.build/*' ! -path '*/sightline_bench.build/*' \
    ! -path '*-tool.build/*' | sort)
# …and the module maps of the C modules those import (NIO's, swift-atomics'…).
server_maps=()
while IFS= read -r m; do server_maps+=(-Xcc "-fmodule-map-file=$m"); done < <(
  { find "$bin/" -maxdepth 2 -name module.modulemap; find "$build/checkouts" -path '*/Sources/*' -name module.modulemap; } | sort -u)
mkdir -p "$build/crashes"

run() {
  local name=$1 source=$2 corpus=$3 dict=${4:-}
  local linked=("${objects[@]}") maps=()
  if [ "$name" = planner ]; then linked=("${server_objects[@]}") maps=("${server_maps[@]}"); fi
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz$name" ${maps[@]+"${maps[@]}"} \
    -I "$bin/Modules" -I Sources/CGEOS -I Sources/CGDAL/include -I Sources/CCrypto $(pkg-config --cflags-only-I geos gdal libcrypto | sed 's/-I/-Xcc -I/g') \
    "$source" "${linked[@]}" $(pkg-config --libs geos libcrypto) -ldl -o "$build/fuzz-$name" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
  local work="$build/corpus-$name"
  mkdir -p "$work"
  cp -n "$corpus"/* "$work"/ 2>/dev/null || true
  echo "== fuzz-$name for ${seconds}s" >&2
  # Swift's backtracer, started by a fatal error under AddressSanitizer, can
  # hang (one CI run waited 90 minutes on it): libFuzzer prints the stack. A
  # unit that blocks where libFuzzer's alarm cannot reach (another thread)
  # is stopped by `timeout`, and counts as a failure.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 timeout -k 10 $((seconds + 240)) "$build/fuzz-$name" "$work" ${dict:+-dict=$dict} -max_total_time="$seconds" -seed="${FUZZ_SEED:-1}" \
    -max_len=65536 -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 2>&1 \
    | grep --line-buffered -E "(INITED|DONE) |stat::|==ERROR|== ERROR|SUMMARY|Fatal error|Test unit written|artifact" >&2
  local statuses=("${PIPESTATUS[@]}")
  if [ "${statuses[0]}" = 124 ] || [ "${statuses[0]}" = 137 ]; then
    echo "fuzz-$name: still running $((seconds + 240)) s after it started: stopped (a hang)" >&2
    return 1
  fi
  [ "${statuses[0]}" = 0 ]
}

status=0
if [ "$which" = all ] || [ "$which" = decoder ]; then run decoder Fuzz/FuzzDecoder.swift Fuzz/corpus/decoder Fuzz/plan.dict || status=1; fi
if [ "$which" = all ] || [ "$which" = pipeline ]; then run pipeline Fuzz/FuzzPipeline.swift Fuzz/corpus/pipeline Fuzz/plan.dict || status=1; fi
if [ "$which" = all ] || [ "$which" = import ]; then run import Fuzz/FuzzImport.swift Fuzz/corpus/import || status=1; fi
if [ "$which" = all ] || [ "$which" = planner ]; then run planner Fuzz/FuzzPlanner.swift Fuzz/corpus/planner Fuzz/plan.dict || status=1; fi
if ls "$build/crashes"/* >/dev/null 2>&1; then
  echo "crashes found:" >&2; ls -l "$build/crashes" >&2
  exit 1
fi
exit $status
