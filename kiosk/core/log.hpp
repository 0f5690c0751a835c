// Logging to stderr, one line per event. Under systemd (JOURNAL_STREAM set) each line starts with
// its syslog priority ("<3>") so journald files it at the right level. Never log secrets.
#pragma once
#include <string_view>

namespace kiosk::log {

void error(std::string_view message);
void warning(std::string_view message);
void info(std::string_view message);
// Only when KIOSK_DEBUG is set: timings and sizes for developers.
void debug(std::string_view message);
// Tests silence the log.
void set_quiet(bool quiet);

}  // namespace kiosk::log
