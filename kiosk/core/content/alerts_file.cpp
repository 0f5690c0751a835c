// alerts.toml: warnings shown over every screen (and over attract mode and the schedule) until
// they expire. Editors write them here; a feed can write the same file.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_alerts(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "alerts.toml");
  each_table(file, "alert", "[[alert]]", [&](TableReader& r) {
    Alert a;
    a.pos = r.pos("id");
    a.id = r.string("id", Need::required);
    a.level = r.string("level", Need::optional, "warning");
    r.one_of("level", a.level, {"info", "warning", "severe"});
    a.title = r.text("title", Need::required);
    a.body = r.text("body");
    a.source = r.text("source");
    a.starts = r.instant("starts").value_or(0);
    a.expires = r.instant("expires", Need::required).value_or(0);
    if (a.expires && a.starts && a.expires <= a.starts)
      ctx.error(r.region("expires"), "'expires' must be after 'starts'", "'expires' 必须晚于 'starts'");
    a.fullscreen = r.boolean("fullscreen", false);
    pack.alerts.push_back(std::move(a));
  });
}

}  // namespace kiosk::content
