#include "kiosk/core/parse_util.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace kiosk {
namespace {

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

std::optional<Size> parse_size(std::string_view text) {
  auto x = text.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  auto w = parse_int(text.substr(0, x));
  auto h = parse_int(text.substr(x + 1));
  if (!w || !h || *w < 64 || *h < 64 || *w > 16384 || *h > 16384) return std::nullopt;
  return Size{*w, *h};
}

std::optional<double> parse_duration(std::string_view text) {
  double factor = 1;
  if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
    factor = 0.001;
    text.remove_suffix(2);
  } else if (!text.empty() && (text.back() == 's' || text.back() == 'm' || text.back() == 'h')) {
    factor = text.back() == 's' ? 1 : text.back() == 'm' ? 60 : 3600;
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  std::string s(text);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end || !std::isfinite(v) || v < 0) return std::nullopt;
  return v * factor;
}

std::optional<UnixTime> parse_iso_time(std::string_view t) {
  // YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)
  if (t.size() < 17 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':') return std::nullopt;
  auto y = parse_int(t.substr(0, 4)), mo = parse_int(t.substr(5, 2)), d = parse_int(t.substr(8, 2));
  auto h = parse_int(t.substr(11, 2)), mi = parse_int(t.substr(14, 2));
  if (!y || !mo || !d || !h || !mi || *mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 || *mi > 59)
    return std::nullopt;
  size_t i = 16;
  int sec = 0;
  if (i < t.size() && t[i] == ':') {
    auto s = parse_int(t.substr(i + 1, 2));
    if (!s || *s > 60) return std::nullopt;
    sec = *s;
    i += 3;
    if (i < t.size() && t[i] == '.') {
      ++i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    }
  }
  std::string_view zone = t.substr(i);
  int offset = 0;
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto zh = parse_int(zone.substr(1, 2)), zm = parse_int(zone.substr(4, 2));
    if (!zh || !zm) return std::nullopt;
    offset = (*zh * 60 + *zm) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  long long days = days_from_civil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d));
  return days * 86400 + *h * 3600LL + *mi * 60LL + sec - offset * 60LL;
}

}  // namespace kiosk
