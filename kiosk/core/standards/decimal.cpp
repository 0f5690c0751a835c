#include "kiosk/core/standards/decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace kiosk::standards {
namespace {

constexpr std::int64_t pow10(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::optional<Decimal> fail(DecimalError error, DecimalError* why) {
  if (why) *why = error;
  return std::nullopt;
}

// Both values with the same scale (the larger one); safe because values are below kDecimalLimit.
std::int64_t units_at(const Decimal& d, int scale) {
  return d.units * pow10(scale - d.scale);
}

// The interpolation as whole part plus an exact remainder: i_lo + whole + num / den, 0 <= num < den.
struct Split {
  std::int64_t whole = 0;
  std::int64_t num = 0;
  std::int64_t den = 1;
};

Split split(const Segment& s, const Decimal& c) {
  int scale = std::max({c.scale, s.c_lo.scale, s.c_hi.scale});
  std::int64_t lo = units_at(s.c_lo, scale), hi = units_at(s.c_hi, scale), x = units_at(c, scale);
  std::int64_t width = hi - lo;
  std::int64_t span = s.i_hi - s.i_lo;
  if (width <= 0) return {s.i_lo, 0, 1};
  std::int64_t offset = x - lo;
  // span * offset could overflow for values far beyond the segment; split offset first.
  std::int64_t q = offset / width, r = offset % width;
  std::int64_t whole = span * q + (span * r) / width;
  std::int64_t num = (span * r) % width;
  return {s.i_lo + whole, num, width};
}

}  // namespace

std::optional<Decimal> parse_decimal(std::string_view text, DecimalError* why) {
  if (why) *why = DecimalError::none;
  if (text.empty()) return fail(DecimalError::empty, why);
  size_t i = 0;
  bool negative = false;
  if (text[i] == '+' || text[i] == '-') {
    negative = text[i] == '-';
    ++i;
  }
  std::string digits;  // all mantissa digits, integer and fraction part
  int fraction_digits = 0;
  bool seen_point = false, seen_digit = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (is_digit(c)) {
      digits += c;
      seen_digit = true;
      if (seen_point) ++fraction_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return fail(DecimalError::not_a_number, why);
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    size_t start = i;
    while (i < text.size() && is_digit(text[i]) && i - start < 6)
      exponent = exponent * 10 + (text[i++] - '0');
    if (i == start) return fail(DecimalError::not_a_number, why);
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return fail(DecimalError::not_a_number, why);

  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return Decimal{};  // zero, "-0" included
  if (negative) return fail(DecimalError::negative, why);
  digits.erase(0, first);
  // value = digits x 10^power
  long power = exponent - fraction_digits;
  long integer_digits = static_cast<long>(digits.size()) + power;
  if (integer_digits > 8) return fail(DecimalError::too_large, why);
  if (power >= 0) {
    std::int64_t units = 0;
    for (char c : digits) units = units * 10 + (c - '0');
    return Decimal::normalized(units * pow10(static_cast<int>(power)), 0);
  }
  long fraction = -power;
  std::string kept = digits;
  bool sticky = false;
  if (fraction > kExactDigits) {
    long drop = fraction - kExactDigits;
    if (drop >= static_cast<long>(digits.size())) {
      kept.clear();
      sticky = true;  // digits holds a nonzero digit
    } else {
      kept = digits.substr(0, digits.size() - static_cast<size_t>(drop));
      sticky = digits.find_first_not_of('0', kept.size()) != std::string::npos;
    }
    fraction = kExactDigits;
  }
  std::int64_t units = 0;
  for (char c : kept) units = units * 10 + (c - '0');
  int scale = static_cast<int>(fraction);
  if (sticky) {
    units = units * 10 + 1;
    ++scale;
  }
  return Decimal::normalized(units, scale);
}

std::optional<Decimal> decimal_from_double(double value, DecimalError* why) {
  if (std::isnan(value) || std::isinf(value)) return fail(DecimalError::not_a_number, why);
  if (value < 0) return fail(DecimalError::negative, why);
  std::array<char, 64> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec != std::errc()) return fail(DecimalError::too_large, why);
  return parse_decimal(std::string_view(buffer.data(), static_cast<size_t>(end - buffer.data())), why);
}

const char* describe(DecimalError error) {
  switch (error) {
    case DecimalError::none:
      return "is a number";
    case DecimalError::empty:
      return "has no value";
    case DecimalError::not_a_number:
      return "is not a number";
    case DecimalError::negative:
      return "must not be negative";
    case DecimalError::too_large:
      return "is too large (must be below 100000000)";
  }
  return "is not a number";
}

std::string to_string(const Decimal& d) {
  std::string s = std::to_string(d.units);
  if (d.scale == 0) return s;
  if (static_cast<int>(s.size()) <= d.scale) s.insert(0, static_cast<size_t>(d.scale) + 1 - s.size(), '0');
  s.insert(s.size() - static_cast<size_t>(d.scale), ".");
  return s;
}

double to_double(const Decimal& d) {
  return static_cast<double>(d.units) / static_cast<double>(pow10(d.scale));
}

int compare(const Decimal& a, const Decimal& b) {
  int scale = std::max(a.scale, b.scale);
  std::int64_t x = units_at(a, scale), y = units_at(b, scale);
  return x < y ? -1 : (x > y ? 1 : 0);
}

Decimal round_half_even(const Decimal& d, int places) {
  if (d.scale <= places) return d;
  std::int64_t div = pow10(d.scale - places);
  std::int64_t q = d.units / div, r = d.units % div, half = div / 2;
  if (r > half || (r == half && q % 2 == 1)) ++q;
  return Decimal::normalized(q, places);
}

Decimal truncate(const Decimal& d, int places) {
  if (d.scale <= places) return d;
  return Decimal::normalized(d.units / pow10(d.scale - places), places);
}

std::int64_t interpolate_ceil(const Segment& s, const Decimal& c) {
  Split p = split(s, c);
  return p.whole + (p.num > 0 ? 1 : 0);
}

std::int64_t interpolate_round_half_up(const Segment& s, const Decimal& c) {
  Split p = split(s, c);
  return p.whole + (2 * p.num >= p.den ? 1 : 0);
}

}  // namespace kiosk::standards
