#include "kiosk/render/glyph_atlas.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <imgui_internal.h>

#include "kiosk/core/log.hpp"
#include "kiosk/render/sdl_renderer_backend.hpp"

namespace kiosk::render {
namespace {

template <typename F>
void each_char(const std::string& s, F&& f) {
  const char* p = s.c_str();
  const char* end = p + s.size();
  while (p < end) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    p += n > 0 ? n : 1;
    if (c >= 0x20 && c != 0x7F) f(c);
  }
}

constexpr int kTitle = static_cast<int>(FontRole::title);
constexpr int kHuge = static_cast<int>(FontRole::huge);
constexpr int kLargeTitle = static_cast<int>(FontRole::large_title);

std::string utf8(const std::set<unsigned>& chars) {
  std::string out;
  char buf[5];
  for (unsigned c : chars) out += ImTextCharToUtf8(buf, c);
  return out;
}

}  // namespace

GlyphAtlas::GlyphAtlas() : thread_([this] { run(); }) {}

GlyphAtlas::~GlyphAtlas() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void GlyphAtlas::want(const FontFile& font, std::string text, std::string display, float scale,
                      int max_side) {
  font_ = font;
  text_ = std::move(text);
  display_ = std::move(display);
  scale_wanted_ = scale;
  max_side_ = max_side;
  request();
}

void GlyphAtlas::request() {
  GlyphText wanted = glyph_text_of(text_ + extra_, display_ + extra_huge_);
  wanted.roles[kTitle] = utf8(title_chars_);
  wanted.roles[kLargeTitle] = utf8(large_title_chars_);
  // Only the roles whose text changed are rasterised again (a new title character: the title page).
  unsigned changed = kAllRoles;
  if (wanted_ && wanted_->font.path == font_.path && wanted_->font.index == font_.index &&
      wanted_->scale == scale_wanted_ && wanted_->max_side == max_side_) {
    changed = 0;
    for (int r = 0; r < kFontRoles; ++r)
      if (wanted_->text.roles[r] != wanted.roles[r]) changed |= 1u << r;
    if (!changed) return;
  }
  std::lock_guard lock(mu_);
  pending_roles_ |= changed;  // a newer job replaces an older one, so it takes the older one's roles too
  wanted_ = Job{font_, std::move(wanted), scale_wanted_, max_side_, ++generation_, pending_roles_};
  if (whole_pack_wanted_) job_ = wanted_;
  whole_pack_ = false;
  cv_.notify_all();
}

void GlyphAtlas::run() {
  // Below the UI thread: on a busy machine the frames come first, the whole pack's glyphs after.
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || job_; });
    if (stop_) return;
    Job job = std::move(*job_);
    job_.reset();
    busy_ = true;
    lock.unlock();
    std::string error;
    std::optional<FontBuild> build =
        build_font_pages(job.font, job.text, job.scale, job.max_side, error, &stop_, job.roles);
    lock.lock();
    busy_ = false;
    if (job.generation == generation_) {  // a newer want() makes this build stale
      done_ = std::move(build);
      done_error_ = error;
      done_generation_ = job.generation;
      done_roles_ = job.roles;
    }
    cv_.notify_all();
  }
}

bool GlyphAtlas::install(FontBuild build, bool from_worker, std::string& error) {
  // A partial build keeps the pages on screen for the roles it did not build.
  std::vector<ImFontAtlas*> all;
  for (size_t r = 0; r < build.pages.pages.size(); ++r) {
    ImFontAtlas* page = build.pages.pages[r]      ? build.pages.pages[r].get()
                        : r < pages_.pages.size() ? pages_.pages[r].get()
                                                  : nullptr;
    if (!page) {
      error = "the font pages lack a role that no build made";
      return false;
    }
    all.push_back(page);
  }
  if (!backend_upload_fonts(all)) {
    error = "the font pages could not be uploaded to the renderer";
    return false;
  }
  for (size_t r = 0; r < build.pages.pages.size(); ++r)
    if (!build.pages.pages[r]) {
      build.pages.pages[r] = std::move(pages_.pages[r]);
      build.set.*kRoleSlots[r] = fonts_.*kRoleSlots[r];
    }
  // The small page is ImGui's atlas from now on; the old pages go once nothing points at them.
  ImGui::GetIO().Fonts = build.pages.pages.front().get();
  fonts_ = build.set;
  pages_ = std::move(build.pages);
  scale_ = wanted_->scale;
  log::debug(std::string(from_worker ? "font pages (worker)" : "font pages (UI thread)") + ": " +
             std::to_string(build.info.pages) + ", largest " + std::to_string(build.info.width) + "x" +
             std::to_string(build.info.height) + ", " + std::to_string(build.info.glyphs) + " glyphs, " +
             build.info.sizes + std::to_string(static_cast<int>(build.info.build_ms)) + " ms");
  if (build.info.shrunk > 0)
    log::warning("the font atlas is full at " + std::to_string(build.info.shrunk) +
                 " size(s): those sizes are rasterised smaller and magnified (every character still shows)");
  return true;
}

bool GlyphAtlas::build_now(const GlyphText& text, unsigned roles, std::string& error) {
  std::optional<FontBuild> build =
      build_font_pages(wanted_->font, text, wanted_->scale, wanted_->max_side, error, nullptr, roles);
  return build && install(std::move(*build), false, error);
}

bool GlyphAtlas::update(std::string& error) {
  IM_ASSERT(wanted_ && "call want() first");
  std::optional<FontBuild> build;
  std::string build_error;
  bool finished = false;
  unsigned roles = 0;
  {
    std::lock_guard lock(mu_);
    if (done_generation_ == generation_ && (done_ || !done_error_.empty())) {
      finished = true;
      roles = done_roles_;
      build = std::move(done_);
      build_error = std::move(done_error_);
      done_.reset();
      done_error_.clear();
    }
  }
  if (finished) {
    if (build && install(std::move(*build), true, build_error)) {
      whole_pack_ = true;
      pending_roles_ = 0;  // the latest job, which took every role asked before it
      for (int r = 0; r < kFontRoles; ++r)
        if (roles & (1u << r)) drawn_[r].clear();
    } else if (fonts_.body && scale_ == wanted_->scale) {
      // The pages on screen stay (and frames still cover what they draw); never retried per frame.
      log::error(build_error);
    } else {
      error = build_error;
      return false;
    }
  }
  if (fonts_.body && scale_ == wanted_->scale) return true;
  // Nothing at this size yet: a probe page now (a space and '?'); the first frame, laid out with it,
  // names its own characters and gets them before it is shown (cover()).
  for (auto& d : drawn_) d.clear();
  absent_.clear();
  GlyphText probe;
  probe.probe = true;
  return build_now(probe, kAllRoles, error);
}

// The characters each role drew as '?' that its pages lack and the font may have.
bool GlyphAtlas::lacking(const std::vector<ui::TextRun>& runs,
                         std::set<unsigned> (&per_role)[kFontRoles]) const {
  bool any = false;
  for (const ui::TextRun& run : runs) {
    const int r = run.missing_glyphs ? role_of(run.font) : -1;
    if (r < 0) continue;
    each_char(run.text, [&](unsigned c) {
      if (!absent_.count(c) && !(fonts_.*kRoleSlots[r])->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
        per_role[r].insert(c);
        any = true;
      }
    });
  }
  return any;
}

int GlyphAtlas::role_of(const ImFont* f) const {
  for (int r = 0; r < kFontRoles; ++r)
    if (fonts_.*kRoleSlots[r] == f) return r;
  return -1;
}

bool GlyphAtlas::lacks(const std::vector<ui::TextRun>& runs) const {
  std::set<unsigned> per_role[kFontRoles];
  return lacking(runs, per_role);
}

bool GlyphAtlas::cover(const std::vector<ui::TextRun>& runs) {
  std::set<unsigned> lacking_chars[kFontRoles];
  if (!lacking(runs, lacking_chars)) return false;
  // Each role that lacked a character gets the characters the frame draws with it, and keeps what it
  // held since the worker's page, so screens seen already stay whole. The other roles keep their pages.
  for (const ui::TextRun& run : runs) {
    const int r = role_of(run.font);
    if (r < 0) continue;
    each_char(run.text, [&](unsigned c) {
      drawn_[r].insert(c);
      if (r == kTitle) title_chars_.insert(c);
      if (r == kLargeTitle) large_title_chars_.insert(c);
    });
  }
  GlyphText text;
  unsigned roles = 0;
  for (int r = 0; r < kFontRoles; ++r)
    if (!lacking_chars[r].empty()) {
      roles |= 1u << r;
      text.roles[r] = utf8(drawn_[r]);
    }
  std::string error;
  const bool built = build_now(text, roles, error);
  if (!built) log::error(error);
  // The worker's build, when it comes, has these too: a character that arrived outside the pack's
  // text (a name the model has not joined yet) is wanted from now on, and the title page is made
  // again with every title character seen.
  if (wanted_) {
    std::set<unsigned> text_chars, huge_chars, extra, extra_huge;
    each_char(wanted_->text.roles[0], [&](unsigned c) { text_chars.insert(c); });
    each_char(wanted_->text.roles[kHuge], [&](unsigned c) { huge_chars.insert(c); });
    for (int r = 0; r < kHuge; ++r)
      if (r != kTitle)
        for (unsigned c : lacking_chars[r])
          if (!text_chars.count(c)) extra.insert(c);
    for (unsigned c : lacking_chars[kHuge])
      if (!huge_chars.count(c)) extra_huge.insert(c);
    // Only new characters restart the worker: a build already under way for them is not thrown away.
    extra_ += utf8(extra);
    extra_huge_ += utf8(extra_huge);
    request();
  }
  // Still missing after rasterising: the font (and the symbol font) lack them. Never asked again.
  for (int r = 0; r < kFontRoles; ++r)
    for (unsigned c : lacking_chars[r])
      if (!built || !(fonts_.*kRoleSlots[r])->FindGlyphNoFallback(static_cast<ImWchar>(c))) absent_.insert(c);
  return built;
}

void GlyphAtlas::wait() {
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !job_ && !busy_; });
  }
  std::string error;
  if (!update(error)) log::error(error);
}

}  // namespace kiosk::render
