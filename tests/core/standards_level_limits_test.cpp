// The level bands behind the trend charts come from the standards' own breakpoints.
#include <gtest/gtest.h>

#include "kiosk/core/standards/aqi.hpp"

namespace kiosk::standards {
namespace {

std::vector<double> concentrations(AqiStandard s, std::string_view metric) {
  std::vector<double> out;
  for (const LevelLimit& l : level_limits(s, metric)) out.push_back(l.concentration);
  return out;
}

std::vector<int> indices(AqiStandard s, std::string_view metric) {
  std::vector<int> out;
  for (const LevelLimit& l : level_limits(s, metric)) out.push_back(l.iaqi);
  return out;
}

TEST(LevelLimits, HourlyPm25UsesTheDailyColumnOfEachChinaVersion) {
  EXPECT_EQ(concentrations(AqiStandard::cn2026, "pm25_1h"), (std::vector<double>{35, 60, 115, 150, 250}));
  EXPECT_EQ(concentrations(AqiStandard::cn2012, "pm25_1h"), (std::vector<double>{35, 75, 115, 150, 250}));
  EXPECT_EQ(indices(AqiStandard::cn2026, "pm25_1h"), (std::vector<int>{50, 100, 150, 200, 300}));
}

TEST(LevelLimits, TablesThatEndEarlyGiveFewerLimits) {
  EXPECT_EQ(indices(AqiStandard::cn2026, "so2_1h"), (std::vector<int>{50, 100, 150, 200}));
  EXPECT_EQ(concentrations(AqiStandard::cn2026, "so2_1h"), (std::vector<double>{150, 500, 650, 800}));
  EXPECT_EQ(concentrations(AqiStandard::cn2026, "co_1h"), (std::vector<double>{5, 10, 35, 60, 90}));
}

TEST(LevelLimits, UsLimitsAreConvertedToTheCanonicalUnits) {
  EXPECT_EQ(concentrations(AqiStandard::us, "pm25_1h"), (std::vector<double>{9.0, 35.4, 55.4, 125.4, 225.4}));
  const auto o3 = level_limits(AqiStandard::us, "o3_8h");
  ASSERT_EQ(o3.size(), 5u);
  // The molar masses of the metric table, the same the normaliser converts a ppm/ppb source with.
  EXPECT_NEAR(o3[0].concentration, 0.054 * 1000 * 47.997 / 24.45, 1e-9);  // 106 ug/m3
  const auto no2 = level_limits(AqiStandard::us, "no2_1h");
  ASSERT_FALSE(no2.empty());
  EXPECT_NEAR(no2[0].concentration, 53 * 46.006 / 24.45, 1e-9);
  EXPECT_TRUE(level_limits(AqiStandard::us, "co_1h").empty());  // EPA has no hourly CO index
  EXPECT_TRUE(level_limits(AqiStandard::cn2026, "bikes_available").empty());
}

// Each limit is exactly where the standard's own calculation reaches that index.
TEST(LevelLimits, EveryChinaLimitGivesItsIndex) {
  for (AqiStandard s : {AqiStandard::cn2012, AqiStandard::cn2026})
    for (std::string_view key : aqi_keys(s))
      for (const LevelLimit& limit : level_limits(s, key)) {
        const AqiResult r = compute_aqi_numbers(s, {{std::string(key), limit.concentration}});
        EXPECT_EQ(r.iaqi_of(key), limit.iaqi)
            << standard_key(s) << " " << key << " at " << limit.concentration;
      }
}

}  // namespace
}  // namespace kiosk::standards
