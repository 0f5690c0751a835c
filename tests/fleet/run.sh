#!/usr/bin/env bash
# The fleet kit's checks (platform/fleet/): what CI runs after the native tests, and what an operator
# can run before copying the kit.
#
#   bash tests/fleet/run.sh [BUILD_DIR]     default build-test; needs BUILD_DIR/kiosk/kiosk
#
#   1. the playbooks parse (ansible-playbook --syntax-check) and pass ansible-lint's production profile;
#      the role's templates, rendered for two kiosks of the example inventory, pass `kiosk check-content`
#   2. the content units, and the kiosk's unit with the role's drop-in, pass systemd-analyze verify; the
#      pull service scores "OK" or better
#   3. the alert rules pass promtool check rules and their unit tests (promtool test rules), and every
#      alert has a test
#   4. every metric name in the rules and the dashboard is one the kiosk writes: the built kiosk runs
#      for a few seconds with --metrics and writes the file the names are read from
#   5. the rollout's health check reads that file
#   6. the content pull against a broken pack and a half-copied one (content_pull_test.sh)
# FLEET_SKIP_LINT=1 skips ansible-lint (the slowest step).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-test}
kiosk=$PWD/$build/kiosk/kiosk
fleet=platform/fleet
[ -x "$kiosk" ] || { echo "no kiosk at $kiosk: build first" >&2; exit 2; }
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
step() { printf -- '-- %s (%ds)\n' "$*" "$SECONDS"; }

step "ansible-playbook --syntax-check"
(cd $fleet && ANSIBLE_NOCOLOR=1 ansible-playbook -i inventory/example.yml --syntax-check \
  site.yml rollback.yml prometheus-targets.yml >/dev/null)
if [ "${FLEET_SKIP_LINT:-0}" != 1 ]; then
  step "ansible-lint (production profile)"
  (cd $fleet && ansible-lint --offline --nocolor -q site.yml rollback.yml prometheus-targets.yml roles/kiosk)
fi
step "the Prometheus targets from the example inventory"
(cd $fleet && ANSIBLE_NOCOLOR=1 ansible-playbook -i inventory/example.yml prometheus-targets.yml \
  -e kiosk_targets_file="$tmp/kiosks.json" >/dev/null)
python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert [x["labels"]["district"] for x in g]==["harbour","oldtown"], g' \
  "$tmp/kiosks.json"

step "the role's templates for two kiosks, checked by the kiosk"
# /etc/kiosk/kiosk.toml uses the pack's own keys: in place of the pack's [admin] (the last table of
# content/kiosk.toml), the pack with it must pass check-content.
mkdir -p "$tmp/rendered"
ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=$fleet/roles ansible-playbook -i $fleet/inventory/example.yml \
  tests/fleet/render.yml -e out="$tmp/rendered" >"$tmp/render.out" 2>&1 || { cat "$tmp/render.out"; exit 1; }
for host in kiosk-harbour-03 kiosk-oldtown-01; do
  rm -rf "$tmp/pack" && cp -r content "$tmp/pack"
  { sed '/^\[admin\]/,$d' content/kiosk.toml; cat "$tmp/rendered/$host.kiosk.toml"; } >"$tmp/pack/kiosk.toml"
  grep -q '^\[schedule\]' "$tmp/pack/kiosk.toml" || { echo "$host: no [schedule] rendered"; exit 1; }
  "$kiosk" check-content "$tmp/pack" >"$tmp/check.out" 2>&1 || { echo "$host:"; cat "$tmp/check.out"; exit 1; }
done
grep -q '^Environment=KIOSK_ROTATE=90$' "$tmp/rendered/kiosk-harbour-03.kiosk-fleet.conf"
grep -q '^KIOSK_CONTENT_METHOD=git$' "$tmp/rendered/kiosk-oldtown-01.content-pull.env"

step "systemd-analyze verify on the content units, and on the kiosk's unit with the role's drop-in"
# As installed, with ExecStart pointing at the script in this tree so verify can check it.
mkdir -p "$tmp/units"
sed "s|^ExecStart=/usr/local/lib/kiosk/kiosk-content-pull|ExecStart=$PWD/$fleet/kiosk-content-pull|" \
  $fleet/systemd/kiosk-content.service >"$tmp/units/kiosk-content.service"
cp $fleet/systemd/kiosk-content.timer "$tmp/units/"
systemd-analyze verify "$tmp/units/kiosk-content.service" "$tmp/units/kiosk-content.timer" 2>"$tmp/verify.out" ||
  { cat "$tmp/verify.out"; exit 1; }
if [ -s "$tmp/verify.out" ]; then cat "$tmp/verify.out"; exit 1; fi
# The kiosk's own unit with the drop-in the role renders (content folder, metrics, rotation).
for host in kiosk-harbour-03 kiosk-oldtown-01; do
  rm -rf "$tmp/kiosk-units" && mkdir -p "$tmp/kiosk-units/kiosk.service.d"
  sed "s|^ExecStart=/usr/bin/kiosk|ExecStart=$kiosk|" platform/systemd/kiosk.service >"$tmp/kiosk-units/kiosk.service"
  sed "s|^ExecStart=/usr/bin/kiosk|ExecStart=$kiosk|" "$tmp/rendered/$host.kiosk-fleet.conf" \
    >"$tmp/kiosk-units/kiosk.service.d/fleet.conf"
  systemd-analyze verify "$tmp/kiosk-units/kiosk.service" >"$tmp/verify.out" 2>&1 || true
  if [ -s "$tmp/verify.out" ]; then echo "$host's kiosk.service with its drop-in:"; cat "$tmp/verify.out"; exit 1; fi
done
if systemd-analyze security --help 2>/dev/null | grep -q -- --offline; then
  systemd-analyze security --offline=yes --threshold=39 "$tmp/units/kiosk-content.service" >"$tmp/security.out" 2>&1 ||
    { tail -3 "$tmp/security.out"; exit 1; }
  echo "   $(grep -o 'Overall exposure level.*' "$tmp/security.out")"
fi

step "promtool check rules, promtool test rules"
promtool check rules $fleet/prometheus/kiosk-alerts.yml >/dev/null
(cd $fleet/prometheus && promtool test rules kiosk-alerts.test.yml >"$tmp/promtool.out" 2>&1) ||
  { cat "$tmp/promtool.out"; exit 1; }
python3 - $fleet/prometheus/kiosk-alerts.yml $fleet/prometheus/kiosk-alerts.test.yml <<'PY'
import sys, yaml
alerts = {r["alert"] for g in yaml.safe_load(open(sys.argv[1]))["groups"] for r in g["rules"] if "alert" in r}
tested = {}
for t in yaml.safe_load(open(sys.argv[2]))["tests"]:
    for a in t.get("alert_rule_test", []):
        tested.setdefault(a["alertname"], set()).add(bool(a.get("exp_alerts")))
missing = sorted(a for a in alerts if tested.get(a) != {True, False})
if missing:
    sys.exit("alerts without a test that fires and one that stays silent (kiosk-alerts.test.yml): " + ", ".join(missing))
print(f"   {len(alerts)} alerts, each tested firing and silent")
PY

step "the kiosk writes its metrics file (a few seconds in a window under Xvfb)"
# The demo pack, with the metrics written every 5 s so the demo sources' ages are in the second write.
cp -r content "$tmp/content"
printf '\n[metrics]\ninterval_seconds = 5\n' >>"$tmp/content/kiosk.toml"
display=:$((110 + RANDOM % 100))
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
DISPLAY=$display XDG_CACHE_HOME=$tmp/xdg XDG_STATE_HOME=$tmp/xdg "$kiosk" --windowed 800x480 \
  --content "$tmp/content" --cache "$tmp/cache" --metrics "$tmp/kiosk.prom" >"$tmp/kiosk.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
  grep -q '^kiosk_source_data_age_seconds' "$tmp/kiosk.prom" 2>/dev/null && break
  sleep 0.5
done
kill "${pids[@]}" 2>/dev/null || true
wait 2>/dev/null || true
pids=()
[ -s "$tmp/kiosk.prom" ] || { echo "the kiosk wrote no metrics file:"; tail -5 "$tmp/kiosk.log"; exit 1; }
grep -q '^kiosk_source_data_age_seconds' "$tmp/kiosk.prom" ||
  { echo "the kiosk's metrics have no data ages (did the demo sources load?):"; tail -5 "$tmp/kiosk.log"; exit 1; }

step "every metric in the rules and the dashboard is one the kiosk writes"
python3 tests/fleet/metric_names.py "$tmp/kiosk.prom" $fleet/prometheus/kiosk-alerts.yml \
  $fleet/grafana/kiosk-fleet.json | sed 's/^/   /'
test "${PIPESTATUS[0]}" -eq 0

step "the rollout's health check on that file"
version=$(sed -n 's/^kiosk_build_info{version="\([^"]*\)".*/\1/p' "$tmp/kiosk.prom")
awk -v want="$version" -f $fleet/kiosk-drew-recently.awk "$tmp/kiosk.prom" | sed 's/^/   /'
if awk -v want="$version-other" -f $fleet/kiosk-drew-recently.awk "$tmp/kiosk.prom" >/dev/null; then
  echo "the health check passed a kiosk running another release"; exit 1
fi
sed 's/^kiosk_last_frame_time_seconds .*/kiosk_last_frame_time_seconds 1000000000/' "$tmp/kiosk.prom" >"$tmp/old.prom"
if awk -f $fleet/kiosk-drew-recently.awk "$tmp/old.prom" >/dev/null; then
  echo "the health check passed a kiosk whose last frame is years old"; exit 1
fi

step "the content pull"
bash tests/fleet/content_pull_test.sh "$build"
step "done"
