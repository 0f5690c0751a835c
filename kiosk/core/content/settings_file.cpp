// kiosk.toml: the deployment's settings.
#include "kiosk/core/content/files.hpp"
#include "kiosk/core/source_config.hpp"

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
      const std::vector<std::string> allowed = resident_screen_names();
      for (const auto& name : screens) k.one_of("screens", name, allowed);
      s.screens = screens;
    }
    s.aqi_standard = k.string("aqi_standard", Need::optional, "cn");
    k.one_of("aqi_standard", s.aqi_standard, {"cn", "cn-2012", "us"});
    s.font = k.string("font");
    std::string zone = k.string("zone", Need::optional, "+08:00");
    if (auto minutes = parse_zone_offset(zone))
      s.zone_offset_minutes = *minutes;
    else
      ctx.error(k.region("zone"), "'zone' must be an offset like \"+08:00\", not '" + zone + "'",
                "'zone' 要写成 \"+08:00\" 这样的时差，不能是 '" + zone + "'");
  }
  if (const toml::table* t = file.table("idle")) {
    TableReader idle(*t, ctx, "[idle]");
    if (auto v = idle.number("reset_seconds")) s.idle_seconds = *v;
    if (auto v = idle.number("attract_seconds")) s.attract_seconds = *v;
    if (s.idle_seconds < 5)
      ctx.error(idle.region("reset_seconds"), "'reset_seconds' must be at least 5",
                "'reset_seconds' 至少是 5");
    if (s.attract_seconds < 3)
      ctx.error(idle.region("attract_seconds"), "'attract_seconds' must be at least 3",
                "'attract_seconds' 至少是 3");
  }
  if (const toml::table* t = file.table("schedule")) {
    TableReader sch(*t, ctx, "[schedule]");
    Schedule& schedule = s.schedule;
    schedule.enabled = true;
    schedule.off_mode = sch.string("off_mode", Need::optional, "dim");
    sch.one_of("off_mode", schedule.off_mode, {"dim", "blank"});
    auto hours = [&](std::string_view key) -> std::optional<DayHours> {
      const toml::node* node = t->get(key);
      const std::string text = sch.string(key);
      if (text.empty()) return std::nullopt;
      auto parsed = parse_day_hours(text);
      if (!parsed)
        ctx.error(node->source(),
                  "'" + std::string(key) + "' must look like \"07:00-22:00\" or \"off\", not '" + text + "'",
                  "'" + std::string(key) + "' 要写成 \"07:00-22:00\"（小时用两位数字）或 \"off\"，不能是 '" +
                      text + "'");
      return parsed;
    };
    const auto all = hours("every_day");
    static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
    for (size_t d = 0; d < 7; ++d) {
      if (all) schedule.days[d] = *all;
      if (auto day = hours(kDays[d])) schedule.days[d] = *day;
    }
  }
  if (const toml::table* t = file.table("map")) {
    TableReader map(*t, ctx, "[map]");
    s.map_picture = map.picture("picture", Need::required);
    s.map_west = map.number("west", Need::required).value_or(0);
    s.map_east = map.number("east", Need::required).value_or(0);
    s.map_south = map.number("south", Need::required).value_or(0);
    s.map_north = map.number("north", Need::required).value_or(0);
    if (s.map_west >= s.map_east || s.map_south >= s.map_north)
      ctx.error(map.region(s.map_west >= s.map_east ? "east" : "north"),
                "map bounds must have west < east and south < north",
                "地图边界要满足 west < east、south < north（西经度小于东经度，南纬度小于北纬度）");
  }
  if (const toml::table* t = file.table("admin")) {
    TableReader admin(*t, ctx, "[admin]");
    s.admin_pin_hash = admin.string("pin_hash");
    // crypt(3) hashes start with "$id$"; the kiosk checks the hash itself when a PIN is typed.
    if (!s.admin_pin_hash.empty() && (s.admin_pin_hash[0] != '$' || s.admin_pin_hash.size() < 13)) {
      const toml::node* at = t->get("pin_hash");
      ctx.error(at ? at->source() : t->source(),
                "'pin_hash' is not a PIN hash; make one with `kiosk admin-pin` and paste the line it prints",
                "'pin_hash' 不是 PIN 的哈希值：请运行 `kiosk admin-pin`，把它打印的那一行粘贴过来");
      s.admin_pin_hash.clear();
    }
  }
  if (const toml::table* t = file.table("metrics")) {
    TableReader metrics(*t, ctx, "[metrics]");
    s.metrics_path = metrics.string("path");
    if (auto v = metrics.number("interval_seconds")) s.metrics_interval_seconds = *v;
    if (s.metrics_interval_seconds < 5)
      ctx.error(metrics.region("interval_seconds"), "'interval_seconds' must be at least 5",
                "'interval_seconds' 至少是 5");
  }
  if (const toml::table* t = file.table("data")) {
    TableReader data(*t, ctx, "[data]");
    if (auto rows = data.integer("history_rows")) {
      const toml::node* at = t->get("history_rows");
      if (*rows < 1000 || static_cast<unsigned long long>(*rows) > kMaxHistoryRowsCeiling)
        ctx.error(at->source(),
                  "'history_rows' must be from 1000 to " + std::to_string(kMaxHistoryRowsCeiling) +
                      " (the ceiling), not " + std::to_string(*rows),
                  "'history_rows' 要在 1000 到 " + std::to_string(kMaxHistoryRowsCeiling) +
                      "（上限）之间，不能是 " + std::to_string(*rows));
      else
        s.history_rows = *rows;
    }
  }
}

}  // namespace kiosk::content
