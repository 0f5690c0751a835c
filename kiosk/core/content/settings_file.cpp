// kiosk.toml: the deployment's settings.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_settings(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "kiosk.toml");
  Settings& s = pack.settings;
  if (const toml::table* t = file.table("kiosk", Need::required)) {
    TableReader k(*t, ctx, "[kiosk]");
    pack.version = k.string("version", Need::required);
    s.city = k.text("city", Need::required);
    std::string lang = k.string("language", Need::optional, "zh");
    k.one_of("language", lang, {"zh", "en"});
    s.default_language = lang == "en" ? Lang::en : Lang::zh;
    auto screens = k.strings("screens");
    if (!screens.empty()) {
      for (const auto& name : screens) k.one_of("screens", name, {"home", "air", "water", "bay", "waste", "travel"});
      s.screens = screens;
    }
    s.aqi_standard = k.string("aqi_standard", Need::optional, "cn");
    k.one_of("aqi_standard", s.aqi_standard, {"cn", "cn-2012", "us"});
    s.font = k.string("font");
  }
  if (const toml::table* t = file.table("idle")) {
    TableReader idle(*t, ctx, "[idle]");
    if (auto v = idle.number("reset_seconds")) s.idle_seconds = *v;
    if (auto v = idle.number("attract_seconds")) s.attract_seconds = *v;
    if (s.idle_seconds < 5) ctx.error(t->source(), "'reset_seconds' must be at least 5");
    if (s.attract_seconds < 3) ctx.error(t->source(), "'attract_seconds' must be at least 3");
  }
  if (const toml::table* t = file.table("map")) {
    TableReader map(*t, ctx, "[map]");
    s.map_picture = map.picture("picture", Need::required);
    s.map_west = map.number("west", Need::required).value_or(0);
    s.map_east = map.number("east", Need::required).value_or(0);
    s.map_south = map.number("south", Need::required).value_or(0);
    s.map_north = map.number("north", Need::required).value_or(0);
    if (s.map_west >= s.map_east || s.map_south >= s.map_north)
      ctx.error(t->source(), "map bounds must have west < east and south < north");
  }
}

}  // namespace kiosk::content
