#include "kiosk/ui/trend_chart.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

// [SECTION] Pure parts

std::vector<PointRun> trend_runs(std::span<const HistoryPoint> points, UnixTime from, UnixTime to,
                                 UnixTime step) {
  std::vector<PointRun> runs;
  UnixTime last = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const UnixTime t = points[i].t;
    if (t < from || t > to) continue;
    if (runs.empty() || t - last > step) runs.push_back({i, 0});
    ++runs.back().count;
    last = t;
  }
  return runs;
}

AxisScale nice_axis(double max, int max_ticks) {
  if (!(max > 0) || !std::isfinite(max) || max_ticks < 1) return {1, max_ticks >= 1 ? 1.0 / max_ticks : 1};
  const double raw = max / max_ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (;; power *= 10)
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      const double step = m * power;
      // A whisker of tolerance so 100 / 4 = 25 is not pushed to the next step by rounding.
      if (step * max_ticks >= max * (1 - 1e-12)) return {std::ceil(max / step - 1e-9) * step, step};
    }
}

// [SECTION] Drawing

namespace {

// The line and the band names sit on light tints of the level colours in every theme: dark ink.
constexpr ImU32 kInk = IM_COL32(16, 24, 32, 255);

ImU32 lighten(ImU32 c, float keep) {
  auto ch = [&](int shift) {
    const float v = static_cast<float>((c >> shift) & 0xFF);
    return static_cast<ImU32>(std::lround(255 - (255 - v) * keep));
  };
  return IM_COL32(ch(IM_COL32_R_SHIFT), ch(IM_COL32_G_SHIFT), ch(IM_COL32_B_SHIFT), 255);
}

std::tm city_tm(UnixTime t, int zone_offset_minutes) {
  const std::time_t shifted = static_cast<std::time_t>(t + zone_offset_minutes * 60LL);
  std::tm tm{};
  gmtime_r(&shifted, &tm);
  return tm;
}

}  // namespace

void draw_trend_chart(UiContext& ctx, const TrendChart& c, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  ImFont* small = ctx.fonts.small;

  // Plot area: value labels on the left, time labels below.
  double data_max = 0;
  for (const HistoryPoint& p : c.points)
    if (p.t >= c.from && p.t <= c.to) data_max = std::max(data_max, p.value);
  const AxisScale axis = nice_axis(std::max(data_max * 1.08, c.min_top), 4);
  const std::string widest = format_number(axis.top, c.decimals);
  // The level names stand in a gutter right of the plot, clear of the line and its newest value.
  const float icon = small->FontSize * 0.9f;
  float gutter = 0;
  for (const TrendBand& band : c.bands)
    gutter = std::max(gutter, l.px(8) + icon + l.px(4) + measure(small, band.label).x + l.px(10));
  const float title_h = c.axis_title.empty() ? 0 : small->FontSize * 1.4f;
  if (!c.axis_title.empty()) text(ctx, small, min, t.text_muted, c.axis_title);
  const ImVec2 pmin(min.x + measure(small, widest).x + l.px(14), min.y + title_h + small->FontSize * 0.5f);
  // The 7-day view names each day on a second line under its date.
  const bool day_names = c.daily_ticks && c.weekdays.size() == 7;
  const float time_h = small->FontSize * (day_names ? 2.1f : 1.0f);
  const ImVec2 pmax(max.x - gutter, max.y - time_h - l.px(12));
  if (pmax.x - pmin.x < l.px(60) || pmax.y - pmin.y < l.px(40)) return;
  const float w = pmax.x - pmin.x, h = pmax.y - pmin.y;
  auto y_of = [&](double v) { return pmax.y - static_cast<float>(std::clamp(v / axis.top, 0.0, 1.0)) * h; };
  auto x_of = [&](UnixTime when) {
    return pmin.x +
           static_cast<float>(static_cast<double>(when - c.from) / static_cast<double>(c.to - c.from)) * w;
  };

  // Level bands, each named (with its face) at the right where there is room for the name.
  dl->AddRectFilled(pmin, pmax, t.surface);
  double bottom = 0;
  for (const TrendBand& band : c.bands) {
    if (bottom >= axis.top) break;
    const float y0 = y_of(bottom), y1 = y_of(band.top);
    const ImU32 fill = lighten(band.color, 0.42f);
    dl->AddRectFilled(ImVec2(pmin.x, y1), ImVec2(pmax.x, y0), fill);
    if (y0 - y1 >= small->FontSize + l.px(4)) {
      // The name on a tab of the band's colour, with the level's face.
      const float tx = pmax.x + l.px(8) + icon + l.px(4), ty = std::round((y0 + y1 - small->FontSize) / 2);
      fill_rounded_rect(dl, ImVec2(pmax.x, ty - l.px(3)), ImVec2(max.x, ty + small->FontSize + l.px(3)), fill,
                        l.px(6), ImDrawFlags_RoundCornersRight);
      draw_level_icon(dl, ImVec2(pmax.x + l.px(8) + icon / 2, ty + small->FontSize / 2), icon, band.level,
                      kInk);
      text(ctx, small, ImVec2(tx, ty), kInk, band.label);
    }
    bottom = band.top;
  }

  // Value axis: the level bands' concentration edges are the labels (where a band ends is what a
  // reader needs), with 0 and the top; a label too close to one already placed is left out.
  std::vector<double> ticks{0};
  for (const TrendBand& band : c.bands)
    if (std::isfinite(band.top) && band.top < axis.top) ticks.push_back(band.top);
  if (ticks.size() == 1)
    for (double v = axis.step; v < axis.top - axis.step * 0.5; v += axis.step) ticks.push_back(v);
  ticks.push_back(axis.top);
  float last_y = 1e9f;
  for (double v : ticks) {
    const float y = std::round(y_of(v));
    dl->AddLine(ImVec2(pmin.x, y), ImVec2(pmax.x, y), IM_COL32(16, 46, 68, 40), l.px(1.5f));
    if (last_y - y < small->FontSize * 1.05f) continue;
    const std::string label = format_number(v, c.decimals);
    text(ctx, small, ImVec2(pmin.x - l.px(10) - measure(small, label).x, y - small->FontSize / 2),
         t.text_muted, label);
    last_y = y;
  }

  // Time axis: every 6 hours, or every midnight, in the city's time.
  const UnixTime tick_step = c.daily_ticks ? 86400 : 6 * 3600;
  const UnixTime zone = c.zone_offset_minutes * 60LL;
  UnixTime tick = ((c.from + zone) / tick_step + 1) * tick_step - zone;
  char buf[16];
  for (; tick <= c.to; tick += tick_step) {
    const float x = std::round(x_of(tick));
    dl->AddLine(ImVec2(x, pmin.y), ImVec2(x, pmax.y), IM_COL32(16, 46, 68, 40), l.px(1.5f));
    const std::tm tm = city_tm(tick, c.zone_offset_minutes);
    // A day's tick shows its date (on the 24-hour view, midnight shows the date instead of 00:00).
    if (c.daily_ticks || tm.tm_hour == 0)
      std::snprintf(buf, sizeof buf, "%02d-%02d", tm.tm_mon + 1, tm.tm_mday);
    else
      std::snprintf(buf, sizeof buf, "%02d:00", tm.tm_hour);
    const float tw = measure(small, buf).x;
    if (x - tw / 2 < pmin.x - l.px(8) || x + tw / 2 > pmax.x + l.px(8)) continue;
    text(ctx, small, ImVec2(x - tw / 2, pmax.y + l.px(8)), t.text_muted, buf);
    if (day_names) {
      const std::string& name = c.weekdays[static_cast<size_t>(tm.tm_wday)];
      text(ctx, small, ImVec2(x - measure(small, name).x / 2, pmax.y + l.px(8) + small->FontSize * 1.1f),
           t.text_muted, name);
    }
  }
  dl->AddLine(ImVec2(pmin.x, pmax.y), ImVec2(pmax.x, pmax.y), t.text_muted, l.px(2));

  // The line: one polyline per stretch of consecutive hours; a lone hour is a dot.
  const std::vector<PointRun> runs = trend_runs(c.points, c.from, c.to);
  const float thick = l.px(4);
  std::vector<ImVec2> path;
  for (const PointRun& run : runs) {
    path.clear();
    for (std::size_t i = run.first; i < run.first + run.count; ++i)
      path.emplace_back(x_of(c.points[i].t), y_of(c.points[i].value));
    if (path.size() == 1)
      fill_circle(dl, path[0], thick * 1.2f, kInk);
    else
      dl->AddPolyline(path.data(), static_cast<int>(path.size()), kInk, 0, thick);
  }
  if (runs.empty()) {
    text_centered(ctx, ctx.fonts.body, pmin, pmax, t.text_muted, c.empty_text);
    return;
  }
  // The newest value, marked and labelled.
  const HistoryPoint& last = c.points[runs.back().first + runs.back().count - 1];
  const ImVec2 p(x_of(last.t), y_of(last.value));
  fill_circle(dl, p, thick * 2, kInk);
  fill_circle(dl, p, thick * 1.1f, IM_COL32_WHITE);
  const std::string value = c.last_label.empty() ? format_number(last.value, c.decimals) : c.last_label;
  const ImVec2 vs = measure(ctx.fonts.body, value);
  const float vy = p.y - vs.y - thick * 2.5f < pmin.y ? p.y + thick * 2.5f : p.y - vs.y - thick * 2.5f;
  const ImVec2 vmin(std::max(std::min(p.x - vs.x / 2, pmax.x - vs.x) - l.px(6), pmin.x), vy);
  fill_rounded_rect(dl, vmin, ImVec2(vmin.x + vs.x + l.px(12), vy + vs.y), t.surface, l.px(6));
  text(ctx, ctx.fonts.body, ImVec2(vmin.x + l.px(6), vy), t.text, value);
}

}  // namespace kiosk::ui
