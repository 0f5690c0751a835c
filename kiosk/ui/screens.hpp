// One draw entry point per screen (screen_*.cpp), plus the chrome around them (chrome.cpp), and the
// UI's half of the screen table: each screen's icon, draw function and home tile (screens.cpp).
#pragma once
#include <span>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// The whole frame: status bar, the current screen, navigation. Call between NewFrame and Render.
void draw_frame(UiContext& ctx);

void draw_status_bar(UiContext& ctx);
void draw_alert(UiContext& ctx);  // alert_banner.cpp
// How far a banner alert pushes the screen down (0 for a full-screen notice): all of its text shows.
float alert_banner_height(const Alert& a, const Layout& l, const FontSet& fonts, Lang lang,
                          const Strings& strings);
void draw_attract_hint(UiContext& ctx);   // alert_banner.cpp
void draw_editor_notice(UiContext& ctx);  // alert_banner.cpp: editor view only
void draw_navigation(UiContext& ctx);
// Whether the pack's `screens` list (or classroom mode) includes the screen; home always is.
bool screen_enabled(const UiContext& ctx, ScreenId id);

using DrawScreen = void (*)(UiContext& ctx);
using DrawTile = void (*)(UiContext& ctx, ImVec2 min, ImVec2 max);

struct ScreenView {
  ScreenId id;                // its row in core's kScreens (name, string keys, classroom-only)
  Icon icon;                  // in the navigation bar and on its home tile
  DrawScreen draw;            // the whole screen, between the status bar and the navigation
  DrawTile tile = nullptr;    // its live tile on home; nullptr: none
  bool leading_tile = false;  // a large tile in home's first row (air and water)
};

// Every screen, in core's kScreens order.
std::span<const ScreenView> screen_views();
const ScreenView& screen_view(ScreenId id);

// A home tile's frame: card, icon and title, from the screen's row; true when tapped (screen_home.cpp).
bool tile(UiContext& ctx, ScreenId id, ImVec2 min, ImVec2 max);

}  // namespace kiosk::ui
