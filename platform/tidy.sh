#!/usr/bin/env bash
# clang-tidy over the kiosk's own sources with the checks in .clang-tidy (bugprone-*, performance-*,
# modernize-use-override). It reports findings without failing. It takes about 3.5 minutes on 2 cores,
# so it is its own command rather than a CI stage:
#
#   bash platform/tidy.sh [BUILD_DIR]        default build-test, made by `bash platform/setup.sh test`
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-test}
for p in clang-tidy; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || {
    echo "tidy: install $p first (sudo apt-get install $p)" >&2
    exit 2
  }
done
[ -f "$dir/compile_commands.json" ] || cmake -S . -B "$dir" -G Ninja -DKIOSK_BUILD_TESTS=ON >/dev/null
# The build is GCC's; clang does not know some of its warning flags.
mapfile -t files < <(git ls-files 'kiosk/*.cpp')
exec run-clang-tidy -quiet -p "$dir" -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option "${files[@]}"
