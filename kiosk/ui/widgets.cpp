#include "kiosk/ui/widgets.hpp"

#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_run.hpp"

#include "kiosk/core/metrics.hpp"
#include "kiosk/core/target_progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "kiosk/ui/full_text.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk::ui {

namespace {
ImDrawList* g_canvas_override = nullptr;  // UI thread only
}  // namespace

ImDrawList* canvas() {
  return g_canvas_override ? g_canvas_override : ImGui::GetWindowDrawList();
}
void set_canvas_override(ImDrawList* dl) {
  g_canvas_override = dl;
}

ImVec2 measure(ImFont* font, std::string_view s) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size());
}

void text(UiContext& ctx, ImFont* font, ImVec2 pos, ImU32 color, std::string_view s) {
  if (s.empty()) return;
  add_text(canvas(), font, pos, color, s);
  ctx.record.texts.emplace_back(s);
  // Only the part that is not clipped away (a list's rows below its visible end draw nothing).
  const ImVec2 size = measure(font, s);
  const ImVec2 clip_min = canvas()->GetClipRectMin(), clip_max = canvas()->GetClipRectMax();
  const ImVec2 lo(std::max(pos.x, clip_min.x), std::max(pos.y, clip_min.y));
  const ImVec2 hi(std::min(pos.x + size.x, clip_max.x), std::min(pos.y + size.y, clip_max.y));
  if (hi.x > lo.x && hi.y > lo.y) ctx.record.text_boxes.push_back({lo, hi, color});
}

float paragraph(UiContext& ctx, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view s,
                int max_lines) {
  if (s.empty()) return 0;
  const float line_height = font->FontSize * 1.3f;
  auto lines = break_lines(*font, font->FontSize, s, width);
  float y = pos.y;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].text;
    if (max_lines > 0 && static_cast<int>(i) == max_lines - 1 && lines.size() > i + 1) {
      bool cut = false;
      std::string shortened(fit_prefix(*font, font->FontSize, line, width - font->FontSize, cut));
      shortened += "…";
      add_text(canvas(), font, ImVec2(pos.x, y), color, shortened, true);
      y += line_height;
      offer_full_text(ctx, s, pos, ImVec2(pos.x + width, y));
      break;
    }
    add_text(canvas(), font, ImVec2(pos.x, y), color, line);
    y += line_height;
  }
  ctx.record.texts.emplace_back(s);
  return y - pos.y;
}

void text_fit(UiContext& ctx, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view s) {
  bool cut = false;
  std::string_view shown = fit_prefix(*font, font->FontSize, s, width, cut);
  if (!cut) {
    text(ctx, font, pos, color, s);
    return;
  }
  std::string withdots = std::string(shown) + "…";
  add_text(canvas(), font, pos, color, withdots, true);
  ctx.record.texts.emplace_back(s);
  offer_full_text(ctx, s, pos, ImVec2(pos.x + measure(font, withdots).x, pos.y + font->FontSize));
}

ImFont* normal_title(const UiContext& ctx) {
  return ctx.state.large_text ? ctx.fonts.large : ctx.fonts.title;
}

ImFont* shrunk_font(const UiContext& ctx, ImFont* font, float width,
                    const std::vector<std::string_view>& texts) {
  // The frame's roles from the largest down; a role's font never shrinks below body.
  for (ImFont* f : {ctx.fonts.title, ctx.fonts.large, ctx.fonts.body}) {
    if (f->FontSize > font->FontSize) continue;
    if (f == ctx.fonts.body ||
        std::all_of(texts.begin(), texts.end(), [&](std::string_view s) { return measure(f, s).x <= width; }))
      return f;
  }
  return font;
}

ImFont* text_shrink(UiContext& ctx, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view s) {
  ImFont* f = shrunk_font(ctx, font, width, {s});
  text_fit(ctx, f, pos, width, color, s);
  return f;
}

void text_centered(UiContext& ctx, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, std::string_view s) {
  ImVec2 size = measure(font, s);
  text(ctx, font, ImVec2(std::floor((min.x + max.x - size.x) / 2), std::floor((min.y + max.y - size.y) / 2)),
       color, s);
}

void card(const UiContext& ctx, ImVec2 min, ImVec2 max, ImU32 fill) {
  ImDrawList* dl = canvas();
  const float r = ctx.layout.radius;
  const float shadow = ctx.layout.px(3);
  if (ctx.theme.card_outline) {
    fill_rounded_rect(dl, min, max, fill, r);
    dl->AddRect(min, max, ctx.theme.border, r, 0, ctx.layout.px(2));
    return;
  }
  fill_rounded_rect(dl, ImVec2(min.x, min.y + shadow), ImVec2(max.x, max.y + shadow),
                    IM_COL32(16, 46, 68, 28), r);
  fill_rounded_rect(dl, min, max, fill, r);
}

ScrollArea scrolling_card(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  card(ctx, min, max, ctx.theme.surface);
  return ScrollArea(ctx, id, ImVec2(min.x + l.pad, min.y + l.pad), ImVec2(max.x - l.pad / 2, max.y - l.pad));
}

float scrolling_card_width(const UiContext& ctx, const ScrollArea& area) {
  return area.width() - ctx.layout.pad / 2;
}

float pane_heading(UiContext& ctx, std::string_view name, ImVec2 pos, float width) {
  text_shrink(ctx, ctx.fonts.title, pos, width, ctx.theme.text, name);
  return std::round(ctx.fonts.title->FontSize * 1.3f);
}

ImVec2 fitted_size(const UiContext& ctx, const std::string& path, const Picture& pic, ImVec2 box) {
  float w = 0, h = 0;
  if (auto it = ctx.content.picture_sizes.find(path); it != ctx.content.picture_sizes.end()) {
    w = static_cast<float>(it->second.width);
    h = static_cast<float>(it->second.height);
  } else if (pic.texture) {
    w = static_cast<float>(pic.width);
    h = static_cast<float>(pic.height);
  }
  if (w <= 0 || h <= 0 || pic.broken) return box;
  const float scale = std::min(box.x / w, box.y / h);
  return ImVec2(w * scale, h * scale);
}

void picture(UiContext& ctx, const std::string& path, ImVec2 min, ImVec2 max, ImVec2* used_min,
             ImVec2* used_max) {
  const Picture pic = ctx.pictures && !path.empty()
                          ? ctx.pictures->get(path, ImVec2(max.x - min.x, max.y - min.y))
                          : Picture{nullptr, 0, 0, true};
  const ImVec2 size = fitted_size(ctx, path, pic, ImVec2(max.x - min.x, max.y - min.y));
  const ImVec2 a(std::floor((min.x + max.x - size.x) / 2), std::floor((min.y + max.y - size.y) / 2));
  const ImVec2 b(a.x + size.x, a.y + size.y);
  if (pic.texture && pic.width > 0 && pic.height > 0) {
    fill_rounded_image(canvas(), pic.texture, a, b, ctx.layout.radius * 0.5f);
  } else {
    // Loading or broken: a calm grey panel with a simple picture mark, never a blank hole.
    fill_rounded_rect(canvas(), a, b, ctx.theme.track, ctx.layout.radius * 0.5f);
    const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
    const float s = std::min(b.x - a.x, b.y - a.y) * 0.18f;
    canvas()->AddTriangleFilled(ImVec2(c.x - s, c.y + s * 0.6f), ImVec2(c.x - s * 0.2f, c.y - s * 0.5f),
                                ImVec2(c.x + s * 0.5f, c.y + s * 0.6f), ctx.theme.border);
    fill_circle(canvas(), ImVec2(c.x + s * 0.6f, c.y - s * 0.4f), s * 0.25f, ctx.theme.border);
  }
  if (used_min) *used_min = a;
  if (used_max) *used_max = b;
}

Press touch_area(UiContext& ctx, std::string_view id, std::string_view label, ImVec2 min, ImVec2 max) {
  Press p;
  ImGui::SetCursorScreenPos(min);
  ImGui::PushID(id.data(), id.data() + id.size());
  p.clicked =
      ImGui::InvisibleButton("##touch", ImVec2(std::max(max.x - min.x, 1.f), std::max(max.y - min.y, 1.f)));
  p.held = ImGui::IsItemActive() && ImGui::IsItemHovered();
  ImGui::PopID();
  const ImVec2 cmin = canvas()->GetClipRectMin(), cmax = canvas()->GetClipRectMax();
  ctx.record.tappables.push_back({std::string(label), min, max, ImVec4(cmin.x, cmin.y, cmax.x, cmax.y)});
  return p;
}

bool button(UiContext& ctx, std::string_view id, std::string_view label, ImVec2 min, ImVec2 max,
            ButtonStyle style, ImFont* font) {
  Press p = touch_area(ctx, id, label, min, max);
  const Theme& t = ctx.theme;
  ImU32 fill = t.surface, fg = t.text;
  if (style == ButtonStyle::primary) {
    fill = t.accent;
    fg = t.on_accent;
  } else if (style == ButtonStyle::quiet) {
    fill = IM_COL32(0, 0, 0, 0);
    fg = t.accent;
  }
  if (p.held) {
    fill = style == ButtonStyle::primary ? t.bar : t.surface_pressed;
    if (style == ButtonStyle::quiet) fg = t.text;
  }
  ImDrawList* dl = canvas();
  fill_rounded_rect(dl, min, max, fill, ctx.layout.radius * 0.7f);
  if (style == ButtonStyle::secondary)
    dl->AddRect(min, max, t.border, ctx.layout.radius * 0.7f, 0, ctx.layout.px(2));
  text_centered(ctx, font ? font : ctx.fonts.large, min, max, fg, label);
  return p.clicked;
}

float grade_pill(UiContext& ctx, const Grade& grade, ImVec2 pos, ImFont* font) {
  const ImU32 fill = color_from_hex(grade.color);
  const ImU32 fg = text_on(fill);
  const std::string& name = ctx.tr(grade.name);
  const ImVec2 size = measure(font, name);
  const float h = font->FontSize * 1.5f;
  const float icon = h * 0.62f;
  const float pad = h * 0.35f;
  const float w = pad + icon + pad * 0.6f + size.x + pad;
  ImDrawList* dl = canvas();
  fill_rounded_rect(dl, pos, ImVec2(pos.x + w, pos.y + h), fill, h / 2);
  dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), IM_COL32(0, 0, 0, 40), h / 2);
  draw_level_icon(dl, ImVec2(pos.x + pad + icon / 2, pos.y + h / 2), icon, grade.level, fg);
  text(ctx, font, ImVec2(pos.x + pad + icon + pad * 0.6f, pos.y + (h - size.y) / 2), fg, name);
  return w;
}

void progress_bar(const UiContext& ctx, ImVec2 min, ImVec2 max, double fraction, ImU32 fill) {
  ImDrawList* dl = canvas();
  const float r = (max.y - min.y) / 2;
  fill_rounded_rect(dl, min, max, ctx.theme.track, r);
  double f = fraction < 0 ? 0 : (fraction > 1 ? 1 : fraction);
  if (f > 0) {
    float x = min.x + static_cast<float>(f) * (max.x - min.x);
    fill_rounded_rect(dl, min, ImVec2(std::max(x, min.x + 2 * r), max.y), fill, r);
  }
}

std::string age_text(const UiContext& ctx, UnixTime observed_at) {
  if (observed_at <= 0) return {};
  long long seconds = ctx.now - observed_at;
  if (seconds < 0) seconds = 0;  // a clock set back (NTP): never a negative age
  if (seconds < 90) return ctx.str("data.just_now");
  const long long minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
  if (minutes < 60) return with_number(ctx.str("data.minutes_ago"), minutes);
  if (hours < 48) return with_number(ctx.str("data.hours_ago"), hours);
  return with_number(ctx.str("data.days_ago"), days);
}

std::string labelled(const std::string& label, const std::string& value) {
  static const std::string kFullWidthColon = "\xEF\xBC\x9A";  // ：
  const bool tight = label.size() >= 3 && label.compare(label.size() - 3, 3, kFullWidthColon) == 0;
  return tight ? label + value : label + " " + value;
}

std::string with_number(const std::string& pattern, long long n) {
  std::string out = pattern;
  auto at = out.find("{n}");
  if (at != std::string::npos) out.replace(at, 3, std::to_string(n));
  return out;
}

std::string fill(std::string pattern, std::string_view key, const std::string& value) {
  for (size_t at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + value.size()))
    pattern.replace(at, key.size(), value);
  return pattern;
}

namespace {

std::tm city_time(UnixTime t, int zone_offset_minutes) {
  std::time_t shifted = static_cast<std::time_t>(t + zone_offset_minutes * 60LL);
  std::tm tm{};
  gmtime_r(&shifted, &tm);
  return tm;
}

}  // namespace

std::string clock_text(UnixTime t, int zone_offset_minutes) {
  std::tm tm = city_time(t, zone_offset_minutes);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", tm.tm_hour, tm.tm_min);
  return buf;
}

std::string date_time_text(UnixTime t, int zone_offset_minutes) {
  std::tm tm = city_time(t, zone_offset_minutes);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d-%02d %02d:%02d", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
  return buf;
}

std::string last_reading_text(const UiContext& ctx, UnixTime observed_at) {
  const int zone = ctx.zone_offset_minutes;
  const bool same_day = local_day(observed_at, zone) == local_day(ctx.now, zone);
  std::string out = ctx.str("data.last_reading");
  auto put = [&](std::string_view key, const std::string& value) {
    if (auto at = out.find(key); at != std::string::npos) out.replace(at, key.size(), value);
  };
  put("{time}", same_day ? clock_text(observed_at, zone) : date_time_text(observed_at, zone));
  put("{age}", age_text(ctx, observed_at));
  return out;
}

// The markers' "no data" grey: never a level colour, and white text on it keeps its contrast.
ImU32 stale_fill(const UiContext&) {
  return IM_COL32(112, 122, 132, 255);
}

void freshness_line(UiContext& ctx, const Freshness& f, ImVec2 pos, float width) {
  RoleScope timestamp(TextRole::timestamp);
  if (f.observed_at <= 0) {
    text(ctx, ctx.fonts.small, pos, ctx.theme.text_muted, ctx.str("data.no_data"));
    return;
  }
  std::string line = f.stale ? last_reading_text(ctx, f.observed_at)
                             : ctx.str("data.observed") + " " +
                                   date_time_text(f.observed_at, ctx.zone_offset_minutes) + " · " +
                                   age_text(ctx, f.observed_at);
  if (f.demo) line += " · " + ctx.str("data.demo");
  text_fit(ctx, ctx.fonts.small, pos, width, f.stale ? ctx.theme.warning : ctx.theme.text_muted, line);
}

std::string format_number(double v, int max_decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string value_text(const UiContext& ctx, const PollutantValue& p) {
  if (p.below_detection())
    return p.value > 0 ? "< " + format_number(p.value, 3) : ctx.str("data.below_detection");
  const Metric* row = find_metric(p.metric);
  return row ? format_metric_value(*row, p.value) : format_number(p.value, 3);
}

void begin_overlay(UiContext& ctx, const char* name, float dim) {
  ctx.record.clear();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ctx.layout.size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.04f, 0.1f, 0.15f, dim));
  ImGui::Begin(name, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
}

void end_overlay() {
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

}  // namespace kiosk::ui
