// The admin overlay: the PIN keypad, then the view with the kiosk's health and its three actions
// (reload content, pause the screen schedule, quit). Reached only by the hidden corner gesture.
#pragma once
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// The hidden corner (top left, no label, nothing drawn): reports each frame it is held. Call
// inside the main window, after the screen and the chrome, so it never covers a real button.
void admin_corner(UiContext& ctx);
// The overlay in its own window above everything; call after the main window ends.
void draw_admin(UiContext& ctx);

}  // namespace kiosk::ui
