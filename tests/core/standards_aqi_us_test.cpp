// US AQI, EPA 2024 (TAD EPA-454/B-24-002): every row boundary of every pollutant, truncation,
// rounding, the O3 and SO2 switching rules, "beyond the AQI" and the US colours.
//
// The boundary table was worked out from standards.md §2 with exact fractions, outside the kiosk
// code: each row's low and high end, one truncation step below and above, and twice the top.
// -1: the standard computes no AQI from that value.
#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>

#include "kiosk/core/standards/aqi.hpp"

namespace st = kiosk::standards;
using st::AqiStandard;

namespace {

struct Row {
  const char* key;
  const char* value;
  int aqi;
};

constexpr Row kUs[] = {
    {"o3_8h", "0", 0},           {"o3_8h", "0.054", 50},     {"o3_8h", "0.055", 51},
    {"o3_8h", "0.07", 100},      {"o3_8h", "0.071", 101},    {"o3_8h", "0.085", 150},
    {"o3_8h", "0.086", 151},     {"o3_8h", "0.105", 200},    {"o3_8h", "0.106", 201},
    {"o3_8h", "0.2", 300},       {"o3_8h", "0.201", -1},     {"o3_8h", "0.4", -1},
    {"o3_1h", "0.124", -1},      {"o3_1h", "0.125", 101},    {"o3_1h", "0.164", 150},
    {"o3_1h", "0.165", 151},     {"o3_1h", "0.204", 200},    {"o3_1h", "0.205", 201},
    {"o3_1h", "0.404", 300},     {"o3_1h", "0.405", 301},    {"o3_1h", "0.604", 500},
    {"o3_1h", "0.605", 501},     {"o3_1h", "1.208", 1104},   {"pm25_24h", "0", 0},
    {"pm25_24h", "9", 50},       {"pm25_24h", "9.1", 51},    {"pm25_24h", "35.4", 100},
    {"pm25_24h", "35.5", 101},   {"pm25_24h", "55.4", 150},  {"pm25_24h", "55.5", 151},
    {"pm25_24h", "125.4", 200},  {"pm25_24h", "125.5", 201}, {"pm25_24h", "225.4", 300},
    {"pm25_24h", "225.5", 301},  {"pm25_24h", "325.4", 500}, {"pm25_24h", "325.5", 500},
    {"pm25_24h", "650.8", 1148}, {"pm10_24h", "0", 0},       {"pm10_24h", "54", 50},
    {"pm10_24h", "55", 51},      {"pm10_24h", "154", 100},   {"pm10_24h", "155", 101},
    {"pm10_24h", "254", 150},    {"pm10_24h", "255", 151},   {"pm10_24h", "354", 200},
    {"pm10_24h", "355", 201},    {"pm10_24h", "424", 300},   {"pm10_24h", "425", 301},
    {"pm10_24h", "604", 500},    {"pm10_24h", "605", 501},   {"pm10_24h", "1208", 1171},
    {"co_8h", "0", 0},           {"co_8h", "4.4", 50},       {"co_8h", "4.5", 51},
    {"co_8h", "9.4", 100},       {"co_8h", "9.5", 101},      {"co_8h", "12.4", 150},
    {"co_8h", "12.5", 151},      {"co_8h", "15.4", 200},     {"co_8h", "15.5", 201},
    {"co_8h", "30.4", 300},      {"co_8h", "30.5", 301},     {"co_8h", "50.4", 500},
    {"co_8h", "50.5", 501},      {"co_8h", "100.8", 1004},   {"so2_1h", "0", 0},
    {"so2_1h", "35", 50},        {"so2_1h", "36", 51},       {"so2_1h", "75", 100},
    {"so2_1h", "76", 101},       {"so2_1h", "185", 150},     {"so2_1h", "186", 151},
    {"so2_1h", "304", 200},      {"so2_1h", "305", -1},      {"so2_1h", "608", -1},
    {"so2_24h", "304", -1},      {"so2_24h", "305", 201},    {"so2_24h", "604", 300},
    {"so2_24h", "605", 301},     {"so2_24h", "1004", 500},   {"so2_24h", "1005", 500},
    {"so2_24h", "2008", 1001},   {"no2_1h", "0", 0},         {"no2_1h", "53", 50},
    {"no2_1h", "54", 51},        {"no2_1h", "100", 100},     {"no2_1h", "101", 101},
    {"no2_1h", "360", 150},      {"no2_1h", "361", 151},     {"no2_1h", "649", 200},
    {"no2_1h", "650", 201},      {"no2_1h", "1249", 300},    {"no2_1h", "1250", 301},
    {"no2_1h", "2049", 500},     {"no2_1h", "2050", 500},    {"no2_1h", "4098", 1010},
};

void check_key(std::string_view key) {
  int checked = 0;
  for (const Row& r : kUs) {
    if (key != r.key) continue;
    ++checked;
    SCOPED_TRACE(std::string(r.key) + "=" + r.value);
    // SO2 24-hour counts only when the 1-hour value is 305 ppb or more; give both.
    st::AqiTextValues values = {{r.key, r.value}};
    if (key == "so2_24h") values["so2_1h"] = "400";
    st::AqiResult result = st::compute_aqi(AqiStandard::us, values);
    if (r.aqi < 0)
      EXPECT_FALSE(result.iaqi_of(r.key).has_value());
    else
      EXPECT_EQ(result.iaqi_of(r.key), r.aqi);
  }
  EXPECT_GT(checked, 5) << "no rows for " << key;
}

st::AqiResult us(st::AqiTextValues values, st::AqiReport report = st::AqiReport::as_given) {
  return st::compute_aqi(AqiStandard::us, values, report);
}

using Keys = std::vector<std::string>;

}  // namespace

TEST(AqiUsBreakpoints, O3EightHour) {
  check_key("o3_8h");
}
TEST(AqiUsBreakpoints, O3OneHour) {
  check_key("o3_1h");
}
TEST(AqiUsBreakpoints, Pm25) {
  check_key("pm25_24h");
}
TEST(AqiUsBreakpoints, Pm10) {
  check_key("pm10_24h");
}
TEST(AqiUsBreakpoints, Co) {
  check_key("co_8h");
}
TEST(AqiUsBreakpoints, So2OneHour) {
  check_key("so2_1h");
}
TEST(AqiUsBreakpoints, So2DayAboveThreeHundredFour) {
  check_key("so2_24h");
}
TEST(AqiUsBreakpoints, No2) {
  check_key("no2_1h");
}

TEST(AqiUsTruncation, DigitsBeyondTheReportedPrecisionAreDropped) {
  EXPECT_EQ(us({{"pm25_24h", "9.09"}}).aqi, 50);
  EXPECT_EQ(us({{"pm25_24h", "35.49"}}).aqi, 100);
  EXPECT_EQ(us({{"o3_8h", "0.0549"}}).aqi, 50);
  EXPECT_EQ(us({{"pm10_24h", "54.9"}}).aqi, 50);
  EXPECT_EQ(us({{"co_8h", "4.49"}}).aqi, 50);
  EXPECT_EQ(us({{"so2_1h", "35.9"}}).aqi, 50);
  EXPECT_EQ(us({{"no2_1h", "53.9"}}).aqi, 50);
}

TEST(AqiUsRounding, HalfwayRoundsUp) {
  // O3 8 h 0.153 ppm: 201 + 99 x 47/94 = 250.5
  EXPECT_EQ(us({{"o3_8h", "0.153"}}).aqi, 251);
}

TEST(AqiUsRounding, TadOneHourOzoneExampleFollowsTheWrittenRule) {
  // TAD 2024 prints 148 for 0.162 ppm; its equation gives 147.49, and the rule is "round to nearest".
  EXPECT_EQ(us({{"o3_1h", "0.162"}}).aqi, 147);
}

TEST(AqiUsPm25, Revision2024Breakpoints) {
  EXPECT_EQ(us({{"pm25_24h", "9.0"}}).aqi, 50);
  EXPECT_EQ(us({{"pm25_24h", "12.0"}}).aqi, 56);  // was 50 before 2024
  EXPECT_EQ(us({{"pm25_24h", "125.4"}}).aqi, 200);
  EXPECT_EQ(us({{"pm25_24h", "225.4"}}).aqi, 300);
  EXPECT_EQ(us({{"pm25_24h", "325.4"}}).aqi, 500);
}

TEST(AqiUsOzone, OneHourBelowPoint125HasNoIndexAndEightHourDecides) {
  auto r = us({{"o3_1h", "0.124"}, {"o3_8h", "0.05"}});
  EXPECT_FALSE(r.iaqi_of("o3_1h").has_value());
  EXPECT_EQ(r.aqi, 46);
  EXPECT_TRUE(r.missing.empty());
}

TEST(AqiUsOzone, BothComputedTheHigherCounts) {
  auto r = us({{"o3_8h", "0.08"}, {"o3_1h", "0.15"}});
  EXPECT_EQ(r.iaqi_of("o3_8h"), 133);
  EXPECT_EQ(r.iaqi_of("o3_1h"), 132);
  EXPECT_EQ(r.aqi, 133);
  EXPECT_EQ(r.primary, Keys{"o3_8h"});
}

TEST(AqiUsOzone, EightHourAbovePoint200UsesOneHour) {
  auto r = us({{"o3_8h", "0.201"}, {"o3_1h", "0.3"}});
  EXPECT_FALSE(r.iaqi_of("o3_8h").has_value());
  EXPECT_EQ(r.iaqi_of("o3_1h"), 248);
  EXPECT_EQ(r.aqi, 248);
  EXPECT_TRUE(r.missing.empty());
}

TEST(AqiUsOzone, EightHourAbovePoint200WithoutOneHourIsMissing) {
  auto r = us({{"o3_8h", "0.25"}});
  EXPECT_FALSE(r.aqi.has_value());
  EXPECT_EQ(r.missing, Keys{"o3_8h"});
}

TEST(AqiUsSo2, From305PpbTheDailyValueDecides) {
  auto r = us({{"so2_1h", "400"}, {"so2_24h", "400"}});
  EXPECT_FALSE(r.iaqi_of("so2_1h").has_value());
  EXPECT_EQ(r.iaqi_of("so2_24h"), 232);
  EXPECT_EQ(r.aqi, 232);
}

TEST(AqiUsSo2, At304PpbTheHourlyValueStillDecides) {
  auto r = us({{"so2_1h", "304"}, {"so2_24h", "400"}});
  EXPECT_EQ(r.iaqi_of("so2_1h"), 200);
  EXPECT_FALSE(r.iaqi_of("so2_24h").has_value());
  EXPECT_EQ(r.aqi, 200);
}

TEST(AqiUsSo2, DailyValueIsIgnoredWhenTheHourIsBelow305) {
  auto r = us({{"so2_1h", "100"}, {"so2_24h", "400"}});
  EXPECT_EQ(r.aqi, 112);
  EXPECT_FALSE(r.iaqi_of("so2_24h").has_value());
  ASSERT_EQ(r.not_computed.size(), 1u);
  EXPECT_EQ(r.not_computed[0].key, "so2_24h");
}

TEST(AqiUsSo2, HourFrom305WithoutDailyValueIsMissing) {
  auto r = us({{"so2_1h", "305"}, {"pm10_24h", "60"}});
  EXPECT_EQ(r.missing, Keys{"so2_1h"});
  EXPECT_EQ(r.aqi, 53);  // PM10 60: 51 + 49 x 5/99 = 53.47
}

TEST(AqiUsSo2, DailyValueAloneCountsFrom305) {
  EXPECT_EQ(us({{"so2_24h", "400"}}).aqi, 232);
  EXPECT_FALSE(us({{"so2_24h", "100"}}).aqi.has_value());
}

TEST(AqiUsBeyond, AboveFiveHundredExtendsTheTopSegment) {
  auto r = us({{"pm25_24h", "500"}});
  EXPECT_EQ(r.aqi, 848);  // 301 + 199 x 274.5/99.9
  EXPECT_TRUE(r.beyond_index);
  EXPECT_EQ(r.level, 6);
  EXPECT_EQ(std::string(r.style()->category_en), "Hazardous");
  EXPECT_FALSE(us({{"pm25_24h", "325.4"}}).beyond_index);
}

TEST(AqiUsLevels, CategoriesAndUsPurple) {
  const char* colors[] = {"#00E400", "#FFFF00", "#FF7E00", "#FF0000", "#8F3F97", "#7E0023"};
  const char* names[] = {"Good",      "Moderate",       "Unhealthy for Sensitive Groups",
                         "Unhealthy", "Very Unhealthy", "Hazardous"};
  for (int level = 1; level <= 6; ++level) {
    const auto& style = st::aqi_level_style(AqiStandard::us, level);
    EXPECT_EQ(std::string(style.color), colors[level - 1]);
    EXPECT_EQ(std::string(style.category_en), names[level - 1]);
  }
  EXPECT_NE(std::string(st::aqi_level_style(AqiStandard::us, 5).color),
            std::string(st::aqi_level_style(AqiStandard::cn2026, 5).color));
}

TEST(AqiUsPrimary, EmptyAtFiftyAndTiesListed) {
  EXPECT_TRUE(us({{"pm25_24h", "9.0"}}).primary.empty());
  auto r = us({{"pm25_24h", "9.1"}, {"pm10_24h", "55"}});
  EXPECT_EQ(r.aqi, 51);
  EXPECT_EQ(r.primary, (Keys{"pm25_24h", "pm10_24h"}));
}

TEST(AqiUsReadings, GasesAreConvertedFromMicrograms) {
  std::vector<kiosk::Reading> readings = {{"demo", "s1", "o3_8h", 100, "ug/m3", 10, 0},
                                          {"demo", "s1", "pm25_24h", 12, "ug/m3", 10, 0}};
  auto r = st::realtime_aqi(AqiStandard::us, readings);
  // O3 100 ug/m3 x 24.45/47.997 = 50.9 ppb = 0.050 ppm after truncation -> 46.3 -> 46
  EXPECT_EQ(r.iaqi_of("o3_8h"), 46);
  EXPECT_EQ(r.iaqi_of("pm25_24h"), 56);
  EXPECT_EQ(r.aqi, 56);
  // No CO 8-hour metric exists in readings; it is missing, never zero. EPA publishes anyway.
  EXPECT_NE(std::find(r.missing.begin(), r.missing.end(), "co_8h"), r.missing.end());
  EXPECT_TRUE(r.publishable);
}
