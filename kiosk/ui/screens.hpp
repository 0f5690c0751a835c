// One draw entry point per screen (screen_*.cpp), plus the chrome around them (chrome.cpp).
#pragma once
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// The whole frame: status bar, the current screen, navigation. Call between NewFrame and Render.
void draw_frame(UiContext& ctx);

void draw_status_bar(UiContext& ctx);
void draw_alert(UiContext& ctx);          // alert_banner.cpp
// How far a banner alert pushes the screen down (0 for a full-screen notice): all of its text shows.
float alert_banner_height(const Alert& a, const Layout& l, const FontSet& fonts, Lang lang, const Strings& strings);
void draw_attract_hint(UiContext& ctx);   // alert_banner.cpp
void draw_editor_notice(UiContext& ctx);  // alert_banner.cpp: editor view only
void draw_navigation(UiContext& ctx);
// Whether the pack's `screens` list (or classroom mode) includes the screen; home always is.
bool screen_enabled(const UiContext& ctx, ScreenId id);

void draw_home(UiContext& ctx);
void draw_air(UiContext& ctx);
void draw_water(UiContext& ctx);
void draw_bay(UiContext& ctx);
void draw_waste(UiContext& ctx);
void draw_travel(UiContext& ctx);
void draw_game(UiContext& ctx);  // classroom mode
void draw_quiz(UiContext& ctx);  // classroom mode

}  // namespace kiosk::ui
