// The one input path: SDL events (real touches, mouse, keys, or events a replay script made)
// become ImGui's 1.86 polled input state plus kiosk gestures. Nothing else feeds ImGui.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>

#include "kiosk/core/gesture.hpp"

namespace kiosk {

// A finger's event as SDL reports a touch (a mouse event from the touch device), for replay scripts
// and tests to feed the same path: `type` is SDL_MOUSEMOTION, SDL_MOUSEBUTTONDOWN or SDL_MOUSEBUTTONUP;
// `down` whether the finger is on the glass during a motion.
SDL_Event finger_event(Uint32 type, float x, float y, double now_seconds, bool down);

// Keys the kiosk itself acts on (not ImGui widgets).
enum class KioskKey { escape, left, right, backspace, enter, quit };

class PointerInput {
 public:
  // Takes one event; returns true when it can change what is on screen.
  bool handle(const SDL_Event& event);
  // Writes the state into ImGui's io; call right before ImGui::NewFrame().
  void apply(ImGuiIO& io);
  // After NewFrame: cancels a press that became a drag, so releasing a swipe never taps.
  void cancel_press_if_dragging(float threshold_pixels);
  // The screen drags something with this press (a game item): it is not cancelled, and its
  // release is no swipe. Lasts until the next press.
  void hold_press() { held_ = true; }

  // Filled when a pointer lifts; the app reads and clears them each frame.
  std::optional<Swipe> take_swipe(float width, float height);
  std::vector<KioskKey> take_keys();
  std::string take_text();
  bool pointer_down() const { return down_; }
  bool touched_since_last_check();  // any press since the last call (idle and wake logic)

 private:
  ImVec2 pos_{-FLT_MAX, -FLT_MAX};
  bool down_ = false;
  bool pressed_latch_ = false;     // a press shorter than one frame still reaches ImGui
  bool clear_hover_next_ = false;  // touch lifted: forget the position next frame so nothing stays "hovered"
  bool is_touch_ = false;
  float wheel_ = 0;
  ImVec2 down_pos_;
  Uint32 down_ticks_ = 0;
  bool dragged_ = false;
  bool held_ = false;  // the current or last press belongs to the screen (hold_press)
  bool pending_release_ = false;
  ImVec2 release_delta_;
  float release_seconds_ = 0;
  bool touched_ = false;
  std::vector<KioskKey> keys_;
  std::string text_;
};

}  // namespace kiosk
