// KioskApp, part 2 of 3: the frame loop that the display, `kiosk render` and `kiosk replay` share.
//
// [SECTION] One frame, drawn again when it lacked glyphs
// [SECTION] Between frames: content, data, pictures, attention
// [SECTION] Drawing: fonts, the screens, presenting
// [SECTION] After drawing: intents, swipes and keys
// [SECTION] Attract fades, sleep and burn-in
#include <algorithm>

#include <imgui.h>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/render/sdl_renderer_backend.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk {
namespace {

constexpr double kLessonIdleSeconds = 600;  // classroom mode, on the game or quiz: ten minutes

}  // namespace

// [SECTION] One frame, drawn again when it lacked glyphs

bool KioskApp::frame(bool force) {
  // A frame drawn again may draw more than the first: a picture that arrived in between can make room
  // for a legend. So each pass covers what it drew, and only the last is shown whatever it lacks.
  constexpr int kGlyphPasses = 3;
  frame_.redraw_for_glyphs = false;
  const bool drawn = frame_once(force);
  for (int pass = 2; drawn && frame_.redraw_for_glyphs && pass <= kGlyphPasses; ++pass) {
    --frame_.drawn;  // the frame that drew '?' was not shown
    frame_.glyph_last_pass = pass == kGlyphPasses;
    frame_.redraw_for_glyphs = false;
    frame_once(true);
  }
  frame_.glyph_last_pass = false;
  return drawn;
}

bool KioskApp::wants_frame() const {
  return dirty_frames_ > 0 || input_.pointer_down() || clock_.wall() / 60 != frame_.last_minute ||
         state_.classroom.due(clock_.monotonic()) ||  // the game's countdown
         admin_.wants_frame(clock_.monotonic(), state_.admin);
}

bool KioskApp::frame_once(bool force) {
  ImGui::SetCurrentContext(imgui_);
  between_frames();
  if (!force && !wants_frame()) return false;
  if (!fonts_ready()) return false;
  const double now = clock_.monotonic();
  std::vector<KioskKey> keys;
  std::vector<ui::Intent> intents;
  build_frame(now, keys, intents);
  // Characters drawn as '?' that the pages lack: rasterised now, and the frame drawn again.
  // The last pass is shown, so its pages must stay: what it lacks is rasterised for the next frame.
  if (!frame_.glyph_last_pass && glyphs_.cover(record_.runs)) frame_.redraw_for_glyphs = true;
  if (frame_.glyph_last_pass && glyphs_.lacks(record_.runs)) dirty_frames_ = std::max(dirty_frames_, 2);
  if (frame_.rasterize && !frame_.redraw_for_glyphs) present();
  ++frame_.drawn;
  if (record_.animating) dirty_frames_ = std::max(dirty_frames_, 2);
  frame_.last_minute = clock_.wall() / 60;
  if (dirty_frames_ > 0) --dirty_frames_;
  carry_out(intents, keys, now);
  return true;
}

// [SECTION] Between frames: content, data, pictures, attention

// Content, data, pictures and the attention state move on whether a frame is drawn or not.
void KioskApp::between_frames() {
  take_picture_check(false);
  take_search(state_.screen == ui::ScreenId::waste);  // the waste screen searches: it waits
  if (reloader_)
    if (auto result = reloader_->take()) apply_reload(std::move(*result));
  refresh_model(false);
  const double mono = clock_.monotonic();
  const UnixTime wall = clock_.wall();
  // A class discussing a quiz question is no idle kiosk: on the game and quiz the reset waits longer.
  const bool lesson = classroom_ && ui::classroom_only(state_.screen);
  attention_.configure(
      {lesson ? std::max(content_.settings.idle_seconds, kLessonIdleSeconds) : content_.settings.idle_seconds,
       content_.settings.attract_seconds});
  const Attention before = attention_.state();
  const auto step =
      attention_.tick(mono,
                      content_.settings.schedule.on_at(wall, content_.settings.zone_offset_minutes) ||
                          admin_.schedule_paused(),  // an admin paused the schedule: stay on
                      content_.active_alert(wall) != nullptr);
  if (step.reset) reset_visit();
  if (step.next_screen) {
    step_screen(+1);
    frame_.fade_start = mono;
  }
  if (attention_.state() != before) dirty_frames_ = std::max(dirty_frames_, 2);
  if (pictures_->upload_ready()) dirty_frames_ = std::max(dirty_frames_, 1);
  missed_searches_.tick(clock_.monotonic());
}

// [SECTION] Drawing: fonts, the screens, presenting

// False when nothing can be drawn (no font pages at all): the kiosk quits.
bool KioskApp::fonts_ready() {
  // The editor strip quotes the editor's text and speaks of quotes and encodings: characters the
  // pack may not use anywhere else, which would show as '?'.
  if (options_.editor && fonts().body && !report_.notice.empty()) glyphs_.need(report_.notice);
  std::string error;
  if (!ensure_fonts(error)) {
    if (!fonts().body) {  // never had an atlas: nothing can be drawn
      log::error(error);
      quit_ = true;
      return false;
    }
    log::error(error);  // keeps the old atlas; the frame still draws
  }
  return true;
}

// The frame's draw lists: the screens, the editor strip and the overlays. The fonts are read here, after
// fonts_ready(), and never kept past it: cover() may replace the pages.
void KioskApp::build_frame(double now, std::vector<KioskKey>& keys, std::vector<ui::Intent>& intents) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = layout_.size;
  io.DeltaTime = static_cast<float>(std::clamp(now - frame_.last_time, 1e-4, 0.5));
  frame_.last_time = now;
  input_.apply(io);
  ImGui::NewFrame();
  input_.cancel_press_if_dragging(layout_.px(24));

  admin_.frame(now, std::exchange(admin_corner_held_, false), content_, *snapshot_, state_.admin);
  record_.clear();
  state_.classroom.tick(now);
  keys = input_.take_keys();
  theme_ = state_.high_contrast ? ui::high_contrast_theme() : ui::light_theme();
  // Large text: every role takes the next bigger size; titles take the large title role, whose page
  // holds only what it has drawn.
  const ui::FontSet& pages = glyphs_.fonts();
  const ui::FontSet fonts = state_.large_text ? ui::FontSet{pages.body,        pages.large, pages.title,
                                                            pages.large_title, pages.huge,  pages.large_title}
                                              : pages;
  // A banner alert takes a strip under the status bar; the screen's content moves down to make room.
  const Alert* alert = content_.active_alert(clock_.wall());
  ui::Layout frame_layout = layout_;
  if (alert && !alert->fullscreen)
    frame_layout.content_min.y += ui::alert_banner_height(*alert, layout_, fonts, lang_, content_.strings);
  ui::UiContext ctx{
      content_, model_,       state_, lang_,   clock_.wall(), content_.settings.zone_offset_minutes,
      theme_,   frame_layout, fonts,  intents, record_,       pictures_.get()};
  ctx.classroom = classroom_;
  ctx.typed = input_.take_text();
  ctx.enter = std::find(keys.begin(), keys.end(), KioskKey::enter) != keys.end();
  ctx.backspaces = static_cast<int>(std::count(keys.begin(), keys.end(), KioskKey::backspace));
  ctx.search = &search_;
  ctx.alert = alert;
  if (options_.editor && !report_.notice.empty()) ctx.editor_notice = &report_.notice;
  ctx.attract = attention_.state() == Attention::attract;
  ui::record_text_runs(&record_.runs, &fonts);
  ui::draw_frame(ctx);
  ui::record_text_runs(nullptr);
  draw_overlays(now);
  ImGui::Render();
}

void KioskApp::present() {
  if (frame_.burn_in_shift) {
    // A slow walk around a 4-pixel square, one step every ten minutes.
    static constexpr int kSteps[4][2] = {{0, 0}, {3, 0}, {3, 3}, {0, 3}};
    const auto step = kSteps[static_cast<size_t>(clock_.wall() / 600) % 4];
    render::backend_set_offset(step[0], step[1]);
  }
  SDL_Renderer* r = display_.renderer();
  const ImU32 bg = theme_.background;
  SDL_SetRenderDrawColor(r, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
  SDL_RenderClear(r);
  render::backend_render(ImGui::GetDrawData());
  display_.present();
}

// [SECTION] After drawing: intents, swipes and keys

// What the frame's screens asked for, then the swipes and keys (the admin overlay is modal).
void KioskApp::carry_out(const std::vector<ui::Intent>& intents, const std::vector<KioskKey>& keys,
                         double now) {
  for (const ui::Intent& intent : intents) apply(intent);
  if (state_.admin.mode != ui::AdminView::Mode::closed) {  // the admin overlay is modal
    input_.take_swipe(layout_.size.x, layout_.size.y);
    if (std::find(keys.begin(), keys.end(), KioskKey::escape) != keys.end())
      admin_.act(ui::AdminAction{ui::AdminAction::Kind::close}, now, state_.admin);
    return;
  }
  if (auto swipe = input_.take_swipe(layout_.size.x, layout_.size.y)) {
    if (*swipe == Swipe::left) step_screen(+1);
    if (*swipe == Swipe::right) step_screen(-1);
  }
  for (KioskKey key : keys) {
    if (key == KioskKey::enter) missed_searches_.commit();
    if (key == KioskKey::escape) show(ui::ScreenId::home);
    if (key == KioskKey::left) step_screen(-1);
    if (key == KioskKey::right) step_screen(+1);
    if (key == KioskKey::quit && !locked_down_) quit_ = true;  // Ctrl+Q: windowed and classroom only
  }
}

// [SECTION] Attract fades, sleep and burn-in

void KioskApp::draw_overlays(double now) {
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  // Attract mode changes screens through a short fade from the background colour.
  constexpr double kFade = 0.6;
  if (now - frame_.fade_start < kFade) {
    const auto alpha = static_cast<int>(255 * (1.0 - (now - frame_.fade_start) / kFade));
    fg->AddRectFilled(ImVec2(0, 0), layout_.size,
                      (theme_.background & 0x00FFFFFF) | (static_cast<ImU32>(alpha) << 24));
    record_.animating = true;
  }
  if (attention_.state() == Attention::asleep) {
    // Outside the schedule: dimmed, or blank (the platform layer may also turn the panel off).
    const bool blank = content_.settings.schedule.off_mode == "blank";
    fg->AddRectFilled(ImVec2(0, 0), layout_.size, blank ? IM_COL32(0, 0, 0, 255) : IM_COL32(0, 0, 0, 200));
  }
}

}  // namespace kiosk
