#include "kiosk/core/gesture.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk {

Swipe classify_swipe(float dx, float dy, float seconds, float width, float height, const GestureConfig& cfg) {
  if (seconds > cfg.max_seconds) return Swipe::none;
  const float ax = std::fabs(dx), ay = std::fabs(dy);
  if (ax >= ay * cfg.dominance && ax >= std::max(cfg.min_pixels, cfg.min_fraction * width))
    return dx < 0 ? Swipe::left : Swipe::right;
  if (ay >= ax * cfg.dominance && ay >= std::max(cfg.min_pixels, cfg.min_fraction * height))
    return dy < 0 ? Swipe::up : Swipe::down;
  return Swipe::none;
}

bool moved_beyond_tap(float dx, float dy, float threshold_pixels) {
  return dx * dx + dy * dy > threshold_pixels * threshold_pixels;
}

}  // namespace kiosk
