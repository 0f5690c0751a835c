# kiosk-drew-recently.awk: exits 0 when the kiosk's metrics file says it runs release `want` (when
# given) and drew a frame within the last 60 seconds, by this machine's clock; else 1 and one line why.
# The rollout (roles/kiosk/tasks/health.yml) waits on it after each kiosk.
#
#   awk -v want=0.2.0 -f kiosk-drew-recently.awk /var/lib/prometheus/node-exporter/kiosk.prom
BEGIN { srand(); now = srand(); version = ""; frame = -1 }
/^kiosk_build_info\{/ {
  if (match($0, /version="[^"]*"/)) version = substr($0, RSTART + 9, RLENGTH - 10)
}
/^kiosk_last_frame_time_seconds / { frame = $2 + 0 }
END {
  if (NR == 0) { print "no metrics yet"; exit 1 }
  if (want != "" && version != want) { print "runs " version ", not " want; exit 1 }
  if (frame <= 0) { print "no frame drawn yet"; exit 1 }
  if (now - frame > 60) { print "last frame " (now - frame) " s ago"; exit 1 }
  print "release " version ", last frame " (now - frame) " s ago"
}
