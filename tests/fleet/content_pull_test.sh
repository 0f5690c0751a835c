#!/usr/bin/env bash
# The content pull (platform/fleet/kiosk-content-pull) against what goes wrong in a fleet: a broken
# pack, a transfer cut off half-way, and nothing new. The live pack must never be anything but a whole,
# checked pack, and `current` must always be a symlink to one.
#
#   bash tests/fleet/content_pull_test.sh BUILD_DIR      (the kiosk in BUILD_DIR/kiosk/kiosk checks packs)
# Each check is a condition in single quotes, evaluated after the run it checks:
# shellcheck disable=SC2016,SC2034
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: content_pull_test.sh BUILD_DIR}
pull=$PWD/platform/fleet/kiosk-content-pull
export KIOSK_BIN=$PWD/$build/kiosk/kiosk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
ok() { printf '  ok    %s\n' "$*"; }
bad() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
live_text() { grep -o 'air = { zh = "[^"]*"' "$root/current/strings.toml"; }

root=$tmp/root
src=$tmp/server/content
mkdir -p "$tmp/server"
cp -r content "$src"
export KIOSK_CONTENT_ROOT=$root KIOSK_CONTENT_METHOD=rsync KIOSK_CONTENT_SOURCE=$src/ KIOSK_CONTENT_SSH=ssh
run() { status=0; "$pull" >"$tmp/out" 2>&1 || status=$?; }

echo "rsync:"
run
check "the first pull makes a good pack live" '[ $status -eq 0 ] && [ -L "$root/current" ] && diff -rq "$src" "$root/current/" >/dev/null'
first=$(readlink "$root/current")

run
check "nothing new: no swap" '[ $status -eq 0 ] && [ "$(readlink "$root/current")" = "$first" ]'

sed -i 's/air = { zh = "空气质量"/air = { zh = "今天的空气"/' "$src/strings.toml"
run
check "a good edit is swapped in whole" '[ $status -eq 0 ] && [ "$(readlink "$root/current")" != "$first" ] && live_text | grep -q 今天的空气'
good=$(readlink "$root/current")

sed -i 's/^\[\[tip\]\]$/[[tip]]\ntitel = 1/' "$src/travel.toml"
run
check "a broken pack is rejected (exit 2)" '[ $status -eq 2 ] && grep -q "titel" "$tmp/out"'
check "… and the live pack stays as it was" '[ "$(readlink "$root/current")" = "$good" ] && live_text | grep -q 今天的空气 && ! grep -q titel "$root/current/travel.toml"'
sed -i '/^titel = 1$/d' "$src/travel.toml"

# A transfer cut off half-way: an rsync that copies one changed file, then the line drops.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/rsync" <<'CUT'
#!/bin/sh
for last; do :; done
cp "$KIOSK_TEST_SOURCE/strings.toml" "$last/strings.toml"
echo "rsync: connection unexpectedly closed (0 bytes received so far) [receiver]" >&2
exit 12
CUT
chmod +x "$tmp/bin/rsync"
sed -i 's/air = { zh = "今天的空气"/air = { zh = "半路的空气"/' "$src/strings.toml"
sed -i 's/^\[\[tip\]\]$/[[tip]]\ntitel = 1/' "$src/travel.toml"  # the rest of the pack would be broken
status=0
PATH=$tmp/bin:$PATH KIOSK_TEST_SOURCE=$src "$pull" >"$tmp/out" 2>&1 || status=$?
check "a half-copied pack is not made live (exit 1)" '[ $status -eq 1 ] && [ "$(readlink "$root/current")" = "$good" ] && live_text | grep -q 今天的空气'
check "… and the live pack still passes check-content" '"$KIOSK_BIN" check-content "$root/current" >/dev/null 2>&1'
sed -i '/^titel = 1$/d' "$src/travel.toml"
run
check "the next whole pull recovers" '[ $status -eq 0 ] && live_text | grep -q 半路的空气 && diff -rq "$src" "$root/current/" >/dev/null'

echo "git:"
repo=$tmp/server/repo
mkdir -p "$repo"
cp -r content "$repo/content"
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=t -c user.email=t@example.org add -A
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qm pack
export KIOSK_CONTENT_ROOT=$tmp/root-git KIOSK_CONTENT_METHOD=git KIOSK_CONTENT_SOURCE=file://$repo \
  KIOSK_CONTENT_SUBDIR=content
root=$KIOSK_CONTENT_ROOT
run
check "a clone makes the pack's folder in the repository live" '[ $status -eq 0 ] && [ -L "$root/current" ] && [ -f "$root/current/kiosk.toml" ] && [ ! -e "$root/current/.git" ]'
first=$(readlink "$root/current")
sed -i 's/^\[\[tip\]\]$/[[tip]]\ntitel = 1/' "$repo/content/travel.toml"
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qam broken
run
check "a broken commit is rejected and the live pack stays" '[ $status -eq 2 ] && [ "$(readlink "$root/current")" = "$first" ] && ! grep -q titel "$root/current/travel.toml"'
sed -i '/^titel = 1$/d' "$repo/content/travel.toml"
sed -i 's/air = { zh = "空气质量"/air = { zh = "提交的空气"/' "$repo/content/strings.toml"
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qam fixed
run
check "the fixed commit goes live" '[ $status -eq 0 ] && live_text | grep -q 提交的空气'

echo "settings:"
status=0
KIOSK_CONTENT_METHOD=ftp "$pull" >"$tmp/out" 2>&1 || status=$?
check "an unknown method is refused (exit 3)" '[ $status -eq 3 ]'

[ $failures -eq 0 ] || { echo "$failures content pull check(s) failed; last output:"; cat "$tmp/out"; exit 1; }
