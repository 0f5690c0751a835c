// bays.toml: the beautiful-bay pages (text, photos, a map with tappable hotspots).
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_bays(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "bays.toml");
  each_table(file, "bay", "[[bay]]", [&](TableReader& r) {
    BayPage bay;
    bay.pos = r.pos("id");
    bay.id = r.string("id", Need::required);
    bay.name = r.text("name", Need::required);
    bay.level = r.string("level", Need::required);
    r.one_of("level", bay.level, {"national", "provincial"});
    bay.summary = r.text("summary", Need::required);
    bay.body = r.text("body");
    if (const toml::array* photos = r.array("photos")) {
      for (const auto& p : *photos) {
        auto rel = p.value<std::string>();
        if (!rel || !p.is_string()) {
          ctx.error(p.source(), "'photos' must be a list of picture paths",
                    "'photos' 必须是图片路径的列表，如 [\"pictures/a.jpg\"]");
          continue;
        }
        if (!check_picture_path(ctx, p, "photos", *rel)) continue;
        const auto& b = p.source().begin;
        ctx.pictures.emplace(*rel, SourcePos{ctx.file, static_cast<int>(b.line), static_cast<int>(b.column)});
        bay.photos.push_back(*rel);
      }
    }
    bay.map_picture = r.picture("map");
    bay.targets = r.strings("targets");
    if (const toml::array* ids = r.raw().get_as<toml::array>("targets"))
      for (const auto& id : *ids) {
        if (!id.is_string()) continue;  // reported by strings(), and not in bay.targets
        const auto& b = id.source().begin;
        bay.target_pos.push_back({ctx.file, static_cast<int>(b.line), static_cast<int>(b.column)});
      }
    bay.url = r.string("url");
    each_table(r, "hotspot", "[[bay.hotspot]]", [&](TableReader& h) {
      Hotspot spot;
      spot.x = h.number("x", Need::required).value_or(0);
      spot.y = h.number("y", Need::required).value_or(0);
      if (spot.x < 0 || spot.x > 1 || spot.y < 0 || spot.y > 1)
        ctx.error(h.region(spot.x < 0 || spot.x > 1 ? "x" : "y"),
                  "hotspot 'x' and 'y' are fractions of the map picture, from 0 to 1 (0.5 is the middle)",
                  "热点的 'x' 和 'y' 是在地图图片上的比例，从 0 到 1（0.5 是正中间）");
      spot.label = h.text("label", Need::required);
      spot.body = h.text("body");
      bay.hotspots.push_back(std::move(spot));
    });
    pack.bays.push_back(std::move(bay));
  });
}

}  // namespace kiosk::content
