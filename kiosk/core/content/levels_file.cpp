// levels.toml: the words of each AQI level (per standard) and each water class, in zh and en.
// Checks that every level and class is there exactly once, and that the standards' official
// Chinese category names were not changed by accident.
#include <map>
#include <utility>

#include "kiosk/core/content/files.hpp"
#include "kiosk/core/standards/aqi.hpp"
#include "kiosk/core/standards/water.hpp"

namespace kiosk::content {
namespace {

using standards::AqiStandard;

// Line where a (standard, level) or (standard, class) was first defined, for duplicate messages.
using Seen = std::map<std::pair<std::string, std::string>, int>;

bool first_time(Seen& seen, TableReader& r, const std::string& standard, const std::string& item,
                const std::string& what) {
  int line = r.pos().line;
  auto [it, inserted] = seen.emplace(std::make_pair(standard, item), line);
  if (!inserted)
    r.ctx().error(r.region(),
                  "duplicate " + what + " (first defined at line " + std::to_string(it->second) + ")");
  return inserted;
}

void read_aqi_level(TableReader& r, Seen& seen, standards::LevelTexts& out) {
  standards::AqiLevelText t;
  t.standard = r.string("standard", Need::required);
  r.one_of("standard", t.standard, {"cn", "cn-2012", "us"});
  auto level = r.integer("level", Need::required);
  if (level && (*level < 1 || *level > 6)) r.ctx().error(r.region("level"), "'level' must be 1 to 6", "'level' 只能是 1 到 6");
  t.level = level && *level >= 1 && *level <= 6 ? static_cast<int>(*level) : 0;
  t.name = r.text("name", Need::required);
  t.category = r.text("category", Need::required);
  t.health = r.text("health", Need::required);
  t.advice = r.text("advice", Need::required);
  t.beyond = r.text("beyond");
  auto standard = standards::parse_aqi_standard(t.standard);
  if (!standard || t.level == 0) return;
  if (!t.beyond.empty() && !(*standard == AqiStandard::us && t.level == 6))
    r.ctx().error(r.region("beyond"), "'beyond' is only for the US level 6 (AQI above 500)",
                  "'beyond' 只用于美国标准的第 6 级（AQI 超过 500）");
  const auto& official = standards::aqi_level_style(*standard, t.level);
  if (*standard != AqiStandard::us && !t.category.zh.empty() && t.category.zh != official.category_zh)
    r.ctx().warning(r.region(), "category '" + t.category.zh +
                                    "' differs from the standard's name for level " +
                                    std::to_string(t.level) + ": '" + official.category_zh + "'");
  if (*standard == AqiStandard::us && !t.category.en.empty() && t.category.en != official.category_en)
    r.ctx().warning(r.region(), "category '" + t.category.en + "' differs from EPA's name for level " +
                                    std::to_string(t.level) + ": '" + official.category_en + "'");
  if (first_time(seen, r, t.standard, std::to_string(t.level),
                 "level " + std::to_string(t.level) + " of '" + t.standard + "'"))
    out.aqi.push_back(std::move(t));
}

void read_sensitive(TableReader& r, Seen& seen, standards::LevelTexts& out) {
  standards::SensitiveGroupText t;
  t.standard = r.string("standard", Need::required);
  r.one_of("standard", t.standard, {"cn"});  // the table is new in HJ 633-2026
  t.pollutants = r.strings("pollutants");
  if (t.pollutants.empty())
    r.ctx().error(r.region(), "missing required key 'pollutants' in [[sensitive_group]]");
  for (const auto& p : t.pollutants) {
    r.one_of("pollutants", p, {"so2", "no2", "co", "o3", "pm"});
    first_time(seen, r, t.standard, p, "sensitive groups of '" + p + "'");
  }
  t.groups = r.text("groups", Need::required);
  out.sensitive.push_back(std::move(t));
}

void read_water(TableReader& r, Seen& seen, standards::LevelTexts& out) {
  standards::WaterClassText t;
  t.standard = r.string("standard", Need::required);
  r.one_of("standard", t.standard, {"surface", "sea"});
  t.cls = r.string("class", Need::required);
  if (t.standard == "surface") r.one_of("class", t.cls, {"I", "II", "III", "IV", "V", "劣V"});
  if (t.standard == "sea") r.one_of("class", t.cls, {"1", "2", "3", "4", "劣4"});
  t.name = r.text("name", Need::required);
  t.quality = r.text("quality", Need::required);
  t.meaning = r.text("meaning");
  if (first_time(seen, r, t.standard, t.cls, "class '" + t.cls + "' of '" + t.standard + "'"))
    out.water.push_back(std::move(t));
}

}  // namespace

void read_levels(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "levels.toml");
  standards::LevelTexts& out = pack.levels;
  Seen aqi_seen, sensitive_seen, water_seen;
  each_table(file, "aqi_level", "[[aqi_level]]", [&](TableReader& r) { read_aqi_level(r, aqi_seen, out); });
  each_table(file, "sensitive_group", "[[sensitive_group]]",
             [&](TableReader& r) { read_sensitive(r, sensitive_seen, out); });
  each_table(file, "water_class", "[[water_class]]", [&](TableReader& r) { read_water(r, water_seen, out); });

  // Every level and class must have its words; a gap would show a blank on a public screen.
  for (const char* standard : {"cn", "cn-2012", "us"})
    for (int level = 1; level <= 6; ++level)
      if (!out.aqi_level(standard, level))
        ctx.diags.error(ctx.file, 0, 0,
                        "no [[aqi_level]] for level " + std::to_string(level) + " of '" + standard + "'");
  for (const char* pollutant : {"so2", "no2", "co", "o3", "pm"})
    if (!out.sensitive_group("cn", pollutant))
      ctx.diags.error(ctx.file, 0, 0, std::string("no [[sensitive_group]] for '") + pollutant + "' of 'cn'");
  for (const char* cls : {"I", "II", "III", "IV", "V", "劣V"})
    if (!out.water_class("surface", cls))
      ctx.diags.error(ctx.file, 0, 0, std::string("no [[water_class]] for class '") + cls + "' of 'surface'");
  for (const char* cls : {"1", "2", "3", "4", "劣4"})
    if (!out.water_class("sea", cls))
      ctx.diags.error(ctx.file, 0, 0, std::string("no [[water_class]] for class '") + cls + "' of 'sea'");
}

}  // namespace kiosk::content
