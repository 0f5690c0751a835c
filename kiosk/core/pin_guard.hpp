// Guessing the admin PIN on a public screen must be slow: after a few wrong PINs the keypad locks
// for a while, and each further lockout lasts twice as long. Runs on the monotonic clock, so
// setting the wall clock back (NTP, a dead RTC battery) neither lifts nor extends a lock.
#pragma once

namespace kiosk {

struct PinGuardConfig {
  int max_failures = 5;           // wrong PINs in a row before the keypad locks
  double lock_seconds = 60;       // the first lock; doubled for each further one
  double max_lock_seconds = 900;  // never longer than this
};

class PinGuard {
 public:
  explicit PinGuard(PinGuardConfig config = {}) : config_(config) {}

  // Seconds left on the lock at `now` (monotonic); 0 when a PIN may be tried.
  double locked_for(double now) const;
  // Records a wrong PIN; returns the lock it started in seconds (0 when not locked yet).
  double record_failure(double now);
  void record_success();
  // State kept across a restart: a lock `seconds_left` long from `now` (capped at max_lock_seconds).
  void restore(int failures, int lockouts, double seconds_left, double now);
  int failures() const { return failures_; }
  int lockouts() const { return lockouts_; }

 private:
  PinGuardConfig config_;
  int failures_ = 0;  // wrong PINs since the last lock or success
  int lockouts_ = 0;  // locks since the last success
  double locked_until_ = 0;
};

// The hidden way into the admin view: three quick taps on the top-left corner, then a long press
// there. Residents never do this by chance, and it needs no visible button. Fed once per frame with
// whether the corner is held.
struct AdminGestureConfig {
  int taps = 3;
  double max_tap_seconds = 0.5;    // a press longer than this is not a tap
  double taps_within_seconds = 2;  // from the first tap's press to the hold's press
  double hold_seconds = 2;         // the final press
};

class AdminGesture {
 public:
  explicit AdminGesture(AdminGestureConfig config = {}) : config_(config) {}
  // Returns true once, on the frame the final hold completes.
  bool update(double now, bool corner_held);

 private:
  AdminGestureConfig config_;
  bool held_ = false;
  bool fired_ = false;  // this press already opened the view
  double press_at_ = 0;
  int taps_ = 0;
  double first_press_at_ = 0;
};

}  // namespace kiosk
