#!/usr/bin/env bash
# kill -9 the kiosk's writers ROUNDS times (default 1,000; ctest runs 100) and check every restart.
#   bash tests/kill/run.sh 1000          Release build in build-kill (KIOSK_KILL_BUILD)
#   KIOSK_KILL_SEED=7 bash tests/kill/run.sh 1000
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-1000}
build=${KIOSK_KILL_BUILD:-build-kill}
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target test_kill kill_driver
KIOSK_KILL_ROUNDS=$rounds "$build/tests/kill/test_kill"
