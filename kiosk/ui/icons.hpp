// Icons drawn in code from simple shapes: ours to ship, sharp at every size, no picture files.
#pragma once
#include <string_view>

#include <imgui.h>

namespace kiosk::ui {

enum class Icon {
  home,
  air,
  water,
  bay,
  waste,
  travel,
  recyclable,
  hazardous,
  kitchen,
  other,
  language,
  back,
  bike,
  dock,
  game,
  quiz
};

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 center, float size, ImU32 color);

// The icon of a waste category by its id (recyclable, hazardous, kitchen; anything else: other).
Icon category_icon(std::string_view id);

// Right and wrong marks, drawn beside the colour so an answer never depends on colour alone.
void check_mark(ImDrawList* dl, ImVec2 center, float size, ImU32 color);
void cross_mark(ImDrawList* dl, ImVec2 center, float size, ImU32 color);

// A face whose expression worsens with the level (1-6), so the level never depends on colour alone.
void draw_level_icon(ImDrawList* dl, ImVec2 center, float size, int level, ImU32 color);

}  // namespace kiosk::ui
