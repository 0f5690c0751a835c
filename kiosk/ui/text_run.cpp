#include "kiosk/ui/text_run.hpp"

namespace kiosk::ui {

void add_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view s) {
  if (s.empty()) return;
  const ImTextureID page = font->ContainerAtlas->TexID;
  const bool other_page = page != dl->_CmdHeader.TextureId;
  if (other_page) dl->PushTextureID(page);
  dl->AddText(font, size, pos, color, s.data(), s.data() + s.size());
  if (other_page) dl->PopTextureID();
}

}  // namespace kiosk::ui
