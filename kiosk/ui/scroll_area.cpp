#include "kiosk/ui/scroll_area.hpp"

namespace kiosk::ui {

ScrollArea::ScrollArea(const char* id, ImVec2 min, ImVec2 max) {
  ImGui::SetCursorScreenPos(min);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 6.0f);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild(id, ImVec2(max.x - min.x, max.y - min.y), false, ImGuiWindowFlags_NoNav);
  origin_ = ImGui::GetCursorScreenPos();
  width_ = max.x - min.x - 10.0f;
  top_ = min.y;
  bottom_ = max.y;
}

ScrollArea::~ScrollArea() {
  ImGui::SetCursorScreenPos(origin_);
  ImGui::Dummy(ImVec2(width_, height_));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

}  // namespace kiosk::ui
