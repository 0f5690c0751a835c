// The kiosk application: content, data, model and UI state, and the frame function that the
// real display loop, `kiosk render` and `kiosk replay` all share. Defined in kiosk_app.cpp (start,
// reload, the model), kiosk_app_frame.cpp (the frame loop) and kiosk_app_input.cpp (input, intents).
#pragma once
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>

#include "kiosk/app/admin_mode.hpp"
#include "kiosk/app/app_options.hpp"
#include "kiosk/app/content_reloader.hpp"
#include "kiosk/app/content_session.hpp"
#include "kiosk/app/data_feed.hpp"
#include "kiosk/app/input.hpp"
#include "kiosk/app/intent_reducer.hpp"
#include "kiosk/app/kiosk_app_parts.hpp"
#include "kiosk/app/kiosk_fonts.hpp"
#include "kiosk/core/attention.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/core/search/missed_searches.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/render/display.hpp"
#include "kiosk/render/fonts.hpp"
#include "kiosk/render/picture_cache.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/layout_check.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_context.hpp"

struct ImGuiContext;

namespace kiosk {

class KioskApp {
 public:
  KioskApp(render::Display& display, const Clock& clock);
  ~KioskApp();
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  // Loads content and finds the font. Content problems are logged and the kiosk starts anyway;
  // an unreadable content folder or no font is an error (`error` is one line), and then the content,
  // search, font and model on screen stay as they were.
  bool start(const AppOptions& options, std::string& error);
  const AppOptions& options() const { return options_; }  // as last started
  void set_feed(std::shared_ptr<DataFeed> feed);
  // Builds the font atlas for the content and the data seen so far; call once the feed is set,
  // before the first frame, so the atlas is built once.
  bool prepare(std::string& error) { return ensure_fonts(error); }
  // `kiosk render` draws a few frames and exits: no worker rasterising the whole pack meanwhile.
  void set_whole_pack_glyphs(bool on) { glyphs_.set_whole_pack(on); }
  // Headless: waits until every character of the pack and data is rasterised (the worker's pages).
  void wait_for_fonts();

  void handle_event(const SDL_Event& event);
  // Draws a frame when something changed (input, data, state, the clock's minute) or when forced.
  bool frame(bool force = false);
  bool wants_frame() const;
  // Headless runs build every frame but rasterise only the ones that are saved (render, `shot`).
  void set_rasterize(bool on) { frame_.rasterize = on; }
  // Headless: waits until the pictures asked for so far are decoded, so a saved frame shows them.
  void wait_for_pictures();

  ui::ScreenId screen() const { return state_.screen; }
  Lang lang() const { return lang_; }
  void show(ui::ScreenId screen);
  // Opens an item of the current screen (a station, bay page or waste category), as a tap would.
  void select(const std::string& id);
  // As typed on the waste screen's keyboard; a step of the classroom game or quiz, as a tap would.
  void search(const std::string& text) { apply(ui::Search{text}); }
  void classroom_move(const classroom::Move& move) { apply(ui::Play{move}); }
  // Accessibility modes, as the navigation bar's buttons switch them.
  void toggle_high_contrast() { apply(ui::ToggleContrast{}); }
  void toggle_large_text() { apply(ui::ToggleLargeText{}); }
  void set_lang(Lang lang);
  const ui::FrameRecord& record() const { return record_; }
  // Read afresh each time: a frame that lacked glyphs replaces the pages (and frees the old fonts).
  const ui::FontSet& fonts() const { return glyphs_.fonts(); }
  // The last frame's screen, size, language and theme, as the layout dump and check name them.
  ui::LayoutFrame layout_frame() const;
  const render::FontPages& font_pages() const { return glyphs_.pages(); }
  const ContentPack& content() const { return content_; }
  // Errors in the content pack the kiosk was started with (render exits 1 when there were any).
  // Waits for the pictures' full decode (started by start() on a worker) to count its problems too.
  int content_errors() {
    take_picture_check(true);
    return report_.errors;
  }
  // Packs refused since the start: at start for errors (a fallback was shown), on reloads for errors or
  // a missing font.
  std::uint64_t content_rejected() const { return report_.rejected; }
  // What the --editor strip says: "content problem", the counts and the first problem; empty when none.
  const std::string& content_notice() const { return report_.notice; }
  const Model& model() const { return model_; }
  bool quit_requested() const { return quit_; }
  // Idle reset, attract rotation and sleep (outside the schedule); see kiosk/core/attention.hpp.
  Attention attention() const { return attention_.state(); }
  // Live kiosks shift the picture by a few pixels every ten minutes against burn-in.
  void set_burn_in_shift(bool on) { frame_.burn_in_shift = on; }
  bool classroom() const { return classroom_; }
  std::uint64_t frames_drawn() const { return frame_.drawn; }
  const render::PictureCache& pictures() const { return *pictures_; }  // textures in use (soak test)
  // The waste search on screen (waits for the one built beside the first frame).
  const search::SearchIndex& search_index() {
    take_search(true);
    return search_;
  }
  // Waste searches that found nothing, counted per term; kept in `file` (the cache folder) when set.
  void keep_missed_searches(const std::filesystem::path& file) { missed_searches_.keep_in(file); }
  const search::MissedSearches& missed_searches() const { return missed_searches_; }
  // The intents carried out since the last forget_intents(), each as ui::describe() writes it (replay's
  // `expect intent`); the oldest are dropped past kIntentLog.
  const std::vector<std::string>& intents_carried_out() const { return intent_log_; }
  void forget_intents() { intent_log_.clear(); }
  static constexpr std::size_t kIntentLog = 64;

  // Lockdown (the fullscreen kiosk): no key, gesture or window close quits; only the admin view can.
  void set_locked_down(bool on);
  AdminMode& admin() { return admin_; }
  const ui::AdminView& admin_view() const { return state_.admin; }
  bool admin_quit() const { return admin_quit_; }  // the quit came from the admin view
  // Reads the content folder again (admin view); a source's address changes only at a restart.
  bool reload_content(std::string& error);

 private:
  void refresh_model(bool force);
  void apply(const ui::Intent& intent);
  void take(std::optional<Reduction> r);  // the reducer's new state, redraw and missed-search cue
  void step_screen(int direction);
  void reset_visit();
  void apply_reload(ReloadResult result);
  void refuse_reload(const ReloadResult& result);
  void swap_in(ContentSession& session);
  void draw_overlays(double now);
  void apply_admin(AdminMode::Action action);
  bool ensure_fonts(std::string& error);

  // One frame: between_frames, then (when one is due) fonts_ready, build_frame, present, carry_out.
  bool frame_once(bool force);
  void between_frames();
  bool fonts_ready();
  void build_frame(double now, std::vector<KioskKey>& keys, std::vector<ui::Intent>& intents);
  void present();
  void carry_out(const std::vector<ui::Intent>& intents, const std::vector<KioskKey>& keys, double now);
  void take_picture_check(bool wait);  // logs and counts what the full decode found
  void take_search(bool wait);         // the search built beside the first frame, once it is done

  // Where it draws and what time it is.
  render::Display& display_;
  const Clock& clock_;
  KioskFonts glyphs_;  // before imgui_: its io.Fonts outlives the context
  ImGuiContext* imgui_ = nullptr;
  std::unique_ptr<render::PictureCache> pictures_;
  FrameLoop frame_;
  int dirty_frames_ = 2;  // frames still to draw because something changed
  bool quit_ = false;

  // The content session on screen: the pack, its waste search and (in glyphs_) its glyph needs,
  // replaced together by swap_in(), and what is known of its problems.
  AppOptions options_;  // kept for a reload without the watcher, which starts again with them
  ContentPack content_;
  search::SearchIndex search_;
  std::future<search::SearchIndex> search_later_;  // at start, until take_search() moves it in
  std::unique_ptr<ContentReloader> reloader_;
  ContentReport report_;

  // The data and the model built from it and the content.
  std::shared_ptr<DataFeed> feed_;
  SnapshotPtr snapshot_;
  Model model_;

  // What the visitor sees and does.
  ui::ScreenState state_;
  Lang lang_ = Lang::zh;
  ui::Theme theme_;
  ui::Layout layout_;
  PointerInput input_;
  ui::FrameRecord record_;
  AttentionState attention_{0};
  bool swallowing_ = false;  // the touch that woke the kiosk, until it lifts
  bool classroom_ = false;
  search::MissedSearches missed_searches_;

  // The operator's side: lockdown and the admin view.
  AdminMode admin_;
  bool locked_down_ = false;
  bool admin_quit_ = false;
  bool admin_corner_held_ = false;       // the hidden corner was held in the last frame
  std::vector<std::string> intent_log_;  // the last intents by name, for replay's `expect intent`
};

}  // namespace kiosk
