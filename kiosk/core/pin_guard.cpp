#include "kiosk/core/pin_guard.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk {

double PinGuard::locked_for(double now) const {
  return std::max(0.0, locked_until_ - now);
}

double PinGuard::record_failure(double now) {
  if (locked_for(now) > 0) return locked_for(now);  // tries during a lock do not count (they are refused)
  if (++failures_ < config_.max_failures) return 0;
  failures_ = 0;
  const double lock =
      std::min(config_.max_lock_seconds, config_.lock_seconds * std::pow(2.0, std::min(lockouts_, 20)));
  ++lockouts_;
  locked_until_ = now + lock;
  return lock;
}

void PinGuard::record_success() {
  failures_ = 0;
  lockouts_ = 0;
  locked_until_ = 0;
}

void PinGuard::restore(int failures, int lockouts, double seconds_left, double now) {
  failures_ = std::clamp(failures, 0, config_.max_failures - 1);
  lockouts_ = std::clamp(lockouts, 0, 20);
  locked_until_ = seconds_left > 0 ? now + std::min(seconds_left, config_.max_lock_seconds) : 0;
}

bool AdminGesture::update(double now, bool corner_held) {
  if (corner_held && !held_) {  // press
    held_ = true;
    fired_ = false;
    press_at_ = now;
    if (taps_ > 0 && now - first_press_at_ > config_.taps_within_seconds) taps_ = 0;
    if (taps_ == 0) first_press_at_ = now;
    return false;
  }
  if (!corner_held && held_) {  // release
    held_ = false;
    if (fired_) {
      taps_ = 0;
      return false;
    }
    if (now - press_at_ <= config_.max_tap_seconds && taps_ < config_.taps)
      ++taps_;
    else
      taps_ = 0;  // a long press without the taps, or a fourth tap: start over
    return false;
  }
  if (held_ && !fired_ && taps_ >= config_.taps &&
      press_at_ - first_press_at_ <= config_.taps_within_seconds && now - press_at_ >= config_.hold_seconds) {
    fired_ = true;
    return true;
  }
  return false;
}

}  // namespace kiosk
