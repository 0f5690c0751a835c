// Finding a CJK-capable font at run time and building the ImGui atlas pages from the glyphs actually
// used (UI strings, all loaded content including alerts, and the names that came with the data), never
// the full CJK range.
//
// Design (issue 13): one atlas page (texture) per font role, each at most max_side x max_side (2048 on
// a Pi 3). A role's page holds every character of its glyph set at that role's size. Which glyph set,
// and on which thread it is rasterised, is GlyphAtlas's business (glyph_atlas.hpp): the first frame gets
// only its own characters, the whole pack's follow on a worker thread.
// When a page would still exceed the limit (thousands of rare characters at title size), that role is
// rasterised smaller, by the area it lacks, and its glyphs are magnified back to the role's size: the
// text stays whole and in place, a little softer. The result is kept for that glyph set, so a full page
// is never rebuilt frame after frame.
#pragma once
#include <atomic>
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
  int shrunk = 0;  // roles rasterised smaller than their size to fit a page
  double build_ms = 0;
  std::string sizes;  // each page's, and the share of its height in use
};

// One atlas page per role, small first. The small page becomes io.Fonts (ImGui's default font and the
// shapes' white pixel); see GlyphAtlas. A partial build leaves the roles it did not build empty.
struct FontPages {
  std::vector<std::unique_ptr<ImFontAtlas>> pages;
  std::vector<ImFontAtlas*> all() const;
};

enum class FontRole { small, body, large, title, huge, large_title };
constexpr int kFontRoles = 6;
// Each role's font in a FontSet, in FontRole's order: set.*kRoleSlots[r].
inline constexpr ImFont* ui::FontSet::*kRoleSlots[kFontRoles] = {
    &ui::FontSet::small, &ui::FontSet::body, &ui::FontSet::large,
    &ui::FontSet::title, &ui::FontSet::huge, &ui::FontSet::large_title};

// The characters to rasterise for each role, as UTF-8. ASCII (or Latin-1) and the units' symbols are
// added, except to a probe: a space and '?' only, enough to lay out a frame and learn what it draws.
struct GlyphText {
  std::string roles[kFontRoles];
  bool latin1 = false;
  bool probe = false;
};

// Pages rasterised and converted to RGBA, not yet uploaded.
struct FontBuild {
  FontPages pages;
  ui::FontSet set;
  AtlasInfo info;
};

// A set of roles, one bit each (1 << role).
constexpr unsigned kAllRoles = (1u << kFontRoles) - 1;

// Rasterises the pages of the roles in `roles` for `text` at `scale`; the other roles' pages and fonts
// are left empty, for the caller to keep its own. Needs no ImGui context, so it runs on a worker
// thread; `cancel` (checked between pages) abandons it. Empty with `error` set when the font cannot be
// read or a page cannot fit `max_side`.
std::optional<FontBuild> build_font_pages(const FontFile& font, const GlyphText& text, float scale,
                                          int max_side, std::string& error,
                                          const std::atomic<bool>* cancel = nullptr,
                                          unsigned roles = kAllRoles);

// The roles' texts of a whole pack: `text` at every size, `display` (alert titles) also at the huge one.
// The large title role holds only what it has drawn (GlyphAtlas gives it that): until large text is
// turned on it is a page of a space and '?'.
GlyphText glyph_text_of(const std::string& text, const std::string& display);

}  // namespace kiosk::render
