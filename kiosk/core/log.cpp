#include "kiosk/core/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

namespace kiosk::log {
namespace {

std::mutex g_mutex;
bool g_quiet = false;

void write(const char* priority, const char* label, std::string_view message) {
  static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
  std::lock_guard lock(g_mutex);
  if (g_quiet) return;
  std::string line = journal ? priority : "";
  line += "kiosk: ";
  line += label;
  line += message;
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void error(std::string_view message) {
  write("<3>", "error: ", message);
}
void warning(std::string_view message) {
  write("<4>", "warning: ", message);
}
void info(std::string_view message) {
  write("<6>", "", message);
}
void debug(std::string_view message) {
  static const bool enabled = std::getenv("KIOSK_DEBUG") != nullptr;
  if (enabled) write("<7>", "debug: ", message);
}
void set_quiet(bool quiet) {
  std::lock_guard lock(g_mutex);
  g_quiet = quiet;
}

}  // namespace kiosk::log
