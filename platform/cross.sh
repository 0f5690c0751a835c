#!/usr/bin/env bash
# Cross-builds for the Raspberry Pi's architectures on a Debian 12 amd64 machine, with Debian multiarch,
# and the test suite run under qemu-user (no binfmt registration, no device needed).
#
#   bash platform/cross.sh deps ARCH PACKAGE…   install the cross compiler, qemu and ARCH's variants of the
#                                               -dev packages among PACKAGE… (setup.sh passes its lists);
#                                               (or unpacks them, see unpack_root); exit code 3
#                                               when neither works
#   bash platform/cross.sh build ARCH DIR [cmake options…]   configure and build in DIR
#   bash platform/cross.sh test ARCH DIR [cmake options…]   build in DIR and run every test under qemu
#
# ARCH is arm64 (64-bit Pi OS) or armhf (32-bit Pi OS on a Pi 2 or later: Debian's armhf is ARMv7, so a
# Pi 1 or Zero, which are ARMv6, cannot run it).
#
# Which -dev packages can be installed for two architectures at once is read from apt, not listed here:
#   Architecture: all        (nlohmann-json3-dev, libcli11-dev) the native package serves every target
#   Multi-Arch: same         (most) installed as PACKAGE:ARCH beside the native one
#   anything else            (libsimdjson-dev) its runtime libraries are installed as :ARCH and the -dev
#                            package itself is unpacked into build-deps/ARCH, its .pc files pointed there
#                            (KIOSK_DEPS_DIR names another folder than build-deps)
set -euo pipefail

cd "$(dirname "$0")/.."

# Unpacked -dev packages, per architecture (see above); kept between builds.
deps_root=$(realpath -m "${KIOSK_DEPS_DIR:-build-deps}")

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
  echo "cross.sh: $*" >&2
  exit 1
}

triplet_of() {
  case "$1" in
    arm64) echo aarch64-linux-gnu ;;
    armhf) echo arm-linux-gnueabihf ;;
    *) die "unknown architecture '$1' (arm64 or armhf)" ;;
  esac
}
toolchain_of() { echo "cmake/toolchains/$(triplet_of "$1").cmake"; }

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# control PACKAGE:ARCH… → one line per package: NAME ARCHITECTURE MULTI-ARCH VERSION DEPENDS (one apt-cache
# call for all: on a loaded machine each call takes seconds).
control() {
  apt-cache show --no-all-versions "$@" 2>/dev/null | awk '
    function flush() { if (name != "") print name, (arch == "" ? "-" : arch), (ma == "" ? "no" : ma), ver, deps }
    /^Package: / { flush(); name = $2; arch = ""; ma = ""; ver = ""; deps = "" }
    /^Architecture: / { arch = $2 }
    /^Multi-Arch: / { ma = $2 }
    /^Version: / { ver = $2 }
    /^Depends: / { sub(/^Depends: /, ""); gsub(/ \([^)]*\)/, ""); gsub(/ /, ""); deps = $0 }
    END { flush() }'
}

deps() {
  local arch=$1
  shift
  local triplet
  triplet=$(triplet_of "$arch")
  if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    say "adding the $arch architecture to dpkg"
    "${sudo_cmd[@]}" dpkg --add-architecture "$arch"
  fi
  # apt must know the architecture's packages before we can ask it about them.
  if [ -z "$(control "libc6:$arch")" ]; then
    say "apt-get update for $arch"
    # A mirror in the middle of a sync fails one index; what it fetched is still usable.
    "${sudo_cmd[@]}" apt-get update -qq || say "apt-get update reported errors; going on with what it has"
  fi

  local devs=()
  for p in "$@"; do [[ $p == *-dev ]] && devs+=("$p:$arch"); done
  local want=("crossbuild-essential-$arch" qemu-user-static) unpack=() runtime=()
  local name a ma version depends
  while read -r name a ma version depends; do
    if [ "$a" = all ]; then
      continue  # headers only: the native package serves every target
    elif [ "$ma" = same ]; then
      want+=("$name:$arch")
    else
      unpack+=("$name=$version")
      local libs
      read -ra libs <<<"$(echo "$depends" | tr ',|' '  ')"
      runtime+=("${libs[@]}")
    fi
  done < <(control "${devs[@]}")
  [ ${#devs[@]} -eq 0 ] || [ ${#want[@]} -gt 2 ] || [ ${#unpack[@]} -gt 0 ] ||
    die "apt knows none of ${devs[*]} (apt-get update?)"
  # The runtime libraries of an unpacked -dev package (e.g. libsimdjson14) are installed as :ARCH.
  if [ ${#runtime[@]} -gt 0 ]; then
    while read -r name a ma version depends; do
      [ "$ma" = same ] && want+=("$name:$arch")
    done < <(control "${runtime[@]/%/:$arch}")
  fi

  local missing=()
  for p in "${want[@]}"; do installed "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    # Multi-Arch: same packages must have the same version for every architecture; a mirror whose index
    # for ARCH lags behind the native one (a security update not yet there) cannot give that.
    if ! DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"; then
      say "apt cannot install the $arch packages beside the native ones (above): unpacking them instead"
      # The tools alone have no such version coupling.
      DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
        "crossbuild-essential-$arch" qemu-user-static || exit 3
      unpack_root "$arch" "$@" || exit 3
      return 0
    fi
  fi
  rm -f "$deps_root/$arch-root/.in-use"

  local root=$deps_root/$arch
  for p in "${unpack[@]}"; do
    local pkg=${p%%=*} version=${p#*=}
    local stamp="$root/.unpacked-$pkg-$version"
    [ -f "$stamp" ] && continue
    say "unpacking $pkg:$arch $version into $root (it cannot be co-installed)"
    mkdir -p "$root/debs"
    (cd "$root/debs" && apt-get download -qq "$pkg:$arch=$version")
    dpkg-deb -x "$root/debs/${pkg}_${version#*:}_$arch.deb" "$root"
    # Point its pkg-config files at the unpacked headers and library links…
    find "$root/usr" -name '*.pc' -exec sed -i "s|^prefix=/usr\$|prefix=$root/usr|" {} +
    # … and its library links at the :ARCH runtime library installed in the multiarch folder.
    local link
    for link in "$root/usr/lib/$triplet"/*.so; do
      [ -L "$link" ] || continue
      local target
      target=$(readlink "$link")
      [ "${target#/}" = "$target" ] && ln -sf "/usr/lib/$triplet/$target" "$link"
    done
    touch "$stamp"
  done
}

# The fallback for an architecture whose packages apt cannot co-install (a mirror whose index for ARCH
# lags the native one, so Multi-Arch: same versions differ): ARCH's -dev packages and everything they
# need are resolved against ARCH's index alone, downloaded and unpacked into $deps_root/ARCH-root; the
# toolchain builds against that folder (KIOSK_CROSS_ROOT) and qemu runs the tests inside it. The C
# library headers and libstdc++ stay the cross compiler's, and the fonts the host's.
unpack_root() {
  local arch=$1
  shift
  local root=$deps_root/$arch-root names=()
  for p in "$@"; do [[ $p == *-dev ]] && names+=("$p"); done
  local stamp
  stamp="$root/.unpacked-$(echo "${names[*]}" | md5sum | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    rm -rf "$root"
    mkdir -p "$root/.apt/state" "$root/.apt/archives/partial"
    : >"$root/.apt/state/status"
    apt-get -y -qq --download-only --no-install-recommends -o Debug::NoLocking=1 \
      -o APT::Architecture="$arch" -o APT::Architectures::="$arch" \
      -o Dir::State::status="$root/.apt/state/status" -o Dir::Cache::archives="$root/.apt/archives" \
      install "${names[@]}" || return 1
    local deb
    for deb in "$root"/.apt/archives/*.deb; do
      case "$(basename "$deb")" in
        libc6-dev_* | linux-libc-dev_* | libstdc++-*-dev_* | libgcc-*-dev_* | fonts-*) continue ;;
      esac
      dpkg-deb -x "$deb" "$root"
    done
    rm -rf "$root/.apt/archives" "$root/usr/share/fonts"
    # Links that point at /usr/… must point into the folder.
    local link
    find "$root" -type l -lname '/*' -print0 | while IFS= read -r -d '' link; do
      ln -sfn "$root$(readlink "$link")" "$link"
    done
    touch "$stamp"
  fi
  touch "$root/.in-use"
}

build() {  # build ARCH DIR [cmake options…]
  local arch=$1 dir=$2
  shift 2
  local root=""
  [ -f "$deps_root/$arch-root/.in-use" ] && root=$deps_root/$arch-root
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$(toolchain_of "$arch")" \
    -DKIOSK_CROSS_DEPS="$deps_root/$arch" -DKIOSK_CROSS_ROOT="$root" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

mode=${1:-}
[ $# -gt 0 ] && shift
case "$mode" in
  deps)
    [ $# -ge 1 ] || die "usage: cross.sh deps ARCH PACKAGE…"
    deps "$@"
    ;;
  build)
    [ $# -ge 2 ] || die "usage: cross.sh build ARCH DIR [cmake options…]"
    build "$@"
    ;;
  test)
    [ $# -ge 2 ] || die "usage: cross.sh test ARCH DIR [cmake options…]"
    arch=$1 dir=$2
    shift 2
    build "$arch" "$dir" -DKIOSK_BUILD_TESTS=ON "$@"
    say "every test on $arch, under qemu-user"
    ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: bash platform/cross.sh deps|build|test ARCH …" >&2
    exit 2
    ;;
esac
