// Finding a CJK-capable font at run time and building the ImGui atlas pages from the glyphs actually
// used (UI strings, all loaded content including alerts, and the names that came with the data), never
// the full CJK range.
//
// Design (issue 13): one atlas page (texture) per font role, each at most max_side x max_side (2048 on
// a Pi 3). A role's page holds every character of the glyph set at that role's size, so nothing the
// font has is ever drawn as '?'. The glyph set only grows while the kiosk runs (a fetched name or a new
// alert adds its characters); the app rebuilds the pages between frames when it grows, and only then.
// When a page would still exceed the limit (thousands of rare characters at title size), that role is
// rasterised smaller, by the area it lacks, and its glyphs are magnified back to the role's size: the
// text stays whole and in place, a little softer. The result is kept for that glyph set, so a full page
// is never rebuilt frame after frame.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
  int pages = 0;
  int width = 0, height = 0;  // the largest page
  long long area = 0;         // texels of every page together
  int glyphs = 0;
  int shrunk = 0;             // roles rasterised smaller than their size to fit a page
  double build_ms = 0;
};

// The atlas pages besides io.Fonts (which holds the small role and the shapes' white pixel).
struct FontPages {
  std::vector<std::unique_ptr<ImFontAtlas>> pages;
  std::vector<ImFontAtlas*> all() const;  // io.Fonts first
};

// Builds every role's font for `text` at `scale`, each role on its own page; `display` is the text also
// drawn with the huge role (alert titles). On success `pages` and io.Fonts are replaced; on failure
// (an unreadable font) they are left as they were, except when io.Fonts itself failed.
bool build_fonts(const FontFile& font, const std::string& text, const std::string& display, float scale,
                 int max_side, ui::FontSet& out, FontPages& pages, AtlasInfo& info, std::string& error);

}  // namespace kiosk::render
