// China AQI: HJ 633-2012 Table 1 and HJ 633-2026 Table 3 as data (standards.md §1.1-1.3).
#include <array>

#include "kiosk/core/standards/aqi_tables.hpp"

namespace kiosk::standards {
namespace {

// IAQI at each breakpoint; a column lists the concentration at the first `points` of them.
constexpr std::array<int, 8> kIndex = {0, 50, 100, 150, 200, 300, 400, 500};

struct Column {
  std::array<int, 8> bp;  // ug/m3, CO mg/m3; every breakpoint of both versions is a whole number
  int points;
};

// Identical in both versions.
constexpr Column kSo2_24h{{0, 50, 150, 475, 800, 1600, 2100, 2620}, 8};
constexpr Column kSo2_1h{{0, 150, 500, 650, 800}, 5};  // ends at IAQI 200 (note 2 / note b)
constexpr Column kNo2_24h{{0, 40, 80, 180, 280, 565, 750, 940}, 8};
constexpr Column kNo2_1h{{0, 100, 200, 700, 1200, 2340, 3090, 3840}, 8};
constexpr Column kCo_24h{{0, 2, 4, 14, 24, 36, 48, 60}, 8};
constexpr Column kCo_1h{{0, 5, 10, 35, 60, 90, 120, 150}, 8};
constexpr Column kO3_1h{{0, 160, 200, 300, 400, 800, 1000, 1200}, 8};
constexpr Column kO3_8h{{0, 100, 160, 215, 265, 800}, 6};  // ends at IAQI 300 (note 3 / note c)
// PM10 and PM2.5 changed at IAQI 100 in 2026 (150 -> 120, 75 -> 60).
constexpr Column kPm10_2012{{0, 50, 150, 250, 350, 420, 500, 600}, 8};
constexpr Column kPm10_2026{{0, 50, 120, 250, 350, 420, 500, 600}, 8};
constexpr Column kPm25_2012{{0, 35, 75, 115, 150, 250, 350, 500}, 8};
constexpr Column kPm25_2026{{0, 35, 60, 115, 150, 250, 350, 500}, 8};

// The columns that end below IAQI 500. Above the top breakpoint HJ 633-2026 gives the IAQI the column
// ends at; HJ 633-2012 computes none and reports the IAQI of another key instead.
struct ShortColumn {
  std::string_view key;
  const char* name;
  const char* note_2026;  // the letter of the note in HJ 633-2026 Table 3
  std::string_view substitute_2012;
  const char* substitute_name;
};
constexpr ShortColumn kShortColumns[] = {
    {"so2_1h", "SO2 1-hour", "b", "so2_24h", "24-hour mean"},
    {"o3_8h", "O3 8-hour", "c", "o3_1h", "1-hour value"},
};

const ShortColumn* short_column(std::string_view key) {
  for (const ShortColumn& s : kShortColumns)
    if (s.key == key) return &s;
  return nullptr;
}

const Column* column_for(AqiStandard version, std::string_view key) {
  bool v2026 = version == AqiStandard::cn2026;
  if (key == "pm25_24h" || key == "pm25_1h") return v2026 ? &kPm25_2026 : &kPm25_2012;
  if (key == "pm10_24h" || key == "pm10_1h") return v2026 ? &kPm10_2026 : &kPm10_2012;
  if (key == "so2_24h") return &kSo2_24h;
  if (key == "so2_1h") return &kSo2_1h;
  if (key == "no2_24h") return &kNo2_24h;
  if (key == "no2_1h") return &kNo2_1h;
  if (key == "co_24h") return &kCo_24h;
  if (key == "co_1h") return &kCo_1h;
  if (key == "o3_1h") return &kO3_1h;
  if (key == "o3_8h") return &kO3_8h;
  return nullptr;
}

bool is_co(std::string_view key) {
  return key.starts_with("co_");
}

}  // namespace

std::vector<Segment> cn_segments(AqiStandard version, std::string_view key) {
  std::vector<Segment> out;
  const Column* column = column_for(version, key);
  if (!column) return out;
  for (int i = 1; i < column->points; ++i)
    out.push_back({Decimal::of(column->bp[i - 1]), Decimal::of(column->bp[i]), kIndex[i - 1], kIndex[i]});
  return out;
}

KeyIndex cn_key_index(AqiStandard version, std::string_view key, const Decimal& value) {
  KeyIndex out;
  const Column* column = column_for(version, key);
  if (!column || version == AqiStandard::us) {
    out.note = "not a key of this standard";
    return out;
  }
  // HJ 633-2026 §4.2.2/4.2.3: ug/m3 to integers, CO mg/m3 to one decimal, by GB/T 8170.
  // HJ 633-2012 uses the value as published.
  const bool v2026 = version == AqiStandard::cn2026;
  Decimal c = v2026 ? round_half_even(value, is_co(key) ? 1 : 0) : value;
  out.concentration = c;
  const Decimal top = Decimal::of(column->bp[column->points - 1]);

  const ShortColumn* short_col = short_column(key);
  if (short_col && c > top) {
    const std::string above = std::string(short_col->name) + " above " +
                              std::to_string(column->bp[column->points - 1]) + " ug/m3: ";
    if (v2026) {
      out.value = kIndex[static_cast<std::size_t>(column->points - 1)];
      out.note = above + "IAQI " + std::to_string(*out.value) + " (HJ 633-2026 Table 3 note " +
                 short_col->note_2026 + ")";
    } else {
      out.note = above + "HJ 633-2012 computes no IAQI from it and reports the IAQI of the " +
                 short_col->substitute_name + " (" + std::string(short_col->substitute_2012) + ") instead";
      out.substitute = short_col->substitute_2012;
    }
    return out;
  }
  if (c > top) {
    // Neither version defines a value above the top breakpoint; 500, as the reference
    // implementations do (standards.md §1.1).
    out.value = 500;
    out.note = "above the top breakpoint: IAQI 500";
    return out;
  }
  for (const Segment& s : cn_segments(version, key)) {
    if (c <= s.c_hi) {
      // HJ 633 §6.2 / §4.2.6: always round up.
      out.value = static_cast<int>(interpolate_ceil(s, c));
      return out;
    }
  }
  out.value = 500;  // unreachable: c <= top
  return out;
}

}  // namespace kiosk::standards
