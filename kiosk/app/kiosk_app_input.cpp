// KioskApp, part 3 of 3: input and intents: SDL events, the screens' intents (the pure ones through
// intent_reducer.hpp), keys, swipes and the admin view's actions.
#include <algorithm>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk {

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

void KioskApp::apply(const ui::Intent& intent) {
  const bool admin_intent =
      std::holds_alternative<ui::AdminKey>(intent) || std::holds_alternative<ui::AdminAction>(intent);
  if (state_.admin.mode != ui::AdminView::Mode::closed && !admin_intent) return;  // the overlay is modal
  if (intent_log_.size() == kIntentLog) intent_log_.erase(intent_log_.begin());
  intent_log_.push_back(ui::describe(intent));
  if (std::optional<Reduction> r = reduce({state_, lang_}, intent)) return take(std::move(r));
  std::visit(ui::Overloaded{
                 [&](const ui::HoldPointer&) { input_.hold_press(); },
                 [&](const ui::Play& i) {
                   state_.classroom.apply(i.move, content_, clock_.wall(), clock_.monotonic());
                   dirty_frames_ = std::max(dirty_frames_, 2);
                 },
                 [&](const ui::AdminCorner&) { admin_corner_held_ = true; },
                 [&](const ui::AdminKey& i) {
                   admin_.key(i, clock_.monotonic(), state_.admin);
                   dirty_frames_ = std::max(dirty_frames_, 2);
                 },
                 [&](const ui::AdminAction& i) {
                   apply_admin(admin_.act(i, clock_.monotonic(), state_.admin));
                   dirty_frames_ = std::max(dirty_frames_, 2);
                 },
                 [&](const ui::SearchMissed& i) { missed_searches_.shown(i.term, clock_.monotonic()); },
                 [](const auto&) {},  // the reducer's
             },
             intent);
}

void KioskApp::select(const std::string& id) {
  if (std::optional<ui::Intent> intent = ui::select_on(state_.screen, id)) apply(*intent);
}

void KioskApp::take(std::optional<Reduction> r) {
  if (!r) return;
  state_ = std::move(r->state.screen);
  lang_ = r->state.lang;
  if (r->search_changed) missed_searches_.changed(*r->search_changed);
  if (r->redraw) dirty_frames_ = std::max(dirty_frames_, 2);
}

void KioskApp::show(ui::ScreenId screen) {
  take(reduce({state_, lang_}, ui::GoTo{screen}));
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

void KioskApp::reset_visit() {
  state_ = ui::ScreenState{};
  lang_ = content_.settings.default_language;
  dirty_frames_ = std::max(dirty_frames_, 2);
}

// [SECTION] Lockdown and the admin view

void KioskApp::set_locked_down(bool on) {
  locked_down_ = on;
  admin_.set_locked_down(on);
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

}  // namespace kiosk
