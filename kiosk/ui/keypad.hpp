// A numeric keypad at touch size (1-9, Delete, 0, OK) for the admin PIN. Keys and keyboard digits
// become AdminKey intents; the keypad never holds the digits itself.
#pragma once
#include <imgui.h>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// Draws the keypad in [min, max]; `enabled` false greys it out (the PIN is locked).
void draw_keypad(UiContext& ctx, ImVec2 min, ImVec2 max, bool enabled);

}  // namespace kiosk::ui
