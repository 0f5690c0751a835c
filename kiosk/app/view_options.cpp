#include "kiosk/app/view_options.hpp"

#include <unistd.h>

#include <cstdlib>

#include "kiosk/core/time_parse.hpp"

namespace kiosk {
namespace fs = std::filesystem;

void add_view_options(CLI::App* cmd, ViewOptions& o, bool with_size) {
  if (with_size) cmd->add_option("--size", o.size, "Screen size in pixels, WxH")->capture_default_str();
  cmd->add_option("--lang", o.lang, "Language to show: zh or en (default: the content's)");
  cmd->add_option("--content", o.content, "Content folder (default: ./content or the installed pack)");
  cmd->add_option("--now", o.now, "Show this time instead of the clock, e.g. 2026-11-28T10:00:00+08:00");
  cmd->add_flag("--classroom", o.classroom,
                "Classroom mode: the sorting game and the quiz join the navigation");
}

std::optional<ResolvedView> resolve_view(const ViewOptions& o, std::string& error) {
  ResolvedView v;
  auto size = parse_size(o.size);
  if (!size) {
    error = "--size '" + o.size + "' is not a size like 1920x1080 (each side 64 to 16384 pixels)";
    return std::nullopt;
  }
  v.size = *size;
  if (o.lang == "zh")
    v.lang = Lang::zh;
  else if (o.lang == "en")
    v.lang = Lang::en;
  else if (!o.lang.empty()) {
    error = "--lang '" + o.lang + "' must be zh or en";
    return std::nullopt;
  }
  v.classroom = o.classroom;
  v.content = o.content.empty() ? default_content_dir() : fs::path(o.content);
  if (!o.now.empty()) {
    v.now = parse_instant(o.now);
    if (!v.now) {
      error = "--now '" + o.now + "' is not a time like 2026-11-28T10:00:00+08:00";
      return std::nullopt;
    }
  }
  return v;
}

fs::path default_content_dir() {
  if (const char* env = std::getenv("KIOSK_CONTENT"); env && *env) return env;
  std::error_code ec;
  if (fs::is_regular_file("content/kiosk.toml", ec)) return "content";
  char exe[4096];
  ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    fs::path installed = fs::path(exe).parent_path().parent_path() / "share" / "kiosk" / "content";
    if (fs::is_regular_file(installed / "kiosk.toml", ec)) return installed;
  }
  return "content";
}

}  // namespace kiosk
