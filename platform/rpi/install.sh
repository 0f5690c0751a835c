#!/usr/bin/env bash
# Turns a fresh Raspberry Pi OS Lite (bookworm) card into a kiosk: one script, run once as root on the Pi
# from a clone of this repository. Running it again changes nothing that is already right.
#
#   sudo bash platform/rpi/install.sh                    build from this clone and install
#   sudo bash platform/rpi/install.sh --deb kiosk_0.1.0_arm64.deb   install a package instead of building
#   sudo bash platform/rpi/install.sh --content DIR      install this content folder instead of the demo city
#   bash platform/rpi/install.sh --dry-run               print every step, change nothing (no root needed)
#   sudo bash platform/rpi/install.sh cmdline FILE       only add the kiosk's flags to a kernel command line
#
# What it does (docs/operators.md explains each step):
#   1. packages: the .deb with its dependencies, or Debian's build packages and a Release build
#   2. the unprivileged user `kiosk` in the groups video, render, input and tty
#   3. /usr/bin/kiosk, /usr/share/kiosk/content and the systemd unit (platform/systemd/kiosk.service)
#   4. the node_exporter textfile folder, writable for the kiosk; a udev rule for the backlight
#   5. boot to the console (no desktop), quiet boot, no console blanking, no login prompt on tty1,
#      Ctrl+Alt+Del masked
#   6. journald in RAM (spares the SD card), the Pi's hardware watchdog for kernel hangs
#   7. the service enabled: the kiosk starts at the next boot
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
dry=0
deb=""
content="$here/content"
mode=install

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
  echo "install.sh: $*" >&2
  exit 1
}
# Every change goes through run or put, so --dry-run shows exactly what a real run would do.
run() {
  if [ $dry -eq 1 ]; then printf '+ %s\n' "$*"; else "$@"; fi
}
put() {  # put FILE MODE: writes standard input to FILE when it differs
  local file=$1 perm=$2 text
  text=$(cat)
  if [ -f "$file" ] && [ "$(cat "$file")" = "$text" ]; then return 0; fi
  if [ $dry -eq 1 ]; then
    printf '+ write %s (mode %s):\n%s\n' "$file" "$perm" "$text" | sed 's/^/  /;1s/^  //'
    return 0
  fi
  install -d "$(dirname "$file")"
  printf '%s\n' "$text" >"$file.tmp"
  chmod "$perm" "$file.tmp"
  mv "$file.tmp" "$file"
}

# The kernel command line is one line; each flag is added once, and console=tty1 moves to tty3 so boot
# messages never draw over the kiosk.
edit_cmdline() {
  local file=$1 line flag
  [ -f "$file" ] || die "no kernel command line at $file"
  line=$(head -n1 "$file")
  local new=$line
  new=$(printf '%s' "$new" | sed -E 's/(^| )console=tty1( |$)/\1console=tty3\2/')
  for flag in consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0; do
    case " $new " in
      *" ${flag%%=*}="* | *" $flag "*) ;;  # already set (an operator's own value is kept)
      *) new="$new $flag" ;;
    esac
  done
  if [ "$new" != "$line" ]; then
    say "kernel command line: $new"
    printf '%s\n' "$new" | put "$file" 0755
  fi
}

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry=1 ;;
    --deb) deb=$(realpath "${2:?--deb needs a file}"); shift ;;
    --content) content=$(realpath "${2:?--content needs a folder}"); shift ;;
    cmdline) mode=cmdline; cmdline_file=${2:?cmdline needs a file}; shift ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done

if [ "$mode" = cmdline ]; then
  edit_cmdline "$cmdline_file"
  exit 0
fi

[ $dry -eq 1 ] || [ "$(id -u)" -eq 0 ] || die "run as root (sudo bash $0), or with --dry-run to see the steps"
[ -n "$deb" ] && [ ! -f "$deb" ] && die "no package at $deb"
[ -f "$content/kiosk.toml" ] || die "$content is not a content folder (no kiosk.toml)"
if ! grep -q 'VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null; then
  say "warning: this is not Raspberry Pi OS / Debian bookworm; going on, but only bookworm is tested"
fi

# --- 1. packages and the kiosk itself --------------------------------------------------------------
if [ -n "$deb" ]; then
  say "installing $deb and what it depends on"
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
  unit_dir=/lib/systemd/system  # where the package puts the unit
else
  say "building the kiosk (platform/setup.sh build: Debian's packages, then a Release build)"
  run bash "$here/platform/setup.sh" build
  run install -D -m 0755 "$here/build/kiosk/kiosk" /usr/bin/kiosk
  unit_dir=/etc/systemd/system
  run install -D -m 0644 "$here/platform/systemd/kiosk.service" "$unit_dir/kiosk.service"
  run install -D -m 0644 "$here/platform/systemd/kiosk-recover.timer" "$unit_dir/kiosk-recover.timer"
  run install -D -m 0644 "$here/platform/systemd/kiosk-recover.service" "$unit_dir/kiosk-recover.service"
  if [ -f "$here/docs/operators.md" ]; then
    run install -D -m 0644 "$here/docs/operators.md" /usr/share/doc/kiosk/operators.md
  fi
fi
if [ -z "$deb" ] || [ "$content" != "$here/content" ]; then
  say "content: $content -> /usr/share/kiosk/content"
  # Copied beside the old folder, then swapped in, so a kiosk never reads half a content pack.
  run rm -rf /usr/share/kiosk/content.new
  run install -d -m 0755 /usr/share/kiosk
  run cp -R "$content" /usr/share/kiosk/content.new
  run find /usr/share/kiosk/content.new -name '*.py' -delete
  run rm -rf /usr/share/kiosk/content.old
  if [ -d /usr/share/kiosk/content ]; then run mv /usr/share/kiosk/content /usr/share/kiosk/content.old; fi
  run mv /usr/share/kiosk/content.new /usr/share/kiosk/content
  run rm -rf /usr/share/kiosk/content.old
fi

# --- 2. the user ----------------------------------------------------------------------------------
if ! getent passwd kiosk >/dev/null; then
  say "creating the unprivileged user kiosk"
  run adduser --system --group --home /var/lib/kiosk --no-create-home --gecos "City environment kiosk" kiosk
fi
for group in video render input tty; do
  if getent group "$group" >/dev/null && ! id -nG kiosk 2>/dev/null | tr ' ' '\n' | grep -qx "$group"; then
    run adduser --quiet kiosk "$group"
  fi
done

# --- 3. folders, metrics, backlight ---------------------------------------------------------------
# The site file (PIN, metrics path, schedule, content folder): the operator's, kept if it is there.
if [ -z "$deb" ] && [ ! -f /etc/kiosk/kiosk.toml ]; then
  run install -D -m 0640 -g kiosk "$here/platform/etc/kiosk.toml" /etc/kiosk/kiosk.toml
fi
# node_exporter (Debian's prometheus-node-exporter) reads *.prom here; the kiosk writes kiosk.prom.
metrics_dir=/var/lib/prometheus/node-exporter
run install -d -m 0755 "$(dirname "$metrics_dir")"
if [ ! -d "$metrics_dir" ] || [ "$(stat -c %G "$metrics_dir")" != kiosk ]; then
  run install -d -m 2775 -g kiosk "$metrics_dir"
fi
# The official display's backlight belongs to root; the video group may switch it (screen schedule).
put /etc/udev/rules.d/70-kiosk-backlight.rules 0644 <<'RULE'
# Written by the kiosk's platform/rpi/install.sh: the video group may set the backlight (screen schedule).
SUBSYSTEM=="backlight", RUN+="/bin/chgrp video /sys%p/brightness /sys%p/bl_power", RUN+="/bin/chmod g+w /sys%p/brightness /sys%p/bl_power"
RULE

# --- 4. boot: console, quiet, never blank, no login prompt on the kiosk's tty ---------------------
if command -v raspi-config >/dev/null; then
  run raspi-config nonint do_boot_behaviour B1  # console, no auto-login: the kiosk service owns tty1
fi
run systemctl set-default multi-user.target
cmdline=/boot/firmware/cmdline.txt
[ -f "$cmdline" ] || cmdline=/boot/cmdline.txt
if [ -f "$cmdline" ]; then
  if [ $dry -eq 1 ]; then
    printf '+ add consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0 to %s (console=tty1 -> tty3)\n' "$cmdline"
  else
    edit_cmdline "$cmdline"
  fi
else
  say "no /boot/firmware/cmdline.txt (not a Pi?): add consoleblank=0 to the kernel command line yourself"
fi
run systemctl disable getty@tty1.service
run systemctl mask ctrl-alt-del.target  # a keyboard plugged into the kiosk cannot reboot it

# --- 5. SD card and hangs: journal in RAM, hardware watchdog --------------------------------------
put /etc/systemd/journald.conf.d/kiosk.conf 0644 <<'CONF'
# Written by the kiosk's install.sh: logs live in RAM (16 MB), so the SD card is not worn by them.
[Journal]
Storage=volatile
RuntimeMaxUse=16M
CONF
put /etc/systemd/system.conf.d/kiosk-watchdog.conf 0644 <<'CONF'
# Written by the kiosk's install.sh: systemd pets the Pi's hardware watchdog; a hung kernel reboots.
[Manager]
RuntimeWatchdogSec=15
CONF

# --- 6. the service ---------------------------------------------------------------------------------
run systemctl daemon-reload
run systemctl enable kiosk.service
if grep -q 'HEpogL1EfkpV8I7/eNHzMwfj/AZW278AsHis9OTJLk7' "$content/kiosk.toml" 2>/dev/null; then
  say "warning: the admin PIN is still the demo one (2468): run 'kiosk admin-pin' and put the line in kiosk.toml"
fi
say "done: the kiosk starts at the next boot (sudo reboot), or now with: sudo systemctl start kiosk"
