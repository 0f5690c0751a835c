// US AQI: EPA-454/B-24-002 (May 2024) Table 6 and its calculation rules (standards.md §2).
#include <span>

#include "kiosk/core/standards/aqi_tables.hpp"

namespace kiosk::standards {
namespace {

constexpr Segment row(std::int64_t lo, std::int64_t hi, int scale, int i_lo, int i_hi) {
  return {Decimal::of(lo, scale), Decimal::of(hi, scale), i_lo, i_hi};
}

// O3 ppm (3 decimals). 8-hour defines no AQI above 300; 1-hour none below 101.
constexpr Segment kEpaO3_8h[] = {row(0, 54, 3, 0, 50), row(55, 70, 3, 51, 100), row(71, 85, 3, 101, 150),
                                 row(86, 105, 3, 151, 200), row(106, 200, 3, 201, 300)};
constexpr Segment kEpaO3_1h[] = {row(125, 164, 3, 101, 150), row(165, 204, 3, 151, 200),
                                 row(205, 404, 3, 201, 300), row(405, 604, 3, 301, 500)};
// PM2.5 ug/m3 (1 decimal), 2024 values.
constexpr Segment kEpaPm25[] = {row(0, 90, 1, 0, 50),         row(91, 354, 1, 51, 100),
                                row(355, 554, 1, 101, 150),   row(555, 1254, 1, 151, 200),
                                row(1255, 2254, 1, 201, 300), row(2255, 3254, 1, 301, 500)};
// PM10 ug/m3 (integer).
constexpr Segment kEpaPm10[] = {row(0, 54, 0, 0, 50),       row(55, 154, 0, 51, 100),
                                row(155, 254, 0, 101, 150), row(255, 354, 0, 151, 200),
                                row(355, 424, 0, 201, 300), row(425, 604, 0, 301, 500)};
// CO ppm (1 decimal), 8-hour.
constexpr Segment kEpaCo[] = {row(0, 44, 1, 0, 50),       row(45, 94, 1, 51, 100),
                              row(95, 124, 1, 101, 150),  row(125, 154, 1, 151, 200),
                              row(155, 304, 1, 201, 300), row(305, 504, 1, 301, 500)};
// SO2 ppb (integer): 1-hour up to AQI 200; from 305 ppb the 24-hour value decides.
constexpr Segment kEpaSo2_1h[] = {row(0, 35, 0, 0, 50), row(36, 75, 0, 51, 100), row(76, 185, 0, 101, 150),
                                  row(186, 304, 0, 151, 200)};
constexpr Segment kEpaSo2_24h[] = {row(305, 604, 0, 201, 300), row(605, 1004, 0, 301, 500)};
// NO2 ppb (integer), 1-hour.
constexpr Segment kEpaNo2[] = {row(0, 53, 0, 0, 50),        row(54, 100, 0, 51, 100),
                               row(101, 360, 0, 101, 150),  row(361, 649, 0, 151, 200),
                               row(650, 1249, 0, 201, 300), row(1250, 2049, 0, 301, 500)};

struct Rule {
  std::string_view key;
  std::span<const Segment> rows;
  int places;  // truncation (TAD 2024 §IV: O3 3 decimals, PM2.5 1, PM10 0, CO 1, SO2 and NO2 0)
};

constexpr Rule kRules[] = {
    {"pm25_24h", kEpaPm25, 1},   {"pm10_24h", kEpaPm10, 0}, {"o3_8h", kEpaO3_8h, 3},
    {"o3_1h", kEpaO3_1h, 3},     {"co_8h", kEpaCo, 1},      {"so2_1h", kEpaSo2_1h, 0},
    {"so2_24h", kEpaSo2_24h, 0}, {"no2_1h", kEpaNo2, 0},
};

const Rule* rule_for(std::string_view key) {
  for (const Rule& r : kRules)
    if (r.key == key) return &r;
  return nullptr;
}

}  // namespace

std::vector<Segment> us_segments(std::string_view key) {
  const Rule* r = rule_for(key);
  if (!r) return {};
  return {r->rows.begin(), r->rows.end()};
}

KeyIndex us_key_index(std::string_view key, const Decimal& value) {
  KeyIndex out;
  const Rule* r = rule_for(key);
  if (!r) {
    out.note = "not a key of this standard";
    return out;
  }
  Decimal c = truncate(value, r->places);
  out.concentration = c;
  if (key == "o3_1h" && c < r->rows.front().c_lo) {
    out.note = "O3 1-hour below 0.125 ppm: no 1-hour AQI; the 8-hour value decides";
    return out;
  }
  if (key == "o3_8h" && c > r->rows.back().c_hi) {
    out.note = "O3 8-hour above 0.200 ppm: no 8-hour AQI; the 1-hour value decides";
    out.substitute = "o3_1h";
    return out;
  }
  if (key == "so2_1h" && c > r->rows.back().c_hi) {
    out.note = "SO2 1-hour of 305 ppb or more: no 1-hour AQI; the 24-hour value decides";
    out.substitute = "so2_24h";
    return out;
  }
  if (key == "so2_24h" && c < r->rows.front().c_lo) {
    out.note = "SO2 24-hour below 305 ppb: no AQI row; the 1-hour value decides";
    return out;
  }
  for (const Segment& s : r->rows) {
    if (c >= s.c_lo && c <= s.c_hi) {
      out.value = static_cast<int>(interpolate_round_half_up(s, c));
      return out;
    }
  }
  // Above the table: "Beyond the AQI", the top segment's equation extended (TAD 2024 note 4).
  out.value = static_cast<int>(interpolate_round_half_up(r->rows.back(), c));
  out.note = "beyond the AQI: top segment extended";
  return out;
}

}  // namespace kiosk::standards
