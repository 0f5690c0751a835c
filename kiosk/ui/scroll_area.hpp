// A vertically scrolling region for lists longer than the screen (drag to scroll comes from the
// touch layer; the wheel works on desktops).
#pragma once
#include <imgui.h>

namespace kiosk::ui {

class ScrollArea {
 public:
  // Items are drawn from origin() downwards in screen coordinates.
  ScrollArea(const char* id, ImVec2 min, ImVec2 max);
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
  ImVec2 origin_;
  float width_ = 0, top_ = 0, bottom_ = 0, height_ = 0;
};

}  // namespace kiosk::ui
