// The kiosk application: content, data, model and UI state, and the frame function that the
// real display loop, `kiosk render` and `kiosk replay` all share.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>

#include "kiosk/app/data_feed.hpp"
#include "kiosk/app/input.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/render/display.hpp"
#include "kiosk/render/fonts.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_context.hpp"

struct ImGuiContext;

namespace kiosk {

struct AppOptions {
  std::filesystem::path content_dir = "content";
  std::optional<Lang> lang;  // start in this language instead of the content's default
};

class KioskApp {
 public:
  KioskApp(render::Display& display, const Clock& clock);
  ~KioskApp();
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  // Loads content and finds the font. Content problems are logged and the kiosk starts anyway;
  // an unreadable content folder or no font is an error (`error` is one line).
  bool start(const AppOptions& options, std::string& error);
  void set_feed(std::shared_ptr<DataFeed> feed);
  // Builds the font atlas for the content and the data seen so far; call once the feed is set,
  // before the first frame, so the atlas is built once.
  bool prepare(std::string& error) { return ensure_fonts(error); }

  void handle_event(const SDL_Event& event);
  // Draws a frame when something changed (input, data, state, the clock's minute) or when forced.
  bool frame(bool force = false);
  bool wants_frame() const;
  // Headless runs build every frame but rasterise only the ones that are saved (render, `shot`).
  void set_rasterize(bool on) { rasterize_ = on; }

  ui::ScreenId screen() const { return state_.screen; }
  Lang lang() const { return lang_; }
  void show(ui::ScreenId screen);
  void set_lang(Lang lang);
  const ui::FrameRecord& record() const { return record_; }
  const ContentPack& content() const { return content_; }
  const Model& model() const { return model_; }
  bool quit_requested() const { return quit_; }
  std::uint64_t frames_drawn() const { return frames_drawn_; }

 private:
  void refresh_model(bool force);
  void apply(const ui::Intent& intent);
  void step_screen(int direction);
  bool ensure_fonts(std::string& error);

  render::Display& display_;
  const Clock& clock_;
  ImGuiContext* imgui_ = nullptr;
  ContentPack content_;
  std::shared_ptr<DataFeed> feed_;
  SnapshotPtr snapshot_;
  Model model_;
  ui::ScreenState state_;
  Lang lang_ = Lang::zh;
  ui::Theme theme_;
  ui::Layout layout_;
  ui::FontSet fonts_;
  std::optional<render::FontFile> font_file_;
  float font_scale_ = 0;        // scale the atlas was built for; 0 forces a rebuild
  std::string data_glyph_text_;  // names that came with the data (bike stations…), added to the atlas
  PointerInput input_;
  ui::FrameRecord record_;
  int dirty_frames_ = 2;
  long long last_minute_ = -1;
  double last_frame_time_ = 0;
  std::uint64_t frames_drawn_ = 0;
  bool quit_ = false;
  bool rasterize_ = true;
};

}  // namespace kiosk
