// The per-standard parts of the AQI: breakpoint tables as data and the index of one value.
// aqi.cpp combines them into an AqiResult; screens and commands use aqi.hpp, tests may use this.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/standards/aqi.hpp"
#include "kiosk/core/standards/decimal.hpp"

namespace kiosk::standards {

// The index of one value, or why there is none.
struct KeyIndex {
  std::optional<int> value;
  Decimal concentration;        // after the standard's input rounding or truncation
  std::string note;             // the special rule that decided, or the reason there is no index
  std::string_view substitute;  // a key whose index the standard reports instead (empty: none needed)
};

// HJ 633-2012 / HJ 633-2026 (version is cn2012 or cn2026). pm25_1h and pm10_1h use the daily columns.
std::vector<Segment> cn_segments(AqiStandard version, std::string_view key);
KeyIndex cn_key_index(AqiStandard version, std::string_view key, const Decimal& value);

// EPA 2024. Segments are the table rows, in the units the key uses.
std::vector<Segment> us_segments(std::string_view key);
KeyIndex us_key_index(std::string_view key, const Decimal& value);

}  // namespace kiosk::standards
