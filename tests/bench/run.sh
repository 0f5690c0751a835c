#!/usr/bin/env bash
# The kiosk's numbers against its goals (issue 8), measured on this machine, as one table:
#
#   bash tests/bench/run.sh              everything (about 3 minutes, most of it the 60 s idle window)
#   IDLE_SECONDS=20 bash tests/bench/run.sh
#
# Builds a Release tree with the benchmarks (BUILD: build-bench unless KIOSK_BENCH_BUILD says), then:
#   - UI build time per frame of each screen at 1920x1080 (tests/bench/bench_frames: NewFrame, draw, Render);
#   - start to first frame of the whole process, warm caches, demo pack: `kiosk render --screen home`
#     timed by hyperfine (Debian's `hyperfine`; a plain loop without it), and its parts inside the
#     process as KIOSK_DEBUG=1 prints them (content, data, glyphs, layout, pictures, raster, PNG);
#   - peak resident (RSS) and proportional (PSS) memory while `kiosk replay tests/bench/all_screens.replay`
#     draws every screen (classroom mode, pixels included), PSS sampled from /proc/PID/smaps_rollup;
#   - start to first frame of a real window under Xvfb (`kiosk --windowed 1920x1080`, KIOSK_DEBUG's
#     "first frame shown"): what a kiosk screen waits for, with no PNG, beside the render figure above;
#   - CPU of a real window left alone under Xvfb (`kiosk --windowed 1280x800`), from /proc/PID/stat;
#   - adapter parse-and-normalise throughput (bench_adapters) and search latency (bench_search).
# Benchmarks report; nothing here fails on a slow machine. Needs python3 (the JSON of Google Benchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=${KIOSK_BENCH_BUILD:-build-bench}
idle_seconds=${IDLE_SECONDS:-60}
tmp=$(mktemp -d /tmp/kiosk-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_BENCH=ON >/dev/null
fi
say "building (Release)"
cmake --build "$build" -j "$(nproc)" --target kiosk bench_frames bench_adapters bench_search
kiosk=$build/kiosk/kiosk
now=2026-11-28T10:00:00+08:00

json() {  # json FILE EXPR: a value from a Google Benchmark JSON report
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); b={x['name']:x for x in d['benchmarks']}; print($2)" "$1"
}

say "UI build time per frame (bench_frames)"
"$build/tests/bench/bench_frames" --benchmark_min_time=0.5 --benchmark_out="$tmp/frames.json" \
  --benchmark_out_format=json >&2

say "adapter throughput (bench_adapters)"
"$build/tests/bench/bench_adapters" --benchmark_out="$tmp/adapters.json" --benchmark_out_format=json >&2

say "search latency (bench_search)"
"$build/tests/bench/bench_search" --benchmark_out="$tmp/search.json" --benchmark_out_format=json >&2

say "start to first frame (kiosk render --screen home)"
render=("$kiosk" render --content content --screen home --now "$now" --out "$tmp/render")
"${render[@]}" >/dev/null 2>&1  # warm the file system cache
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs 20 --export-json "$tmp/start.json" "${render[*]}" >&2
  start_ms=$(python3 -c "import json; r=json.load(open('$tmp/start.json'))['results'][0]; print('%.0f ms (median %.0f, min %.0f)' % (r['mean']*1e3, r['median']*1e3, r['min']*1e3))")
  start_mean=$(python3 -c "import json; print(json.load(open('$tmp/start.json'))['results'][0]['mean']*1e3)")
else
  total=0
  for _ in $(seq 10); do
    t0=$(date +%s%N)
    "${render[@]}" >/dev/null 2>&1
    total=$((total + $(date +%s%N) - t0))
  done
  start_mean=$(python3 -c "print($total / 10 / 1e6)")
  start_ms="$(printf '%.0f' "$start_mean") ms (mean of 10)"
fi
# Start-up's parts, as KIOSK_DEBUG=1 logs them (the median of 5 runs of each): content (read and
# checked, pictures' headers), data (cache and demo feed), glyphs (the first screen's pages, rasterised
# on the UI thread; the whole pack's follow on a worker), the first frame laid out (glyphs included),
# its pictures decoded, the frame rasterised (software, 1920x1080) and the PNG written.
for i in 1 2 3 4 5; do KIOSK_DEBUG=1 "${render[@]}" 2>"$tmp/phases$i.txt" >/dev/null || true; done
phase() {  # phase PATTERN: the median over the runs of the time on PATTERN's line ("at N ms")
  for i in 1 2 3 4 5; do grep -m1 "$1" "$tmp/phases$i.txt" | grep -Eo 'at [0-9.]+' | grep -Eo '[0-9.]+' || true; done |
    sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.0f", a[int((NR+1)/2)]}'
}
glyph_ms=$(for i in 1 2 3 4 5; do { grep "font pages (UI thread)" "$tmp/phases$i.txt" || true; } | grep -Eo '[0-9]+ ms' |
  awk '{s+=$1} END {print s+0}'; done | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}')
pack_ms=$({ grep -h "font pages (worker)" "$tmp"/phases*.txt || true; } | { grep -Eo '[0-9]+ ms' || true; } | { grep -Eo '[0-9]+' || true; } | sort -n |
  awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)] " ms"; else print "not finished before exit"}')
content_ms=$(phase "content loaded at")
data_at=$(phase "data fetched at")
laid_at=$(phase "home laid out at")
pictures_at=$(phase "home pictures decoded at")
drawn_at=$(phase "home drawn at")
written_at=$(phase "home.png written at")
span() { python3 -c "print('%.0f' % ($2 - $1))" 2>/dev/null || echo "?"; }
data_ms=$(span "$content_ms" "$data_at")
layout_ms=$(span "$data_at" "$laid_at")
pictures_ms=$(span "$laid_at" "$pictures_at")
raster_ms=$(span "$pictures_at" "$drawn_at")
png_ms=$(span "$drawn_at" "$written_at")

# Peak PSS (KiB) of one replay of every screen; RSS (KiB) in $tmp/rss.txt.
replay_peak_pss() {
  /usr/bin/time -f %M -o "$tmp/rss.txt" "$kiosk" replay tests/bench/all_screens.replay --classroom --content content \
    --now "$now" --size 1920x1080 --out "$tmp/replay" >/dev/null 2>"$tmp/replay.err" &
  local timer=$! peak=0 pid pss
  while kill -0 $timer 2>/dev/null; do
    pid=$(pgrep -P $timer || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/smaps_rollup" ]; then
      pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
      [ "${pss:-0}" -gt "$peak" ] && peak=$pss
    fi
    sleep 0.02
  done
  wait $timer || { cat "$tmp/replay.err" >&2; say "the replay failed"; }
  echo "$peak"
}

say "memory while every screen is drawn (kiosk replay tests/bench/all_screens.replay, 3 runs)"
# The font file is read, not mapped (kiosk/render/font_face.hpp), so what else has read it no longer
# changes the figure; the peak still varies by a few MiB from run to run with when the glyph worker's
# build meets a screen's pictures: three runs, their median and range.
pss_runs=()
for _ in 1 2 3; do pss_runs+=("$(replay_peak_pss)"); done
rss_max=$(tail -1 "$tmp/rss.txt")
pss_max=$(printf '%s\n' "${pss_runs[@]}" | sort -n | sed -n 2p)
pss_range="$(printf '%s\n' "${pss_runs[@]}" | sort -n | sed -n '1p;3p' | python3 -c "import sys; print('–'.join('%.1f' % (int(x) / 1024) for x in sys.stdin.read().split()))")"

say "idle window under Xvfb for ${idle_seconds} s (kiosk --windowed 1280x800)"
idle="n/a (no Xvfb)"
idle_pct=""
window_first=""
win_rss="" win_pss=""
if command -v Xvfb >/dev/null; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  # Start to first frame as a kiosk shows it: a 1920x1080 window on the X server and its first frame
  # presented by SDL's renderer (no GPU here: Mesa's software OpenGL or SDL's software renderer), as
  # `kiosk` logs it with KIOSK_DEBUG=1, from the start of `kiosk run` (after the loader) to the
  # present. No PNG. The median of 5 runs, after one to warm the caches.
  say "start to first frame in a window under Xvfb (kiosk --windowed 1920x1080)"
  for i in 0 1 2 3 4 5; do
    DISPLAY=$display XDG_CACHE_HOME=$tmp/xdg-cache XDG_STATE_HOME=$tmp/xdg-state KIOSK_DEBUG=1 \
      "$root/$kiosk" --windowed 1920x1080 --content content >/dev/null 2>"$tmp/shown$i.err" &
    shown=$!
    for _ in $(seq 300); do
      grep -q "first frame shown" "$tmp/shown$i.err" && break
      kill -0 $shown 2>/dev/null || break
      sleep 0.05
    done
    kill $shown 2>/dev/null || true
    wait $shown 2>/dev/null || true
  done
  window_first=$(for i in 1 2 3 4 5; do grep -m1 "first frame shown" "$tmp/shown$i.err" | grep -Eo 'shown [0-9.]+' |
    grep -Eo '[0-9.]+' || true; done | sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.0f", a[int((NR+1)/2)]}')
  DISPLAY=$display XDG_CACHE_HOME=$tmp/xdg-cache XDG_STATE_HOME=$tmp/xdg-state \
    "$root/$kiosk" --windowed 1280x800 --content content >/dev/null 2>"$tmp/window.err" &
  win=$!
  sleep 8  # started, first fetches done, first frames drawn
  if kill -0 $win 2>/dev/null; then
    ticks() { awk '{print $14 + $15}' "/proc/$win/stat"; }
    t0=$(ticks)
    s0=$(date +%s%N)
    sleep "$idle_seconds"
    t1=$(ticks)
    s1=$(date +%s%N)
    hz=$(getconf CLK_TCK)
    idle_pct=$(python3 -c "print('%.2f' % (($t1 - $t0) / $hz / (($s1 - $s0) / 1e9) * 100))")
    idle="${idle_pct} % of a core ($((t1 - t0)) ticks in ${idle_seconds} s)"
    win_rss=$(awk '/^VmHWM:/ {print $2}' "/proc/$win/status")
    win_pss=$(awk '/^Pss:/ {print $2}' "/proc/$win/smaps_rollup")
    kill $win
    wait $win 2>/dev/null || true
  else
    idle="n/a (the window did not open: $(head -1 "$tmp/window.err"))"
  fi
  kill $xvfb
  wait $xvfb 2>/dev/null || true
fi

# ---------------------------------------------------------------------------------------------------------
# The rasterised frame is reported beside the UI rows, not held to their goal: it is SDL's software raster.
frame_rows=$(json "$tmp/frames.json" "'\n'.join(('| Frame built and rasterised by SDL\'s software renderer, %s | %.3f ms | — | — | — |' if 'rasterised' in n else '| UI build per frame, %s | %.3f ms | ≤ 0.5 ms | — | ' + ('met' if x['real_time']/1e3 <= 0.5 else 'gap') + ' |') % (n.split('/')[1], x['real_time']/1e3) for n,x in b.items())")
frame_worst=$(json "$tmp/frames.json" "'%.3f' % max(x['real_time']/1e3 for n,x in b.items() if 'rasterised' not in n)")
adapter_min=$(json "$tmp/adapters.json" "'%.0f MB/s (%s)' % min((x['bytes_per_second']/1e6, n.split('/')[-1]) for n,x in b.items())")
adapter_all=$(json "$tmp/adapters.json" "', '.join('%s %.0f' % (n.split('/')[-1], x['bytes_per_second']/1e6) for n,x in b.items())")
adapter_ok=$(json "$tmp/adapters.json" "'met' if min(x['bytes_per_second'] for x in b.values()) >= 200e6 else 'gap'")
search_max=$(json "$tmp/search.json" "'%.3f ms (%s)' % max((x['per_keystroke']*1e3, n.split('/')[-1]) for n,x in b.items() if 'per_keystroke' in x)")
search_ok=$(json "$tmp/search.json" "'met' if max(x['per_keystroke'] for x in b.values() if 'per_keystroke' in x) <= 1e-3 else 'gap'")
mib() { python3 -c "print('%.1f' % ($1 / 1024))"; }
ok() { python3 -c "print('met' if $1 else 'gap')"; }

cat <<EOF

Measured on $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1 /proc/loadavg).

| Measure | Kiosk | Goal | Browser kiosk | Goal met? |
|---|---|---|---|---|
$frame_rows
| Start to first frame, whole process (kiosk render --screen home) | $start_ms | ≤ 150 ms | about 1.1 s (headless Chromium, first screenshot) | $(ok "$start_mean <= 150") |
| … its parts (KIOSK_DEBUG, median of 5): content / data / first frame laid out (of which glyphs) / pictures / raster / PNG | ${content_ms:-?} / ${data_ms} / ${layout_ms} (${glyph_ms:-?}) / ${pictures_ms} / ${raster_ms} / ${png_ms} ms; the first frame ready ${drawn_at:-?} ms after main() | | | |
| … the whole pack's glyph pages, on a worker after the first frame | ${pack_ms} | | | |
| Start to first frame in a window (Xvfb 1920x1080, no GPU, first frame presented; median of 5) | ${window_first:-n/a} ms | ≤ 150 ms | | $([ -n "$window_first" ] && ok "$window_first <= 150" || echo n/a) |
| Peak memory, every screen drawn (replay; median of 3, range) | PSS $(mib "$pss_max") MiB ($pss_range), RSS $(mib "$rss_max") MiB | ≤ 64 MiB (stretch 48) | about 400 MiB PSS over 9 processes | $(ok "$pss_max <= 65536")$([ "$pss_max" -le 49152 ] && echo ", stretch met" || echo ", stretch not met") |
| Memory of an idle window (Xvfb, 1280x800) | RSS ${win_rss:+$(mib "$win_rss")} MiB, PSS ${win_pss:+$(mib "$win_pss")} MiB | ≤ 64 MiB | | $([ -n "$win_pss" ] && ok "$win_pss <= 65536" || echo n/a) |
| Idle CPU, window untouched | $idle | ≤ 1 % | | $([ -n "$idle_pct" ] && ok "$idle_pct <= 1" || echo n/a) |
| Adapter parse + normalise, slowest platform | $adapter_min | ≥ 200 MB/s | | $adapter_ok |
| … every platform (MB/s) | $adapter_all | | | |
| Pinyin search per keystroke, 10,000 items, worst query | $search_max | ≤ 1 ms | | $search_ok |

Worst UI frame: $frame_worst ms.
EOF
