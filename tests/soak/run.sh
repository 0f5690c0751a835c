#!/usr/bin/env bash
# The long soak: the whole kiosk for DAYS simulated days (default 30) against the faulty loopback portal.
#   bash tests/soak/run.sh 30            Release build in build-soak (KIOSK_SOAK_BUILD), about an hour here
#   KIOSK_SOAK_SEED=7 bash tests/soak/run.sh 30
# ctest runs the same test for 2 simulated days. See tests/soak/soak_test.cpp for what it asserts.
set -euo pipefail
cd "$(dirname "$0")/../.."
days=${1:-30}
build=${KIOSK_SOAK_BUILD:-build-soak}
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target test_soak
KIOSK_SOAK_DAYS=$days "$build/tests/test_soak" --gtest_brief=0
