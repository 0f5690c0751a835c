// KioskApp, part 1 of 3: start, reload, fonts and the model. The frame loop is in kiosk_app_frame.cpp,
// input and intents in kiosk_app_input.cpp.
//
// [SECTION] Construction
// [SECTION] Start and reload: a content session swapped in whole
// [SECTION] Fonts, data and the model
#include "kiosk/app/kiosk_app.hpp"

#include <algorithm>

#include <imgui.h>

#include "kiosk/app/content_session.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/render/sdl_renderer_backend.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk {

// [SECTION] Construction

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

// [SECTION] Start and reload: a content session swapped in whole

bool KioskApp::start(const AppOptions& options, std::string& error) {
  std::optional<ContentSession> session = open_content(options, error);
  if (!session) return false;
  options_ = options;
  report_.errors = session->errors;
  if (session->errors > 0) ++report_.rejected;
  report_.notice = std::move(session->notice);
  if (options.watch_content && !reloader_) {
    reloader_ = std::make_unique<ContentReloader>(options.content_dir, options.last_good_dir, 0.5,
                                                  session_recipe(options));
    reloader_->start();
  }
  report_.picture_check.start(session->pack, session->diags, session->editor_lang);
  attention_ = AttentionState(clock_.monotonic(),
                              {session->pack.settings.idle_seconds, session->pack.settings.attract_seconds});
  lang_ = options.lang.value_or(session->pack.settings.default_language);
  classroom_ = options.classroom;
  // Fonts are built at the first frame, once the first data (cache or fetch) has named its stations.
  swap_in(*session);
  return true;
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

// Between frames, with what the reloader's worker made: nothing here reads the whole pack, so the frame
// that takes a reload is as quick as any other.
void KioskApp::apply_reload(ReloadResult result) {
  if (!result.session) return refuse_reload(result);
  ContentSession& session = *result.session;
  log::info("content reloaded (version " + session.pack.version + ")");
  const bool new_sources = !same_sources(session.pack, content_);
  warn_of_shrunk_lists(content_, session.pack, session.diags);
  log_problems(session.diags, lang_);  // warnings of a pack that loaded
  report_.notice = problem_notice(session.diags, lang_, false);
  report_.picture_check.forget();  // the reloader decoded the new pack's pictures in full
  swap_in(session);
  if (new_sources) feed_->set_sources(content_.sources);
}

// A broken edit never reaches residents: the session on screen stays whole, every problem is reported.
void KioskApp::refuse_reload(const ReloadResult& result) {
  ++report_.rejected;
  log_problems(result.problems, lang_);
  const bool zh = lang_ == Lang::zh;
  if (!result.error.empty()) {
    log::error("content not reloaded: " + result.error);
    report_.notice = (zh ? "内容问题：未载入。" : "content problem: not loaded. ") + result.error;
  } else if (result.problems.items().empty()) {
    report_.notice = zh ? "内容问题：内容文件夹无法读取" : "content problem: the folder cannot be read";
  } else {
    report_.notice = problem_notice(result.problems, lang_, true);
  }
  dirty_frames_ = std::max(dirty_frames_, 1);
}

// The one place the pack on screen changes: the pack, its search and its glyph needs move in together
// (nothing here can fail), then what depends on the pack follows it.
void KioskApp::swap_in(ContentSession& session) {
  content_ = std::move(session.pack);
  search_ = std::move(session.search);
  search_later_ = std::move(session.search_later);
  glyphs_.set_needs(std::move(session.glyphs));        // new pages only when the font or the text changed
  admin_.configure(content_.settings.admin_pin_hash);  // a new PIN in /etc/kiosk takes effect on reload
  pictures_->reset(content_.dir, display_.width(), display_.height());
  attention_.configure({content_.settings.idle_seconds, content_.settings.attract_seconds});
  refresh_model(true);
  dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::take_search(bool wait) {
  if (!search_later_.valid()) return;
  if (wait || search_later_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
    search_ = search_later_.get();
}

void KioskApp::take_picture_check(bool wait) {
  std::optional<FullPictureCheck::Result> r = report_.picture_check.take(wait);
  if (!r || r->new_errors.empty()) return;
  for (const std::string& e : r->new_errors) log::error(e);
  report_.errors += static_cast<int>(r->new_errors.size());
  report_.notice = problem_notice(r->all, lang_, false);
  dirty_frames_ = std::max(dirty_frames_, 1);
}

// [SECTION] Fonts, data and the model

bool KioskApp::ensure_fonts(std::string& error) {
  layout_ =
      ui::make_layout(ImVec2(static_cast<float>(display_.width()), static_cast<float>(display_.height())));
  ImGui::SetCurrentContext(imgui_);
  return glyphs_.ensure(layout_.scale, display_.max_texture_side(), error);
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

void KioskApp::wait_for_pictures() {
  pictures_->wait_idle();
  if (pictures_->upload_ready()) dirty_frames_ = std::max(dirty_frames_, 1);
}

ui::LayoutFrame KioskApp::layout_frame() const {
  std::string screen = ui::screen_name(state_.screen);
  if (const std::string& selected = ui::selected_on(state_); !selected.empty()) screen += ":" + selected;
  if (!state_.waste.search.empty()) screen += ":search";
  if (content_.active_alert(clock_.wall())) screen += ":alert";
  return {screen, display_.width(), display_.height(), lang_ == Lang::zh ? "zh" : "en",
          state_.high_contrast ? (state_.large_text ? "large+contrast" : "contrast")
                               : (state_.large_text ? "large" : "normal")};
}

}  // namespace kiosk
