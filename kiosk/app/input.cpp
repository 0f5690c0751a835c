#include "kiosk/app/input.hpp"

#include <imgui_internal.h>

#include <cmath>
#include <utility>

namespace kiosk {

SDL_Event finger_event(Uint32 type, float x, float y, double now_seconds, bool down) {
  SDL_Event e{};
  e.type = type;
  const auto ms = static_cast<Uint32>(std::llround(now_seconds * 1000));
  const auto px = static_cast<Sint32>(std::lround(x)), py = static_cast<Sint32>(std::lround(y));
  if (type == SDL_MOUSEMOTION) {
    e.motion.timestamp = ms;
    e.motion.which = SDL_TOUCH_MOUSEID;
    e.motion.x = px;
    e.motion.y = py;
    e.motion.state = down ? SDL_BUTTON_LMASK : 0;
  } else {
    e.button.timestamp = ms;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = px;
    e.button.y = py;
  }
  return e;
}

bool PointerInput::handle(const SDL_Event& e) {
  switch (e.type) {
    case SDL_MOUSEMOTION:
      pos_ = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
      is_touch_ = e.motion.which == SDL_TOUCH_MOUSEID;
      return down_ || !is_touch_;
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button != SDL_BUTTON_LEFT) return false;
      pos_ = ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
      is_touch_ = e.button.which == SDL_TOUCH_MOUSEID;
      down_ = true;
      pressed_latch_ = true;
      dragged_ = false;
      held_ = false;
      down_pos_ = pos_;
      down_ticks_ = e.button.timestamp;
      touched_ = true;
      return true;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button != SDL_BUTTON_LEFT || !down_) return false;
      pos_ = ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
      down_ = false;
      pending_release_ = true;
      release_delta_ = ImVec2(pos_.x - down_pos_.x, pos_.y - down_pos_.y);
      release_seconds_ = static_cast<float>(e.button.timestamp - down_ticks_) / 1000.0f;
      if (is_touch_) clear_hover_next_ = true;
      return true;
    case SDL_MOUSEWHEEL:
      wheel_ += e.wheel.preciseY;
      return true;
    case SDL_KEYDOWN: {
      const SDL_Keycode k = e.key.keysym.sym;
      if (k == SDLK_ESCAPE)
        keys_.push_back(KioskKey::escape);
      else if (k == SDLK_LEFT)
        keys_.push_back(KioskKey::left);
      else if (k == SDLK_RIGHT)
        keys_.push_back(KioskKey::right);
      else if (k == SDLK_BACKSPACE)
        keys_.push_back(KioskKey::backspace);
      else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        keys_.push_back(KioskKey::enter);
      else if (k == SDLK_q && (e.key.keysym.mod & KMOD_CTRL))
        keys_.push_back(KioskKey::quit);
      else
        return false;
      touched_ = true;
      return true;
    }
    case SDL_TEXTINPUT:
      text_ += e.text.text;
      touched_ = true;
      return true;
    case SDL_WINDOWEVENT:
      return true;
    default:
      return false;
  }
}

void PointerInput::apply(ImGuiIO& io) {
  io.MousePos = pos_;
  io.MouseDown[0] = down_ || pressed_latch_;
  io.MouseWheel = wheel_;
  pressed_latch_ = false;
  wheel_ = 0;
  if (clear_hover_next_ && !down_) {
    // This frame still sees the release at the finger; the next one sees no pointer at all.
    clear_hover_next_ = false;
    pos_ = ImVec2(-FLT_MAX, -FLT_MAX);
  }
}

void PointerInput::cancel_press_if_dragging(float threshold) {
  if (!down_ || dragged_ || held_) return;
  if (moved_beyond_tap(pos_.x - down_pos_.x, pos_.y - down_pos_.y, threshold)) {
    dragged_ = true;
  }
  // Only horizontal drags are ours (swipes); vertical ones belong to scrolling lists.
  if (dragged_ && std::abs(pos_.x - down_pos_.x) > std::abs(pos_.y - down_pos_.y)) ImGui::ClearActiveID();
}

std::optional<Swipe> PointerInput::take_swipe(float width, float height) {
  if (!pending_release_) return std::nullopt;
  pending_release_ = false;
  if (held_) return std::nullopt;
  Swipe s = classify_swipe(release_delta_.x, release_delta_.y, release_seconds_, width, height);
  if (s == Swipe::none) return std::nullopt;
  return s;
}

std::vector<KioskKey> PointerInput::take_keys() {
  return std::exchange(keys_, {});
}

std::string PointerInput::take_text() {
  return std::exchange(text_, {});
}

bool PointerInput::touched_since_last_check() {
  return std::exchange(touched_, false);
}

}  // namespace kiosk
