#include "kiosk/ui/text_run.hpp"

#include <imgui_internal.h>

namespace kiosk::ui {
namespace {
// UI thread only.
std::vector<TextRun>* g_runs = nullptr;
const FontSet* g_fonts = nullptr;
int g_role = -1;  // a RoleScope's role, or -1

TextRole role_of(const ImFont* font) {
  if (g_role >= 0) return static_cast<TextRole>(g_role);
  if (!g_fonts || font == g_fonts->body) return TextRole::body;
  if (font == g_fonts->small) return TextRole::caption;
  return TextRole::title;
}
}  // namespace

void record_text_runs(std::vector<TextRun>* runs, const FontSet* fonts) {
  g_runs = runs;
  g_fonts = runs ? fonts : nullptr;
}

RoleScope::RoleScope(TextRole role) : previous_(g_role) {
  g_role = static_cast<int>(role);
}

RoleScope::~RoleScope() {
  g_role = previous_;
}

int missing_glyphs(const ImFont& font, std::string_view s) {
  int missing = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    p += n > 0 ? n : 1;
    if (c >= 0x20 && c != 0x7F && !font.FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
  }
  return missing;
}

void add_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view s,
              bool truncated) {
  if (s.empty()) return;
  const ImTextureID page = font->ContainerAtlas->TexID;
  const bool other_page = page != dl->_CmdHeader.TextureId;
  if (other_page) dl->PushTextureID(page);
  dl->AddText(font, size, pos, color, s.data(), s.data() + s.size());
  if (other_page) dl->PopTextureID();
  if (!g_runs) return;
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size());
  const ImVec4 clip = dl->_CmdHeader.ClipRect;
  g_runs->push_back({std::string(s), pos, ImVec2(pos.x + extent.x, pos.y + extent.y), clip, size,
                     missing_glyphs(*font, s), truncated, font, role_of(font)});
}

}  // namespace kiosk::ui
