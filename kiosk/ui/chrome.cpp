// The frame around every screen: status bar (city, data freshness, clock, language) on top and
// the navigation bar at the bottom, within reach of children and wheelchair users.
#include <algorithm>
#include <cmath>

#include "kiosk/ui/full_text.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screen_admin.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/text_run.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
bool screen_enabled(const UiContext& ctx, ScreenId id) {
  const auto& screens = ctx.content.settings.screens;
  if (classroom_only(id)) return ctx.classroom;
  return id == ScreenId::home || std::find(screens.begin(), screens.end(), screen_name(id)) != screens.end();
}

// The three tool buttons at the right end of the navigation bar; returns where they begin.
float draw_tools(UiContext& ctx, float top) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  struct Tool {
    const char* id;
    std::string label;
    bool on;
    Intent intent;
  };
  const Tool tools[] = {
      {"tool.language", ctx.str("status.other_language"), false, ToggleLanguage{}},
      {"tool.large_text", ctx.str("access.large_text"), ctx.state.large_text, ToggleLargeText{}},
      {"tool.contrast", ctx.str("access.high_contrast"), ctx.state.high_contrast, ToggleContrast{}},
  };
  float widest = l.px(120);
  for (const Tool& tool : tools) widest = std::max(widest, measure(ctx.fonts.small, tool.label).x + l.px(24));
  const float w = std::min(widest, l.size.x * 0.11f);
  float x = l.size.x - 3 * w;
  const float left = x;
  dl->AddLine(ImVec2(x, top + l.px(16)), ImVec2(x, l.size.y - l.px(16)), IM_COL32(255, 255, 255, 60),
              l.px(2));
  for (const Tool& tool : tools) {
    const ImVec2 min(x, top), max(x + w, l.size.y);
    Press p = touch_area(ctx, tool.id, tool.label, min, max);
    if (tool.on || p.held)
      fill_rounded_rect(dl, ImVec2(min.x + l.px(8), top + l.px(10)),
                        ImVec2(max.x - l.px(8), l.size.y - l.px(10)),
                        p.held && !tool.on ? IM_COL32(255, 255, 255, 40) : t.nav_active, l.radius);
    const ImVec2 c((min.x + max.x) / 2, top + l.px(40));
    const ImU32 ink = tool.on ? t.on_accent : t.on_bar;
    const std::string_view id = tool.id;
    if (id == "tool.language") {
      draw_icon(dl, Icon::language, c, l.px(42), ink);
    } else if (id == "tool.large_text") {
      // "Aa" drawn large and small: the universal sign for text size.
      ImFont* big = ctx.fonts.large;
      add_text(dl, big, ImVec2(c.x - big->FontSize * 0.62f, c.y - big->FontSize * 0.55f), ink, "A");
      add_text(dl, ctx.fonts.small, ImVec2(c.x + l.px(2), c.y - ctx.fonts.small->FontSize * 0.3f), ink, "a");
    } else {
      // Half-filled circle: contrast.
      const float r = l.px(17);
      dl->AddCircle(c, r, ink, 24, l.px(3));
      dl->PathArcTo(c, r, -1.5708f, 1.5708f, 12);
      dl->PathFillConvex(ink);
    }
    const ImVec2 size = measure(ctx.fonts.small, tool.label);
    text(ctx, ctx.fonts.small, ImVec2((min.x + max.x - size.x) / 2, top + l.px(76)), ink, tool.label);
    if (p.clicked) ctx.intents.push_back(tool.intent);
    x += w;
  }
  return left;
}

void draw_status_bar(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(l.size.x, l.status_height), t.bar);
  const float mid = l.status_height / 2;
  ImFont* large = ctx.fonts.large;
  text(ctx, large, ImVec2(l.pad, mid - large->FontSize / 2), t.on_bar, ctx.tr(ctx.content.settings.city));

  // Right to left: clock, freshness. (Controls live in the navigation bar, within everyone's reach.)
  const std::string clock = clock_text(ctx.now, ctx.zone_offset_minutes);
  // The clock keeps the normal title size in large text: the bar does not grow.
  ImFont* title = normal_title(ctx);
  const float clock_w = measure(title, clock).x;
  const float clock_x = l.size.x - l.pad - clock_w;
  text(ctx, title, ImVec2(clock_x, mid - title->FontSize / 2), t.on_bar, clock);

  // Freshness: how old the oldest value on screen is (never the newest: that would vouch for a
  // station that stopped reporting hours ago), and whether some of it is old or demo.
  std::string fresh;
  ImU32 fresh_color = t.on_bar_muted;
  if (ctx.model.oldest_data > 0) {
    fresh = labelled(ctx.str("status.oldest"), age_text(ctx, ctx.model.oldest_data));
    if (ctx.model.failing_sources > 0 || ctx.model.any_stale) {
      fresh += " · " + ctx.str("status.some_offline");
      fresh_color = IM_COL32(255, 200, 150, 255);
    }
  } else {
    fresh = ctx.str("data.no_data");
  }
  ImFont* small = ctx.fonts.small;
  const float fresh_w = measure(small, fresh).x;
  float x = clock_x - l.px(28) - fresh_w;
  text(ctx, small, ImVec2(x, mid - small->FontSize / 2), fresh_color, fresh);
  if (ctx.model.any_demo) {
    const std::string& demo = ctx.str("data.demo");
    const ImVec2 size = measure(small, demo);
    const ImVec2 bmin(x - l.px(20) - size.x - l.px(24), mid - size.y / 2 - l.px(6));
    const ImVec2 bmax(x - l.px(20), mid + size.y / 2 + l.px(6));
    fill_rounded_rect(dl, bmin, bmax, t.demo_badge, l.px(8));
    text(ctx, small, ImVec2(bmin.x + l.px(12), mid - size.y / 2), t.on_demo_badge, demo);
  }
}

void draw_navigation(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  const float top = l.size.y - l.nav_height;
  dl->AddRectFilled(ImVec2(0, top), l.size, t.bar);
  // Language, large text and high contrast on the right: reachable from every screen, low down.
  const float tools_left = draw_tools(ctx, top);
  int count = 0;
  for (ScreenId id : kAllScreens) count += screen_enabled(ctx, id) ? 1 : 0;
  const float w = tools_left / static_cast<float>(count);
  // A label never runs into its neighbour: the caption size when the body size is too wide for any
  // label (one size for them all), then two lines (portrait English: "Waste sorting" in a 180 px item).
  const float room = w - l.px(12);
  ImFont* font = ctx.fonts.body;
  for (ScreenId id : kAllScreens)
    if (screen_enabled(ctx, id) && measure(font, ctx.str(std::string(screen_info(id).nav_key))).x > room)
      font = ctx.fonts.small;
  int i = 0;
  for (ScreenId id : kAllScreens) {
    if (!screen_enabled(ctx, id)) continue;
    const std::string& label = ctx.str(std::string(screen_info(id).nav_key));
    ImVec2 min(w * static_cast<float>(i), top), max(w * static_cast<float>(i + 1), l.size.y);
    Press p = touch_area(ctx, std::string("nav.") + screen_name(id), label, min, max);
    const bool active = ctx.state.screen == id;
    if (active || p.held) {
      ImVec2 pill_min(min.x + l.px(10), top + l.px(10)), pill_max(max.x - l.px(10), l.size.y - l.px(10));
      fill_rounded_rect(dl, pill_min, pill_max,
                        p.held && !active ? IM_COL32(255, 255, 255, 40) : t.nav_active, l.radius);
    }
    const ImU32 fg = active ? t.on_accent : t.on_bar_muted;
    // The label sits on the bar's bottom and the icon takes what is left above it, so large text never
    // falls off the screen.
    const std::vector<Line> lines = break_lines(*font, font->FontSize, label, room);
    const float pitch = std::floor(font->FontSize * 0.95f);
    const float label_y = std::min(top + l.px(72), std::floor(l.size.y - l.px(6) - font->FontSize -
                                                              pitch * static_cast<float>(lines.size() - 1)));
    const float icon = std::min(l.px(46), label_y - top - l.px(14));
    draw_icon(dl, screen_view(id).icon,
              ImVec2((min.x + max.x) / 2, std::min(top + l.px(40), label_y - l.px(4) - icon / 2)), icon,
              active ? t.on_accent : t.on_bar);
    float y = label_y;
    for (const Line& line : lines) {
      text(ctx, font, ImVec2(std::floor((min.x + max.x - line.width) / 2), y), fg, line.text);
      y += pitch;
    }
    if (p.clicked) ctx.go_to(id);
    ++i;
  }
}

void draw_frame(UiContext& ctx) {
  const Layout& l = ctx.layout;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(l.size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.background));
  // No background of its own: the frame is cleared to the theme's background before it is drawn, and a
  // full-screen quad on top cost SDL's software renderer 15 ms a frame.
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground);
  // A full-screen notice hides the screen: nothing under it is drawn, so nothing under it can be tapped.
  const bool notice = ctx.alert && ctx.alert->fullscreen;
  if (!notice) screen_view(ctx.state.screen).draw(ctx);
  draw_status_bar(ctx);
  draw_navigation(ctx);
  admin_corner(ctx);
  draw_alert(ctx);
  draw_attract_hint(ctx);
  draw_editor_notice(ctx);
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  draw_full_text(ctx);  // a shortened text, whole, when tapped
  draw_admin(ctx);      // above everything, when open
}

}  // namespace kiosk::ui
