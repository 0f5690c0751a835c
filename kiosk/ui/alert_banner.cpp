// Alerts (alerts.toml) over every screen, and the attract-mode invitation to touch.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

ImU32 alert_color(const std::string& level) {
  if (level == "severe") return IM_COL32(176, 0, 32, 255);
  if (level == "warning") return IM_COL32(255, 179, 0, 255);
  return IM_COL32(0, 105, 120, 255);
}

}  // namespace

void draw_alert(UiContext& ctx) {
  if (!ctx.alert) return;
  const Alert& a = *ctx.alert;
  const Layout& l = ctx.layout;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImU32 fill = alert_color(a.level);
  const ImU32 ink = text_on(fill);
  const std::string label = ctx.str("alert." + a.level);
  if (a.fullscreen) {
    // A full-screen notice: everything else waits until it expires.
    dl->AddRectFilled(ImVec2(0, l.status_height), ImVec2(l.size.x, l.size.y - l.nav_height), fill);
    const float x = l.px(120), width = l.size.x - 2 * x;
    float y = l.status_height + l.px(120);
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    canvas_override(dl, [&] {
      text(ctx, ctx.fonts.large, ImVec2(x, y), ink, label);
      y += l.px(70);
      y += paragraph(ctx, ctx.fonts.title, ImVec2(x, y), width, ink, ctx.tr(a.title)) + l.px(30);
      paragraph(ctx, ctx.fonts.large, ImVec2(x, y), width, ink, ctx.tr(a.body));
    });
    return;
  }
  // A banner just under the status bar, above the screen's content.
  const float h = l.px(96);
  const ImVec2 min(0, l.status_height), max(l.size.x, l.status_height + h);
  dl->AddRectFilled(min, max, fill);
  canvas_override(dl, [&] {
    const float mid = min.y + h / 2;
    const ImVec2 lsize = measure(ctx.fonts.large, label);
    text(ctx, ctx.fonts.large, ImVec2(l.pad, mid - lsize.y / 2), ink, label);
    const float x = l.pad + lsize.x + l.px(28);
    text_fit(ctx, ctx.fonts.large, ImVec2(x, mid - ctx.fonts.large->FontSize * 0.9f), l.size.x - x - l.pad, ink,
             ctx.tr(a.title));
    text_fit(ctx, ctx.fonts.small, ImVec2(x, mid + ctx.fonts.large->FontSize * 0.25f), l.size.x - x - l.pad, ink,
             ctx.tr(a.body));
  });
}

void draw_editor_notice(UiContext& ctx) {
  if (!ctx.editor_notice) return;
  const Layout& l = ctx.layout;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 min(0, l.size.y - l.nav_height - ctx.fonts.small->FontSize * 1.8f), max(l.size.x, l.size.y - l.nav_height);
  dl->AddRectFilled(min, max, IM_COL32(255, 214, 102, 255));
  canvas_override(dl, [&] {
    text_fit(ctx, ctx.fonts.small, ImVec2(l.pad, min.y + ctx.fonts.small->FontSize * 0.4f), l.size.x - 2 * l.pad,
             IM_COL32(22, 33, 45, 255), *ctx.editor_notice);
  });
}

void draw_attract_hint(UiContext& ctx) {
  if (!ctx.attract) return;
  const Layout& l = ctx.layout;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const std::string& hint = ctx.str("attract.touch");
  const ImVec2 size = measure(ctx.fonts.large, hint);
  const ImVec2 c(l.size.x / 2, l.size.y - l.nav_height - l.px(70));
  const ImVec2 min(c.x - size.x / 2 - l.px(40), c.y - size.y / 2 - l.px(18)),
      max(c.x + size.x / 2 + l.px(40), c.y + size.y / 2 + l.px(18));
  dl->AddRectFilled(min, max, IM_COL32(16, 46, 68, 235), (max.y - min.y) / 2);
  canvas_override(dl, [&] { text_centered(ctx, ctx.fonts.large, min, max, IM_COL32_WHITE, hint); });
}

}  // namespace kiosk::ui
