// Telling a swipe from a tap or a scroll, from where a finger went down, where it lifted and how
// long it took. Pure so it is tested without a screen.
#pragma once

namespace kiosk {

enum class Swipe { none, left, right, up, down };

struct GestureConfig {
  float min_fraction = 0.15f;  // of the screen width (or height): shorter moves are not swipes
  float min_pixels = 100.0f;   // and never shorter than this
  float max_seconds = 0.9f;    // a slow drag is a scroll or a change of mind, not a swipe
  float dominance = 1.6f;      // the main direction must be this many times the other
};

Swipe classify_swipe(float dx, float dy, float seconds, float width, float height,
                     const GestureConfig& cfg = {});

// True once a pointer has moved far enough that releasing it must not count as a tap.
bool moved_beyond_tap(float dx, float dy, float threshold_pixels);

}  // namespace kiosk
