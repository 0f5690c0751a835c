#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UndefinedBehaviorSanitizer) and runs each for
# MINUTES, from a seed corpus made of the repository's fixtures; prints executions and coverage per target.
#
#   bash tests/fuzz/run.sh 10                        every target, 10 minutes each, one at a time
#   JOBS=2 bash tests/fuzz/run.sh 10                 two targets at a time
#   bash tests/fuzz/run.sh 5 fuzz_replay fuzz_content   only these
#
# Targets: fuzz_adapter (every input through every platform of kiosk/core/platforms.cpp), fuzz_content,
# fuzz_replay, fuzz_picture. The corpus grows in BUILD/corpus/TARGET between runs; a crash
# is saved as BUILD/crashes/TARGET-crash-… and reproduced with `BUILD/tests/fuzz/TARGET FILE`.
# Needs clang-14 and libclang-rt-14-dev (Debian). BUILD is build-fuzz unless KIOSK_FUZZ_BUILD says.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:?usage: bash tests/fuzz/run.sh MINUTES [TARGET…]}
shift
build=${KIOSK_FUZZ_BUILD:-build-fuzz}
jobs=${JOBS:-1}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_adapter fuzz_content fuzz_replay fuzz_picture)
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DKIOSK_BUILD_FUZZ=ON -DKIOSK_SANITIZE=address,undefined >/dev/null
fi
say "building ${targets[*]}"
nice -n 10 cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

# Seeds: every fixture in the shape its target reads (see each target's header comment).
seeds=$build/seeds
rm -rf "$seeds"
next=$'\n#next#\n'
seed() {  # seed TARGET NAME PREFIX-BYTE FILE… : the files joined by "#next#" lines, after the byte
  local target=$1 name=$2 byte=$3
  shift 3
  mkdir -p "$seeds/$target"
  {
    printf "\\x$byte"
    local first=1
    for f in "$@"; do
      [ $first -eq 1 ] || printf '%s' "$next"
      first=0
      cat "$f"
    done
  } >"$seeds/$target/$name"
}
api=tests/fixtures/api
for platform in ckan socrata opendatasoft arcgis sensorthings; do
  for f in "$api/$platform"/*.json; do
    seed fuzz_adapter "$platform-long-$(basename "$f")" 00 "$f"
    seed fuzz_adapter "$platform-wide-$(basename "$f")" 01 "$f"
  done
done
for f in "$api/china"/*.json; do
  seed fuzz_adapter "china-wide-$(basename "$f")" 01 "$f"
  seed fuzz_adapter "china-wide-filtered-$(basename "$f")" 05 "$f"
done
# Feature collections with records = "features" (the json platform's GeoJSON case)
for f in "$api/arcgis"/*.json; do seed fuzz_adapter "features-$(basename "$f")" 03 "$f"; done
seed fuzz_adapter arcgis-paged 00 "$api/arcgis/own_air_query_page1.json" "$api/arcgis/own_air_query_page2.json"
seed fuzz_adapter openaq-locations-latest 00 "$api/openaq/own_locations.json" "$api/openaq/own_location_2178_latest.json"
for f in "$api/openaq"/*.json; do seed fuzz_adapter "openaq-$(basename "$f")" 00 "$f"; done
seed fuzz_adapter gbfs-v2.3 00 "$api/gbfs/own_v2.3_gbfs_with_status.json" "$api/gbfs/v2.3_station_information_virtual.json" \
  "$api/gbfs/v2.3_station_status.json"
seed fuzz_adapter gbfs-v3.0 00 "$api/gbfs/own_v3.0_gbfs_with_status.json" "$api/gbfs/v3.0_station_information_physical.json" \
  "$api/gbfs/v3.0_station_status.json"
seed fuzz_adapter gbfs-demo 00 content/demo/gbfs/gbfs.json content/demo/gbfs/station_information.json \
  content/demo/gbfs/station_status.json
# The demo feeds are large: their first 40 readings, closed again.
for f in content/demo/*.json; do
  head -c 200000 "$f" | awk 'BEGIN{n=0} /"station":/ {n++} n<=40 {print}' | sed '$ s/,$//' >"$seeds/tmp.json"
  printf ']}\n' >>"$seeds/tmp.json"
  seed fuzz_adapter "feed-$(basename "$f")" 00 "$seeds/tmp.json"
  rm "$seeds/tmp.json"
done
files=(kiosk.toml strings.toml stations.toml sources.toml waste.toml travel.toml targets.toml bays.toml quiz.toml
  levels.toml alerts.toml)
for i in "${!files[@]}"; do
  [ -f "content/${files[$i]}" ] && seed fuzz_content "${files[$i]}" "$(printf '%02x' "$i")" "content/${files[$i]}"
done
cp tests/fuzz/seeds/content/* "$seeds/fuzz_content/"  # editors' mistakes: empty, GBK, Chinese keyboard
# Shapes no fixture has, written after the platforms' specifications (first byte: fuzz_adapter's options):
# ArcGIS f=geojson, the json platform with a filter, GBFS 3.0 station states, SensorThings Observations.
cp tests/fuzz/seeds/adapter/* "$seeds/fuzz_adapter/"
mkdir -p "$seeds/fuzz_replay" "$seeds/fuzz_picture"
cp tests/replay/*.replay tests/bench/*.replay "$seeds/fuzz_replay/"
cp content/pictures/*.png "$seeds/fuzz_picture/"
if command -v convert >/dev/null; then
  convert content/pictures/bay-east-photo.png -resize 96x "$seeds/fuzz_picture/small.jpg"
  convert content/pictures/bay-east-photo.png -resize 64x -interlace Plane "$seeds/fuzz_picture/progressive.jpg"
fi

# One target: run, then its figures from libFuzzer's final lines.
run_one() {
  local target=$1 corpus=$build/corpus/$1 log=$build/logs/$1.log
  mkdir -p "$corpus" "$build/crashes" "$build/logs"
  local max_len=262144
  [ "$target" = fuzz_replay ] && max_len=8192
  nice -n 10 "$build/tests/fuzz/$target" "$corpus" "$seeds/$target" -max_total_time=$((minutes * 60)) \
    -max_len=$max_len -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$build/crashes/$target-" >"$log" 2>&1 || true
  local execs cov ft crashes
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -Eo 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  crashes=$(find "$build/crashes" -name "$target-*" | wc -l)  # no match is no error
  printf '| %-26s | %6s min | %12s | %6s | %7s | %6s | %s |\n' "$target" "$minutes" "${execs:-?}" "${cov:-?}" \
    "${ft:-?}" "$(ls "$corpus" | wc -l)" "$crashes"
}

say "running ${#targets[@]} targets for $minutes minutes each, $jobs at a time"
printf '| %-26s | %10s | %12s | %6s | %7s | %6s | %s |\n' target time executions cov ft corpus crashes
printf '|%s|\n' "----------------------------|------------|--------------|--------|---------|--------|--------"
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait
