// A vertically scrolling region for lists longer than the screen. Touch-first: drag anywhere in
// it to scroll (a press that turns into a drag never taps what it started on), flick to keep it
// moving (inertia), and pull past either end to feel a rubber band that springs back. The mouse
// wheel works too. ImGui 1.86 has none of this, so it lives here.
#pragma once
#include <imgui.h>

namespace kiosk::ui {

struct UiContext;

class ScrollArea {
 public:
  // Items are drawn from origin() downwards in screen coordinates.
  ScrollArea(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max);
  ~ScrollArea();
  ScrollArea(const ScrollArea&) = delete;
  ScrollArea& operator=(const ScrollArea&) = delete;
  ImVec2 origin() const { return origin_; }
  float width() const { return width_; }
  // Top and bottom of the visible part, for skipping items that are off screen.
  float visible_top() const { return top_; }
  float visible_bottom() const { return bottom_; }
  // Total height of what was drawn, so scrolling knows where the end is.
  void set_content_height(float h) { height_ = h; }

 private:
  UiContext& ctx_;
  ImVec2 start_, origin_;
  float width_ = 0, top_ = 0, bottom_ = 0, height_ = 0;
};

// The motion model, pure so it is tested without a window.
struct ScrollMotion {
  float velocity = 0;    // pixels per second, positive scrolls down the content
  float overscroll = 0;  // pixels pulled past an end (negative: past the top)

  // A finger moved by `finger_dy` this frame: content follows it; past an end it moves half as far.
  void drag(float finger_dy, float dt, float& scroll, float max_scroll);
  // No finger: glide with friction, spring back from an overscroll. True while still moving.
  bool coast(float dt, float& scroll, float max_scroll);
};

}  // namespace kiosk::ui
