// The words shown with an AQI level or a water class, in both languages: content (levels.toml),
// not code, so editors can fix a translation without a release. The numbers, colours and the
// standards' own category names stay in aqi.hpp / water.hpp; the loader warns when levels.toml's
// official Chinese names differ from them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/text.hpp"

namespace kiosk::standards {

// One AQI level of one standard ([[aqi_level]] in levels.toml).
struct AqiLevelText {
  std::string standard;  // cn (HJ 633-2026) | cn-2012 | us
  int level = 0;         // 1..6
  Text name;             // 一级 / Level 1
  Text category;         // 优 / Excellent; US: 好 / Good
  Text health;           // 对健康影响情况 / health effects
  Text advice;           // 建议采取的措施 / recommended measures
  Text beyond;           // US level 6 only: the label above AQI 500 ("Beyond the AQI"); may be empty
};

// Who should act when a pollutant's IAQI is above 100 (HJ 633-2026 Table 2; [[sensitive_group]]).
struct SensitiveGroupText {
  std::string standard;                 // cn
  std::vector<std::string> pollutants;  // so2 | no2 | co | o3 | pm (PM10 and PM2.5 share one row)
  Text groups;
};

// One water class ([[water_class]]).
struct WaterClassText {
  std::string standard;  // surface (GB 3838-2002) | sea (GB 3097-1997)
  std::string cls;       // surface: I II III IV V 劣V; sea: 1 2 3 4 劣4
  Text name;             // Ⅲ类 / Class III
  Text quality;          // 良好 / Good (surface: 环办〔2011〕22号 words; sea: 优/良/… by class)
  Text meaning;          // what water of the class is fit for: "drinking-water sources, fisheries, swimming"
};

struct LevelTexts {
  std::vector<AqiLevelText> aqi;
  std::vector<SensitiveGroupText> sensitive;
  std::vector<WaterClassText> water;

  // nullptr when levels.toml has no entry (the loader reports gaps as errors).
  const AqiLevelText* aqi_level(std::string_view standard, int level) const {
    for (const auto& t : aqi)
      if (t.standard == standard && t.level == level) return &t;
    return nullptr;
  }
  const SensitiveGroupText* sensitive_group(std::string_view standard, std::string_view pollutant) const {
    for (const auto& t : sensitive)
      if (t.standard == standard)
        for (const auto& p : t.pollutants)
          if (p == pollutant) return &t;
    return nullptr;
  }
  const WaterClassText* water_class(std::string_view standard, std::string_view cls) const {
    for (const auto& t : water)
      if (t.standard == standard && t.cls == cls) return &t;
    return nullptr;
  }
};

}  // namespace kiosk::standards
