// The canonical metrics: one row per metric the kiosk reads, converts, evaluates and shows. Every
// other place that needs to know a metric (normalising and its unit conversions, the sources.toml
// check, the model, the standards' unit conversions, the air and water screens) reads this table.
//
// Adding a pollutant: one row here, its breakpoints in standards/aqi_cn.cpp (and aqi_us.cpp), and
// its names in content/strings.toml (the string_key below). tests/core/metrics_test.cpp checks that
// each row is complete and that every consumer agrees with it.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kiosk {

enum class MetricGroup { air, water, mobility };

struct Metric {
  std::string_view key;  // reading.hpp metric key, e.g. "pm25_1h"
  MetricGroup group = MetricGroup::air;
  std::string_view unit;        // canonical unit: "ug/m3", "mg/m3", "mg/L", "pH" or "count"
  double molar_mass = 0;        // g/mol for gases that sources may give in ppb or ppm; 0 otherwise
  int precision = 0;            // decimals shown on screen, at most
  double min = 0, max = 0;      // plausible range in the canonical unit, both ends included
  bool whole = false;           // counts: only whole numbers are plausible
  std::string_view aqi_key;     // the key the AQI standards evaluate it under; empty: no AQI part
  std::string_view pollutant;   // air: pollutant_group.<pollutant> (the air screen's chip); else empty
  std::string_view string_key;  // its name in strings.toml, e.g. "pollutant.pm25_1h"
};

// Every metric, in display order: within a pollutant the hourly value comes first.
std::span<const Metric> metrics();
// The row of `key`; nullptr for a key the kiosk does not know.
const Metric* find_metric(std::string_view key);
// "air", "water", "mobility".
const char* group_name(MetricGroup group);

// Molar volume of an ideal gas at 25 °C and 101.325 kPa (L/mol): the reference state of
// GB 3095-2012 as amended in 2018, and of the US EPA's ppm/ppb breakpoints.
constexpr double kMolarVolume25C = 24.45;

// ppb → µg/m³ and back for a gas with a molar mass (ppm = ppb / 1000). Both directions use the same
// row, so a round trip only adds the last-bit error of two multiplications (see measured_text).
double ppb_to_ug_m3(const Metric& m, double ppb);
double ug_m3_to_ppb(const Metric& m, double ug_m3);

// Finite, within [min, max], and whole where the metric counts things.
bool is_plausible(const Metric& m, double value);

// "0–2000 ug/m3" for messages.
std::string plausible_range_text(const Metric& m);

// A value for the screen: at most the metric's precision in decimals, trailing zeros dropped.
std::string format_metric_value(const Metric& m, double value);

// The decimal a measured value stands for: the value rounded to 12 significant digits, as text
// ("0.071"). Instruments report far fewer digits, and a unit conversion there and back (ppm → µg/m³
// → ppm) is off by a few units in the 16th digit, which EPA's truncation would otherwise turn into a
// whole index step (0.07099999999999999 ppm truncates to 0.070).
std::string measured_text(double value);

}  // namespace kiosk
