#include "kiosk/app/kiosk_app.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include <imgui.h>

#include "kiosk/app/content_session.hpp"
#include "kiosk/core/content/all_text.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/render/sdl_renderer_backend.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk {
namespace {

constexpr double kLessonIdleSeconds = 600;  // classroom mode, on the game or quiz: ten minutes
}  // namespace

KioskApp::KioskApp(render::Display& display, const Clock& clock) : display_(display), clock_(clock) {
  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext(glyphs_.shared_atlas());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGuiStyle& style = ImGui::GetStyle();
  style.ScrollbarRounding = 3;
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  render::backend_init(display_.renderer());
  feed_ = std::make_shared<FixedFeed>(std::make_shared<DataSnapshot>());
  pictures_ = std::make_unique<render::PictureCache>(display_.renderer());
}

KioskApp::~KioskApp() {
  ImGui::SetCurrentContext(imgui_);
  render::backend_shutdown();
  ImGui::DestroyContext(imgui_);
}

bool KioskApp::start(const AppOptions& options, std::string& error) {
  std::optional<ContentSession> session = open_content(options, error);
  if (!session) return false;
  options_ = options;
  editor_ = options.editor;
  content_errors_ = session->errors;
  if (session->errors > 0) ++content_rejected_;
  content_notice_ = std::move(session->notice);
  if (options.watch_content && !reloader_) {
    reloader_ = std::make_unique<ContentReloader>(options.content_dir, options.last_good_dir);
    reloader_->start();
  }
  content_ = std::move(session->pack);
  check_pictures(session->diags, session->editor_lang);
  pinyin_dictionary_ = std::move(session->pinyin_dictionary);
  search_ = std::move(session->search);
  attention_ =
      AttentionState(clock_.monotonic(), {content_.settings.idle_seconds, content_.settings.attract_seconds});
  admin_.configure(content_.settings.admin_pin_hash);
  pictures_->reset(content_.dir, display_.width(), display_.height());
  lang_ = options.lang.value_or(content_.settings.default_language);
  classroom_ = options.classroom;
  glyphs_.set_font(std::move(session->font));
  // Fonts are built at the first frame, once the first data (cache or fetch) has named its stations.
  refresh_model(true);
  return true;
}

void KioskApp::check_pictures(const Diagnostics& known, Lang lang) {
  std::set<std::string> seen;
  for (const Diagnostic& d : known.items()) seen.insert(d.format());
  picture_check_ = std::async(std::launch::async, [dir = content_.dir, seen = std::move(seen), lang] {
    PictureCheckResult out;
    out.all = load_content(dir, PictureCheck::full).diags;
    for (const Diagnostic& d : out.all.items())
      if (d.severity == Severity::error && !seen.count(d.format())) out.new_errors.push_back(d.format(lang));
    return out;
  });
}

void KioskApp::take_picture_check(bool wait) {
  if (!picture_check_.valid()) return;
  if (!wait && picture_check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  PictureCheckResult r = picture_check_.get();
  if (r.new_errors.empty()) return;
  for (const std::string& e : r.new_errors) log::error(e);
  content_errors_ += static_cast<int>(r.new_errors.size());
  content_notice_ = problem_notice(r.all, lang_, false);
  dirty_frames_ = std::max(dirty_frames_, 1);
}

bool KioskApp::ensure_fonts(std::string& error) {
  layout_ =
      ui::make_layout(ImVec2(static_cast<float>(display_.width()), static_cast<float>(display_.height())));
  ImGui::SetCurrentContext(imgui_);
  return glyphs_.ensure(content_, layout_.scale, display_.max_texture_side(), error);
}

void KioskApp::wait_for_fonts() {
  std::string error;
  if (ensure_fonts(error)) glyphs_.wait();
}

void KioskApp::set_feed(std::shared_ptr<DataFeed> feed) {
  feed_ = std::move(feed);
  refresh_model(true);
}

void KioskApp::refresh_model(bool force) {
  SnapshotPtr snap = feed_->snapshot();
  if (!snap) snap = std::make_shared<DataSnapshot>();
  const bool turned_stale = model_.next_stale_at != 0 && clock_.wall() >= model_.next_stale_at;
  if (!force && !turned_stale && snapshot_ && snap->generation == snapshot_->generation) return;
  snapshot_ = std::move(snap);
  model_ = build_model(content_, *snapshot_, clock_.wall());
  // Sources name their own stations; characters the pages lack would show as '?'.
  for (const StationInfo& s : snapshot_->stations) glyphs_.need(s.name_zh + s.name_en);
  dirty_frames_ = std::max(dirty_frames_, 1);
}

void KioskApp::handle_event(const SDL_Event& original) {
  // Pointer positions in the picture's own coordinates (a rotated panel turns them).
  SDL_Event event = original;
  if (event.type == SDL_MOUSEMOTION) display_.to_drawing(event.motion.x, event.motion.y);
  if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEBUTTONUP)
    display_.to_drawing(event.button.x, event.button.y);
  if (event.type == SDL_QUIT) {
    if (!locked_down_) quit_ = true;  // locked down, a window manager's "close" does not end the kiosk
    return;
  }
  const bool press =
      event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT;
  if (press && attention_.touch(clock_.monotonic())) {
    // The first touch in attract mode or asleep only wakes the kiosk; it never taps what is under it.
    swallowing_ = event.type == SDL_MOUSEBUTTONDOWN;
    dirty_frames_ = std::max(dirty_frames_, 2);
    return;
  }
  if (swallowing_ && (event.type == SDL_MOUSEMOTION || event.type == SDL_MOUSEBUTTONUP)) {
    if (event.type == SDL_MOUSEBUTTONUP) swallowing_ = false;
    return;
  }
  if (input_.handle(event)) dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::wait_for_pictures() {
  pictures_->wait_idle();
  if (pictures_->upload_ready()) dirty_frames_ = std::max(dirty_frames_, 1);
}

bool KioskApp::wants_frame() const {
  return dirty_frames_ > 0 || input_.pointer_down() || clock_.wall() / 60 != last_minute_ ||
         state_.classroom.due(clock_.monotonic()) ||  // the game's countdown
         admin_.wants_frame(clock_.monotonic(), state_.admin);
}

void KioskApp::show(ui::ScreenId screen) {
  take(reduce({state_, lang_}, {ui::Intent::Kind::go_to, screen, {}}));
}

void KioskApp::take(std::optional<Reduction> r) {
  if (!r) return;
  state_ = std::move(r->state.screen);
  lang_ = r->state.lang;
  if (r->search_changed) missed_searches_.changed(*r->search_changed);
  if (r->redraw) dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::set_lang(Lang lang) {
  lang_ = lang;
  dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::step_screen(int direction) {
  std::vector<ui::ScreenId> enabled{ui::ScreenId::home};
  for (const std::string& name : content_.settings.screens)
    if (auto id = ui::screen_from_name(name); id && *id != ui::ScreenId::home && !ui::classroom_only(*id))
      enabled.push_back(*id);
  if (classroom_)
    for (const ScreenInfo& s : kScreens)
      if (s.classroom_only) enabled.push_back(s.id);
  auto it = std::find(enabled.begin(), enabled.end(), state_.screen);
  int index = it == enabled.end() ? 0 : static_cast<int>(it - enabled.begin());
  const int n = static_cast<int>(enabled.size());
  show(enabled[static_cast<size_t>(((index + direction) % n + n) % n)]);
}

void KioskApp::apply(const ui::Intent& intent) {
  const bool admin_intent =
      intent.kind == ui::Intent::Kind::admin_key || intent.kind == ui::Intent::Kind::admin_action;
  if (state_.admin.mode != ui::AdminView::Mode::closed && !admin_intent) return;  // the overlay is modal
  if (std::optional<Reduction> r = reduce({state_, lang_}, intent)) return take(std::move(r));
  switch (intent.kind) {
    case ui::Intent::Kind::hold_pointer:
      input_.hold_press();
      break;
    case ui::Intent::Kind::classroom:
      state_.classroom.apply(intent.move, content_, clock_.wall(), clock_.monotonic());
      dirty_frames_ = std::max(dirty_frames_, 2);
      break;
    case ui::Intent::Kind::admin_corner:
      admin_corner_held_ = true;
      break;
    case ui::Intent::Kind::admin_key:
    case ui::Intent::Kind::admin_action:
      apply_admin(admin_.apply(intent, clock_.monotonic(), state_.admin));
      dirty_frames_ = std::max(dirty_frames_, 2);
      break;
    case ui::Intent::Kind::search_missed:
      missed_searches_.shown(intent.id, clock_.monotonic());
      break;
    default:  // the reducer's
      break;
  }
}

void KioskApp::apply_reload(ContentLoad load) {
  if (!load.readable || load.diags.has_errors()) {
    // A broken edit never reaches residents: keep the last good content, report every problem.
    ++content_rejected_;
    log_problems(load.diags, lang_);
    content_notice_ = load.diags.items().empty()
                          ? (lang_ == Lang::zh ? "内容问题：内容文件夹无法读取"
                                               : "content problem: the folder cannot be read")
                          : problem_notice(load.diags, lang_, true);
    dirty_frames_ = std::max(dirty_frames_, 1);
    return;
  }
  log::info("content reloaded (version " + load.pack.version + ")");
  const bool new_glyphs = all_text(load.pack) != all_text(content_);
  const bool new_sources = !same_sources(load.pack, content_);
  warn_of_shrunk_lists(content_, load.pack, load.diags);
  log_problems(load.diags, lang_);  // warnings of a pack that loaded
  search::SearchIndex search = search::build_waste_search(load.pack.waste_items, pinyin_dictionary_);
  content_ = std::move(load.pack);
  search_ = std::move(search);
  admin_.configure(content_.settings.admin_pin_hash);  // a new PIN in /etc/kiosk takes effect on reload
  content_notice_ = problem_notice(load.diags, lang_, false);
  pictures_->reset(content_.dir, display_.width(), display_.height());
  attention_.configure({content_.settings.idle_seconds, content_.settings.attract_seconds});
  if (new_sources) feed_->set_sources(content_.sources);
  if (new_glyphs) glyphs_.rebuild();  // the next frame rebuilds the atlas with the new characters
  refresh_model(true);
  dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::reset_visit() {
  state_ = ui::ScreenState{};
  lang_ = content_.settings.default_language;
  dirty_frames_ = std::max(dirty_frames_, 2);
}

bool KioskApp::frame(bool force) {
  redraw_for_glyphs_ = false;
  const bool drawn = frame_once(force);
  if (!drawn || !redraw_for_glyphs_) return drawn;
  // The frame drew '?' for characters its pages lacked and was not shown; the pages have them now.
  --frames_drawn_;
  glyph_second_pass_ = true;
  redraw_for_glyphs_ = false;
  frame_once(true);
  glyph_second_pass_ = false;
  return true;
}

bool KioskApp::frame_once(bool force) {
  ImGui::SetCurrentContext(imgui_);
  take_picture_check(false);
  if (reloader_)
    if (auto load = reloader_->take()) apply_reload(std::move(*load));
  refresh_model(false);
  {
    const double mono = clock_.monotonic();
    const UnixTime wall = clock_.wall();
    // A class discussing a quiz question is no idle kiosk: on the game and quiz the reset waits longer.
    const bool lesson = classroom_ && ui::classroom_only(state_.screen);
    attention_.configure({lesson ? std::max(content_.settings.idle_seconds, kLessonIdleSeconds)
                                 : content_.settings.idle_seconds,
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
      fade_start_ = mono;
    }
    if (attention_.state() != before) dirty_frames_ = std::max(dirty_frames_, 2);
  }
  if (pictures_->upload_ready()) dirty_frames_ = std::max(dirty_frames_, 1);
  missed_searches_.tick(clock_.monotonic());
  if (!force && !wants_frame()) return false;
  // The editor strip quotes the editor's text and speaks of quotes and encodings: characters the
  // pack may not use anywhere else, which would show as '?'.
  if (editor_ && fonts().body && !content_notice_.empty()) glyphs_.need(content_notice_);
  std::string error;
  if (!ensure_fonts(error)) {
    if (!fonts().body) {  // never had an atlas: nothing can be drawn
      log::error(error);
      quit_ = true;
      return false;
    }
    log::error(error);  // keeps the old atlas; the frame still draws
  }

  const double now = clock_.monotonic();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = layout_.size;
  io.DeltaTime = static_cast<float>(std::clamp(now - last_frame_time_, 1e-4, 0.5));
  last_frame_time_ = now;
  input_.apply(io);
  ImGui::NewFrame();
  input_.cancel_press_if_dragging(layout_.px(24));

  admin_.frame(now, std::exchange(admin_corner_held_, false), content_, *snapshot_, state_.admin);
  record_.clear();
  state_.classroom.tick(now);
  const std::vector<KioskKey> keys = input_.take_keys();
  std::vector<ui::Intent> intents;
  theme_ = state_.high_contrast ? ui::high_contrast_theme() : ui::light_theme();
  // Large text: every role takes the next bigger size, so the atlas needs no new sizes.
  const ui::FontSet& pages = glyphs_.fonts();
  const ui::FontSet fonts =
      state_.large_text ? ui::FontSet{pages.body, pages.large, pages.title, pages.title, pages.huge} : pages;
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
  if (editor_ && !content_notice_.empty()) ctx.editor_notice = &content_notice_;
  ctx.attract = attention_.state() == Attention::attract;
  ui::record_text_runs(&record_.runs, &fonts);
  ui::draw_frame(ctx);
  ui::record_text_runs(nullptr);
  draw_overlays(now);
  ImGui::Render();
  // Characters drawn as '?' that the pages lack: rasterised now, and the frame drawn again.
  if (!glyph_second_pass_ && glyphs_.cover(record_.runs)) redraw_for_glyphs_ = true;

  if (rasterize_ && !redraw_for_glyphs_) {
    if (burn_in_shift_) {
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
  ++frames_drawn_;
  if (record_.animating) dirty_frames_ = std::max(dirty_frames_, 2);
  last_minute_ = clock_.wall() / 60;
  if (dirty_frames_ > 0) --dirty_frames_;

  for (const ui::Intent& intent : intents) apply(intent);
  if (state_.admin.mode != ui::AdminView::Mode::closed) {  // the admin overlay is modal
    input_.take_swipe(layout_.size.x, layout_.size.y);
    if (std::find(keys.begin(), keys.end(), KioskKey::escape) != keys.end())
      admin_.apply({ui::Intent::Kind::admin_action, state_.screen, "close"}, now, state_.admin);
    return true;
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
  return true;
}

ui::LayoutFrame KioskApp::layout_frame() const {
  std::string screen = ui::screen_name(state_.screen);
  if (!state_.selected.empty()) screen += ":" + state_.selected;
  if (!state_.search.empty()) screen += ":search";
  if (content_.active_alert(clock_.wall())) screen += ":alert";
  return {screen, display_.width(), display_.height(), lang_ == Lang::zh ? "zh" : "en",
          state_.high_contrast ? (state_.large_text ? "large+contrast" : "contrast")
                               : (state_.large_text ? "large" : "normal")};
}

// [SECTION] Lockdown and the admin view

void KioskApp::set_locked_down(bool on) {
  locked_down_ = on;
  admin_.set_locked_down(on);
}

bool KioskApp::reload_content(std::string& error) {
  if (reloader_) {
    // The editors' folder, validated off the UI thread like any edit: a broken pack keeps the one on
    // screen (which may be the last good copy, not the editors' folder).
    reloader_->request_reload();
    return true;
  }
  AppOptions options = options_;  // editor view, dictionary and last good copy as started
  options.lang = lang_;
  if (!start(options, error)) return false;  // an unreadable folder or no font keeps what is on screen
  dirty_frames_ = std::max(dirty_frames_, 2);
  return true;
}

void KioskApp::apply_admin(AdminMode::Action action) {
  switch (action) {
    case AdminMode::Action::none:
      break;
    case AdminMode::Action::reload_content: {
      std::string error;
      if (!reload_content(error))
        log::error("admin: content not reloaded: " + error);
      else if (admin_.audit_log())
        log::info("admin: content reload requested");
      break;
    }
    case AdminMode::Action::toggle_schedule:
      if (admin_.audit_log())
        log::info(std::string("admin: screen schedule ") + (admin_.schedule_paused() ? "paused" : "resumed"));
      break;
    case AdminMode::Action::quit:
      admin_quit_ = true;
      quit_ = true;
      break;
  }
}

// [SECTION] Attract fades, sleep and burn-in

void KioskApp::draw_overlays(double now) {
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  // Attract mode changes screens through a short fade from the background colour.
  constexpr double kFade = 0.6;
  if (now - fade_start_ < kFade) {
    const auto alpha = static_cast<int>(255 * (1.0 - (now - fade_start_) / kFade));
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
