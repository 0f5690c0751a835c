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

}  // namespace kiosk
