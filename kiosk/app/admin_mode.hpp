// The admin view's rules on the app side: the hidden gesture, the PIN (checked against the salted
// hash in kiosk.toml, rate-limited by PinGuard), time-outs, and what the view may do. The UI
// draws ui::AdminView and returns intents; this turns them into actions for the app.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/pin_guard.hpp"
#include "kiosk/core/snapshot.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk {

class AdminMode {
 public:
  enum class Action { none, reload_content, toggle_schedule, quit };

  // The PIN hash (the site file's, else the pack's). Call set_locked_down first: on a locked-down kiosk
  // an empty hash or the demo PIN's turns the view off (the gesture does nothing) and says why; on a
  // desktop or in a classroom window no hash means the demo PIN, 2468, so the view can be tried.
  // Called again on every content reload, which re-reads the hash.
  void configure(const std::string& pin_hash);
  bool available() const { return !pin_hash_.empty(); }
  // Why the view is off ("" when available), for the journal and the health metrics.
  const std::string& unavailable_reason() const { return unavailable_reason_; }
  // The bundled demo PIN (2468): allowed only off lockdown, with a warning.
  bool uses_demo_pin() const;
  // Where lockouts are kept across restarts (the state folder); empty: memory only.
  void keep_lockout_in(const std::filesystem::path& file, double now);
  // A locked-down kiosk accepts no PIN shorter than this (a 4-digit hash falls to offline guessing).
  static constexpr std::size_t kMinLockdownPinDigits = 6;

  // Once per drawn frame, before the intents: times the hidden gesture, closes an idle view and
  // fills what the view shows. `now` is monotonic seconds.
  void frame(double now, bool corner_held, const ContentPack& content, const DataSnapshot& snapshot,
             ui::AdminView& view);
  // A key of the PIN keypad.
  void key(const ui::AdminKey& key, double now, ui::AdminView& view);
  // A button of the admin view (or the keypad's Cancel); returns what the app must do.
  Action act(const ui::AdminAction& action, double now, ui::AdminView& view);
  // The running kiosk logs who opened what to the journal; replay and render stay quiet.
  void set_audit_log(bool on) { audit_ = on; }
  bool audit_log() const { return audit_; }
  // The fullscreen kiosk: quitting stops the service (the view says so).
  void set_locked_down(bool on) { locked_down_ = on; }
  // The admin turned the screen schedule off (the screen stays on); the run loop reads it.
  bool schedule_paused() const { return schedule_paused_; }
  // True when the view must be redrawn although nothing happened (the lock counts down).
  bool wants_frame(double now, const ui::AdminView& view) const;

  // Fills the system part of the view (frame times, memory, screen power, schedule); set by the run loop.
  std::function<void(ui::AdminView&)> system_info;

  static constexpr double kPinIdleSeconds = 30;    // an untouched keypad closes
  static constexpr double kViewIdleSeconds = 120;  // an untouched admin view closes

 private:
  void close(ui::AdminView& view);
  void submit(double now, ui::AdminView& view);

  void save_lockout(double now) const;

  std::string pin_hash_;
  std::string unavailable_reason_;
  std::filesystem::path lockout_file_;
  std::string entered_;  // the digits typed so far; wiped after each try
  AdminGesture gesture_;
  PinGuard guard_;
  double last_activity_ = 0;
  double start_ = -1;
  bool locked_down_ = false;
  bool schedule_paused_ = false;
  bool audit_ = false;
};

}  // namespace kiosk
