// The frame around every screen: status bar (city, data freshness, clock, language) on top and
// the navigation bar at the bottom, within reach of children and wheelchair users.
#include <algorithm>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screen_admin.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

Icon icon_of(ScreenId id) {
  switch (id) {
    case ScreenId::home: return Icon::home;
    case ScreenId::air: return Icon::air;
    case ScreenId::water: return Icon::water;
    case ScreenId::bay: return Icon::bay;
    case ScreenId::waste: return Icon::waste;
    case ScreenId::travel: return Icon::travel;
    case ScreenId::game: return Icon::game;
    case ScreenId::quiz: return Icon::quiz;
  }
  return Icon::home;
}

bool enabled(const UiContext& ctx, ScreenId id) {
  const auto& screens = ctx.content.settings.screens;
  if (classroom_only(id)) return ctx.classroom;
  return id == ScreenId::home || std::find(screens.begin(), screens.end(), screen_name(id)) != screens.end();
}

}  // namespace

void draw_status_bar(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(l.size.x, l.status_height), t.bar);
  const float mid = l.status_height / 2;
  ImFont* large = ctx.fonts.large;
  text(ctx, large, ImVec2(l.pad, mid - large->FontSize / 2), t.on_bar, ctx.tr(ctx.content.settings.city));

  // Right to left: language toggle, clock, freshness.
  const std::string& other = ctx.str("status.other_language");
  const float lang_w = std::max(measure(ctx.fonts.body, other).x + l.px(90), l.px(180));
  ImVec2 lang_min(l.size.x - l.pad - lang_w, mid - l.touch / 2 - l.px(2));
  ImVec2 lang_max(l.size.x - l.pad, mid + l.touch / 2 + l.px(2));
  Press lang = touch_area(ctx, "language", other, lang_min, lang_max);
  dl->AddRectFilled(lang_min, lang_max, lang.held ? t.nav_active : IM_COL32(255, 255, 255, 36), l.radius);
  draw_icon(dl, Icon::language, ImVec2(lang_min.x + l.px(34), mid), l.px(34), t.on_bar);
  text(ctx, ctx.fonts.body, ImVec2(lang_min.x + l.px(62), mid - ctx.fonts.body->FontSize / 2), t.on_bar, other);
  if (lang.clicked) ctx.intents.push_back({Intent::Kind::toggle_language, ctx.state.screen, {}});

  const std::string clock = clock_text(ctx.now, ctx.zone_offset_minutes);
  ImFont* title = ctx.fonts.title;
  const float clock_w = measure(title, clock).x;
  const float clock_x = lang_min.x - l.px(28) - clock_w;
  text(ctx, title, ImVec2(clock_x, mid - title->FontSize / 2), t.on_bar, clock);

  // Freshness: when the newest data was observed, and whether some of it is old or demo.
  std::string fresh;
  ImU32 fresh_color = t.on_bar_muted;
  if (ctx.model.newest_data > 0) {
    fresh = ctx.str("status.updated") + " " + age_text(ctx, ctx.model.newest_data);
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
    dl->AddRectFilled(bmin, bmax, t.demo_badge, l.px(8));
    text(ctx, small, ImVec2(bmin.x + l.px(12), mid - size.y / 2), t.on_demo_badge, demo);
  }
}

void draw_navigation(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  const float top = l.size.y - l.nav_height;
  dl->AddRectFilled(ImVec2(0, top), l.size, t.bar);
  int count = 0;
  for (ScreenId id : kAllScreens) count += enabled(ctx, id) ? 1 : 0;
  const float w = l.size.x / static_cast<float>(count);
  int i = 0;
  for (ScreenId id : kAllScreens) {
    if (!enabled(ctx, id)) continue;
    const std::string& label = ctx.str(std::string("nav.") + screen_name(id));
    ImVec2 min(w * static_cast<float>(i), top), max(w * static_cast<float>(i + 1), l.size.y);
    Press p = touch_area(ctx, std::string("nav.") + screen_name(id), label, min, max);
    const bool active = ctx.state.screen == id;
    if (active || p.held) {
      ImVec2 pill_min(min.x + l.px(10), top + l.px(10)), pill_max(max.x - l.px(10), l.size.y - l.px(10));
      dl->AddRectFilled(pill_min, pill_max, p.held && !active ? IM_COL32(255, 255, 255, 40) : t.nav_active,
                        l.radius);
    }
    const ImU32 fg = active ? t.on_accent : t.on_bar_muted;
    const float icon = l.px(46);
    draw_icon(dl, icon_of(id), ImVec2((min.x + max.x) / 2, top + l.px(40)), icon, active ? t.on_accent : t.on_bar);
    ImFont* font = ctx.fonts.body;
    ImVec2 size = measure(font, label);
    text(ctx, font, ImVec2((min.x + max.x - size.x) / 2, top + l.px(72)), fg, label);
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
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoNav);
  switch (ctx.state.screen) {
    case ScreenId::home: draw_home(ctx); break;
    case ScreenId::air: draw_air(ctx); break;
    case ScreenId::water: draw_water(ctx); break;
    case ScreenId::bay: draw_bay(ctx); break;
    case ScreenId::waste: draw_waste(ctx); break;
    case ScreenId::travel: draw_travel(ctx); break;
    case ScreenId::game: draw_game(ctx); break;
    case ScreenId::quiz: draw_quiz(ctx); break;
  }
  draw_status_bar(ctx);
  draw_navigation(ctx);
  admin_corner(ctx);
  draw_alert(ctx);
  draw_attract_hint(ctx);
  draw_editor_notice(ctx);
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  draw_admin(ctx);  // above everything, when open
}

}  // namespace kiosk::ui
