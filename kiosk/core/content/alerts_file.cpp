// alerts.toml: warnings shown over every screen (and over attract mode and the schedule) until
// they expire. Editors write them here; a feed can write the same file.
#include "kiosk/core/content/files.hpp"
#include "kiosk/core/parse_util.hpp"

namespace kiosk::content {

void read_alerts(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "alerts.toml");
  each_table(file, "alert", "[[alert]]", [&](TableReader& r) {
    Alert a;
    a.pos = r.pos();
    a.id = r.string("id", Need::required);
    a.level = r.string("level", Need::optional, "warning");
    r.one_of("level", a.level, {"info", "warning", "severe"});
    a.title = r.text("title", Need::required);
    a.body = r.text("body");
    a.source = r.text("source");
    auto time_of = [&](std::string_view key, Need need) -> UnixTime {
      const std::string text = r.string(key, need);
      if (text.empty()) return 0;
      auto t = parse_iso_time(text);
      if (!t) {
        ctx.error(
            r.region(key),
            "'" + std::string(key) + "' must be a time with its offset, like \"2026-12-01T08:00:00+08:00\"",
            "'" + std::string(key) +
                "' 要写成带时差的时间，如 \"2026-12-01T08:00:00+08:00\"（日期和时间之间是 T）");
        return 0;
      }
      return *t;
    };
    a.starts = time_of("starts", Need::optional);
    a.expires = time_of("expires", Need::required);
    if (a.expires && a.starts && a.expires <= a.starts) ctx.error(r.region("expires"), "'expires' must be after 'starts'", "'expires' 必须晚于 'starts'");
    a.fullscreen = r.boolean("fullscreen", false);
    pack.alerts.push_back(std::move(a));
  });
}

}  // namespace kiosk::content
