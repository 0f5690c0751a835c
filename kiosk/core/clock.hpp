// Time as the kiosk sees it. Everything that waits or ages takes a Clock, so tests, replay
// scripts and the 30-day soak run on a simulated clock through the same code.
#pragma once
#include <atomic>
#include <chrono>
#include <cmath>

#include "kiosk/core/reading.hpp"

namespace kiosk {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixTime wall() const = 0;     // seconds since the epoch, UTC; may jump (NTP)
  virtual double monotonic() const = 0;  // seconds; never goes back
};

class SystemClock final : public Clock {
 public:
  UnixTime wall() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  double monotonic() const override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
};

// Advanced by hand; safe to read from another thread while the owner advances it.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixTime start_wall) : wall_ms_(start_wall * 1000) {}
  UnixTime wall() const override { return wall_ms_.load() / 1000; }
  double monotonic() const override { return static_cast<double>(mono_ms_.load()) / 1000.0; }
  void advance(double seconds) {
    auto ms = std::llround(seconds * 1000.0);
    wall_ms_ += ms;
    mono_ms_ += ms;
  }
  void set_wall(UnixTime t) { wall_ms_ = t * 1000; }  // a wall-clock jump, as NTP does

 private:
  std::atomic<long long> wall_ms_;
  std::atomic<long long> mono_ms_{0};
};

}  // namespace kiosk
