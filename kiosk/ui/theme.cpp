#include "kiosk/ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace kiosk::ui {

Theme light_theme() {
  return Theme{};
}

Theme high_contrast_theme() {
  Theme t;
  t.background = IM_COL32(0, 0, 0, 255);
  t.surface = IM_COL32(0, 0, 0, 255);
  t.surface_pressed = IM_COL32(60, 60, 60, 255);
  t.border = IM_COL32(255, 255, 255, 255);
  t.text = IM_COL32(255, 255, 255, 255);
  t.text_muted = IM_COL32(235, 235, 235, 255);
  t.accent = IM_COL32(255, 214, 0, 255);
  t.on_accent = IM_COL32(0, 0, 0, 255);
  t.bar = IM_COL32(0, 0, 0, 255);
  t.on_bar = IM_COL32(255, 255, 255, 255);
  t.on_bar_muted = IM_COL32(235, 235, 235, 255);
  t.nav_active = IM_COL32(255, 214, 0, 255);
  t.warning = IM_COL32(255, 170, 80, 255);
  t.demo_badge = IM_COL32(255, 214, 0, 255);
  t.on_demo_badge = IM_COL32(0, 0, 0, 255);
  t.track = IM_COL32(90, 90, 90, 255);
  t.card_outline = true;
  return t;
}

Layout make_layout(ImVec2 size) {
  Layout l;
  l.size = size;
  const bool portrait = size.y > size.x;
  const float fit =
      portrait ? std::min(size.x / 1080.f, size.y / 1920.f) : std::min(size.x / 1920.f, size.y / 1080.f);
  l.scale = std::max(fit, 0.6f);
  l.status_height = l.px(76);
  l.nav_height = l.px(124);
  l.pad = l.px(28);
  l.gap = l.px(22);
  l.radius = l.px(18);
  // A fingertip, whatever the scale: 48 px on 1280x800 and larger panels, 40 px on the 7-inch 800x480.
  l.touch = std::max(l.px(64), std::min(size.x, size.y) >= 800 ? 48.f : 40.f);
  l.content_min = ImVec2(l.pad, l.status_height + l.pad);
  l.content_max = ImVec2(size.x - l.pad, size.y - l.nav_height - l.pad);
  return l;
}

ImU32 color_from_hex(const std::string& hex, ImU32 fallback) {
  if (hex.size() != 7 || hex[0] != '#') return fallback;
  char* end = nullptr;
  unsigned long v = std::strtoul(hex.c_str() + 1, &end, 16);
  if (*end) return fallback;
  return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255);
}

namespace {

double channel(unsigned c) {
  double s = c / 255.0;
  return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 c) {
  return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
         0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

double contrast_ratio(ImU32 a, ImU32 b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

ImU32 text_on(ImU32 background) {
  // The theme's ink where it reads at 4.5:1; otherwise pure black or white, whichever is stronger.
  const ImU32 ink = IM_COL32(22, 33, 45, 255), black = IM_COL32(0, 0, 0, 255),
              white = IM_COL32(255, 255, 255, 255);
  if (contrast_ratio(background, ink) >= 4.5 &&
      contrast_ratio(background, ink) >= contrast_ratio(background, white))
    return ink;
  return contrast_ratio(background, black) >= contrast_ratio(background, white) ? black : white;
}

ImU32 readable_ink(ImU32 preferred, ImU32 background, ImU32 fallback) {
  return contrast_ratio(preferred, background) >= 4.5 ? preferred : fallback;
}

}  // namespace kiosk::ui
