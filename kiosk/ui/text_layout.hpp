// Line breaking for mixed Chinese and English: breaks at spaces, and between any two CJK
// characters except before closing punctuation (，。、）…) or after opening punctuation, as
// Chinese typesetting does. ImGui 1.86 wraps only at ASCII spaces and punctuation.
#pragma once
#include <string_view>
#include <vector>

#include <imgui.h>

namespace kiosk::ui {

struct Line {
  std::string_view text;
  float width = 0;
};

// Splits `text` into lines no wider than `width` (a single unbreakable run may still overflow
// and is then cut by character). Newlines in the text always break.
std::vector<Line> break_lines(const ImFont& font, float size, std::string_view text, float width);

// At most two lines of `width`, and no Latin word wider than a line (it would be cut mid-word: "Hazardo/us");
// Chinese breaks between any two characters.
bool fits_two_lines(const ImFont& font, std::string_view text, float width);

// `text` shortened with "…" to fit `width`.
std::string_view fit_prefix(const ImFont& font, float size, std::string_view text, float width, bool& cut);

}  // namespace kiosk::ui
