// `kiosk admin-pin`: turns a PIN read from standard input into the salted hash for kiosk.toml, so
// the PIN itself is never written anywhere (nor shown in `ps` or the shell history).
#include <iostream>
#include <string>

#include "kiosk/app/admin_mode.hpp"
#include "kiosk/app/commands.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/system/pin_hash.hpp"

namespace kiosk {
namespace {

int run_admin_pin() {
  std::string pin;
  if (!std::getline(std::cin, pin)) {
    log::error("admin-pin: no PIN on standard input (try: read -rs PIN; echo \"$PIN\" | kiosk admin-pin)");
    return kExitFailure;
  }
  if (!pin.empty() && pin.back() == '\r') pin.pop_back();
  // A 4-digit PIN's hash falls to offline guessing in minutes; a locked-down kiosk refuses shorter ones.
  if (pin.size() < AdminMode::kMinLockdownPinDigits &&
      pin.find_first_not_of("0123456789") == std::string::npos) {
    pin.assign(pin.size(), '\0');
    log::error("admin-pin: the PIN must have 6 to 12 digits (a locked-down kiosk refuses shorter ones)");
    return kExitFailure;
  }
  std::string error;
  auto hash = sys::hash_pin(pin, error);
  pin.assign(pin.size(), '\0');
  if (!hash) {
    log::error("admin-pin: " + error);
    return kExitFailure;
  }
  std::cout << "[admin]\npin_hash = \"" << *hash << "\"\n";
  return kExitOk;
}

}  // namespace

void add_admin_pin_command(CLI::App& root, CommandAction& run) {
  CLI::App* cmd = root.add_subcommand("admin-pin",
                                      "Read the admin PIN (6-12 digits) from standard input and print the "
                                      "[admin] lines to paste into /etc/kiosk/kiosk.toml");
  cmd->callback([&run] { run = run_admin_pin; });
}

}  // namespace kiosk
