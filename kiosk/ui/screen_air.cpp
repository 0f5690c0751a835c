// Air: every station's AQI with its level, and for the chosen station the pollutants, the
// health effects and the recommended measures of the standard in use.
#include <algorithm>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

const AirStationView* chosen(const UiContext& ctx) {
  for (const auto& a : ctx.model.air)
    if (a.station && a.station->id == ctx.state.selected) return &a;
  if (const AirStationView* worst = ctx.model.headline_air()) return worst;
  return ctx.model.air.empty() ? nullptr : &ctx.model.air.front();
}

void station_row(UiContext& ctx, const AirStationView& a, bool selected, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const std::string& name = ctx.tr(a.station->name);
  Press p = touch_area(ctx, "air." + a.station->id, name, min, max);
  card(ctx, min, max, p.held ? t.surface_pressed : t.surface);
  if (selected) canvas()->AddRect(min, max, t.accent, l.radius, 0, l.px(4));
  const float h = max.y - min.y;
  const float box = h - l.px(24);
  const ImVec2 bmin(min.x + l.px(12), min.y + l.px(12)), bmax(bmin.x + box * 1.3f, bmin.y + box);
  if (a.aqi && !a.freshness.stale) {
    const ImU32 fill = color_from_hex(a.grade.color);
    canvas()->AddRectFilled(bmin, bmax, fill, l.px(12));
    text_centered(ctx, ctx.fonts.title, bmin, bmax, text_on(fill), std::to_string(*a.aqi));
  } else {
    canvas()->AddRect(bmin, bmax, t.border, l.px(12), 0, l.px(2));
    text_centered(ctx, ctx.fonts.small, bmin, bmax, t.text_muted, ctx.str(a.aqi ? "data.stale" : "data.no_data"));
  }
  const float x = bmax.x + l.px(20);
  text_fit(ctx, ctx.fonts.large, ImVec2(x, min.y + l.px(14)), max.x - x - l.px(12), t.text, name);
  if (a.aqi) {
    grade_pill(ctx, a.grade, ImVec2(x, min.y + l.px(62)), ctx.fonts.small);
  }
  if (p.clicked) ctx.select(a.station->id);
}

void detail(UiContext& ctx, const AirStationView& a, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  card(ctx, min, max, t.surface);
  const float x = min.x + l.pad, width = max.x - min.x - 2 * l.pad;
  float y = min.y + l.pad;
  text_fit(ctx, ctx.fonts.title, ImVec2(x, y), width, t.text, ctx.tr(a.station->name));
  y += l.px(70);
  freshness_line(ctx, a.freshness, ImVec2(x, y), width);
  y += l.px(44);
  if (!a.aqi) {
    paragraph(ctx, ctx.fonts.large, ImVec2(x, y), width, t.text_muted, ctx.str("air.no_aqi"));
    return;
  }
  const ImU32 fill = color_from_hex(a.grade.color);
  const std::string number = std::to_string(*a.aqi);
  const ImVec2 nsize = measure(ctx.fonts.huge, number);
  const ImVec2 bmin(x, y), bmax(x + std::max(nsize.x + l.px(48), l.px(220)), y + nsize.y + l.px(20));
  canvas()->AddRectFilled(bmin, bmax, fill, l.radius);
  text_centered(ctx, ctx.fonts.huge, bmin, bmax, text_on(fill), number);
  const float rx = bmax.x + l.px(28);
  text(ctx, ctx.fonts.small, ImVec2(rx, y), t.text_muted, ctx.str("air.aqi_label"));
  grade_pill(ctx, a.grade, ImVec2(rx, y + l.px(36)), ctx.fonts.large);
  if (!a.primary.empty()) {
    std::string names;
    for (size_t i = 0; i < a.primary.size(); ++i) names += (i ? "、" : "") + ctx.str("pollutant." + a.primary[i]);
    const std::string primary = labelled(ctx.str("air.primary"), names);
    text_fit(ctx, ctx.fonts.body, ImVec2(rx, y + l.px(112)), max.x - l.pad - rx, t.text, primary);
  }
  y = bmax.y + l.px(24);
  text(ctx, ctx.fonts.small, ImVec2(x, y), t.text_muted, ctx.str("air.health"));
  y += l.px(34);
  y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, ctx.tr(a.health)) + l.px(12);
  text(ctx, ctx.fonts.small, ImVec2(x, y), t.text_muted, ctx.str("air.advice"));
  y += l.px(34);
  y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, ctx.tr(a.advice)) + l.px(18);

  // Pollutant grid: name, value with unit, and its sub-index.
  const int columns = width > l.px(900) ? 4 : 3;
  const float cw = (width - l.px(12) * (columns - 1)) / static_cast<float>(columns);
  const float ch = l.px(112);
  int i = 0;
  for (const PollutantValue& p : a.pollutants) {
    const float cx = x + static_cast<float>(i % columns) * (cw + l.px(12));
    const float cy = y + static_cast<float>(i / columns) * (ch + l.px(12));
    if (cy + ch > max.y - l.px(8)) break;
    canvas()->AddRectFilled(ImVec2(cx, cy), ImVec2(cx + cw, cy + ch), t.background, l.px(12));
    text_fit(ctx, ctx.fonts.small, ImVec2(cx + l.px(14), cy + l.px(10)), cw - l.px(28), t.text_muted,
             ctx.str("pollutant." + p.metric));
    const std::string value = format_number(p.value, p.metric.rfind("co", 0) == 0 ? 1 : 0);
    text(ctx, ctx.fonts.large, ImVec2(cx + l.px(14), cy + l.px(46)), t.text, value);
    const float vw = measure(ctx.fonts.large, value).x;
    text(ctx, ctx.fonts.small, ImVec2(cx + l.px(20) + vw, cy + l.px(56)), t.text_muted, ctx.str("unit." + p.unit));
    if (p.iaqi) {
      const std::string sub = "IAQI " + std::to_string(*p.iaqi);
      text(ctx, ctx.fonts.small, ImVec2(cx + cw - l.px(14) - measure(ctx.fonts.small, sub).x, cy + l.px(10)),
           t.text_muted, sub);
    }
    ++i;
  }
  if (!a.missing.empty()) {
    std::string names;
    for (size_t k = 0; k < a.missing.size(); ++k) names += (k ? "、" : "") + ctx.str("pollutant." + a.missing[k]);
    const std::string missing = labelled(ctx.str("air.missing"), names);
    text_fit(ctx, ctx.fonts.small, ImVec2(x, max.y - l.pad - ctx.fonts.small->FontSize), width, t.text_muted, missing);
  }
}

}  // namespace

void draw_air(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const ImVec2 a = l.content_min, b = l.content_max;
  const float list_w = std::min(l.px(560), (b.x - a.x) * 0.4f);
  const AirStationView* sel = chosen(ctx);
  {
    ScrollArea list("air.stations", a, ImVec2(a.x + list_w, b.y));
    const float row_h = l.px(118);
    float y = list.origin().y;
    for (const auto& s : ctx.model.air) {
      station_row(ctx, s, &s == sel, ImVec2(list.origin().x, y), ImVec2(list.origin().x + list.width(), y + row_h));
      y += row_h + l.gap * 0.6f;
    }
    list.set_content_height(y - list.origin().y);
  }
  if (sel) detail(ctx, *sel, ImVec2(a.x + list_w + l.gap, a.y), b);
}

}  // namespace kiosk::ui
