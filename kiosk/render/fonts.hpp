// Finding a CJK-capable font at run time and building the ImGui atlas from the glyphs actually
// used (UI strings and all loaded content), never the full CJK range, so the atlas stays within
// the texture limit of a Pi 3's GPU (2048x2048).
#pragma once
#include <optional>
#include <string>

#include "kiosk/ui/fonts.hpp"

namespace kiosk::render {

struct FontFile {
  std::string path;
  int index = 0;  // face within a .ttc collection
};

// The configured file when given (it must exist), else the best Simplified Chinese face that
// fontconfig knows, else Debian's usual paths. On failure, `error` names the packages to install.
std::optional<FontFile> find_cjk_font(const std::string& configured, std::string& error);

struct AtlasInfo {
  int width = 0, height = 0;
  int glyphs = 0;
  double build_ms = 0;
};

// Clears io.Fonts and builds every role's font for `text` at `scale`. Fails (with `error`) when
// the font cannot be read or the atlas would exceed max_side in either direction.
bool build_fonts(const FontFile& font, const std::string& text, float scale, int max_side, ui::FontSet& out,
                 AtlasInfo& info, std::string& error);

}  // namespace kiosk::render
