// The canonical metric table (see metrics.hpp) and the few rules that need nothing but a row.
#include "kiosk/core/metrics.hpp"

#include <charconv>
#include <cmath>

namespace kiosk {
namespace {

using G = MetricGroup;

// Molar masses (g/mol, IUPAC standard atomic weights): the one table the kiosk converts gases with,
// both from a source's ppb/ppm and to the US standard's ppm/ppb.
constexpr double kSo2 = 64.066;
constexpr double kNo2 = 46.006;
constexpr double kO3 = 47.997;
constexpr double kCo = 28.010;

// Plausible ranges are what a monitoring instrument can report, so only a broken feed or a wrong
// unit falls outside; they never judge whether air or water is "too dirty to be true":
//   PM2.5, PM10   2,000 µg/m³: the top of beta-attenuation monitors' range (dust storms reach it)
//   SO2, NO2      20,000 µg/m³ (about 7.6 and 10.6 ppm): within analysers' 0-10/0-20 ppm ranges,
//                 far above any hourly value an urban station has published
//   O3            2,000 µg/m³ (about 1 ppm): the full scale of UV photometric analysers; the EPA
//                 scale ends at 0.604 ppm
//   CO            150 mg/m³ (about 130 ppm): within the 0-200 ppm range of gas-filter analysers
//   pH            0-14 by definition
//   DO            25 mg/L: over twice saturation at 0 °C (14.6 mg/L); supersaturated algal blooms stay below
//   other water   above untreated sewage (COD 250-1,000 mg/L, BOD5 100-400, NH3-N 20-80, TP 4-15,
//                 TN 20-85), so an outfall's sample passes and a unit error (µg/L sent as mg/L) does not
//   counts        whole numbers up to 100,000: the largest bike-share systems have fewer bikes in a
//                 whole city; a station never holds that many
constexpr Metric kMetrics[] = {
    // key       group     unit     M     dp  min max     whole aqi_key     pollutant string_key
    {"pm25_1h", G::air, "ug/m3", 0, 0, 0, 2000, false, "pm25_1h", "pm25", "pollutant.pm25_1h"},
    {"pm25_24h", G::air, "ug/m3", 0, 0, 0, 2000, false, "pm25_24h", "pm25", "pollutant.pm25_24h"},
    {"pm10_1h", G::air, "ug/m3", 0, 0, 0, 2000, false, "pm10_1h", "pm10", "pollutant.pm10_1h"},
    {"pm10_24h", G::air, "ug/m3", 0, 0, 0, 2000, false, "pm10_24h", "pm10", "pollutant.pm10_24h"},
    {"o3_1h", G::air, "ug/m3", kO3, 0, 0, 2000, false, "o3_1h", "o3", "pollutant.o3_1h"},
    {"o3_8h", G::air, "ug/m3", kO3, 0, 0, 2000, false, "o3_8h", "o3", "pollutant.o3_8h"},
    {"no2_1h", G::air, "ug/m3", kNo2, 0, 0, 20000, false, "no2_1h", "no2", "pollutant.no2_1h"},
    {"no2_24h", G::air, "ug/m3", kNo2, 0, 0, 20000, false, "no2_24h", "no2", "pollutant.no2_24h"},
    {"so2_1h", G::air, "ug/m3", kSo2, 0, 0, 20000, false, "so2_1h", "so2", "pollutant.so2_1h"},
    {"so2_24h", G::air, "ug/m3", kSo2, 0, 0, 20000, false, "so2_24h", "so2", "pollutant.so2_24h"},
    {"co_1h", G::air, "mg/m3", kCo, 1, 0, 150, false, "co_1h", "co", "pollutant.co_1h"},
    {"co_24h", G::air, "mg/m3", kCo, 1, 0, 150, false, "co_24h", "co", "pollutant.co_24h"},
    {"ph", G::water, "pH", 0, 2, 0, 14, false, "", "", "water_item.ph"},
    {"do", G::water, "mg/L", 0, 3, 0, 25, false, "", "", "water_item.do"},
    {"codmn", G::water, "mg/L", 0, 3, 0, 500, false, "", "", "water_item.codmn"},
    {"cod", G::water, "mg/L", 0, 3, 0, 2000, false, "", "", "water_item.cod"},
    {"bod5", G::water, "mg/L", 0, 3, 0, 1000, false, "", "", "water_item.bod5"},
    {"nh3n", G::water, "mg/L", 0, 3, 0, 200, false, "", "", "water_item.nh3n"},
    {"tp", G::water, "mg/L", 0, 3, 0, 50, false, "", "", "water_item.tp"},
    {"tn", G::water, "mg/L", 0, 3, 0, 200, false, "", "", "water_item.tn"},
    {"din", G::water, "mg/L", 0, 3, 0, 200, false, "", "", "water_item.din"},
    {"phosphate", G::water, "mg/L", 0, 3, 0, 50, false, "", "", "water_item.phosphate"},
    {"oil", G::water, "mg/L", 0, 3, 0, 200, false, "", "", "water_item.oil"},
    {"bikes_available", G::mobility, "count", 0, 0, 0, 100000, true, "", "", "travel.bikes"},
    {"docks_available", G::mobility, "count", 0, 0, 0, 100000, true, "", "", "travel.docks"},
};

}  // namespace

std::span<const Metric> metrics() {
  return kMetrics;
}

const Metric* find_metric(std::string_view key) {
  for (const Metric& m : kMetrics)
    if (m.key == key) return &m;
  return nullptr;
}

const char* group_name(MetricGroup group) {
  switch (group) {
    case MetricGroup::air:
      return "air";
    case MetricGroup::water:
      return "water";
    case MetricGroup::mobility:
      return "mobility";
  }
  return "air";
}

double ppb_to_ug_m3(const Metric& m, double ppb) {
  return ppb * m.molar_mass / kMolarVolume25C;
}
double ug_m3_to_ppb(const Metric& m, double ug_m3) {
  return ug_m3 * kMolarVolume25C / m.molar_mass;
}

bool is_plausible(const Metric& m, double value) {
  // A relative allowance of 1e-12 at the top: a unit conversion's last-bit error must not turn a
  // value published exactly at the top (CO 150 mg/m³ sent in ppb) into an implausible one.
  if (!std::isfinite(value) || value < m.min || value > m.max * (1 + 1e-12)) return false;
  return !m.whole || std::floor(value) == value;
}

std::string plausible_range_text(const Metric& m) {
  return measured_text(m.min) + "–" + measured_text(m.max) + " " + std::string(m.unit) +
         (m.whole ? ", whole numbers" : "");
}

std::string format_metric_value(const Metric& m, double value) {
  if (!std::isfinite(value)) return "–";
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, m.precision);
  if (ec != std::errc()) return "–";
  std::string s(buf, end);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string measured_text(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 12);
  if (ec != std::errc()) return "nan";
  return std::string(buf, end);
}

}  // namespace kiosk
