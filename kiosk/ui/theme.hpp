// Colours and sizes of the kiosk, as plain structs. Sizes are given at 1920x1080 and scaled.
#pragma once
#include <string>

#include <imgui.h>

namespace kiosk::ui {

struct Theme {
  ImU32 background = IM_COL32(242, 245, 247, 255);
  ImU32 surface = IM_COL32(255, 255, 255, 255);
  ImU32 surface_pressed = IM_COL32(214, 228, 236, 255);
  ImU32 border = IM_COL32(205, 214, 221, 255);
  ImU32 text = IM_COL32(22, 33, 45, 255);
  ImU32 text_muted = IM_COL32(74, 86, 99, 255);
  ImU32 accent = IM_COL32(0, 105, 120, 255);  // sea teal
  ImU32 on_accent = IM_COL32(255, 255, 255, 255);
  ImU32 bar = IM_COL32(16, 46, 68, 255);  // status bar and navigation
  ImU32 on_bar = IM_COL32(255, 255, 255, 255);
  ImU32 on_bar_muted = IM_COL32(190, 210, 222, 255);
  ImU32 nav_active = IM_COL32(0, 105, 120, 255);
  ImU32 warning = IM_COL32(176, 58, 0, 255);  // stale or failing data
  ImU32 demo_badge = IM_COL32(255, 214, 102, 255);
  ImU32 on_demo_badge = IM_COL32(22, 33, 45, 255);
  ImU32 track = IM_COL32(222, 229, 234, 255);  // progress bar background
  bool card_outline = false;                   // high contrast: cards are outlined, not shaded
};

Theme light_theme();
// White and yellow on black, every pair at 7:1 or more; for low vision and bright sun on a dim panel.
Theme high_contrast_theme();

// Sizes at 1920x1080 (virtual pixels); Layout multiplies them by the scale.
struct Layout {
  float scale = 1;
  ImVec2 size;  // display size in pixels
  float status_height = 0;
  float nav_height = 0;
  float pad = 0;                    // outer margin
  float gap = 0;                    // between cards
  float radius = 0;                 // card corners
  float touch = 0;                  // minimum touch target side (64 px at 1080p)
  ImVec2 content_min, content_max;  // the area between status bar and navigation

  float px(float v) const { return v * scale; }
  float content_width() const { return content_max.x - content_min.x; }
  float content_height() const { return content_max.y - content_min.y; }
};

// Scale follows the shorter side relative to 1080p, but never below what keeps text readable
// and touch targets finger-sized on the official 7-inch 800x480 display.
Layout make_layout(ImVec2 display_size);

ImU32 color_from_hex(const std::string& hex, ImU32 fallback = IM_COL32(128, 128, 128, 255));
// WCAG contrast ratio between two opaque colours (1..21).
double contrast_ratio(ImU32 a, ImU32 b);
// Black or white text, whichever reads better on `background`.
ImU32 text_on(ImU32 background);
// A colour that carries meaning (a category's, a level's) as text, where it reads at 4.5:1 on
// `background`; otherwise `fallback`, the theme's ink (the meaning stays in the band and badge beside).
ImU32 readable_ink(ImU32 preferred, ImU32 background, ImU32 fallback);

}  // namespace kiosk::ui
