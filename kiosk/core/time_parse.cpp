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

std::optional<std::chrono::sys_days> civil_day(int year, int month, int day) {
  if (year < static_cast<int>(std::chrono::year::min()) || year > static_cast<int>(std::chrono::year::max()))
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (month < 1 || month > 12 || day < 1 || !date.ok()) return std::nullopt;
  return std::chrono::sys_days{date};
}

std::optional<UnixTime> timestamp_from_number(double value) {
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  if (value > 1e11) value /= 1000.0;
  if (value > 1e11) return std::nullopt;
  return static_cast<UnixTime>(std::floor(value));
}

std::optional<WrittenTime> parse_written_time(std::string_view text) {
  using namespace std::chrono;
  text = trim(text);
  if (text.empty()) return std::nullopt;
  // An interval "start/end": the value describes the period that ends at `end`.
  if (auto slash = text.find('/');
      slash != std::string_view::npos && slash > 4 && text.size() > slash + 1 && text[4] == '-') {
    return parse_written_time(text.substr(slash + 1));
  }
  // Digit strings are epoch seconds or milliseconds; fewer than 9 digits (before 1973) is more likely a
  // compact date like 20230101, which is refused rather than misread.
  if (all_digits(text)) {
    if (text.size() < 9) return std::nullopt;
    double v = 0;
    for (char c : text) v = v * 10 + (c - '0');
    auto t = timestamp_from_number(v);
    if (!t) return std::nullopt;
    return WrittenTime{local_seconds{seconds{*t}}, 0};
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
  const auto date = civil_day(year, month, day);
  if (!date) return std::nullopt;
  std::optional<int> offset;
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
      offset = parse_utc_offset(text.substr(pos));
      if (!offset) return std::nullopt;
    }
  }
  return WrittenTime{local_days{date->time_since_epoch()} + hours{hour} + minutes{minute} + seconds{second},
                     offset};
}

std::optional<UnixTime> parse_timestamp(std::string_view text, int zone_offset) {
  auto written = parse_written_time(text);
  if (!written) return std::nullopt;
  return written->local.time_since_epoch().count() - written->offset.value_or(zone_offset);
}

std::optional<UnixTime> parse_instant(std::string_view text) {
  auto written = parse_written_time(text);
  if (!written || !written->offset) return std::nullopt;
  return written->local.time_since_epoch().count() - *written->offset;
}

std::string format_iso_utc(UnixTime t) {
  using namespace std::chrono;
  const sys_seconds instant{seconds{t}};
  const sys_days day = floor<days>(instant);
  const year_month_day date{day};
  const hh_mm_ss time{instant - day};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buf;
}

}  // namespace kiosk
