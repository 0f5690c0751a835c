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
#include "kiosk/core/content/all_text.hpp"
#include "kiosk/core/content/content_loader.hpp"
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
  editor_ = options.editor;
  content_errors_ = session->errors;
  if (session->errors > 0) ++content_rejected_;
  content_notice_ = std::move(session->notice);
  if (options.watch_content && !reloader_) {
    reloader_ = std::make_unique<ContentReloader>(options.content_dir, options.last_good_dir);
    reloader_->start();
  }
  content_ = std::move(session->pack);
  picture_check_.start(content_.dir, session->diags, session->editor_lang);
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

void KioskApp::take_picture_check(bool wait) {
  std::optional<FullPictureCheck::Result> r = picture_check_.take(wait);
  if (!r || r->new_errors.empty()) return;
  for (const std::string& e : r->new_errors) log::error(e);
  content_errors_ += static_cast<int>(r->new_errors.size());
  content_notice_ = problem_notice(r->all, lang_, false);
  dirty_frames_ = std::max(dirty_frames_, 1);
}

// [SECTION] Fonts, data and the model

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
