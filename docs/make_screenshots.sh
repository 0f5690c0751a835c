#!/usr/bin/env bash
# Regenerates README's screenshots with `kiosk render` (headless, the same pixels a screen shows).
set -euo pipefail
cd "$(dirname "$0")/.."
kiosk=${KIOSK:-build/kiosk/kiosk}
now=2026-11-28T10:00:00+08:00
out=docs/screenshots
"$kiosk" render --content content --out "$out" --size 1280x800 --now "$now"
tmp=$(mktemp -d)
"$kiosk" render --content content --out "$tmp" --size 1280x800 --lang en --now "$now" --screen home
mv "$tmp/home.png" "$out/home-en.png"
"$kiosk" render --content content --out "$tmp" --size 800x480 --now "$now" --screen home
mv "$tmp/home.png" "$out/home-800x480.png"
# Classroom mode's screens (kiosk --classroom): the sorting game and the quiz.
"$kiosk" render --content content --out "$out" --size 1280x800 --now "$now" --classroom --screen game
"$kiosk" render --content content --out "$out" --size 1280x800 --now "$now" --classroom --screen quiz
rmdir "$tmp"
ls -la "$out"
