// The one place a text run reaches a draw list. Fonts live on several atlas pages (one texture per
// role, see kiosk/render/fonts.hpp), and ImGui 1.86's ImDrawList::AddText draws with whatever texture
// is current, so every run binds its font's page here.
#pragma once
#include <string_view>

#include <imgui.h>

namespace kiosk::ui {

void add_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view s);
inline void add_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view s) {
  add_text(dl, font, font->FontSize, pos, color, s);
}

}  // namespace kiosk::ui
