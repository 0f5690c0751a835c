// Parsing of small values given on the command line or in scripts.
#pragma once
#include <optional>
#include <string_view>

#include "kiosk/core/reading.hpp"

namespace kiosk {

struct Size {
  int width = 0;
  int height = 0;
};

// "1920x1080" -> {1920, 1080}; each side 64..16384.
std::optional<Size> parse_size(std::string_view text);

// "2.5s", "300ms", "2m", "1h" or a bare number of seconds.
std::optional<double> parse_duration(std::string_view text);

}  // namespace kiosk
