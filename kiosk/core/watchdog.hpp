// When the kiosk may tell systemd it is healthy. Pure (no sockets, no clock of its own) so the
// rule is tested on a simulated clock: READY once the first frame is on screen, then WATCHDOG
// pings about every half interval, but only while frames keep coming and the fetch worker is alive.
// A kiosk that stops drawing or whose worker hangs goes silent, and systemd restarts it.
#pragma once
#include <cstdint>

namespace kiosk {

struct WatchdogConfig {
  double interval_seconds = 0;  // WATCHDOG_USEC in seconds; 0: systemd expects no pings
  // A ping needs a new frame within this many seconds; 0 means half the interval. The run loop
  // draws a heartbeat frame more often than this even on a still screen.
  double max_frame_gap_seconds = 0;
};

enum class NotifyMessage { none, ready, watchdog };

class WatchdogPolicy {
 public:
  explicit WatchdogPolicy(WatchdogConfig config = {});

  // Called on every turn of the run loop with the monotonic time (seconds), the app's frame count
  // and whether the fetch worker is alive. `screen_asleep`: the screen is off on purpose (schedule),
  // so no frames are expected and the loop turning is enough. Returns what to send now, if anything.
  NotifyMessage observe(double now, std::uint64_t frames_drawn, bool worker_alive,
                        bool screen_asleep = false);

  bool ready_sent() const { return ready_sent_; }
  double ping_period() const { return config_.interval_seconds / 2; }
  // Why the last due ping was held back ("no frame for 17 s", "fetch worker not alive"); empty when healthy.
  const char* withheld_reason() const { return reason_; }
  // How often the run loop should draw a frame on a still screen so pings continue.
  double heartbeat_frame_seconds() const;

 private:
  WatchdogConfig config_;
  bool ready_sent_ = false;
  std::uint64_t last_frames_ = 0;
  double last_progress_ = 0;
  double last_ping_ = 0;
  bool started_ = false;
  const char* reason_ = "";
};

}  // namespace kiosk
