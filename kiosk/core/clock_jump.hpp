// Noticing the wall clock jump (NTP after a boot without a real-time clock, or an operator's
// `date`): the kiosk logs it once, because ages and "updated N min ago" change at that moment.
// Timers never care: they run on the monotonic clock.
#pragma once
#include <cmath>

#include "kiosk/core/reading.hpp"

namespace kiosk {

class ClockJump {
 public:
  explicit ClockJump(double threshold_seconds = 60) : threshold_(threshold_seconds) {}
  // Returns the jump in seconds (negative: back) when wall minus monotonic moved more than the
  // threshold since the last call, else 0.
  double observe(UnixTime wall, double monotonic) {
    const double offset = static_cast<double>(wall) - monotonic;
    if (!started_) {
      started_ = true;
      offset_ = offset;
      return 0;
    }
    const double jump = offset - offset_;
    offset_ = offset;
    return std::abs(jump) > threshold_ ? jump : 0;
  }

 private:
  double threshold_;
  bool started_ = false;
  double offset_ = 0;
};

}  // namespace kiosk
