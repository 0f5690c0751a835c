#include "kiosk/app/admin_mode.hpp"

#include <cmath>
#include <fstream>

#include "kiosk/core/atomic_file.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/system/pin_hash.hpp"
#include "kiosk/system/process_info.hpp"

namespace kiosk {
namespace {

constexpr std::size_t kMaxPinDigits = 12;
// The bundled demo content's hash (PIN 2468): a kiosk still using it gets a warning at start.
constexpr const char* kDemoPinHash =
    "$y$j9T$2aE4ylK2erd5p0eV6S2th0$HEpogL1EfkpV8I7/eNHzMwfj/AZW278AsHis9OTJLk7";

void wipe(std::string& s) {
  // The typed PIN should not linger in memory longer than needed.
  for (char& c : s) *static_cast<volatile char*>(&c) = 0;
  s.clear();
}

}  // namespace

void AdminMode::configure(const std::string& pin_hash) {
  const std::string before = unavailable_reason_;
  pin_hash_ = pin_hash;
  unavailable_reason_.clear();
  if (!pin_hash_.empty() && !sys::is_crypt_hash(pin_hash_)) {
    unavailable_reason_ = "[admin] pin_hash is not a hash this system's crypt(3) can check";
    pin_hash_.clear();
  } else if (pin_hash_.empty() && locked_down_) {
    unavailable_reason_ = "no admin PIN is set in /etc/kiosk/kiosk.toml";
  } else if (pin_hash_ == kDemoPinHash && locked_down_) {
    unavailable_reason_ = "the demo PIN (2468) is refused on a locked-down kiosk";
    pin_hash_.clear();
  } else if (pin_hash_.empty()) {
    pin_hash_ = kDemoPinHash;  // a desktop or classroom window: the demo PIN opens the view
  }
  if (!unavailable_reason_.empty() && unavailable_reason_ != before)
    log::error("the admin view is off: " + unavailable_reason_ +
               " (make a PIN of 6 or more digits with `kiosk admin-pin` and put the line it prints in "
               "/etc/kiosk/kiosk.toml)");
}

void AdminMode::keep_lockout_in(const std::filesystem::path& file, double now) {
  lockout_file_ = file;
  // "failures lockouts seconds-left": a restart (or a pulled plug) does not reset the count.
  std::ifstream in(file);
  int failures = 0, lockouts = 0;
  double left = 0;
  if (in >> failures >> lockouts >> left) guard_.restore(failures, lockouts, left, now);
}

void AdminMode::save_lockout(double now) const {
  if (lockout_file_.empty()) return;
  std::string text = std::to_string(guard_.failures()) + " " + std::to_string(guard_.lockouts()) + " " +
                     std::to_string(guard_.locked_for(now)) + "\n";
  std::string error;
  if (!write_file_atomically(lockout_file_.string(), text, error, 0600))
    log::warning("admin: lockout not kept: " + error);
}

bool AdminMode::uses_demo_pin() const {
  return pin_hash_ == kDemoPinHash;
}

void AdminMode::close(ui::AdminView& view) {
  wipe(entered_);
  view.mode = ui::AdminView::Mode::closed;
  view.pin_digits = 0;
  view.wrong_pin = false;
}

void AdminMode::frame(double now, bool corner_held, const ContentPack& content, const DataSnapshot& snapshot,
                      ui::AdminView& view) {
  if (start_ < 0) start_ = now;
  if (available() && gesture_.update(now, corner_held) && view.mode == ui::AdminView::Mode::closed) {
    view = ui::AdminView{};
    view.mode = ui::AdminView::Mode::pin;
    last_activity_ = now;
    if (audit_) log::info("admin: keypad opened by the hidden gesture");
  }
  if (corner_held) last_activity_ = now;
  if (view.mode == ui::AdminView::Mode::closed) return;
  const double idle = view.mode == ui::AdminView::Mode::pin ? kPinIdleSeconds : kViewIdleSeconds;
  if (now - last_activity_ > idle) {
    close(view);
    return;
  }
  view.locked_seconds = static_cast<int>(std::ceil(guard_.locked_for(now)));
  view.schedule_paused = schedule_paused_;
  view.locked_down = locked_down_;
  if (view.mode != ui::AdminView::Mode::open) return;
  view.version = KIOSK_VERSION;
  view.content_version = content.version;
  view.sources.clear();
  for (const SourceStatus& s : snapshot.sources)
    view.sources.push_back({s.id, s.state, s.last_success, s.consecutive_failures, s.last_error,
                            s.state == SourceState::failing && s.auth_failing});
  view.uptime_seconds = now - start_;
  view.memory_mb = static_cast<double>(sys::resident_memory_bytes()) / (1024.0 * 1024.0);
  if (system_info) system_info(view);
}

void AdminMode::submit(double now, ui::AdminView& view) {
  if (guard_.locked_for(now) > 0 || entered_.empty()) {
    wipe(entered_);
    view.pin_digits = 0;
    return;
  }
  // Locked down, a short PIN is never checked: it counts as a wrong one.
  const bool ok =
      (!locked_down_ || entered_.size() >= kMinLockdownPinDigits) && sys::verify_pin(entered_, pin_hash_);
  wipe(entered_);
  view.pin_digits = 0;
  if (ok) {
    guard_.record_success();
    save_lockout(now);
    view.mode = ui::AdminView::Mode::open;
    view.wrong_pin = false;
    if (audit_) log::info("admin: view opened with the PIN");
    return;
  }
  view.wrong_pin = true;
  const double lock = guard_.record_failure(now);
  save_lockout(now);
  if (audit_ && lock > 0)
    log::warning("admin: " + std::to_string(PinGuardConfig{}.max_failures) +
                 " wrong PINs in a row; keypad locked for " + std::to_string(static_cast<int>(lock)) + " s");
  else if (audit_)
    log::warning("admin: wrong PIN");
  view.locked_seconds = static_cast<int>(std::ceil(guard_.locked_for(now)));
}

void AdminMode::key(const ui::AdminKey& key, double now, ui::AdminView& view) {
  if (view.mode == ui::AdminView::Mode::closed) return;
  last_activity_ = now;
  if (view.mode != ui::AdminView::Mode::pin) return;
  switch (key.kind) {
    case ui::AdminKey::Kind::erase:
      if (!entered_.empty()) entered_.pop_back();
      break;
    case ui::AdminKey::Kind::enter:
      submit(now, view);
      return;
    case ui::AdminKey::Kind::digit:
      if (key.digit < 0 || key.digit > 9) return;
      if (guard_.locked_for(now) <= 0 && entered_.size() < kMaxPinDigits)
        entered_ += static_cast<char>('0' + key.digit);
      view.wrong_pin = false;
      break;
  }
  view.pin_digits = static_cast<int>(entered_.size());
}

AdminMode::Action AdminMode::act(const ui::AdminAction& action, double now, ui::AdminView& view) {
  if (view.mode == ui::AdminView::Mode::closed) return Action::none;
  last_activity_ = now;
  if (action.kind == ui::AdminAction::Kind::close) {
    close(view);
    return Action::none;
  }
  if (view.mode != ui::AdminView::Mode::open) return Action::none;  // actions need the PIN
  switch (action.kind) {
    case ui::AdminAction::Kind::reload:
      return Action::reload_content;
    case ui::AdminAction::Kind::schedule:
      schedule_paused_ = !schedule_paused_;
      view.schedule_paused = schedule_paused_;
      return Action::toggle_schedule;
    case ui::AdminAction::Kind::quit:
      if (audit_) log::info("admin: quit from the admin view");
      return Action::quit;
    case ui::AdminAction::Kind::close:
      break;
  }
  return Action::none;
}

bool AdminMode::wants_frame(double now, const ui::AdminView& view) const {
  if (view.mode == ui::AdminView::Mode::closed) return false;
  // Uptime and frame times move: once a second is enough.
  if (view.mode == ui::AdminView::Mode::open)
    return now - start_ - view.uptime_seconds >= 1 || now - last_activity_ > kViewIdleSeconds;
  return view.locked_seconds != static_cast<int>(std::ceil(guard_.locked_for(now))) ||
         now - last_activity_ > kPinIdleSeconds;
}

}  // namespace kiosk
