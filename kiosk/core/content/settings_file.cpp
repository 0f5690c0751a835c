// kiosk.toml: the deployment's settings.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

std::optional<int> parse_zone_offset(const std::string& zone) {
  // "+08:00", "-05:30", "Z"
  if (zone == "Z" || zone == "UTC") return 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  for (int i : {1, 2, 4, 5})
    if (zone[i] < '0' || zone[i] > '9') return std::nullopt;
  int hours = (zone[1] - '0') * 10 + (zone[2] - '0');
  int minutes = (zone[4] - '0') * 10 + (zone[5] - '0');
  if (hours > 14 || minutes > 59) return std::nullopt;
  int total = hours * 60 + minutes;
  return zone[0] == '-' ? -total : total;
}

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
    std::string zone = k.string("zone", Need::optional, "+08:00");
    if (auto minutes = parse_zone_offset(zone)) s.zone_offset_minutes = *minutes;
    else ctx.error(t->source(), "'zone' must be an offset like \"+08:00\", not '" + zone + "'");
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
