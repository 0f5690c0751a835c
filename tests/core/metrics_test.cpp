// The metric table is the one list of metrics: each row is complete, and every consumer in core (the
// standards, the sources.toml check, the model, the bundled strings) agrees with it. The data layer's
// half (unit conversion, plausibility) is in tests/data/metric_round_trip_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/metrics.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/core/standards/aqi.hpp"
#include "kiosk/core/standards/water.hpp"

namespace kiosk {
namespace {

bool contains(const auto& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

TEST(MetricTable, EveryRowIsComplete) {
  std::set<std::string_view> keys;
  const std::set<std::string_view> units = {"ug/m3", "mg/m3", "mg/L", "pH", "count"};
  for (const Metric& m : metrics()) {
    SCOPED_TRACE(std::string(m.key));
    EXPECT_FALSE(m.key.empty());
    EXPECT_TRUE(keys.insert(m.key).second) << "duplicate row";
    EXPECT_TRUE(units.count(m.unit)) << m.unit;
    EXPECT_GE(m.precision, 0);
    EXPECT_LE(m.precision, 3);
    EXPECT_TRUE(std::isfinite(m.max));
    EXPECT_LT(m.min, m.max);
    EXPECT_GE(m.min, 0);
    EXPECT_EQ(m.whole, m.unit == "count");
    EXPECT_NE(m.string_key.find('.'), std::string_view::npos) << m.string_key;
    EXPECT_EQ(find_metric(m.key), &m);
    const bool gas = m.group == MetricGroup::air && !m.pollutant.starts_with("pm");
    EXPECT_EQ(m.molar_mass > 0, gas);
    if (m.group == MetricGroup::air) {
      EXPECT_FALSE(m.pollutant.empty());
      EXPECT_TRUE(m.key.starts_with(m.pollutant));
    } else {
      EXPECT_TRUE(m.aqi_key.empty());
      EXPECT_TRUE(m.pollutant.empty());
    }
  }
  EXPECT_EQ(find_metric("temperature"), nullptr);
}

TEST(MetricTable, OneMolarMassPerGas) {
  // Both averaging periods of a gas convert with the same molar mass (the US AQI error at band edges
  // came from two different values).
  for (const Metric& a : metrics())
    for (const Metric& b : metrics())
      if (!a.pollutant.empty() && a.pollutant == b.pollutant) {
        EXPECT_EQ(a.molar_mass, b.molar_mass) << a.key;
      }
  EXPECT_DOUBLE_EQ(find_metric("o3_8h")->molar_mass, 47.997);
}

TEST(MetricTable, GroupsOfAPollutantAreNeighbours) {
  // The air screen groups rows by pollutant in table order, so a pollutant's rows must be adjacent.
  std::set<std::string_view> closed;
  std::string_view current;
  for (const Metric& m : metrics()) {
    if (m.pollutant == current) continue;
    if (!current.empty()) closed.insert(current);
    current = m.pollutant;
    EXPECT_FALSE(closed.count(current)) << current << " appears in two places";
    // A pollutant's first row is its hourly value: the chip's value, and what "pm2.5" or "o3" from a
    // platform stands for.
    if (!current.empty()) {
      EXPECT_TRUE(m.key.ends_with("_1h")) << m.key;
    }
  }
}

TEST(MetricTable, EveryAqiKeyOfChinasStandardIsAMetricAndBack) {
  for (auto standard : {standards::AqiStandard::cn2026, standards::AqiStandard::cn2012}) {
    for (std::string_view key : standards::aqi_keys(standard)) {
      const Metric* m = find_metric(key);
      ASSERT_NE(m, nullptr) << key;
      EXPECT_EQ(m->aqi_key, key);
      EXPECT_EQ(m->group, MetricGroup::air);
    }
    for (const Metric& m : metrics()) {
      if (!m.aqi_key.empty()) {
        EXPECT_TRUE(standards::is_aqi_key(standard, m.aqi_key)) << m.key;
      }
    }
  }
  // The US keys the canonical metrics can feed (co_8h has no canonical metric).
  for (std::string_view key : standards::aqi_keys(standards::AqiStandard::us)) {
    if (key != "co_8h") {
      EXPECT_NE(find_metric(key), nullptr) << key;
    }
  }
}

TEST(MetricTable, EveryWaterItemTheStandardsEvaluateIsAWaterMetric) {
  for (auto keys : {standards::surface_keys(), standards::sea_keys()})
    for (std::string_view key : keys) {
      const Metric* m = find_metric(key);
      ASSERT_NE(m, nullptr) << key;
      EXPECT_EQ(m->group, MetricGroup::water) << key;
    }
}

TEST(MetricTable, EveryMetricHasANameInBothLanguages) {
  ContentLoad l = load_content(KIOSK_CONTENT_DIR);
  for (const Metric& m : metrics()) {
    const std::string key(m.string_key);
    ASSERT_TRUE(l.pack.strings.by_key.count(key)) << key;
    EXPECT_FALSE(l.pack.strings.get(key, Lang::zh).empty()) << key;
    EXPECT_FALSE(l.pack.strings.get(key, Lang::en).empty()) << key;
    if (!m.pollutant.empty()) {
      EXPECT_TRUE(l.pack.strings.by_key.count("pollutant_group." + std::string(m.pollutant))) << m.key;
    }
    if (m.unit != "pH" && m.unit != "count") {
      EXPECT_TRUE(l.pack.strings.by_key.count("unit." + std::string(m.unit))) << m.key;
    }
  }
}

TEST(MetricTable, TheModelShowsEveryAirMetricAStationReports) {
  ContentPack content;
  Station s;
  s.id = "air-1";
  s.kind = "air";
  s.source = "feed";
  content.stations.push_back(s);
  DataSnapshot data;
  for (const Metric& m : metrics())
    data.latest.push_back(
        {"feed", "air-1", std::string(m.key), 1, std::string(m.unit), 1795831200, 1795831260});
  const Model model = build_model(content, data, 1795831300);
  ASSERT_EQ(model.air.size(), 1u);
  std::vector<std::string> shown;
  for (const PollutantValue& p : model.air[0].pollutants) shown.push_back(p.metric);
  std::vector<std::string> air;
  for (const Metric& m : metrics())
    if (m.group == MetricGroup::air) air.emplace_back(m.key);
  EXPECT_EQ(shown, air);
}

TEST(MetricTable, BikeCountsThatAreNotPlausibleAreNotShownAsANumber) {
  DataSnapshot data;
  data.stations.push_back({"bikes", "b1", "一", "One", 0, 0, false});
  data.latest.push_back({"bikes", "b1", "bikes_available", 1e10, "count", 1795831200, 1795831260});
  data.latest.push_back({"bikes", "b1", "docks_available", 7, "count", 1795831200, 1795831260});
  const Model model = build_model(ContentPack{}, data, 1795831300);
  ASSERT_EQ(model.bikes.size(), 1u);
  EXPECT_FALSE(model.bikes[0].bikes.has_value());  // was undefined behaviour in a cast to int
  EXPECT_EQ(model.bikes[0].docks, 7);
}

TEST(MetricTable, PlausibleValuesAreFiniteWithinRangeAndWholeForCounts) {
  const Metric& pm = *find_metric("pm25_1h");
  EXPECT_TRUE(is_plausible(pm, 0));
  EXPECT_TRUE(is_plausible(pm, 2000));
  EXPECT_FALSE(is_plausible(pm, 2000.5));
  EXPECT_FALSE(is_plausible(pm, -1));
  EXPECT_FALSE(is_plausible(pm, 1e308));
  EXPECT_FALSE(is_plausible(pm, std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(is_plausible(pm, std::numeric_limits<double>::quiet_NaN()));
  EXPECT_TRUE(is_plausible(*find_metric("co_1h"), 150));
  EXPECT_FALSE(is_plausible(*find_metric("co_1h"), 150.1));
  EXPECT_TRUE(is_plausible(*find_metric("ph"), 14));
  EXPECT_FALSE(is_plausible(*find_metric("ph"), 14.01));
  EXPECT_FALSE(is_plausible(*find_metric("do"), 25.5));
  EXPECT_TRUE(is_plausible(*find_metric("bikes_available"), 100000));
  EXPECT_FALSE(is_plausible(*find_metric("bikes_available"), 100001));
  EXPECT_FALSE(is_plausible(*find_metric("bikes_available"), 2.5));
  EXPECT_EQ(plausible_range_text(pm), "0–2000 ug/m3");
}

TEST(MetricTable, ScreensNeverShowMoreDigitsThanTheMetricsPrecision) {
  EXPECT_EQ(format_metric_value(*find_metric("pm25_1h"), 35.4999), "35");
  EXPECT_EQ(format_metric_value(*find_metric("co_1h"), 0.6251), "0.6");
  EXPECT_EQ(format_metric_value(*find_metric("co_1h"), 1.0), "1");
  EXPECT_EQ(format_metric_value(*find_metric("ph"), 7.456), "7.46");
  EXPECT_EQ(format_metric_value(*find_metric("tp"), 0.0254), "0.025");
  EXPECT_EQ(format_metric_value(*find_metric("bikes_available"), 12), "12");
  EXPECT_EQ(format_metric_value(*find_metric("pm25_1h"), std::numeric_limits<double>::infinity()), "–");
  for (const Metric& m : metrics()) {
    const std::string s = format_metric_value(m, m.max / 3);
    const auto dot = s.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
    EXPECT_LE(decimals, m.precision) << m.key << " " << s;
  }
}

TEST(MetricTable, MeasuredTextUndoesTheNoiseOfAUnitRoundTrip) {
  const Metric& o3 = *find_metric("o3_8h");
  const double ug = ppb_to_ug_m3(o3, 0.071 * 1000);
  EXPECT_EQ(measured_text(ug_m3_to_ppb(o3, ug) / 1000), "0.071");
  EXPECT_EQ(measured_text(0.1 + 0.2), "0.3");
  EXPECT_EQ(measured_text(35.5), "35.5");
}

}  // namespace
}  // namespace kiosk
