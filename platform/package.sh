#!/usr/bin/env bash
# Builds the kiosk's Debian packages with CPack, one per architecture, into out/:
#   out/kiosk_VERSION_amd64.deb   PCs and amd64 thin clients
#   out/kiosk_VERSION_arm64.deb   64-bit Raspberry Pi OS (Pi 3, 4, 5, Zero 2 W)
#   out/kiosk_VERSION_armhf.deb   32-bit Raspberry Pi OS on a Pi 2 or later (ARMv7)
#
#   bash platform/package.sh [ARCH…]     default: amd64 arm64 armhf
#
# Installs what is missing first (platform/setup.sh deps), builds a Release without tests per
# architecture in build-pkg-ARCH (cross builds through cmake/toolchains), runs cpack, then lintian on each
# package when it is installed (its findings are printed, not fatal: see README, "Packages").
set -euo pipefail

cd "$(dirname "$0")/.."
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(amd64 arm64 armhf)
native=$(dpkg --print-architecture)
foreign=()
for arch in "${archs[@]}"; do [ "$arch" = "$native" ] || foreign+=("$arch"); done

bash platform/setup.sh deps "${foreign[@]}"
mkdir -p out
for arch in "${archs[@]}"; do
  dir=build-pkg-$arch
  say "$arch: build and package in $dir"
  if [ "$arch" = "$native" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF >/dev/null
    cmake --build "$dir" -j "$(nproc)"
  else
    bash platform/cross.sh build "$arch" "$dir" -DKIOSK_BUILD_TESTS=OFF
  fi
  rm -f "$dir"/package/*.deb
  (cd "$dir" && cpack -G DEB >/dev/null)
  deb=$(ls "$dir"/package/kiosk_*_"$arch".deb)
  cp "$deb" out/
  say "out/$(basename "$deb")"
  if command -v lintian >/dev/null; then
    lintian --no-tag-display-limit --suppress-tags-from-file platform/debian/lintian-accepted \
      "out/$(basename "$deb")" || true
  fi
done
