// Exact non-negative decimal numbers for the standards: parsing from text, GB/T 8170 rounding,
// EPA truncation and interpolation between breakpoints without binary floating point.
//
// Why: the AQI rules take the ceiling of an interpolated value, and binary doubles put values like
// 50 + 25 x (2.2 - 2) a hair above 55, so the ceiling jumps to 56 (standards.md §1.3). Rounding
// "to the even digit" must also see the decimal text: the double nearest 2.45 is above 2.45.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::standards {

// Fraction digits kept exactly. Digits beyond them are folded into one "sticky" digit (a 1 in the
// next place), which keeps every rounding, truncation and comparison against numbers of up to
// kExactDigits decimals exact; every limit in the standards has at most 3.
constexpr int kExactDigits = 9;
// Values must be below this (integer part of at most 8 digits) so scaled arithmetic fits 64 bits.
constexpr std::int64_t kDecimalLimit = 100'000'000;

// value = units / 10^scale, with scale minimal (no trailing zeros in units unless units is 0).
struct Decimal {
  std::int64_t units = 0;
  int scale = 0;  // 0..kExactDigits + 1

  static constexpr Decimal of(std::int64_t units, int scale = 0) { return normalized(units, scale); }
  static constexpr Decimal normalized(std::int64_t units, int scale) {
    while (scale > 0 && units % 10 == 0) {
      units /= 10;
      --scale;
    }
    return {units, units == 0 ? 0 : scale};
  }
  friend constexpr bool operator==(const Decimal&, const Decimal&) = default;
};

enum class DecimalError { none, empty, not_a_number, negative, too_large };

// Plain decimal text: optional '+', digits with at most one '.', optional exponent ("1e-3").
// No spaces, no "nan"/"inf", no hex. "-0" is zero; any other negative value is an error.
std::optional<Decimal> parse_decimal(std::string_view text, DecimalError* why = nullptr);
// The shortest text that reads back as the same double (std::to_chars), then parse_decimal.
std::optional<Decimal> decimal_from_double(double value, DecimalError* why = nullptr);
// "expected a number", "must not be negative", … for messages naming a key.
const char* describe(DecimalError error);

std::string to_string(const Decimal& d);
double to_double(const Decimal& d);               // for display only
int compare(const Decimal& a, const Decimal& b);  // -1, 0, 1
inline bool operator<(const Decimal& a, const Decimal& b) {
  return compare(a, b) < 0;
}
inline bool operator<=(const Decimal& a, const Decimal& b) {
  return compare(a, b) <= 0;
}
inline bool operator>(const Decimal& a, const Decimal& b) {
  return compare(a, b) > 0;
}
inline bool operator>=(const Decimal& a, const Decimal& b) {
  return compare(a, b) >= 0;
}

// GB/T 8170-2008 §3.3 rounding to `places` decimals: a dropped part above half goes up, below half
// goes down, exactly half keeps an even last digit (2.45 -> 2.4, 2.35 -> 2.4, 35.5 -> 36, 36.5 -> 36).
Decimal round_half_even(const Decimal& d, int places);
// Drops the digits after `places` decimals (EPA: "truncate, do not round").
Decimal truncate(const Decimal& d, int places);

// One straight piece of an index: concentrations c_lo..c_hi map to index i_lo..i_hi.
struct Segment {
  Decimal c_lo, c_hi;
  int i_lo = 0, i_hi = 0;
};

// i_lo + (i_hi - i_lo) * (c - c_lo) / (c_hi - c_lo), exactly, then rounded up (HJ 633) or to the
// nearest integer with halves up (EPA). c may lie beyond c_hi (EPA's "beyond the AQI").
std::int64_t interpolate_ceil(const Segment& s, const Decimal& c);
std::int64_t interpolate_round_half_up(const Segment& s, const Decimal& c);

}  // namespace kiosk::standards
