#include "kiosk/ui/scroll_area.hpp"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {
namespace {

constexpr float kFriction = 3.5f;    // per second: a flick glides for about a second
constexpr float kSpring = 14.0f;     // per second: an overscroll settles in about a quarter second
constexpr float kStopSpeed = 12.0f;  // pixels per second below which a glide ends

}  // namespace

void ScrollMotion::drag(float finger_dy, float dt, float& scroll, float max_scroll) {
  float target = scroll - finger_dy;
  if (overscroll != 0 || target < 0 || target > max_scroll) {
    // Past an end: the pull meets resistance, like a rubber band.
    overscroll +=
        (target - std::clamp(target, 0.0f, max_scroll)) * 0.5f + (overscroll != 0 ? -finger_dy * 0.5f : 0);
    if ((overscroll < 0 && target > 0) || (overscroll > 0 && target < max_scroll)) overscroll = 0;
    target = std::clamp(target, 0.0f, max_scroll);
  }
  scroll = target;
  if (dt > 0) velocity = 0.6f * velocity + 0.4f * (-finger_dy / dt);
}

bool ScrollMotion::coast(float dt, float& scroll, float max_scroll) {
  bool moving = false;
  if (std::fabs(velocity) > kStopSpeed && overscroll == 0) {
    scroll += velocity * dt;
    velocity *= std::exp(-kFriction * dt);
    if (scroll < 0 || scroll > max_scroll) {
      // Glided into an end: a little overscroll that springs back.
      overscroll = std::clamp(velocity * 0.04f, -60.0f, 60.0f);
      scroll = std::clamp(scroll, 0.0f, max_scroll);
      velocity = 0;
    }
    moving = true;
  } else {
    velocity = 0;
  }
  if (overscroll != 0) {
    overscroll *= std::exp(-kSpring * dt);
    if (std::fabs(overscroll) < 0.5f) overscroll = 0;
    moving = true;
  }
  return moving;
}

ScrollArea::ScrollArea(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max) : ctx_(ctx) {
  ImGui::SetCursorScreenPos(min);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 6.0f);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild(id, ImVec2(max.x - min.x, max.y - min.y), false, ImGuiWindowFlags_NoNav);

  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID velocity_id = ImGui::GetID("##velocity"), over_id = ImGui::GetID("##over"),
                dragging_id = ImGui::GetID("##dragging");
  ScrollMotion motion{storage->GetFloat(velocity_id), storage->GetFloat(over_id)};
  bool dragging = storage->GetBool(dragging_id);
  const ImGuiIO& io = ImGui::GetIO();
  float scroll = window->Scroll.y;
  const float max_scroll = window->ScrollMax.y;
  const bool hovered =
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows);
  const ImVec2 drag = ImGui::GetMouseDragDelta(0, 0.0f);
  const bool vertical_drag =
      io.MouseDown[0] && std::fabs(drag.y) > ctx.layout.px(24) && std::fabs(drag.y) > std::fabs(drag.x);
  if (hovered && vertical_drag) dragging = true;
  if (!io.MouseDown[0]) dragging = false;
  if (dragging) {
    // The press became a scroll: whatever it started on must not fire when the finger lifts.
    if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
    motion.drag(io.MouseDelta.y, io.DeltaTime, scroll, max_scroll);
    ctx.record.animating = true;
  } else if (motion.coast(io.DeltaTime, scroll, max_scroll)) {
    ctx.record.animating = true;
  }
  if (scroll != window->Scroll.y) ImGui::SetScrollY(scroll);
  storage->SetFloat(velocity_id, motion.velocity);
  storage->SetFloat(over_id, motion.overscroll);
  storage->SetBool(dragging_id, dragging);

  // The overscroll shifts what is drawn; ImGui's own scroll stays within its range.
  start_ = ImGui::GetCursorScreenPos();
  origin_ = ImVec2(start_.x, start_.y - motion.overscroll);
  width_ = max.x - min.x - 10.0f;
  top_ = min.y;
  bottom_ = max.y;
}

ScrollArea::~ScrollArea() {
  ImGui::SetCursorScreenPos(start_);
  ImGui::Dummy(ImVec2(width_, height_));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

}  // namespace kiosk::ui
