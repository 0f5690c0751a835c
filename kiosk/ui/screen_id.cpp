#include "kiosk/ui/screen_id.hpp"

namespace kiosk::ui {

const char* screen_name(ScreenId id) {
  switch (id) {
    case ScreenId::home: return "home";
    case ScreenId::air: return "air";
    case ScreenId::water: return "water";
    case ScreenId::bay: return "bay";
    case ScreenId::waste: return "waste";
    case ScreenId::travel: return "travel";
    case ScreenId::game: return "game";
    case ScreenId::quiz: return "quiz";
  }
  return "home";
}

std::optional<ScreenId> screen_from_name(std::string_view name) {
  for (ScreenId id : kAllScreens)
    if (name == screen_name(id)) return id;
  return std::nullopt;
}

std::string screen_names() {
  std::string out;
  for (ScreenId id : kAllScreens) out += (out.empty() ? "" : ", ") + std::string(screen_name(id));
  return out;
}

}  // namespace kiosk::ui
