#include "kiosk/core/watchdog.hpp"

#include <algorithm>

namespace kiosk {

WatchdogPolicy::WatchdogPolicy(WatchdogConfig config) : config_(config) {
  if (config_.max_frame_gap_seconds <= 0) config_.max_frame_gap_seconds = config_.interval_seconds / 2;
}

double WatchdogPolicy::heartbeat_frame_seconds() const {
  // Well inside the frame gap, and never idle for more than ten seconds.
  if (config_.interval_seconds <= 0) return 10;
  return std::clamp(config_.max_frame_gap_seconds / 3, 0.5, 10.0);
}

NotifyMessage WatchdogPolicy::observe(double now, std::uint64_t frames_drawn, bool worker_alive,
                                      bool screen_asleep) {
  if (!started_) {
    started_ = true;
    last_progress_ = now;
    last_ping_ = now;
    last_frames_ = frames_drawn;
  }
  if (frames_drawn != last_frames_ || screen_asleep) {
    last_frames_ = frames_drawn;
    last_progress_ = now;
  }
  if (!ready_sent_) {
    // READY means "a resident can see the kiosk": the first frame has been presented.
    if (frames_drawn == 0) return NotifyMessage::none;
    ready_sent_ = true;
    last_ping_ = now;
    return NotifyMessage::ready;
  }
  if (config_.interval_seconds <= 0) return NotifyMessage::none;
  if (now - last_ping_ < ping_period()) return NotifyMessage::none;
  if (now - last_progress_ > config_.max_frame_gap_seconds) {
    reason_ = "no new frame";
    return NotifyMessage::none;
  }
  if (!worker_alive) {
    reason_ = "the fetch worker is not alive";
    return NotifyMessage::none;
  }
  reason_ = "";
  last_ping_ = now;
  return NotifyMessage::watchdog;
}

}  // namespace kiosk
