#include "kiosk/core/attention.hpp"

#include <algorithm>

namespace kiosk {

bool AttentionState::touch(double now) {
  const bool swallow = state_ != Attention::active;
  state_ = Attention::active;
  last_touch_ = now;
  reset_done_ = false;
  return swallow;
}

AttentionState::Step AttentionState::tick(double now, bool schedule_on, bool alert) {
  Step step;
  const double idle = now - last_touch_;
  if (alert) {
    // An alert wakes the screen and holds it still; idle time restarts when it ends.
    if (state_ != Attention::active) {
      state_ = Attention::active;
      step.reset = true;
    }
    last_touch_ = std::max(last_touch_, now - config_.idle_seconds);
    return step;
  }
  if (state_ == Attention::active) {
    if (idle >= config_.idle_seconds && !reset_done_) {
      step.reset = true;
      reset_done_ = true;
    }
    if (idle >= config_.idle_seconds + config_.attract_seconds) {
      state_ = schedule_on ? Attention::attract : Attention::asleep;
      if (state_ == Attention::attract) {
        step.next_screen = true;
        next_rotation_ = now + config_.attract_seconds;
      }
    }
    return step;
  }
  if (!schedule_on) {
    state_ = Attention::asleep;
    return step;
  }
  if (state_ == Attention::asleep) {  // the schedule turned the screen on again
    state_ = Attention::attract;
    step.reset = true;
    next_rotation_ = now + config_.attract_seconds;
    return step;
  }
  if (now >= next_rotation_) {
    step.next_screen = true;
    next_rotation_ = now + config_.attract_seconds;
  }
  return step;
}

double AttentionState::seconds_to_next(double now) const {
  switch (state_) {
    case Attention::active: {
      const double idle = now - last_touch_;
      const double target =
          reset_done_ ? config_.idle_seconds + config_.attract_seconds : config_.idle_seconds;
      return std::max(0.0, target - idle);
    }
    case Attention::attract:
      return std::max(0.0, next_rotation_ - now);
    case Attention::asleep:
      return 60;
  }
  return 60;
}

}  // namespace kiosk
