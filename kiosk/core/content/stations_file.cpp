// stations.toml: monitoring stations with names and positions.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_stations(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "stations.toml");
  each_table(file, "station", "[[station]]", [&](TableReader& r) {
    Station s;
    s.pos = r.pos("id");
    s.id = r.string("id", Need::required);
    s.kind = r.string("kind", Need::required);
    r.one_of("kind", s.kind, {"air", "river", "lake", "sea"});
    s.name = r.text("name", Need::required);
    s.lat = r.number("lat", Need::required).value_or(0);
    s.lon = r.number("lon", Need::required).value_or(0);
    if (s.lat < -90 || s.lat > 90)
      ctx.error(r.region("lat"), "'lat' must be between -90 and 90", "'lat' 必须在 -90 到 90 之间");
    if (s.lon < -180 || s.lon > 180)
      ctx.error(r.region("lon"), "'lon' must be between -180 and 180", "'lon' 必须在 -180 到 180 之间");
    s.source = r.string("source");
    s.source_pos = r.pos("source");
    s.city = r.boolean("city", true);
    pack.stations.push_back(std::move(s));
  });
}

}  // namespace kiosk::content
