// Alerts (alerts.toml) over every screen, and the attract-mode invitation to touch.
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/text_run.hpp"

namespace kiosk::ui {
namespace {

ImU32 alert_color(const std::string& level) {
  if (level == "severe") return IM_COL32(176, 0, 32, 255);
  if (level == "warning") return IM_COL32(255, 179, 0, 255);
  return IM_COL32(0, 105, 120, 255);
}

// Wrapped lines of `s` at `size` px; returns the height they take.
float lines_at(UiContext& ctx, ImDrawList* dl, ImFont* font, float size, ImVec2 pos, float width, ImU32 ink,
               const std::string& s, bool draw) {
  if (s.empty()) return 0;
  float y = pos.y;
  for (const Line& line : break_lines(*font, size, s, width)) {
    if (draw) add_text(dl, font, size, ImVec2(pos.x, std::floor(y)), ink, line.text);
    y += size * 1.3f;
  }
  if (draw) ctx.record.texts.push_back(s);
  return y - pos.y;
}

struct BannerFonts {
  ImFont* label;
  ImFont* title;
  ImFont* body;
};
BannerFonts banner_fonts(const FontSet& f) {
  return {f.large, f.large, f.body};
}

}  // namespace

float alert_banner_height(const Alert& a, const Layout& l, const FontSet& fonts, Lang lang,
                          const Strings& strings) {
  if (a.fullscreen) return 0;
  const BannerFonts f = banner_fonts(fonts);
  const std::string& label = strings.get("alert." + a.level, lang);
  const float x = l.pad + measure(f.label, label).x + l.px(28);
  const float width = l.size.x - x - l.pad;
  float h = 0;
  for (const Line& line : break_lines(*f.title, f.title->FontSize, a.title.in(lang), width)) {
    (void)line;
    h += f.title->FontSize * 1.3f;
  }
  for (const Line& line : break_lines(*f.body, f.body->FontSize, a.body.in(lang), width)) {
    (void)line;
    h += f.body->FontSize * 1.3f;
  }
  // Never more than half the content area: a longer text is for a full-screen notice.
  return std::min(std::max(h + l.px(24), l.px(96)), (l.content_max.y - l.status_height) / 2);
}

void draw_alert(UiContext& ctx) {
  if (!ctx.alert) return;
  const Alert& a = *ctx.alert;
  const Layout& l = ctx.layout;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImU32 fill = alert_color(a.level);
  const ImU32 ink = text_on(fill);
  const std::string label = ctx.str("alert." + a.level);
  if (a.fullscreen) {
    // A full-screen notice: everything else waits until it expires. The title is at least twice the
    // title size, the body at the large-text body size, then when it is in force and who issued it.
    const ImVec2 min(0, l.status_height), max(l.size.x, l.size.y - l.nav_height);
    dl->AddRectFilled(min, max, fill);
    const float x = l.px(60), width = l.size.x - 2 * x;
    const std::string when =
        labelled(ctx.str("alert.in_force"),
                 (a.starts ? date_time_text(a.starts, ctx.zone_offset_minutes) + " – " : std::string()) +
                     date_time_text(a.expires, ctx.zone_offset_minutes));
    const std::string source =
        ctx.tr(a.source).empty() ? std::string() : labelled(ctx.str("alert.source"), ctx.tr(a.source));
    ImFont* body = ctx.fonts.large;
    ImFont* meta = ctx.fonts.body;
    // The title shrinks from display size towards twice the normal title size until everything fits.
    const float min_title = 2 * normal_title(ctx)->FontSize;
    float title_px = std::max(ctx.fonts.huge->FontSize, min_title);
    auto height = [&](float tpx, bool draw, float y0) {
      float y = y0;
      if (draw) text(ctx, ctx.fonts.large, ImVec2(x, y), ink, label);
      y += ctx.fonts.large->FontSize * 1.3f + l.px(10);
      y += lines_at(ctx, dl, ctx.fonts.huge, tpx, ImVec2(x, y), width, ink, ctx.tr(a.title), draw) + l.px(16);
      y += lines_at(ctx, dl, body, body->FontSize, ImVec2(x, y), width, ink, ctx.tr(a.body), draw) + l.px(16);
      y += lines_at(ctx, dl, meta, meta->FontSize, ImVec2(x, y), width, ink, when, draw);
      y += lines_at(ctx, dl, meta, meta->FontSize, ImVec2(x, y), width, ink, source, draw);
      return y - y0;
    };
    const float room = max.y - min.y - 2 * l.px(30);
    while (title_px > min_title && height(title_px, false, 0) > room)
      title_px = std::max(min_title, title_px - 4);
    const float used = height(title_px, false, 0);
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    canvas_override(
        dl, [&] { height(title_px, true, std::floor(min.y + std::max(l.px(30), (room - used) / 2))); });
    return;
  }
  // A banner just under the status bar, above the screen's content, tall enough for all its text.
  const BannerFonts f = banner_fonts(ctx.fonts);
  const float h = alert_banner_height(a, l, ctx.fonts, ctx.lang, ctx.content.strings);
  const ImVec2 min(0, l.status_height), max(l.size.x, l.status_height + h);
  dl->AddRectFilled(min, max, fill);
  canvas_override(dl, [&] {
    const ImVec2 lsize = measure(f.label, label);
    text(ctx, f.label, ImVec2(l.pad, min.y + l.px(12)), ink, label);
    const float x = l.pad + lsize.x + l.px(28), width = l.size.x - x - l.pad;
    float y = min.y + l.px(12);
    y += lines_at(ctx, dl, f.title, f.title->FontSize, ImVec2(x, y), width, ink, ctx.tr(a.title), true);
    lines_at(ctx, dl, f.body, f.body->FontSize, ImVec2(x, y), width, ink, ctx.tr(a.body), true);
  });
}

void draw_editor_notice(UiContext& ctx) {
  if (!ctx.editor_notice) return;
  const Layout& l = ctx.layout;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 min(0, l.size.y - l.nav_height - ctx.fonts.small->FontSize * 1.8f),
      max(l.size.x, l.size.y - l.nav_height);
  dl->AddRectFilled(min, max, IM_COL32(255, 214, 102, 255));
  canvas_override(dl, [&] {
    text_fit(ctx, ctx.fonts.small, ImVec2(l.pad, min.y + ctx.fonts.small->FontSize * 0.4f),
             l.size.x - 2 * l.pad, IM_COL32(22, 33, 45, 255), *ctx.editor_notice);
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
  fill_rounded_rect(dl, min, max, IM_COL32(16, 46, 68, 235), (max.y - min.y) / 2);
  canvas_override(dl, [&] { text_centered(ctx, ctx.fonts.large, min, max, IM_COL32_WHITE, hint); });
}

}  // namespace kiosk::ui
