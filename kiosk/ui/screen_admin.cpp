#include "kiosk/ui/screen_admin.hpp"

#include <cmath>
#include <cstdio>

#include "kiosk/ui/keypad.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

std::string uptime_text(const UiContext& ctx, double seconds) {
  const long long s = static_cast<long long>(seconds);
  char clock[32];
  std::snprintf(clock, sizeof clock, "%02lld:%02lld:%02lld", (s / 3600) % 24, (s / 60) % 60, s % 60);
  if (s < 86400) return clock;
  return with_number(ctx.str("admin.days"), s / 86400) + " " + clock;
}

std::string state_text(const UiContext& ctx, SourceState state) {
  switch (state) {
    case SourceState::ok:
      return ctx.str("admin.source_ok");
    case SourceState::failing:
      return ctx.str("admin.source_failing");
    case SourceState::never_fetched:
      return ctx.str("admin.source_never");
  }
  return {};
}

void pin_pad(UiContext& ctx, const AdminView& v) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float w = std::min(l.px(620), l.size.x - 2 * l.pad);
  const float h = std::min(l.px(940), l.size.y - 2 * l.px(16));
  const ImVec2 min((l.size.x - w) / 2, (l.size.y - h) / 2), max(min.x + w, min.y + h);
  card(ctx, min, max, t.surface);
  const float inner = l.px(24);
  float y = min.y + inner;
  text_centered(ctx, ctx.fonts.large, ImVec2(min.x, y), ImVec2(max.x, y + ctx.fonts.large->FontSize), t.text,
                ctx.str("admin.pin_prompt"));
  y += ctx.fonts.large->FontSize + l.px(18);
  // One dot per digit typed; the digits themselves are never shown.
  const float dot = l.px(11), step = l.px(34);
  const int slots = std::max(4, v.pin_digits);
  float x = (min.x + max.x) / 2 - step * static_cast<float>(slots - 1) / 2;
  for (int i = 0; i < slots; ++i, x += step) {
    if (i < v.pin_digits)
      fill_circle(canvas(), ImVec2(x, y + dot), dot, t.text);
    else
      canvas()->AddCircle(ImVec2(x, y + dot), dot, t.border, 0, l.px(2));
  }
  y += 2 * dot + l.px(14);
  std::string message;
  if (v.locked_seconds > 0)
    message = with_number(ctx.str("admin.locked"), v.locked_seconds);
  else if (v.wrong_pin)
    message = ctx.str("admin.wrong_pin");
  const float line = ctx.fonts.body->FontSize * 1.3f;
  if (!message.empty())
    text_centered(ctx, ctx.fonts.body, ImVec2(min.x, y), ImVec2(max.x, y + line), t.warning, message);
  y += line + l.px(10);
  const float cancel_h = std::max(l.touch, l.px(72));
  draw_keypad(ctx, ImVec2(min.x + inner, y), ImVec2(max.x - inner, max.y - inner - cancel_h - l.px(14)),
              v.locked_seconds <= 0);
  if (button(ctx, "admin.cancel", ctx.str("admin.cancel"), ImVec2(min.x + inner, max.y - inner - cancel_h),
             ImVec2(max.x - inner, max.y - inner), ButtonStyle::quiet))
    ctx.intents.push_back(AdminAction{AdminAction::Kind::close});
}

void info_view(UiContext& ctx, const AdminView& v) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 min(l.pad, l.px(16)), max(l.size.x - l.pad, l.size.y - l.px(16));
  card(ctx, min, max, t.surface);
  const float inner = l.px(28);
  const float buttons_w = std::max(l.px(380), (max.x - min.x) * 0.3f);
  const float left = min.x + inner, right = max.x - inner - buttons_w - inner;
  float y = min.y + inner;
  text(ctx, ctx.fonts.title, ImVec2(left, y), t.text, ctx.str("admin.title"));
  y += ctx.fonts.title->FontSize * 1.4f;

  ImFont* body = ctx.fonts.body;
  const float line = body->FontSize * 1.35f;
  const float value_x = left + std::min(l.px(300), (right - left) * 0.38f);
  auto row = [&](const std::string& label, const std::string& value) {
    text(ctx, body, ImVec2(left, y), t.text_muted, label);
    text_fit(ctx, body, ImVec2(value_x, y), right - value_x, t.text, value);
    y += line;
  };
  row(ctx.str("admin.version"), v.version);
  row(ctx.str("admin.content_version"), v.content_version);
  row(ctx.str("admin.uptime"), uptime_text(ctx, v.uptime_seconds));
  row(ctx.str("admin.memory"), v.memory_mb > 0
                                   ? format_number(v.memory_mb, 1) + " " + ctx.str("admin.unit_mb")
                                   : ctx.str("data.no_data"));
  row(ctx.str("admin.frame_time"), v.frame_p50_ms > 0
                                       ? format_number(v.frame_p50_ms, 1) + " / " +
                                             format_number(v.frame_p99_ms, 1) + " " + ctx.str("admin.unit_ms")
                                       : ctx.str("data.no_data"));
  row(ctx.str("admin.screen_power"), v.screen_power.empty() ? ctx.str("data.no_data") : v.screen_power);
  row(ctx.str("admin.schedule"),
      ctx.str(v.schedule_paused ? "admin.schedule_paused" : "admin.schedule_running"));

  y += l.px(10);
  text(ctx, ctx.fonts.large, ImVec2(left, y), t.text, ctx.str("admin.sources"));
  y += ctx.fonts.large->FontSize * 1.3f;
  ImFont* small = ctx.fonts.small;
  const float small_line = small->FontSize * 1.3f;
  const float source_line = body->FontSize * 1.3f;
  for (const AdminView::Source& s : v.sources) {
    if (y + source_line > max.y - inner) break;  // a long list is cut at the card's edge
    std::string line_text = s.id + " · " + state_text(ctx, s.state);
    if (s.last_success > 0)
      line_text += " · " + ctx.str("admin.last_success") + " " + age_text(ctx, s.last_success);
    if (s.failures > 0) line_text += " · " + with_number(ctx.str("admin.failures"), s.failures);
    if (!s.last_error.empty() && s.state == SourceState::failing) line_text += " · " + s.last_error;
    text_fit(ctx, body, ImVec2(left, y), right - left, s.state == SourceState::failing ? t.warning : t.text,
             line_text);
    y += source_line;
    // An expired key is not an outage: it waits for an operator, so it is said apart from the error.
    if (s.auth_failing && y + source_line <= max.y - inner) {
      text_fit(ctx, body, ImVec2(left, y), right - left, t.warning,
               s.id + " · " + ctx.str("admin.auth_failing"));
      y += source_line;
    }
  }

  // Actions, top to bottom; Quit last and apart, since on a kiosk it stops the service.
  const float bx = max.x - inner - buttons_w, bh = std::max(l.touch, l.px(84)), gap = l.px(16);
  float by = min.y + inner;
  auto action = [&](const char* id, AdminAction::Kind kind, const std::string& label, ButtonStyle style) {
    if (button(ctx, std::string("admin.") + id, label, ImVec2(bx, by), ImVec2(bx + buttons_w, by + bh), style,
               ctx.fonts.body))
      ctx.intents.push_back(AdminAction{kind});
    by += bh + gap;
  };
  action("close", AdminAction::Kind::close, ctx.str("admin.close"), ButtonStyle::primary);
  action("reload", AdminAction::Kind::reload, ctx.str("admin.reload"), ButtonStyle::secondary);
  action("schedule", AdminAction::Kind::schedule,
         ctx.str(v.schedule_paused ? "admin.resume_schedule" : "admin.pause_schedule"),
         ButtonStyle::secondary);
  by = std::max(by, max.y - inner - bh - (v.locked_down ? small_line * 2 : 0));
  action("quit", AdminAction::Kind::quit, ctx.str("admin.quit"), ButtonStyle::secondary);
  if (v.locked_down)
    paragraph(ctx, small, ImVec2(bx, by - gap + l.px(6)), buttons_w, t.text_muted, ctx.str("admin.quit_note"),
              2);
}

}  // namespace

void admin_corner(UiContext& ctx) {
  const Layout& l = ctx.layout;
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  // Not a touch_area: it has no label, is drawn as nothing and is not listed as tappable.
  ImGui::InvisibleButton("##admin-corner", ImVec2(l.status_height * 1.5f, l.status_height));
  if (ImGui::IsItemActive()) ctx.intents.push_back(AdminCorner{});
}

void draw_admin(UiContext& ctx) {
  const AdminView& v = ctx.state.admin;
  if (v.mode == AdminView::Mode::closed) return;
  begin_overlay(ctx, "admin", 0.82f);
  if (v.mode == AdminView::Mode::pin)
    pin_pad(ctx, v);
  else
    info_view(ctx, v);
  end_overlay();
}

}  // namespace kiosk::ui
