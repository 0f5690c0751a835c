#!/usr/bin/env bash
# The Debian package of one architecture, checked the way an operator's apt would see it:
#   bash tests/packaging/deb_test.sh ARCH BUILD_DIR
# runs cpack in BUILD_DIR (a build for ARCH, e.g. build-test-arm64), then checks the control fields
# (Depends generated from every linked library, plus the fonts and CA certificates), the maintainer
# scripts and the files, unpacks it into an empty root folder and runs `kiosk --version` and
# `kiosk render` from there (under qemu-user for a foreign ARCH) with no content folder around, so the
# installed content is the one found. Ends with "N passed, N failed".
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 2
arch=${1:?usage: deb_test.sh ARCH BUILD_DIR}
build=${2:?usage: deb_test.sh ARCH BUILD_DIR}

passed=0
failed=0
check() {  # check "what" command… : one line per check
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1))
    echo "ok    $what"
  else
    failed=$((failed + 1))
    echo "FAIL  $what"
  fi
}

case "$arch" in
  amd64) triplet=x86_64-linux-gnu run=() ;;
  arm64) triplet=aarch64-linux-gnu run=(qemu-aarch64-static -L /usr/aarch64-linux-gnu) ;;
  armhf) triplet=arm-linux-gnueabihf run=(qemu-arm-static -L /usr/arm-linux-gnueabihf) ;;
  *)
    echo "deb_test.sh: unknown architecture '$arch'" >&2
    exit 2
    ;;
esac
[ "$arch" = "$(dpkg --print-architecture)" ] && run=()
# With multiarch, the target's libc is libc6:ARCH in /lib/TRIPLET: its own loader must run it (the cross
# package's loader of another Debian revision deadlocks on the first thread; cmake/toolchains/debian-cross.cmake).
[ ${#run[@]} -gt 0 ] && [ -f "/lib/$triplet/libc.so.6" ] && run=("${run[0]}" -L /)

echo "==> the $arch package, from $build"
rm -f "$build"/package/kiosk_*.deb
if ! (cd "$build" && cpack -G DEB >cpack.log 2>&1); then
  cat "$build/cpack.log"
  echo "0 passed, 1 failed"
  exit 1
fi
deb=$(ls "$build"/package/kiosk_*_"$arch".deb)
echo "    $deb ($(du -k "$deb" | cut -f1) KiB)"

work=$(mktemp -d /tmp/kiosk-deb-test-XXXXXX)
trap 'rm -rf "$work"' EXIT
dpkg-deb --field "$deb" >"$work/control"
dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|; s| -> .*||' >"$work/files"
depends=$(dpkg-deb --field "$deb" Depends)
echo "    Depends: $depends"

# --- control fields and maintainer scripts
check "Package: kiosk" grep -qx "Package: kiosk" "$work/control"
check "Architecture: $arch" grep -qx "Architecture: $arch" "$work/control"
check "Version is the project's" grep -qx "Version: $(sed -n 's/^project(kiosk VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" "$work/control"
check "Depends on a CJK font" grep -q "fonts-noto-cjk | fonts-wqy-microhei" <<<"$depends"
check "Depends on ca-certificates" grep -q "ca-certificates" <<<"$depends"
check "Depends on adduser (postinst)" grep -q "adduser" <<<"$depends"
check "Depends on the pinyin dictionary (search by initials)" grep -q "rime-data-luna-pinyin" <<<"$depends"
check "Depends on tzdata (sources' IANA zone names)" grep -q "tzdata" <<<"$depends"
check "Depends carries versions from shlibs" grep -qE "libc6 \(>= [0-9]" <<<"$depends"
mkdir -p "$work/control.d"
dpkg-deb --control "$deb" "$work/control.d"
for script in postinst prerm postrm; do
  check "$script is there and executable" test -x "$work/control.d/$script"
  check "$script is valid sh" sh -n "$work/control.d/$script"
done
check "postinst creates the kiosk user" grep -q "adduser --system" "$work/control.d/postinst"
# The site file (PIN hash, metrics, schedule, content path) is the operator's: a conffile, so an upgrade
# keeps it, and not world-readable.
check "/etc/kiosk/kiosk.toml is a conffile" grep -qx /etc/kiosk/kiosk.toml "$work/control.d/conffiles"
check "/etc/kiosk/kiosk.toml is not world-readable" bash -c "dpkg-deb --contents '$deb' | grep -q '^-rw-r----- .*\./etc/kiosk/kiosk.toml$'"
check "the demo content carries no PIN hash" bash -c "! dpkg-deb --fsys-tarfile '$deb' | tar -xO ./usr/share/kiosk/content/kiosk.toml | grep -q '^pin_hash'"

# --- files
check "/usr/bin/kiosk" grep -qx /usr/bin/kiosk "$work/files"
check "content: kiosk.toml" grep -qx /usr/share/kiosk/content/kiosk.toml "$work/files"
check "content: strings.toml" grep -qx /usr/share/kiosk/content/strings.toml "$work/files"
check "content: demo data" grep -q "^/usr/share/kiosk/content/demo/.*\.json$" "$work/files"
check "no generator scripts in content" bash -c "! grep -q '\.py$' '$work/files'"
check "copyright" grep -qx /usr/share/doc/kiosk/copyright "$work/files"
check "manual page" grep -qx /usr/share/man/man1/kiosk.1.gz "$work/files"
if [ -f platform/systemd/kiosk.service ]; then
  check "systemd unit" grep -qx /lib/systemd/system/kiosk.service "$work/files"
  check "recovery timer past the start limit" grep -qx /lib/systemd/system/kiosk-recover.timer "$work/files"
fi

# --- into an empty root folder, as dpkg would lay it out
root=$work/root
dpkg-deb -x "$deb" "$root"
kiosk=$root/usr/bin/kiosk
check "the binary is for $arch" bash -c "file -b '$kiosk' | grep -q '$(case $arch in amd64) echo x86-64 ;; arm64) echo aarch64 ;; armhf) echo 'ARM, EABI5' ;; esac)'"
check "the binary is stripped" bash -c "file -b '$kiosk' | grep -q ', stripped'"

# Every library the binary links is in a package Depends names (what dpkg-shlibdeps is for).
dep_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/ //g')
missing_dep=""
for soname in $(readelf -d "$kiosk" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  lib=$(ls "/usr/lib/$triplet/$soname" "/lib/$triplet/$soname" 2>/dev/null | head -n1)
  pkg=$(dpkg-query -S "$(realpath "$lib")" 2>/dev/null | head -n1 | cut -d: -f1)
  [ -z "$pkg" ] && pkg=$(dpkg-query -S "$lib" 2>/dev/null | head -n1 | cut -d: -f1)
  if [ -z "$pkg" ] || ! grep -qxF "$pkg" <<<"$dep_names"; then
    missing_dep+=" $soname(${pkg:-no package})"
  fi
done
check "every NEEDED library's package is in Depends${missing_dep:+ (missing:$missing_dep)}" test -z "$missing_dep"

# Run it from the root, from a folder with no content/, with no KIOSK_CONTENT: the installed content
# (../share/kiosk/content beside the binary) is the one used.
mkdir -p "$work/cwd" "$work/shots"
version=$(cd "$work/cwd" && env -u KIOSK_CONTENT "${run[@]}" "$kiosk" --version 2>&1)
echo "    kiosk --version: $version"
check "kiosk --version runs and names the version" grep -q "0\.[0-9]" <<<"$version"
(cd "$work/cwd" && env -u KIOSK_CONTENT -u DISPLAY -u WAYLAND_DISPLAY "${run[@]}" "$kiosk" render \
  --out "$work/shots" --screen home --size 800x480 --now 2026-11-28T10:00:00+08:00 >"$work/render.log" 2>&1)
status=$?
[ $status -eq 0 ] || sed 's/^/    /' "$work/render.log"
check "kiosk render exits 0 from the installed content" test $status -eq 0
shot=$(ls "$work/shots"/*.png 2>/dev/null | head -n1)
check "kiosk render wrote a PNG" test -s "$shot"
check "the PNG is 800x480" bash -c "file -b '$shot' | grep -q '800 x 480'"
if [ -n "${KIOSK_DEB_TEST_KEEP:-}" ] && [ -n "$shot" ]; then cp "$shot" "$KIOSK_DEB_TEST_KEEP"; fi

# Pinyin initials find an item in the installed kiosk (the dictionary Depends names is the one read):
# a resident types "kqsp" on the on-screen keyboard of the waste search and sees 矿泉水瓶.
printf 'tap "垃圾分类"\nexpect screen waste\ntype kqsp\nexpect text "也叫：矿泉水瓶"\n' >"$work/initials.replay"
(cd "$work/cwd" && env -u KIOSK_CONTENT -u DISPLAY -u WAYLAND_DISPLAY "${run[@]}" "$kiosk" replay \
  "$work/initials.replay" --out "$work/replay" >"$work/replay.log" 2>&1)
status=$?
[ $status -eq 0 ] || sed 's/^/    /' "$work/replay.log"
check "installed kiosk: typing the initials kqsp finds 矿泉水瓶" test $status -eq 0

# --- an upgrade keeps the operator's settings: dpkg itself, into an empty root folder, installs this
# package as v1, the operator sets a PIN and a schedule in /etc/kiosk/kiosk.toml and puts content in
# /var/lib, then v2 (the same files, a newer version and a changed site file) goes on top the way apt
# would with --force-confold. The maintainer scripts are left out: they would add a user to this machine.
upgrade=$work/upgrade
mkdir -p "$upgrade/root/var/lib/dpkg/info" "$upgrade/root/var/lib/dpkg/updates"
touch "$upgrade/root/var/lib/dpkg/status"
dpkg-deb -R "$deb" "$upgrade/v1"
rm -f "$upgrade"/v1/DEBIAN/{postinst,prerm,postrm}
cp -a "$upgrade/v1" "$upgrade/v2"
sed -i 's/^Version: \(.*\)/Version: \1+upgrade/' "$upgrade/v2/DEBIAN/control"
echo "# a comment new in v2" >>"$upgrade/v2/etc/kiosk/kiosk.toml"
echo "# v2" >>"$upgrade/v2/usr/share/kiosk/content/kiosk.toml"
dpkg-deb -b "$upgrade/v1" "$upgrade/v1.deb" >/dev/null
dpkg-deb -b "$upgrade/v2" "$upgrade/v2.deb" >/dev/null
dpkg_root=(dpkg --root="$upgrade/root" --force-depends --force-architecture --force-not-root --force-confold)
check "v1 installs into an empty root" "${dpkg_root[@]}" -i "$upgrade/v1.deb"
site=$upgrade/root/etc/kiosk/kiosk.toml
printf '[admin]\npin_hash = "$y$j9T$operator$pin"\n[schedule]\nevery_day = "07:00-21:00"\n' >"$site"
mkdir -p "$upgrade/root/var/lib/kiosk-content/current"
echo "operator" >"$upgrade/root/var/lib/kiosk-content/current/kiosk.toml"
check "v2 installs over v1" "${dpkg_root[@]}" -i "$upgrade/v2.deb"
check "upgrade: the operator's PIN hash survives" grep -qF 'pin_hash = "$y$j9T$operator$pin"' "$site"
check "upgrade: the operator's schedule survives" grep -qF 'every_day = "07:00-21:00"' "$site"
check "upgrade: the new site file waits beside it (.dpkg-dist)" test -f "$site.dpkg-dist"
check "upgrade: the demo content is the new one" grep -qx "# v2" "$upgrade/root/usr/share/kiosk/content/kiosk.toml"
check "upgrade: operator content outside the package is untouched" grep -qx operator "$upgrade/root/var/lib/kiosk-content/current/kiosk.toml"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
