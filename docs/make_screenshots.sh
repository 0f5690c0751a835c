#!/usr/bin/env bash
# Regenerates README's screenshots with `kiosk render` and `kiosk replay` (headless, the same pixels a
# screen shows).
set -euo pipefail
cd "$(dirname "$0")/.."
kiosk=${KIOSK:-build/kiosk/kiosk}
now=2026-11-28T10:00:00+08:00
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for screen in home air water bay waste travel; do
  "$kiosk" render --content content --out "$tmp" --size 1280x800 --now "$now" --screen "$screen"
  mv "$tmp/$screen.png" "$out/$screen.png"
done
"$kiosk" render --content content --out "$tmp" --size 1280x800 --lang en --now "$now" --screen home
mv "$tmp/home.png" "$out/home-en.png"
"$kiosk" render --content content --out "$tmp" --size 800x480 --now "$now" --screen home
mv "$tmp/home.png" "$out/home-800x480.png"
# Classroom mode's screens (kiosk --classroom): the sorting game and the quiz.
for screen in game quiz; do
  "$kiosk" render --content content --out "$tmp" --size 1280x800 --now "$now" --classroom --screen "$screen"
  mv "$tmp/$screen.png" "$out/$screen.png"
done
# A search typed on the on-screen keyboard, and the high-contrast theme with large text.
"$kiosk" replay docs/screenshots.replay --content content --out "$out" --size 1280x800 --now "$now"
ls -la "$out"
