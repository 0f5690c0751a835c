// The font pages on screen, and how they grow without ever stalling a frame (issue 13, items 1 and 7).
//
// - Start: the first pages hold a space and a question mark (about a millisecond). The first frame is drawn
// with
//   them, its text runs name the characters it lacked, and the pages are rasterised again with exactly
//   the text that frame draws (a few hundred glyphs) before the frame is shown. So the first screen
//   costs only its own glyphs.
// - Meanwhile a worker thread rasterises every character the pack and the data can show (want()).
//   The finished pages are uploaded between frames; until then the pages on screen stay.
// - New text while running (hot reload, fetched names, an alert) asks the worker again; a frame that
//   meets a character its pages lack before that build is in gets the same treatment as the first
//   frame (cover()), so no frame ever shows '?' for a character the font has and none waits for the
//   whole pack's rasterisation.
// - Only the roles that lacked a character are rasterised again; the others keep their pages.
// - The title role holds the characters titles have drawn, not the whole pack: most of the pack is body
//   text, and at title size it filled the biggest page (6 MiB of texture at 1920x1080 for about a hundred
//   characters ever drawn there). A title that meets a new character gets it as above, and the worker
//   then rasterises the title page again with every title character seen so far (that role alone).
//
// ImFontAtlas builds need no ImGui context (ImGui's allocation counter, a metrics field, is the only
// shared state they touch). The small role's page becomes io.Fonts, so ImGui's default font and
// the shapes' white pixel live on a page that is replaced with the rest; the context must therefore
// be created on shared_atlas(), which this object owns.
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/render/fonts.hpp"
#include "kiosk/ui/text_run.hpp"

namespace kiosk::render {

class GlyphAtlas {
 public:
  GlyphAtlas();
  ~GlyphAtlas();  // abandons a build in progress after its current page
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  // Pass to ImGui::CreateContext: a placeholder io.Fonts that outlives the context.
  ImFontAtlas* shared_atlas() { return &placeholder_; }

  // Every character that may be drawn (the pack's text, data names); rasterised on the worker.
  void want(const FontFile& font, std::string text, std::string display, float scale, int max_side);
  // UI thread, before a frame: puts a finished worker build on screen; rasterises Basic Latin now
  // when nothing at `scale` is on screen yet. False (with `error`) only when nothing can be drawn.
  bool update(std::string& error);
  // UI thread, after a frame was built: when its runs drew a character as '?' that these pages lack
  // and the font may have, rasterises the frame's text now and returns true: draw the frame again.
  bool cover(const std::vector<ui::TextRun>& runs);
  // Whether cover() would rasterise anything for these runs; changes nothing.
  bool lacks(const std::vector<ui::TextRun>& runs) const;
  // One-shot headless pictures (`kiosk render`) skip the whole pack: each frame still gets its glyphs.
  void set_whole_pack(bool on) { whole_pack_wanted_ = on; }
  // Blocks until the worker's build is done and puts it on screen (headless runs and tests).
  void wait();

  const ui::FontSet& fonts() const { return fonts_; }
  const FontPages& pages() const { return pages_; }
  bool whole_pack() const { return whole_pack_; }  // the pages hold every wanted character

 private:
  struct Job {
    FontFile font;
    GlyphText text;
    float scale = 0;
    int max_side = 2048;
    unsigned generation = 0;
    unsigned roles = kAllRoles;  // the roles whose text changed since the pages on screen were asked for
  };
  void run();
  void request();  // asks the worker for the wanted text and the extras, unless that is asked already
  bool install(FontBuild build, bool from_worker, std::string& error);
  bool build_now(const GlyphText& text, unsigned roles, std::string& error);
  int role_of(const ImFont* f) const;
  bool lacking(const std::vector<ui::TextRun>& runs, std::set<unsigned> (&per_role)[kFontRoles]) const;

  ImFontAtlas placeholder_;
  FontPages pages_;
  ui::FontSet fonts_;
  float scale_ = 0;          // of the pages on screen
  bool whole_pack_ = false;  // the pages on screen are the worker's, for the latest want()
  bool whole_pack_wanted_ = true;
  FontFile font_;  // as want() gave them
  std::string text_, display_;
  float scale_wanted_ = 0;
  int max_side_ = 2048;
  std::string extra_, extra_huge_;  // characters frames drew beyond want()'s text, kept for every build
  std::optional<Job> wanted_;       // the latest request: its font, scale and limit serve quick builds too
  std::set<unsigned> drawn_[kFontRoles];  // what quick builds hold, per role, since the worker's page
  std::set<unsigned> title_chars_;        // every character a title has drawn: the worker's title text
  std::set<unsigned> large_title_chars_;  // the same in large-text mode, for the large title role
  unsigned pending_roles_ = 0;            // asked of the worker and not yet on screen
  std::set<unsigned> absent_;             // asked for and still missing: the font lacks them

  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<Job> job_;         // waiting for the worker
  std::optional<FontBuild> done_;  // finished, for the UI thread
  std::string done_error_;
  unsigned generation_ = 0;  // of the latest want()
  unsigned done_generation_ = 0;
  unsigned done_roles_ = 0;
  bool busy_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace kiosk::render
