#include "kiosk/app/kiosk_app.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/core/content/all_text.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/render/sdl_renderer_backend.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk {
namespace {

bool covers(const ImFont& font, const std::string& text) {
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned c = 0;
    p += std::max(1, ImTextCharFromUtf8(&c, p, end));
    if (c >= 0x20 && !const_cast<ImFont&>(font).FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

}  // namespace

KioskApp::KioskApp(render::Display& display, const Clock& clock) : display_(display), clock_(clock) {
  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGuiStyle& style = ImGui::GetStyle();
  style.ScrollbarRounding = 3;
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  render::backend_init(display_.renderer());
  feed_ = std::make_shared<FixedFeed>(std::make_shared<DataSnapshot>());
}

KioskApp::~KioskApp() {
  ImGui::SetCurrentContext(imgui_);
  render::backend_shutdown();
  ImGui::DestroyContext(imgui_);
}

bool KioskApp::start(const AppOptions& options, std::string& error) {
  ContentLoad load = load_content(options.content_dir, PictureCheck::header);
  if (!load.readable) {
    error = load.diags.items().front().format();
    return false;
  }
  for (const Diagnostic& d : load.diags.items()) {
    if (d.severity == Severity::error) log::error(d.format());
  }
  if (load.diags.has_errors())
    log::warning("the content pack has " + std::to_string(load.diags.error_count()) +
                 " problem(s); showing what could be read");
  content_ = std::move(load.pack);
  lang_ = options.lang.value_or(content_.settings.default_language);
  std::string font_error;
  font_file_ = render::find_cjk_font(content_.settings.font, font_error);
  if (!font_file_) {
    error = font_error;
    return false;
  }
  // Fonts are built at the first frame, once the first data (cache or fetch) has named its stations.
  refresh_model(true);
  return true;
}

bool KioskApp::ensure_fonts(std::string& error) {
  layout_ = ui::make_layout(ImVec2(static_cast<float>(display_.width()), static_cast<float>(display_.height())));
  if (layout_.scale == font_scale_) return true;
  ImGui::SetCurrentContext(imgui_);
  render::AtlasInfo info;
  if (!render::build_fonts(*font_file_, all_text(content_) + data_glyph_text_, layout_.scale, display_.max_texture_side(), fonts_, info,
                           error))
    return false;
  log::debug("font atlas " + std::to_string(info.width) + "x" + std::to_string(info.height) + ", " +
             std::to_string(info.glyphs) + " glyphs, " + std::to_string(static_cast<int>(info.build_ms)) + " ms");
  if (!render::backend_upload_fonts()) {
    error = "the font atlas could not be uploaded to the renderer";
    return false;
  }
  font_scale_ = layout_.scale;
  return true;
}

void KioskApp::set_feed(std::shared_ptr<DataFeed> feed) {
  feed_ = std::move(feed);
  refresh_model(true);
}

void KioskApp::refresh_model(bool force) {
  SnapshotPtr snap = feed_->snapshot();
  if (!snap) snap = std::make_shared<DataSnapshot>();
  if (!force && snapshot_ && snap->generation == snapshot_->generation) return;
  snapshot_ = std::move(snap);
  model_ = build_model(content_, *snapshot_, clock_.wall());
  // Sources name their own stations; characters the atlas lacks would show as '?'.
  std::string names;
  for (const StationInfo& s : snapshot_->stations) names += s.name_zh + s.name_en;
  if (fonts_.body && !covers(*fonts_.body, names) && data_glyph_text_.find(names) == std::string::npos) {
    data_glyph_text_ += names;
    font_scale_ = 0;
  }
  dirty_frames_ = std::max(dirty_frames_, 1);
}

void KioskApp::handle_event(const SDL_Event& event) {
  if (event.type == SDL_QUIT) {
    quit_ = true;
    return;
  }
  if (input_.handle(event)) dirty_frames_ = std::max(dirty_frames_, 2);
}

bool KioskApp::wants_frame() const {
  return dirty_frames_ > 0 || input_.pointer_down() || clock_.wall() / 60 != last_minute_;
}

void KioskApp::show(ui::ScreenId screen) {
  if (state_.screen != screen) state_ = ui::ScreenState{screen, {}};
  dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::set_lang(Lang lang) {
  lang_ = lang;
  dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::step_screen(int direction) {
  std::vector<ui::ScreenId> enabled{ui::ScreenId::home};
  for (const std::string& name : content_.settings.screens)
    if (auto id = ui::screen_from_name(name); id && *id != ui::ScreenId::home) enabled.push_back(*id);
  auto it = std::find(enabled.begin(), enabled.end(), state_.screen);
  int index = it == enabled.end() ? 0 : static_cast<int>(it - enabled.begin());
  const int n = static_cast<int>(enabled.size());
  show(enabled[static_cast<size_t>(((index + direction) % n + n) % n)]);
}

void KioskApp::apply(const ui::Intent& intent) {
  switch (intent.kind) {
    case ui::Intent::Kind::go_to: show(intent.screen); break;
    case ui::Intent::Kind::toggle_language: set_lang(lang_ == Lang::zh ? Lang::en : Lang::zh); break;
    case ui::Intent::Kind::select:
      state_.selected = intent.id;
      dirty_frames_ = std::max(dirty_frames_, 2);
      break;
    case ui::Intent::Kind::back:
      state_.selected.clear();
      dirty_frames_ = std::max(dirty_frames_, 2);
      break;
  }
}

bool KioskApp::frame(bool force) {
  ImGui::SetCurrentContext(imgui_);
  refresh_model(false);
  if (!force && !wants_frame()) return false;
  std::string error;
  if (!ensure_fonts(error)) {
    if (!fonts_.body) {  // never had an atlas: nothing can be drawn
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

  record_.clear();
  std::vector<ui::Intent> intents;
  ui::UiContext ctx{content_, model_, state_, lang_, clock_.wall(), content_.settings.zone_offset_minutes,
                    theme_, layout_, fonts_, intents, record_};
  ui::draw_frame(ctx);
  ImGui::Render();

  if (rasterize_) {
    SDL_Renderer* r = display_.renderer();
    const ImU32 bg = theme_.background;
    SDL_SetRenderDrawColor(r, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
    SDL_RenderClear(r);
    render::backend_render(ImGui::GetDrawData());
    display_.present();
  }
  ++frames_drawn_;
  last_minute_ = clock_.wall() / 60;
  if (dirty_frames_ > 0) --dirty_frames_;

  for (const ui::Intent& intent : intents) apply(intent);
  if (auto swipe = input_.take_swipe(layout_.size.x, layout_.size.y)) {
    if (*swipe == Swipe::left) step_screen(+1);
    if (*swipe == Swipe::right) step_screen(-1);
  }
  for (KioskKey key : input_.take_keys()) {
    if (key == KioskKey::escape) show(ui::ScreenId::home);
    if (key == KioskKey::left) step_screen(-1);
    if (key == KioskKey::right) step_screen(+1);
    if (key == KioskKey::quit) quit_ = true;
  }
  return true;
}

}  // namespace kiosk
