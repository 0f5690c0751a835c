#!/usr/bin/env bash
# One-step set-up on Debian 12 or Raspberry Pi OS bookworm: installs the packages the kiosk needs
# (through sudo when not root), builds a Release, then either runs the kiosk on the bundled demo
# content or runs the whole test suite.
#
#   bash platform/setup.sh run [kiosk options]   build and start the kiosk (a window on a desktop)
#   bash platform/setup.sh test                  build and run every test (what CI runs): natively, the
#                                                fleet kit's checks (tests/fleet/run.sh), then again
#                                                under ASan+UBSan, the data layer and hot reload under
#                                                TSan, then the cross stage below
#   bash platform/setup.sh cross                 only the cross stage: arm64 and armhf cross-built, every
#                                                test under qemu, the arm64 .deb installed into an empty root
#   bash platform/setup.sh deps [ARCH…]          only install, natively and for each ARCH (arm64, armhf)
#   bash platform/setup.sh build                 only install and build
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-run}
[ $# -gt 0 ] && shift

# Build and run dependencies, all from Debian (also on Raspberry Pi OS bookworm).
packages=(
  build-essential cmake ninja-build pkg-config
  libsdl2-dev libimgui-dev libfreetype-dev libfontconfig-dev libstb-dev libcurl4-openssl-dev
  libsqlite3-dev libtomlplusplus-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libqrencode-dev
  libdrm-dev libcrypt-dev libhowardhinnant-date-dev libpng-dev
  fonts-noto-cjk fonts-wqy-microhei fonts-dejavu-core ca-certificates rime-data-luna-pinyin
)
# What the tests need besides.
# prometheus: promtool checks the health metrics file (tests skip that check without it) and the fleet
# kit's alert rules; ansible-core, ansible-lint, systemd (systemd-analyze), rsync, git and python3-yaml:
# the fleet kit's checks (tests/fleet/run.sh).
# openssl: the https loopback portal of the secrets tests makes its certificate with it.
# clang-format: every C and C++ file is checked against .clang-format.
test_packages=(libgtest-dev libgmock-dev libcpp-httplib-dev xvfb xauth prometheus clang-format
  ansible-core ansible-lint systemd rsync git python3-yaml openssl)

started=$SECONDS
say() { printf '\033[1m==> [%dm%02ds] %s\033[0m\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*" >&2; }

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The builds after the native one compile in unity batches (CMake's CMAKE_UNITY_BUILD): each batch of
# files parses the shared headers once, which halves their compile time. The native build stays one
# file at a time, so it still proves each file includes what it uses.
unity=-DCMAKE_UNITY_BUILD=ON

build() {  # build DIR [cmake options…]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

# The Pi's architectures: cross-built, every test under qemu-user, then the arm64 .deb installed into an
# empty root and run there (platform/cross.sh, tests/packaging/deb_test.sh).
cross_stage() {
  local arch status
  for arch in arm64 armhf; do
    say "$arch: cross-build, then every test under qemu-user"
    status=0
    bash platform/cross.sh deps "$arch" "${packages[@]}" "${test_packages[@]}" || status=$?
    if [ $status -eq 3 ]; then
      say "SKIPPED: $arch, whose packages apt cannot install on this machine (see above)"
      continue
    fi
    [ $status -eq 0 ] || exit $status
    bash platform/cross.sh test "$arch" "build-test-$arch" $unity
    if [ "$arch" = arm64 ]; then
      say "the arm64 package, installed into an empty root"
      bash tests/packaging/deb_test.sh arm64 build-test-arm64
    fi
  done
}

case "$mode" in
  run)
    install_missing "${packages[@]}"
    build build -DKIOSK_BUILD_TESTS=OFF
    args=()
    # On a desktop, a window a person can close; fullscreen lockdown is for the Pi service.
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then args=(--windowed 1280x800); fi
    exec build/kiosk/kiosk --content content "${args[@]}" "$@"
    ;;
  build)
    install_missing "${packages[@]}"
    build build -DKIOSK_BUILD_TESTS=OFF
    ;;
  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    say "every C and C++ file is formatted as .clang-format says (fix: clang-format -i FILE)"
    git ls-files '*.cpp' '*.hpp' '*.h' '*.c' | xargs clang-format --dry-run --Werror
    build build-test -DKIOSK_BUILD_TESTS=ON -DKIOSK_WERROR=ON
    say "unit, UI and command tests"
    export KIOSK_CACHE_EXCHANGE=$PWD/build-deps/cache-exchange  # each suite opens the others' caches
    ctest --test-dir build-test --output-on-failure -j "$(nproc)"
    say "the fleet kit (platform/fleet): playbooks, units, alert rules, dashboard, content pull"
    bash tests/fleet/run.sh build-test
    say "the shipped pictures and demo feeds are exactly what assets/ makes"
    python3 assets/pictures/make_pictures.py --check
    python3 assets/demo/make_demo_feeds.py --check
    say "the $(dpkg --print-architecture) package: its files, Depends, and an upgrade that keeps /etc/kiosk"
    bash tests/packaging/deb_test.sh "$(dpkg --print-architecture)" build-test
    # The same suite with AddressSanitizer and UndefinedBehaviorSanitizer (any report fails its test),
    # then ThreadSanitizer on the data layer, where the fetch worker's thread meets the UI thread.
    say "AddressSanitizer + UndefinedBehaviorSanitizer: every test again"
    # -O1 and no debug info: the sanitizers' reports name functions and files all the same, and the
    # build takes a good third less time than -O2 -g.
    build build-asan -DKIOSK_BUILD_TESTS=ON -DKIOSK_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=None \
      -DCMAKE_CXX_FLAGS=-O1 $unity
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
      LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0 \
      ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
    say "ThreadSanitizer: the data layer (fetch worker, cache, HTTP against loopback servers) and hot reload"
    cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1 -DKIOSK_BUILD_TESTS=ON \
      -DKIOSK_SANITIZE=thread $unity >/dev/null
    cmake --build build-tsan -j "$(nproc)" --target test_data test_reload
    TSAN_OPTIONS=halt_on_error=1:suppressions=$PWD/tests/sanitizers/tsan.supp ctest --test-dir build-tsan --output-on-failure -j "$(nproc)" -L '^(data|reload)$'
    cross_stage
    ;;
  cross)
    install_missing "${packages[@]}" "${test_packages[@]}"
    cross_stage
    ;;
  deps)
    install_missing "${packages[@]}" "${test_packages[@]}"
    for arch in "$@"; do bash platform/cross.sh deps "$arch" "${packages[@]}" "${test_packages[@]}"; done
    ;;
  *)
    echo "usage: bash platform/setup.sh run|test|cross|build|deps [kiosk options | ARCH…]" >&2
    exit 2
    ;;
esac
