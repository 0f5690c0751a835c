// The kiosk's side of the font pages: which font, at which scale, and which text beyond the pack's
// (station names that came with the data, the editor strip) the pages must hold. The pages themselves,
// and how they grow without stalling a frame, are render::GlyphAtlas's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/render/fonts.hpp"
#include "kiosk/render/glyph_atlas.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/text_run.hpp"

namespace kiosk {

class KioskFonts {
 public:
  // Pass to ImGui::CreateContext: its io.Fonts outlives the context.
  ImFontAtlas* shared_atlas() { return atlas_.shared_atlas(); }

  // The font a (re)started pack names: the next ensure() asks for new pages.
  void set_font(render::FontFile font);
  // New text in the pack: the next ensure() asks for new pages with it.
  void rebuild() { scale_ = 0; }
  // Text from outside the pack that must not show as '?'. Before the first pages exist it simply
  // joins the text they are built with; later only text with characters the pages lack joins, and
  // the next ensure() asks for new pages, so the text grows only by what is new.
  void need(const std::string& text);
  // Before a frame: asks for pages at `scale` when the scale or the text changed, and puts finished
  // pages on screen. False (with `error`) when the pages could not be made.
  bool ensure(const ContentPack& content, float scale, int max_texture_side, std::string& error);
  // After a frame was built: true when its runs drew characters as '?' that are rasterised now.
  bool cover(const std::vector<ui::TextRun>& runs) { return atlas_.cover(runs); }
  // Headless: waits until every wanted character is on the pages.
  void wait() { atlas_.wait(); }
  void set_whole_pack(bool on) { atlas_.set_whole_pack(on); }

  // Read afresh each time, never kept: ensure() and cover() may replace the pages and free the fonts.
  const ui::FontSet& fonts() const { return atlas_.fonts(); }
  const render::FontPages& pages() const { return atlas_.pages(); }

 private:
  render::GlyphAtlas atlas_;
  std::optional<render::FontFile> font_;
  float scale_ = 0;        // the pages were wanted for; 0 asks for new pages
  std::string data_text_;  // text from outside the pack, added to the pages
};

}  // namespace kiosk
