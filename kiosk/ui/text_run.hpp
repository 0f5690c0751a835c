// The one place a text run reaches a draw list, and the record of what each run showed.
//
// Fonts live on several atlas pages (one texture per role, see kiosk/render/fonts.hpp), and ImGui
// 1.86's ImDrawList::AddText draws with whatever texture is current, so every run binds its font's page
// here. Each run is also recorded with its rectangle, clip, pixel size and the characters it drew with
// the fallback glyph: the layout dump and the layout check (kiosk/ui/layout_check.hpp) read these.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/fonts.hpp"

namespace kiosk::ui {

struct TextRun {
  std::string text;        // as drawn (with "…" when shortened)
  ImVec2 min, max;         // the run's box: its advance width and the font's line height
  ImVec4 clip;             // the draw list's clip rectangle when it was drawn
  float px = 0;            // font size in pixels
  int missing_glyphs = 0;  // characters drawn with the fallback glyph
  bool truncated = false;  // the text was shortened to fit
  const ImFont* font =
      nullptr;  // which page: the glyph atlas adds what a run lacked (render/glyph_atlas.hpp)
  TextRole role = TextRole::body;  // by the font's role in the frame, or a RoleScope around the draw
};

// Text runs are recorded into `runs` while set (UI thread only; null stops recording). A run's role
// is the role of its font in `fonts` (the frame's set: in large-text mode the small role is drawn with
// the body page, and is still a caption).
void record_text_runs(std::vector<TextRun>* runs, const FontSet* fonts = nullptr);

// Runs drawn while it lives are of `role` (a timestamp, a source), whatever their font.
class RoleScope {
 public:
  explicit RoleScope(TextRole role);
  ~RoleScope();
  RoleScope(const RoleScope&) = delete;
  RoleScope& operator=(const RoleScope&) = delete;

 private:
  int previous_;
};

void add_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view s,
              bool truncated = false);
inline void add_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view s,
                     bool truncated = false) {
  add_text(dl, font, font->FontSize, pos, color, s, truncated);
}

// Characters of `s` (other than controls) the font has no glyph for.
int missing_glyphs(const ImFont& font, std::string_view s);

}  // namespace kiosk::ui
