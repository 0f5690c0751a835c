#!/usr/bin/env bash
# One-step set-up on Debian 12 or Raspberry Pi OS bookworm: installs the packages the kiosk needs
# (through sudo when not root), builds a Release, then either runs the kiosk on the bundled demo
# content or runs the whole test suite.
#
#   bash platform/setup.sh run [kiosk options]   build and start the kiosk (a window on a desktop)
#   bash platform/setup.sh test                  build and run every test (what CI runs)
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
  libdrm-dev libcrypt-dev
  fonts-noto-cjk fonts-wqy-microhei ca-certificates
)
# What the tests need besides.
# prometheus: promtool checks the health metrics file (tests skip that check without it).
test_packages=(libgtest-dev libgmock-dev libcpp-httplib-dev xvfb xauth prometheus)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

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

build() {  # build DIR [cmake options…]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
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
    build build-test -DKIOSK_BUILD_TESTS=ON
    say "unit, UI and command tests"
    ctest --test-dir build-test --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: bash platform/setup.sh run|test|build [kiosk options]" >&2
    exit 2
    ;;
esac
