// Combines the per-key indices of one standard into an AQI: maximum, level, primary pollutants,
// substitutions between keys, missing data and the publication rule.
#include "kiosk/core/standards/aqi.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include "kiosk/core/metrics.hpp"
#include "kiosk/core/standards/aqi_tables.hpp"

namespace kiosk::standards {
namespace {

constexpr std::string_view kCnKeys[] = {"pm25_24h", "pm25_1h", "pm10_24h", "pm10_1h", "so2_24h", "so2_1h",
                                        "no2_24h",  "no2_1h",  "co_24h",   "co_1h",   "o3_1h",   "o3_8h"};
constexpr std::string_view kUsKeys[] = {"pm25_24h", "pm10_24h", "o3_8h",   "o3_1h",
                                        "co_8h",    "so2_1h",   "so2_24h", "no2_1h"};

// EPA reports the 8-hour O3, 24-hour PM, 8-hour CO and 1-hour SO2/NO2; O3 1-hour and SO2 24-hour
// only come in through their rules, so they are accepted but never "missing".
constexpr std::string_view kUsExpected[] = {"pm25_24h", "pm10_24h", "o3_8h", "co_8h", "so2_1h", "no2_1h"};
constexpr std::string_view kUsOptional[] = {"o3_1h", "so2_24h"};

constexpr AqiLevelStyle kCnLevels[] = {
    {1, 0, 50, "优", "Excellent", "#00E400"},
    {2, 51, 100, "良", "Good", "#FFFF00"},
    {3, 101, 150, "轻度污染", "Lightly polluted", "#FF7E00"},
    {4, 151, 200, "中度污染", "Moderately polluted", "#FF0000"},
    {5, 201, 300, "重度污染", "Heavily polluted", "#99004C"},
    {6, 301, INT_MAX, "严重污染", "Severely polluted", "#7E0023"},
};
constexpr AqiLevelStyle kUsLevels[] = {
    {1, 0, 50, "好", "Good", "#00E400"},
    {2, 51, 100, "中等", "Moderate", "#FFFF00"},
    {3, 101, 150, "对敏感人群不健康", "Unhealthy for Sensitive Groups", "#FF7E00"},
    {4, 151, 200, "不健康", "Unhealthy", "#FF0000"},
    {5, 201, 300, "非常不健康", "Very Unhealthy", "#8F3F97"},
    {6, 301, INT_MAX, "危险", "Hazardous", "#7E0023"},
};

KeyIndex key_index(AqiStandard standard, std::string_view key, const Decimal& value) {
  return standard == AqiStandard::us ? us_key_index(key, value) : cn_key_index(standard, key, value);
}

// A value a rule stands in for another is evaluated only then (EPA SO2 24-hour), not on its own,
// unless the key it stands in for was not given at all.
bool only_as_substitute(AqiStandard standard, std::string_view key) {
  return standard == AqiStandard::us && key == "so2_24h";
}
std::string_view substituted_key(std::string_view substitute) {
  return substitute == "so2_24h" ? "so2_1h" : (substitute == "o3_1h" ? "o3_8h" : "");
}

struct Input {
  std::optional<Decimal> value;
  DecimalError error = DecimalError::none;
};

using Inputs = std::map<std::string, Input, std::less<>>;

// Text and numbers differ only in how a value becomes a Decimal (parse_decimal, decimal_from_double).
template <typename Values, typename ToDecimal>
Inputs inputs_of(const Values& values, ToDecimal to_decimal) {
  Inputs inputs;
  for (const auto& [key, value] : values) {
    Input in;
    in.value = to_decimal(value, &in.error);
    inputs[key] = in;
  }
  return inputs;
}

AqiResult evaluate(AqiStandard standard, const Inputs& inputs, AqiReport report) {
  AqiResult out;
  out.standard = standard;
  std::vector<std::string_view> expected = report_keys(standard, report);
  auto in_report = [&](std::string_view key) {
    if (report == AqiReport::as_given || std::find(expected.begin(), expected.end(), key) != expected.end())
      return true;
    return standard == AqiStandard::us &&
           std::find(std::begin(kUsOptional), std::end(kUsOptional), key) != std::end(kUsOptional);
  };

  for (const auto& [key, input] : inputs) {
    if (!is_aqi_key(standard, key)) {
      out.not_computed.push_back({key, "not a key of " + std::string(standard_key(standard))});
    } else if (!input.value && in_report(key)) {
      out.not_computed.push_back({key, std::string("value ") + describe(input.error)});
    }
  }

  // Pass 1: every valid value of the report, key by key.
  std::map<std::string_view, KeyIndex> done;
  auto given = [&](std::string_view key) -> const Decimal* {
    auto it = inputs.find(key);
    return it != inputs.end() && it->second.value ? &*it->second.value : nullptr;
  };
  for (std::string_view key : aqi_keys(standard)) {
    const Decimal* v = given(key);
    if (!v || !in_report(key)) continue;
    if (only_as_substitute(standard, key) && given(substituted_key(key))) continue;
    done[key] = key_index(standard, key, *v);
  }
  // Pass 2: values that a rule substitutes ("report the 24-hour IAQI instead").
  std::set<std::string_view> gaps;
  for (auto& [key, index] : std::map<std::string_view, KeyIndex>(done)) {
    if (index.value || index.substitute.empty()) continue;
    std::string_view sub = index.substitute;
    if (!done.count(sub))
      if (const Decimal* v = given(sub)) done[sub] = key_index(standard, sub, *v);
    if (!done.count(sub) || !done[sub].value) gaps.insert(key);
  }
  // A substitute-only value whose key did not need it says why it was left out.
  for (std::string_view key : aqi_keys(standard))
    if (only_as_substitute(standard, key) && given(key) && !done.count(key) && in_report(key))
      out.not_computed.push_back(
          {std::string(key), "used only when " + std::string(substituted_key(key)) + " is 305 ppb or more"});

  for (std::string_view key : aqi_keys(standard)) {
    auto it = done.find(key);
    if (it == done.end()) continue;
    const KeyIndex& index = it->second;
    if (index.value)
      out.iaqi.push_back({std::string(key), *index.value, index.concentration, index.note});
    else
      out.not_computed.push_back({std::string(key), index.note});
  }

  // Missing: expected keys without a valid value, invalid values, and gaps a rule left.
  for (std::string_view key : aqi_keys(standard)) {
    auto it = inputs.find(key);
    bool invalid = it != inputs.end() && !it->second.value;
    bool expected_absent = report != AqiReport::as_given && !given(key) &&
                           std::find(expected.begin(), expected.end(), key) != expected.end();
    if ((invalid && in_report(key)) || expected_absent || gaps.count(key)) out.missing.emplace_back(key);
  }

  if (!out.iaqi.empty()) {
    int top = 0;
    for (const auto& i : out.iaqi) top = std::max(top, i.value);
    out.aqi = top;
    out.level = aqi_level(top);
    if (top > 50)
      for (const auto& i : out.iaqi)
        if (i.value == top) out.primary.push_back(i.key);
    if (standard == AqiStandard::cn2012)
      for (const auto& i : out.iaqi)
        if (i.value > 100) out.exceeding.push_back(i.key);
    out.beyond_index = standard == AqiStandard::us && top > 500;
  }
  if (standard == AqiStandard::us)
    out.publishable = out.aqi.has_value();
  else
    out.publishable = out.aqi && (out.missing.empty() || *out.aqi > 100);
  return out;
}

// A reading's value in the unit the standard's tables use: µg/m³ (mg/m³ for CO) for HJ 633, and for
// EPA ppm (O3) or ppb (SO2, NO2), converted at 25 °C and 1 atm with the metric table's molar mass, the
// same one the normaliser converted a ppb/ppm source with. The text is the value to 12 significant
// digits, which undoes the last-bit error of that round trip (measured_text), so 0.071 ppm reported
// comes back as exactly 0.071 and EPA's truncation sees it.
std::optional<std::string> standard_unit_text(AqiStandard standard, const Metric& m, double value) {
  if (!is_aqi_key(standard, m.aqi_key)) return std::nullopt;
  if (standard != AqiStandard::us || m.molar_mass == 0) return measured_text(value);
  // EPA gives O3 and CO in ppm, SO2 and NO2 in ppb.
  const double ppb = ug_m3_to_ppb(m, value);
  return measured_text(m.pollutant == "o3" || m.pollutant == "co" ? ppb / 1000.0 : ppb);
}

AqiResult from_readings(AqiStandard standard, std::span<const Reading> latest, AqiReport report) {
  std::map<std::string, const Reading*, std::less<>> newest;
  for (const Reading& r : latest) {
    auto [it, inserted] = newest.emplace(r.metric, &r);
    if (!inserted && r.observed_at > it->second->observed_at) it->second = &r;
  }
  AqiTextValues values;
  for (const auto& [metric, r] : newest)
    if (const Metric* m = find_metric(metric))
      if (auto text = standard_unit_text(standard, *m, r->value)) values[std::string(m->aqi_key)] = *text;
  return compute_aqi(standard, values, report);
}

}  // namespace

std::optional<AqiStandard> parse_aqi_standard(std::string_view name) {
  if (name == "cn" || name == "cn-2026") return AqiStandard::cn2026;
  if (name == "cn-2012") return AqiStandard::cn2012;
  if (name == "us") return AqiStandard::us;
  return std::nullopt;
}

const char* standard_key(AqiStandard standard) {
  switch (standard) {
    case AqiStandard::cn2026:
      return "cn";
    case AqiStandard::cn2012:
      return "cn-2012";
    case AqiStandard::us:
      return "us";
  }
  return "cn";
}

AqiStandard aqi_standard_for(UnixTime observed_at, std::string_view setting) {
  if (setting == "us") return AqiStandard::us;
  if (setting == "cn-2012") return AqiStandard::cn2012;
  if (setting == "cn-2026") return AqiStandard::cn2026;
  return observed_at < kHj633_2026Effective ? AqiStandard::cn2012 : AqiStandard::cn2026;
}

std::span<const std::string_view> aqi_keys(AqiStandard standard) {
  if (standard == AqiStandard::us) return kUsKeys;
  return kCnKeys;
}

bool is_aqi_key(AqiStandard standard, std::string_view key) {
  auto keys = aqi_keys(standard);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string_view> report_keys(AqiStandard standard, AqiReport report) {
  switch (report) {
    case AqiReport::as_given:
      return {};
    case AqiReport::realtime:
      if (standard == AqiStandard::us) return {std::begin(kUsExpected), std::end(kUsExpected)};
      if (standard == AqiStandard::cn2012)
        return {"pm25_1h", "pm10_1h", "so2_1h", "no2_1h", "co_1h", "o3_1h", "o3_8h"};
      return {"pm25_1h", "pm10_1h", "so2_1h", "no2_1h", "co_1h", "o3_1h"};
    case AqiReport::daily:
      if (standard == AqiStandard::us) return {std::begin(kUsExpected), std::end(kUsExpected)};
      if (standard == AqiStandard::cn2012)
        return {"pm25_24h", "pm10_24h", "so2_24h", "no2_24h", "co_24h", "o3_1h", "o3_8h"};
      return {"pm25_24h", "pm10_24h", "so2_24h", "no2_24h", "co_24h", "o3_8h"};
  }
  return {};
}

int aqi_level(int aqi) {
  if (aqi <= 50) return 1;
  if (aqi <= 100) return 2;
  if (aqi <= 150) return 3;
  if (aqi <= 200) return 4;
  if (aqi <= 300) return 5;
  return 6;
}

const AqiLevelStyle& aqi_level_style(AqiStandard standard, int level) {
  level = std::clamp(level, 1, 6);
  return standard == AqiStandard::us ? kUsLevels[level - 1] : kCnLevels[level - 1];
}

std::optional<int> AqiResult::iaqi_of(std::string_view key) const {
  for (const auto& i : iaqi)
    if (i.key == key) return i.value;
  return std::nullopt;
}

const AqiLevelStyle* AqiResult::style() const {
  return aqi ? &aqi_level_style(standard, level) : nullptr;
}

AqiResult compute_aqi(AqiStandard standard, const AqiTextValues& values, AqiReport report) {
  return evaluate(standard, inputs_of(values, parse_decimal), report);
}

AqiResult compute_aqi_numbers(AqiStandard standard, const AqiNumberValues& values, AqiReport report) {
  return evaluate(standard, inputs_of(values, decimal_from_double), report);
}

AqiResult realtime_aqi(AqiStandard standard, std::span<const Reading> latest) {
  return from_readings(standard, latest, AqiReport::realtime);
}

AqiResult daily_aqi(AqiStandard standard, std::span<const Reading> latest) {
  return from_readings(standard, latest, AqiReport::daily);
}

std::vector<LevelLimit> level_limits(AqiStandard standard, std::string_view metric) {
  std::vector<Segment> segments;
  double to_canonical = 1;  // table unit -> ug/m3 (mg/m3 for CO)
  if (standard != AqiStandard::us) {
    segments = cn_segments(standard, metric);
  } else if (metric == "pm25_1h" || metric == "pm25_24h") {
    segments = us_segments("pm25_24h");
  } else if (metric == "pm10_1h" || metric == "pm10_24h") {
    segments = us_segments("pm10_24h");
  } else if (metric == "o3_1h" || metric == "o3_8h") {
    segments = us_segments(metric);
    to_canonical = ppb_to_ug_m3(*find_metric(metric), 1000.0);  // ppm
  } else if (metric == "so2_1h" || metric == "no2_1h") {
    segments = us_segments(metric);
    to_canonical = ppb_to_ug_m3(*find_metric(metric), 1.0);  // ppb
  }
  std::vector<LevelLimit> out;
  for (const Segment& s : segments)
    if (s.i_hi == 50 || s.i_hi == 100 || s.i_hi == 150 || s.i_hi == 200 || s.i_hi == 300)
      out.push_back({s.i_hi, to_double(s.c_hi) * to_canonical});
  return out;
}

std::string_view pollutant_of(std::string_view key) {
  if (key.starts_with("pm")) return "pm";
  for (std::string_view p : {"so2", "no2", "co", "o3"})
    if (key.starts_with(p) && key.size() > p.size() && key[p.size()] == '_') return p;
  return {};
}

}  // namespace kiosk::standards
