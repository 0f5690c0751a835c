// The kiosk's side of the font pages: which font, at which scale, and which text beyond the pack's
// (station names that came with the data, the editor strip) the pages must hold. The pages themselves,
// and how they grow without stalling a frame, are render::GlyphAtlas's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kiosk/render/fonts.hpp"
#include "kiosk/render/glyph_atlas.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/text_run.hpp"

namespace kiosk {

// What the pages must hold for a pack: its font and every character it may show. Made with the pack's
// ContentSession (off the UI thread on a hot reload), so a frame never walks the whole pack for text.
struct GlyphNeeds {
  render::FontFile font;
  std::string text;     // all_text(pack): every string, at every size
  std::string display;  // display_text(pack): alert titles, also at the huge size
};

class KioskFonts {
 public:
  // Pass to ImGui::CreateContext: its io.Fonts outlives the context.
  ImFontAtlas* shared_atlas() { return atlas_.shared_atlas(); }

  // The needs of the pack on screen: when the font or the text changed, the next ensure() asks for
  // new pages.
  void set_needs(GlyphNeeds needs);
  // Text from outside the pack that must not show as '?'. Before the first pages exist it simply
  // joins the text they are built with; later only text with characters the pages lack joins, and
  // the next ensure() asks for new pages, so the text grows only by what is new.
  void need(const std::string& text);
  // Before a frame: asks for pages at `scale` when the scale or the text changed, and puts finished
  // pages on screen. False (with `error`) when the pages could not be made.
  bool ensure(float scale, int max_texture_side, std::string& error);
  // After a frame was built: true when its runs drew characters as '?' that are rasterised now.
  bool cover(const std::vector<ui::TextRun>& runs) { return atlas_.cover(runs); }
  bool lacks(const std::vector<ui::TextRun>& runs) const { return atlas_.lacks(runs); }
  // Headless: waits until every wanted character is on the pages.
  void wait() { atlas_.wait(); }
  void set_whole_pack(bool on) { atlas_.set_whole_pack(on); }

  // Read afresh each time, never kept: ensure() and cover() may replace the pages and free the fonts.
  const ui::FontSet& fonts() const { return atlas_.fonts(); }
  const render::FontPages& pages() const { return atlas_.pages(); }

 private:
  render::GlyphAtlas atlas_;
  std::optional<GlyphNeeds> needs_;
  float scale_ = 0;        // the pages were wanted for; 0 asks for new pages
  std::string data_text_;  // text from outside the pack, added to the pages
};

}  // namespace kiosk
