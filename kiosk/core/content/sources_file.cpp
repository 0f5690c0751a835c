// sources.toml: where the kiosk fetches live data.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_sources(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "sources.toml");
  each_table(file, "source", "[[source]]", [&](TableReader& r) {
    SourceConfig s;
    s.id = r.string("id", Need::required);
    s.platform = r.string("platform", Need::required);
    r.one_of("platform", s.platform,
             {"kiosk-feed", "ckan", "socrata", "opendatasoft", "arcgis", "sensorthings", "openaq", "gbfs"});
    s.url = r.string("url", Need::required);
    s.refresh_seconds = r.number("refresh_seconds").value_or(600);
    s.stale_seconds = r.number("stale_seconds").value_or(0);
    s.zone = r.string("zone", Need::optional, "+08:00");
    s.demo = r.boolean("demo", false);
    s.name = r.text("name");
    pack.sources.push_back(std::move(s));
  });
}

}  // namespace kiosk::content
