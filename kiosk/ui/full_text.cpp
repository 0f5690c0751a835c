#include "kiosk/ui/full_text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// UI thread only.
std::string g_open;                  // the whole text shown, empty when closed
ScreenId g_screen = ScreenId::home;  // the screen it was opened on

bool inside(ImVec2 p, ImVec2 min, ImVec2 max) {
  return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}

}  // namespace

void offer_full_text(UiContext& ctx, std::string_view whole, ImVec2 min, ImVec2 max) {
  if (!g_open.empty() || !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;  // under an overlay
  // A finger is wider than a caption is tall: the line's tap area is a touch target high.
  const float grow = std::max(0.f, (ctx.layout.touch - (max.y - min.y)) / 2);
  const ImVec2 a(min.x, min.y - grow), b(max.x, max.y + grow);
  const ImGuiIO& io = ImGui::GetIO();
  // Both ends of the tap inside the line: a swipe across it opens nothing.
  if (!inside(io.MousePos, a, b) || !inside(io.MouseClickedPos[0], a, b)) return;
  g_open = std::string(whole);
  g_screen = ctx.state.screen;
}

void close_full_text() {
  g_open.clear();
}

void draw_full_text(UiContext& ctx) {
  if (!g_open.empty() && g_screen != ctx.state.screen) g_open.clear();
  if (g_open.empty()) return;
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImFont* font = ctx.fonts.body;
  ImFont* hint = ctx.fonts.small;
  begin_overlay(ctx, "full_text", 0.6f);
  const std::string& close = ctx.str("access.tap_to_close");
  if (touch_area(ctx, "full_text", close, ImVec2(0, 0), l.size).clicked) g_open.clear();
  const float pad = l.px(40);
  const float width = std::min(l.size.x - 2 * l.pad, std::max(l.px(900), l.size.x * 0.6f)) - 2 * pad;
  const std::vector<Line> lines = break_lines(*font, font->FontSize, g_open, width);
  float widest = measure(hint, close).x;
  for (const Line& line : lines) widest = std::max(widest, line.width);
  const float line_height = std::round(font->FontSize * 1.3f);
  const float gap = l.px(24);
  const float height = lines.size() * line_height + gap + hint->FontSize + 2 * pad;
  const ImVec2 min(std::floor((l.size.x - widest) / 2 - pad),
                   std::floor(std::max(l.pad, (l.size.y - height) / 2)));
  const ImVec2 max(min.x + widest + 2 * pad, min.y + height);
  card(ctx, min, max, t.surface);
  float y = min.y + pad;
  for (const Line& line : lines) {
    text(ctx, font, ImVec2(min.x + pad, y), t.text, line.text);
    y += line_height;
  }
  text(ctx, hint, ImVec2(min.x + pad, y + gap), t.text_muted, close);
  end_overlay();
}

}  // namespace kiosk::ui
