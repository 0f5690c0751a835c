// Who is looking: the kiosk's idle reset, attract mode and sleep, as one small state machine on
// the kiosk's clock (pure, so replay and tests drive it on a simulated clock).
//
//   active ──no touch for idle_seconds──▶ reset to home ──attract_seconds more──▶ attract (rotates
//   screens) or asleep (outside the schedule). The first touch in attract or asleep only wakes the
//   kiosk: it is swallowed and never activates what is under the finger. An alert keeps the kiosk
//   awake and still until it expires.
#pragma once

namespace kiosk {

enum class Attention { active, attract, asleep };

struct AttentionConfig {
  double idle_seconds = 60;
  double attract_seconds = 20;
};

class AttentionState {
 public:
  explicit AttentionState(double now, AttentionConfig config = {}) : config_(config), last_touch_(now) {}
  void configure(AttentionConfig config) { config_ = config; }

  // A touch or key press at `now`. True when it must be swallowed (it woke the kiosk).
  bool touch(double now);

  struct Step {
    bool reset = false;        // clear search and dialogs, go home, default language
    bool next_screen = false;  // attract: show the next screen
  };
  // Advances to `now`; `schedule_on` is whether the screen should be on, `alert` whether an alert shows.
  Step tick(double now, bool schedule_on, bool alert);

  Attention state() const { return state_; }
  // Seconds until tick() would do something, for sleeping the frame loop.
  double seconds_to_next(double now) const;

 private:
  AttentionConfig config_;
  Attention state_ = Attention::active;
  double last_touch_;
  bool reset_done_ = false;
  double next_rotation_ = 0;
};

}  // namespace kiosk
