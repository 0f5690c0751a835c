// Timestamp parsing: see time_parse.hpp for the accepted forms.
#include "kiosk/core/time_parse.hpp"

#include <cmath>
#include <cstdio>

namespace kiosk {
namespace {

// Reads exactly `n` digits at s[pos]; advances pos.
bool digits(std::string_view s, size_t& pos, int n, int& out) {
  if (pos + static_cast<size_t>(n) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos + static_cast<size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += static_cast<size_t>(n);
  out = v;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<int> parse_utc_offset(std::string_view text) {
  text = trim(text);
  if (text == "Z" || text == "z" || text == "UTC" || text == "GMT") return 0;
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  int sign = text[0] == '-' ? -1 : 1;
  size_t pos = 1;
  int hours = 0, minutes = 0;
  if (!digits(text, pos, 2, hours)) {
    pos = 1;
    if (!digits(text, pos, 1, hours)) return std::nullopt;
  }
  if (pos < text.size()) {
    if (text[pos] == ':') ++pos;
    if (!digits(text, pos, 2, minutes)) return std::nullopt;
  }
  if (pos != text.size() || hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

long long days_from_civil(int year, unsigned month, unsigned day) {
  // Shift the year to start in March so the leap day is the last day of the shifted year; then count
  // whole 400-year eras (146097 days each) and the days inside the era.
  long long y = static_cast<long long>(year) - (month <= 2 ? 1 : 0);
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long year_of_era = y - era * 400;
  long long shifted_month = month > 2 ? month - 3 : month + 9;
  long long day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::optional<UnixTime> timestamp_from_number(double value) {
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  if (value > 1e11) value /= 1000.0;
  if (value > 1e11) return std::nullopt;
  return static_cast<UnixTime>(std::floor(value));
}

std::optional<UnixTime> parse_timestamp(std::string_view text, int zone_offset) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  // An interval "start/end": the value describes the period that ends at `end`.
  if (auto slash = text.find('/');
      slash != std::string_view::npos && slash > 4 && text.size() > slash + 1 && text[4] == '-') {
    return parse_timestamp(text.substr(slash + 1), zone_offset);
  }
  // Digit strings are epoch seconds or milliseconds; fewer than 9 digits (before 1973) is more likely a
  // compact date like 20230101, which is refused rather than misread.
  if (all_digits(text)) {
    if (text.size() < 9) return std::nullopt;
    double v = 0;
    for (char c : text) v = v * 10 + (c - '0');
    return timestamp_from_number(v);
  }
  size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, pos, 4, year) || pos >= text.size()) return std::nullopt;
  char date_sep = text[pos];
  if (date_sep != '-' && date_sep != '/') return std::nullopt;
  ++pos;
  if (!digits(text, pos, 2, month) || pos >= text.size() || text[pos] != date_sep) return std::nullopt;
  ++pos;
  if (!digits(text, pos, 2, day)) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > days_in_month(year, month))
    return std::nullopt;
  int offset = zone_offset;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
    ++pos;
    if (!digits(text, pos, 2, hour) || pos >= text.size() || text[pos] != ':') return std::nullopt;
    ++pos;
    if (!digits(text, pos, 2, minute)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!digits(text, pos, 2, second)) return std::nullopt;
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;  // fractions are dropped: readings are per second at best
      }
    }
    if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute || second))) return std::nullopt;
    if (second == 60) second = 59;  // a leap second is shown as the second before it
    if (pos < text.size()) {
      auto parsed = parse_utc_offset(text.substr(pos));
      if (!parsed) return std::nullopt;
      offset = *parsed;
    }
  }
  long long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<UnixTime>(days * 86400 + hour * 3600 + minute * 60 + second - offset);
}

std::string format_iso_utc(UnixTime t) {
  long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  long long secs = t - days * 86400;
  // Inverse of days_from_civil.
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", y, m, d, secs / 3600,
                secs / 60 % 60, secs % 60);
  return buf;
}

}  // namespace kiosk
