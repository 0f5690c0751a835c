// Binds each screen of core's table (kiosk/core/screens.hpp) to its icon, draw function and home tile.
#include "kiosk/ui/screens.hpp"

#include <cassert>

namespace kiosk::ui {

// Screens: one file each, kiosk/ui/screen_NAME.cpp.
void draw_home(UiContext& ctx);
void draw_air(UiContext& ctx);
void draw_water(UiContext& ctx);
void draw_bay(UiContext& ctx);
void draw_waste(UiContext& ctx);
void draw_travel(UiContext& ctx);
void draw_game(UiContext& ctx);
void draw_quiz(UiContext& ctx);

// Home's tiles (screen_home.cpp).
void air_tile(UiContext& ctx, ImVec2 min, ImVec2 max);
void water_tile(UiContext& ctx, ImVec2 min, ImVec2 max);
void bay_tile(UiContext& ctx, ImVec2 min, ImVec2 max);
void waste_tile(UiContext& ctx, ImVec2 min, ImVec2 max);
void travel_tile(UiContext& ctx, ImVec2 min, ImVec2 max);

namespace {

constexpr ScreenView kScreenViews[] = {
    {ScreenId::home, Icon::home, draw_home},
    {ScreenId::air, Icon::air, draw_air, air_tile, true},
    {ScreenId::water, Icon::water, draw_water, water_tile, true},
    {ScreenId::bay, Icon::bay, draw_bay, bay_tile},
    {ScreenId::waste, Icon::waste, draw_waste, waste_tile},
    {ScreenId::travel, Icon::travel, draw_travel, travel_tile},
    {ScreenId::game, Icon::game, draw_game},
    {ScreenId::quiz, Icon::quiz, draw_quiz},
};

}  // namespace

std::span<const ScreenView> screen_views() {
  return kScreenViews;
}

const ScreenView& screen_view(ScreenId id) {
  const auto i = static_cast<std::size_t>(id);
  assert(i < std::size(kScreenViews) && kScreenViews[i].id == id && "kScreenViews follows kScreens' order");
  return kScreenViews[i];
}

}  // namespace kiosk::ui
