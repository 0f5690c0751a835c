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
                const std::string& what, const std::string& what_zh) {
  int line = r.pos().line;
  auto [it, inserted] = seen.emplace(std::make_pair(standard, item), line);
  if (!inserted)
    r.ctx().error(r.region(),
                  "duplicate " + what + " (first defined at line " + std::to_string(it->second) + ")",
                  what_zh + "重复了（第 " + std::to_string(it->second) + " 行已经定义过）；请删掉一个");
  return inserted;
}

void read_aqi_level(TableReader& r, Seen& seen, standards::LevelTexts& out) {
  standards::AqiLevelText t;
  t.standard = r.string("standard", Need::required);
  r.one_of("standard", t.standard, {"cn", "cn-2012", "us"});
  auto level = r.integer("level", Need::required);
  if (level && (*level < 1 || *level > 6))
    r.ctx().error(r.region("level"), "'level' must be 1 to 6", "'level' 只能是 1 到 6");
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
    r.ctx().warning(r.region("category"),
                    "category '" + t.category.zh + "' differs from the standard's name for level " +
                        std::to_string(t.level) + ": '" + official.category_zh + "'",
                    "类别 '" + t.category.zh + "' 与标准中第 " + std::to_string(t.level) + " 级的名称 '" +
                        official.category_zh + "' 不同");
  if (*standard == AqiStandard::us && !t.category.en.empty() && t.category.en != official.category_en)
    r.ctx().warning(r.region("category"),
                    "category '" + t.category.en + "' differs from EPA's name for level " +
                        std::to_string(t.level) + ": '" + official.category_en + "'",
                    "类别 '" + t.category.en + "' 与 EPA 第 " + std::to_string(t.level) + " 级的名称 '" +
                        official.category_en + "' 不同");
  if (first_time(seen, r, t.standard, std::to_string(t.level),
                 "level " + std::to_string(t.level) + " of '" + t.standard + "'",
                 "'" + t.standard + "' 的第 " + std::to_string(t.level) + " 级"))
    out.aqi.push_back(std::move(t));
}

void read_sensitive(TableReader& r, Seen& seen, standards::LevelTexts& out) {
  standards::SensitiveGroupText t;
  t.standard = r.string("standard", Need::required);
  r.one_of("standard", t.standard, {"cn"});  // the table is new in HJ 633-2026
  t.pollutants = r.strings("pollutants");
  if (t.pollutants.empty())
    r.ctx().error(r.region(), "missing required key 'pollutants' in [[sensitive_group]]",
                  "[[sensitive_group]] 缺少必填的键 'pollutants'");
  for (const auto& p : t.pollutants) {
    r.one_of("pollutants", p, {"so2", "no2", "co", "o3", "pm"});
    first_time(seen, r, t.standard, p, "sensitive groups of '" + p + "'", "'" + p + "' 的敏感人群");
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
  if (first_time(seen, r, t.standard, t.cls, "class '" + t.cls + "' of '" + t.standard + "'",
                 "'" + t.standard + "' 的 '" + t.cls + "' 类"))
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
        ctx.diags.error(
            ctx.file, 0, 0, "no [[aqi_level]] for level " + std::to_string(level) + " of '" + standard + "'",
            "缺少 '" + std::string(standard) + "' 第 " + std::to_string(level) + " 级的 [[aqi_level]]");
  for (const char* pollutant : {"so2", "no2", "co", "o3", "pm"})
    if (!out.sensitive_group("cn", pollutant))
      ctx.diags.error(ctx.file, 0, 0, std::string("no [[sensitive_group]] for '") + pollutant + "' of 'cn'",
                      std::string("缺少 'cn' 中 '") + pollutant + "' 的 [[sensitive_group]]");
  for (const char* cls : {"I", "II", "III", "IV", "V", "劣V"})
    if (!out.water_class("surface", cls))
      ctx.diags.error(ctx.file, 0, 0, std::string("no [[water_class]] for class '") + cls + "' of 'surface'",
                      std::string("缺少 'surface' 中 '") + cls + "' 类的 [[water_class]]");
  for (const char* cls : {"1", "2", "3", "4", "劣4"})
    if (!out.water_class("sea", cls))
      ctx.diags.error(ctx.file, 0, 0, std::string("no [[water_class]] for class '") + cls + "' of 'sea'",
                      std::string("缺少 'sea' 中 '") + cls + "' 类的 [[water_class]]");
}

}  // namespace kiosk::content
