// Look-ups over the screen table (see screens.hpp).
#include "kiosk/core/screens.hpp"

namespace kiosk {

std::optional<ScreenId> screen_from_name(std::string_view name) {
  for (const ScreenInfo& s : kScreens)
    if (name == s.name) return s.id;
  return std::nullopt;
}

std::string screen_names() {
  std::string out;
  for (const ScreenInfo& s : kScreens) out += (out.empty() ? "" : ", ") + std::string(s.name);
  return out;
}

std::vector<std::string> resident_screen_names() {
  std::vector<std::string> out;
  for (const ScreenInfo& s : kScreens)
    if (!s.classroom_only) out.emplace_back(s.name);
  return out;
}

}  // namespace kiosk
