#include "kiosk/ui/fonts.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

FontSizes font_pixels(float scale) {
  const FontSizes base;
  const float step = 1.3f;
  auto at_least = [&](float base_px, float floor_px) { return std::max(std::floor(base_px * scale), floor_px); };
  FontSizes px;
  px.small = at_least(base.small, 17);
  px.body = at_least(base.body, std::max(scale < 0.65f ? 22.f : 26.f, std::ceil(px.small * step)));
  px.large = at_least(base.large, std::ceil(px.body * step));
  px.title = at_least(base.title, std::ceil(px.large * step));
  px.huge = std::floor(base.huge * scale);
  return px;
}

const char* role_name(TextRole role) {
  switch (role) {
    case TextRole::caption: return "caption";
    case TextRole::body: return "body";
    case TextRole::title: return "title";
    case TextRole::source: return "source";
    case TextRole::timestamp: return "timestamp";
  }
  return "body";
}

}  // namespace kiosk::ui
