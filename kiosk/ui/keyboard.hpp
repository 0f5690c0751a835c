// The on-screen keyboard for the waste search, so a public screen needs no system input method:
// Latin letters (pinyin and English), digits, space, backspace and clear. Keys are at least a touch
// target (64 px at 1080p, scaled by Layout), show a bubble with the letter while pressed (the finger
// hides the key), and belong in the lower part of the screen, in reach of children and wheelchair
// users. Every key is a touch_area labelled with what it shows ("K", "7", "空格"), so replay's
// `type` taps keys by label as a finger would.
#pragma once
#include <string>

#include <imgui.h>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

struct KeyboardKey {
  enum class Kind { none, character, backspace, clear };
  Kind kind = Kind::none;
  char character = 0;  // lower-case letter, digit or space, for Kind::character
};

// Narrowest the keyboard may be: ten keys a touch target wide.
float keyboard_min_width(const Layout& l);
// Height of the keyboard at `width`: five rows of keys at least a touch target tall.
float keyboard_height(const Layout& l, float width);

// Draws the keyboard in [min, max] (as wide as given, keyboard_height tall) and returns the key
// tapped this frame, if any.
KeyboardKey draw_keyboard(UiContext& ctx, ImVec2 min, ImVec2 max);

// The label of the key that types `c` (a letter in either case, a digit, a space); empty when no
// key types it.
std::string keyboard_label(char c, const Strings& strings, Lang lang);

}  // namespace kiosk::ui
