// The fonts screens draw with, by role. Filled by the render layer once the atlas is built.
#pragma once
#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace kiosk::ui {

struct FontSet {
  ImFont* small = nullptr;  // captions, ages, sources
  ImFont* body = nullptr;   // most text
  ImFont* large = nullptr;  // tile headings, buttons
  ImFont* title = nullptr;  // screen titles
  ImFont* huge = nullptr;   // the AQI number: digits and Latin only
  // Screen titles in large-text mode, one step above title; the app puts it in the title slot then.
  ImFont* large_title = nullptr;
};

// A role's pixel size. font_pixels() fills it for a layout scale; the defaults are the sizes at 1920x1080.
struct FontSizes {
  float small = 24;  // captions, timestamps, sources
  float body = 32;
  float large = 42;
  float title = 55;
  float huge = 120;
  float large_title = 72;  // titles in large-text mode
};

// Each step of the ladder is at least 1.3x the one below, because large-text mode draws every role one
// step up (small -> body -> large -> title -> large title). On a public screen, read from an arm's length or
// more, no role is at or below 16 px, and body text is at least 22 px on the 7-inch 800x480 (scale 0.6, about
// 4 mm) and 26 px on the 10-inch 1280x800 and larger panels. Whole pixels: a fractional size loses a
// glyph row between pixels. Inline: the render layer builds the pages from it and links no UI code.
inline FontSizes font_pixels(float scale) {
  const FontSizes base;
  const float step = 1.3f;
  auto at_least = [&](float base_px, float floor_px) {
    return std::max(std::floor(base_px * scale), floor_px);
  };
  FontSizes px;
  px.small = at_least(base.small, 17);
  px.body = at_least(base.body, std::max(scale < 0.65f ? 22.f : 26.f, std::ceil(px.small * step)));
  px.large = at_least(base.large, std::ceil(px.body * step));
  px.title = at_least(base.title, std::ceil(px.large * step));
  px.huge = std::floor(base.huge * scale);
  px.large_title = at_least(base.large_title, std::ceil(px.title * step));
  return px;
}

// What a run of text is, as the layout check judges it: only timestamps and sources may be at or under
// 16 px, and only secondary text (captions, timestamps, sources) may be shortened with "…".
enum class TextRole { caption, body, title, source, timestamp };
inline const char* role_name(TextRole role) {
  switch (role) {
    case TextRole::caption:
      return "caption";
    case TextRole::body:
      return "body";
    case TextRole::title:
      return "title";
    case TextRole::source:
      return "source";
    case TextRole::timestamp:
      return "timestamp";
  }
  return "body";
}
inline bool is_secondary(TextRole role) {
  return role == TextRole::caption || role == TextRole::source || role == TextRole::timestamp;
}

}  // namespace kiosk::ui
