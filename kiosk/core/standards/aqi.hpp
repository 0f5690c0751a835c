// Air quality index, one API for every standard the kiosk supports:
//   cn       HJ 633-2026 (in force since 2026-03-01; the default)
//   cn-2012  HJ 633-2012 (readings observed before 2026-03-01, or when a deployment asks for it)
//   us       US EPA Technical Assistance Document, 2024 revision
// The tables and rules are in docs/standards.md §1-2 (shared docs); the per-standard details are in
// aqi_cn.cpp and aqi_us.cpp. Level names, health effects and advice are content (levels.toml); this
// file only carries the standards' fixed facts: numbers, colours and the category names.
//
// Usage from a screen:
//   auto std = standards::aqi_standard_for(reading.observed_at, pack.settings.aqi_standard);
//   standards::AqiResult r = standards::realtime_aqi(std, latest_readings_of_station);
//   if (r.aqi && r.publishable) show(*r.aqi, r.style()->color, pack.levels.aqi_level(r.standard, r.level));
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/reading.hpp"
#include "kiosk/core/standards/decimal.hpp"

namespace kiosk::standards {

enum class AqiStandard { cn2026, cn2012, us };

// "cn" | "cn-2012" | "us" (kiosk.toml aqi_standard, `kiosk aqi --standard`); "cn-2026" is accepted too.
std::optional<AqiStandard> parse_aqi_standard(std::string_view name);
const char* standard_key(AqiStandard standard);  // "cn", "cn-2012", "us"
// The key levels.toml uses for the standard's texts: "cn", "cn-2012", "us".
inline const char* levels_key(AqiStandard standard) {
  return standard_key(standard);
}

// HJ 633-2026 took effect on 2026-03-01 00:00 China Standard Time (UTC+8) = 2026-02-28 16:00 UTC.
constexpr UnixTime kHj633_2026Effective = 1772294400;

// The standard for a reading observed at `observed_at` under the deployment setting (kiosk.toml
// aqi_standard): "cn" chooses by the observation time (HJ 633-2012 before 2026-03-01 00:00 China
// time, HJ 633-2026 from then on), "cn-2012" and "cn-2026" force that version, "us" is the EPA index.
// An unknown setting is treated as "cn".
AqiStandard aqi_standard_for(UnixTime observed_at, std::string_view setting = "cn");

// Which values make up a report; it decides what counts as missing.
//   as_given  whatever was passed is evaluated; nothing is "expected", so nothing is missing
//   realtime  the national real-time report: 2026 the six 1-hour values (PM 1-hour against the daily
//             breakpoints); 2012 the same plus O3 8-hour (moving); US: PM2.5/PM10 24h, O3 8h (and 1h),
//             CO 8h, SO2 1h (24h above 304 ppb), NO2 1h
//   daily     the daily report: 2026 five daily means + O3 max 8-hour; 2012 adds O3 max 1-hour
// Keys outside the report are ignored, except values a rule substitutes (2012 SO2 24 h, US SO2 24 h).
enum class AqiReport { as_given, realtime, daily };

// The keys a standard accepts, in the order results list them.
//   cn, cn-2012: pm25_24h pm25_1h pm10_24h pm10_1h so2_24h so2_1h no2_24h no2_1h co_24h co_1h o3_1h o3_8h
//                (ug/m3; CO mg/m3)
//   us:          pm25_24h pm10_24h (ug/m3) o3_8h o3_1h co_8h (ppm) so2_1h so2_24h no2_1h (ppb)
std::span<const std::string_view> aqi_keys(AqiStandard standard);
bool is_aqi_key(AqiStandard standard, std::string_view key);
// The keys a report expects (empty for as_given).
std::vector<std::string_view> report_keys(AqiStandard standard, AqiReport report);

// The standards' fixed facts for one level (HJ 633 Table 2 / Appendix A; EPA TAD 2024 Tables 1-2).
struct AqiLevelStyle {
  int level = 0;                  // 1..6
  int aqi_low = 0, aqi_high = 0;  // AQI range of the level; aqi_high of level 6 is open (INT_MAX)
  const char* category_zh = "";   // 优 … 严重污染; US: 好 … 危险 (US Embassy Beijing wording)
  const char* category_en = "";   // Excellent … Severely polluted; US: Good … Hazardous
  const char* color = "";         // "#RRGGBB"; US purple differs (#8F3F97, not #99004C)
};

// Level 1..6 of an AQI value: 1 if <= 50, 2 if <= 100, 3 if <= 150, 4 if <= 200, 5 if <= 300, else 6.
// Same boundaries for China and the US; AQI 0 is level 1.
int aqi_level(int aqi);
const AqiLevelStyle& aqi_level_style(AqiStandard standard, int level);

// For trend charts: where each level of the standard ends for one canonical metric (reading.hpp key
// and unit: ug/m3, CO mg/m3), one entry per IAQI 50, 100, 150, 200 and 300 that the standard's
// table defines for it, in that order. Values above the last entry belong to the next level when
// that entry is IAQI 300 (level 6); otherwise the standard gives no level from this metric alone
// (cn so2_1h stops at IAQI 200). `us`: hourly PM uses the 24-hour table, as AirNow's hourly figures
// do, and gases are converted from ppm/ppb at 25 °C as realtime_aqi does. Empty when the standard
// has no table for the metric (co_1h under `us`).
struct LevelLimit {
  int iaqi = 0;              // 50, 100, 150, 200 or 300: the top of level 1..5
  double concentration = 0;  // in the metric's canonical unit
};
std::vector<LevelLimit> level_limits(AqiStandard standard, std::string_view metric);

// The index of one value.
struct Iaqi {
  std::string key;
  int value = 0;
  Decimal concentration;  // the value the index was computed from (after 2026 rounding / EPA truncation)
  std::string note;       // set when a special rule decided, e.g. "above the top breakpoint: 500"
};

// A value that was given but from which the standard computes no index, with the reason.
struct NotComputed {
  std::string key;
  std::string reason;  // English, for logs and the `kiosk aqi` integrator; screens show "NA"
};

struct AqiResult {
  AqiStandard standard = AqiStandard::cn2026;
  std::optional<int> aqi;              // max of iaqi; empty when no value gave an index
  int level = 0;                       // 1..6; 0 when there is no AQI
  std::vector<Iaqi> iaqi;              // in aqi_keys order
  std::vector<std::string> primary;    // 首要污染物: every key at the maximum, only when AQI > 50
  std::vector<std::string> exceeding;  // HJ 633-2012 超标污染物 (IAQI > 100); empty for cn and us
  std::vector<std::string> missing;    // expected but absent or invalid; or left without an index by a rule
  std::vector<NotComputed> not_computed;
  // HJ 633-2026 §5.3.1: with a pollutant missing, AQI, level and primary pollutant are published only
  // when the AQI computed from the others is > 100; otherwise show "NA". Applied to cn-2012 too
  // (HJ 633-2012 has no rule; the kiosk behaves the same for both). US: whenever there is an AQI.
  bool publishable = false;
  bool beyond_index = false;  // US AQI above 500: AirNow's "Beyond the AQI" (level 6, Hazardous advice)

  bool complete() const { return missing.empty(); }
  std::optional<int> iaqi_of(std::string_view key) const;
  const AqiLevelStyle* style() const;  // nullptr when there is no AQI
};

// The exact path: each value as decimal text, exactly as published ("35.5", "2.45").
// Unknown keys and values that are not non-negative numbers are reported in not_computed and, being
// invalid, count as missing; they never count as zero.
using AqiTextValues = std::map<std::string, std::string, std::less<>>;
AqiResult compute_aqi(AqiStandard standard, const AqiTextValues& values,
                      AqiReport report = AqiReport::as_given);

// Values as doubles (e.g. from Reading::value): each is turned into the shortest decimal text that
// reads back as the same double (std::to_chars), then evaluated exactly as above.
using AqiNumberValues = std::map<std::string, double, std::less<>>;
AqiResult compute_aqi_numbers(AqiStandard standard, const AqiNumberValues& values,
                              AqiReport report = AqiReport::as_given);

// From a station's latest readings (reading.hpp metric keys and canonical units). When a metric
// appears more than once, the latest observation wins. Each value is taken to 12 significant digits
// (measured_text in metrics.hpp), which removes the last-bit noise of unit conversions. For `us`,
// gases are converted from ug/m3 to ppm/ppb at 25 °C and 1 atm (24.45 L/mol, the molar masses of the
// metric table, the same the normaliser used); the canonical metrics have no CO 8-hour mean, so co_8h
// is reported missing.
AqiResult realtime_aqi(AqiStandard standard, std::span<const Reading> latest);
AqiResult daily_aqi(AqiStandard standard, std::span<const Reading> latest);

// HJ 633-2026 Table 2: the pollutant group ("so2", "no2", "co", "o3", "pm") whose sensitive-groups
// advice applies to a key ("pm25_1h" -> "pm"), for levels.toml lookups.
std::string_view pollutant_of(std::string_view key);

}  // namespace kiosk::standards
