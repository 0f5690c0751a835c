// Air: every station on the city map (or in a list) with its AQI and level, and for the chosen
// station the AQI, the health effects and recommended measures of the standard in use, and each
// pollutant's last 24 hours or 7 days over the standard's level bands.
//
// The view (map or list, 24 h or 7 d, the pollutant charted) lives in ScreenState::air, so an idle
// reset returns it to the default like everything else.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "kiosk/core/metrics.hpp"
#include "kiosk/core/standards/aqi.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/map_view.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/trend_chart.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// Changes the view: one intent, sent only when something changed.
void set_view(UiContext& ctx, const AirView& v) {
  if (v != ctx.state.air.view) ctx.intents.push_back(SetAirView{v});
}

const AirStationView* chosen(const UiContext& ctx) {
  for (const auto& a : ctx.model.air)
    if (a.station && a.station->id == ctx.state.air.station) return &a;
  if (const AirStationView* worst = ctx.model.headline_air()) return worst;
  return ctx.model.air.empty() ? nullptr : &ctx.model.air.front();
}

bool current(const AirStationView& a) {
  return a.aqi && !a.freshness.stale;
}

// Under a banner alert at 800x480 in large text the map and the station's pane side by side would keep
// 40-120 px of height: less than the AQI number, or a marker with its name. Where the screen cannot hold
// the city's figure on one line and the pane's AQI number whole, the whole screen is one page that
// scrolls: the city's figure, the stations, then the chosen station.
bool one_page(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  const FontSet& f = ctx.fonts;
  const float band = std::max(f.large->FontSize * 1.5f, f.body->FontSize * 1.6f) + l.gap * 0.6f;
  const float aqi = f.small->FontSize + f.huge->FontSize + l.px(20);  // summary()'s compact box
  return l.size.x >= l.size.y && l.content_height() < band + aqi + 2 * l.pad;
}

// A level of the standard as residents see it: colour, face and the content's name for it.
Grade level_grade(const UiContext& ctx, standards::AqiStandard standard, int level) {
  const standards::AqiLevelStyle& style = standards::aqi_level_style(standard, level);
  Grade g{level, std::to_string(level), {style.category_zh, style.category_en}, style.color};
  if (const auto* words = ctx.content.levels.aqi_level(standards::levels_key(standard), level))
    if (!words->category.empty()) g.name = words->category;
  return g;
}

// [SECTION] Stations: map or list

// A row's height with its name on one line: the level (or the last reading's time) goes under the name
// whatever its size, since large text draws the name at title size.
float station_row_level_y(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  return std::max(l.px(62), l.px(14) + ctx.fonts.large->FontSize + l.px(4));
}
float station_row_base_height(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  return std::max(l.px(118), station_row_level_y(ctx) + ctx.fonts.small->FontSize * 1.5f + l.px(12));
}

// A station's name whole beside its AQI box: on one line at heading size, else at body size, else on two
// lines at body size ("Development / Zone" in large text at 800x480), where the row grows; shortened only
// when none of these fits.
struct RowName {
  ImFont* font = nullptr;
  int lines = 1;  // 0: shortened on one line
};
float station_name_x(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  const float box = station_row_base_height(ctx) - l.px(24);
  return l.px(12) + box * 1.3f + l.px(20);
}
RowName station_name(const UiContext& ctx, const std::string& name, float row_width) {
  const float width = row_width - station_name_x(ctx) - ctx.layout.px(12);
  for (ImFont* f : {ctx.fonts.large, ctx.fonts.body})
    if (measure(f, name).x <= width) return {f, 1};
  if (fits_two_lines(*ctx.fonts.body, name, width)) return {ctx.fonts.body, 2};
  return {ctx.fonts.large, 0};
}
// How much lower the level goes for a name on two lines.
float station_name_extra(const UiContext& ctx, const RowName& n) {
  if (n.lines < 2) return 0;
  const Layout& l = ctx.layout;
  const float two_lines = n.font->FontSize * 1.3f + n.font->FontSize;  // paragraph()'s line pitch
  return std::max(0.f, std::ceil(l.px(14) + two_lines + l.px(4) - station_row_level_y(ctx)));
}
float station_row_height(const UiContext& ctx, const AirStationView& a, float width) {
  return station_row_base_height(ctx) +
         station_name_extra(ctx, station_name(ctx, ctx.tr(a.station->name), width));
}

void station_row(UiContext& ctx, const AirStationView& a, bool selected, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const std::string& name = ctx.tr(a.station->name);
  Press p = touch_area(ctx, "air." + a.station->id, name, min, max);
  card(ctx, min, max, p.held ? t.surface_pressed : t.surface);
  if (selected) canvas()->AddRect(min, max, t.accent, l.radius, 0, l.px(4));
  // The box keeps its size in a row grown for a two-line name, so the name's room does not change.
  const float box = station_row_base_height(ctx) - l.px(24);
  const ImVec2 bmin(min.x + l.px(12), std::floor(min.y + (max.y - min.y - box) / 2));
  const ImVec2 bmax(bmin.x + box * 1.3f, bmin.y + box);
  if (a.aqi) {
    // Past its stale time the last value stays, in grey, never in its level colour.
    const ImU32 fill = current(a) ? color_from_hex(a.grade.color) : stale_fill(ctx);
    fill_rounded_rect(canvas(), bmin, bmax, fill, l.px(12));
    text_centered(ctx, ctx.fonts.title, bmin, bmax, text_on(fill), std::to_string(*a.aqi));
  } else {
    canvas()->AddRect(bmin, bmax, t.border, l.px(12), 0, l.px(2));
    text_centered(ctx, ctx.fonts.small, bmin, bmax, t.text_muted,
                  ctx.str(a.aqi ? "data.stale" : "data.no_data"));
  }
  const float x = min.x + station_name_x(ctx);
  const float name_w = max.x - x - l.px(12);
  const RowName n = station_name(ctx, name, max.x - min.x);
  const ImVec2 name_pos(x, min.y + l.px(14));
  if (n.lines == 2)
    paragraph(ctx, n.font, name_pos, name_w, t.text, name);
  else
    text_shrink(ctx, n.font, name_pos, name_w, t.text, name);
  const float level_y = min.y + station_row_level_y(ctx) + station_name_extra(ctx, n);
  if (current(a))
    grade_pill(ctx, a.grade, ImVec2(x, level_y), ctx.fonts.small);
  else if (a.aqi)
    text_fit(ctx, ctx.fonts.small, ImVec2(x, level_y + l.px(4)), name_w, t.warning,
             last_reading_text(ctx, a.freshness.observed_at));
  if (p.clicked) ctx.intents.push_back(SelectStation{a.station->id});
}

// Every station's row from `pos` down; returns the height (station_rows_height()).
float station_rows(UiContext& ctx, const AirStationView* sel, ImVec2 pos, float width) {
  const Layout& l = ctx.layout;
  float y = pos.y;
  for (const auto& s : ctx.model.air) {
    const float row_h = station_row_height(ctx, s, width);
    station_row(ctx, s, &s == sel, ImVec2(pos.x, y), ImVec2(pos.x + width, y + row_h));
    y += row_h + l.gap * 0.6f;
  }
  return y - pos.y;
}
float station_rows_height(const UiContext& ctx, float width) {
  const Layout& l = ctx.layout;
  float h = 0;
  for (const auto& s : ctx.model.air) h += station_row_height(ctx, s, width) + l.gap * 0.6f;
  return h;
}

void stations(UiContext& ctx, const AirView& view, const AirStationView* sel, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  // The switch sits below the stations: controls stay in the lower part of the screen.
  const std::string labels[] = {ctx.str("map.map"), ctx.str("map.list")};
  const float sw = std::min(option_switch_width(ctx, labels, ctx.fonts.body), max.x - min.x);
  const ImVec2 smin(min.x, max.y - l.touch), smax(min.x + sw, max.y);
  const ImVec2 area_max(max.x, smin.y - l.gap * 0.6f);
  if (!view.list) {
    std::vector<MapMarker> markers;
    for (const AirStationView& a : ctx.model.air) {
      MapMarker m{a.station, std::nullopt, {}, &a == sel};
      if (current(a)) {
        m.grade = a.grade;
        m.label = std::to_string(*a.aqi);
      } else if (a.aqi) {
        m.label = std::to_string(*a.aqi) + " · " + age_text(ctx, a.freshness.observed_at);
      }
      markers.push_back(std::move(m));
    }
    const MapResult map = map_view(ctx, markers, min, area_max);
    // The level scale of the standard in use under the map, where there is room for it.
    const auto standard = standards::aqi_standard_for(ctx.now, ctx.model.aqi_standard);
    std::vector<Grade> scale;
    for (int level = 1; level <= 6; ++level) scale.push_back(level_grade(ctx, standard, level));
    const float ly = map.bottom + l.gap * 0.6f;
    map_legend(ctx, scale, ImVec2(min.x, ly), max.x - min.x, area_max.y - ly);
    if (map.hidden > 0)
      text_fit(
          ctx, ctx.fonts.small, ImVec2(smax.x + l.px(16), smin.y + (l.touch - ctx.fonts.small->FontSize) / 2),
          max.x - smax.x - l.px(16), ctx.theme.text_muted, with_number(ctx.str("map.outside"), map.hidden));
  } else if (one_page(ctx)) {
    station_rows(ctx, sel, min, max.x - min.x);  // the page scrolls: no list scrolling inside it
  } else {
    ScrollArea list(ctx, "air.stations", min, area_max);
    list.set_content_height(station_rows(ctx, sel, list.origin(), list.width()));
  }
  AirView next = view;
  if (int tapped = option_switch(ctx, "air.view", labels, view.list ? 1 : 0, smin, smax); tapped >= 0) {
    next.list = tapped == 1;
    set_view(ctx, next);
  }
}

// [SECTION] The chosen station

// Health effects and recommended measures; side by side when the card is wide.
float level_texts(UiContext& ctx, const AirStationView& a, ImVec2 pos, float width) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const bool two = width >= l.px(860);
  const float cw = two ? (width - l.gap) / 2 : width;
  auto block = [&](const char* label, const Text& body, ImVec2 at) {
    text(ctx, ctx.fonts.small, at, t.text_muted, ctx.str(label));
    const float head = std::max(l.px(34), std::round(ctx.fonts.small->FontSize * 1.35f));
    return head + paragraph(ctx, ctx.fonts.body, ImVec2(at.x, at.y + head), cw, t.text, ctx.tr(body));
  };
  const float h1 = block("air.health", a.health, pos);
  if (two) return std::max(h1, block("air.advice", a.advice, ImVec2(pos.x + cw + l.gap, pos.y)));
  return h1 + l.px(12) + block("air.advice", a.advice, ImVec2(pos.x, pos.y + h1 + l.px(12)));
}

// The pollutants a resident chooses between (the metric table's air rows grouped by pollutant), each
// with the averaging periods it has: the hourly value first (what the chip shows), then the moving
// means the standards also use.
struct Pollutant {
  std::string_view key;                   // pollutant_group.<key> in strings.toml
  std::vector<std::string_view> metrics;  // hourly first
};
const std::vector<Pollutant>& pollutants() {
  static const std::vector<Pollutant> all = [] {
    std::vector<Pollutant> out;
    for (const Metric& m : kiosk::metrics()) {
      if (m.group != MetricGroup::air || m.pollutant.empty()) continue;
      if (out.empty() || out.back().key != m.pollutant) out.push_back({m.pollutant, {}});
      out.back().metrics.push_back(m.key);
    }
    return out;
  }();
  return all;
}

bool has_metric(const AirStationView& a, std::string_view metric) {
  return std::any_of(a.pollutants.begin(), a.pollutants.end(),
                     [&](const auto& p) { return p.metric == metric; }) ||
         std::any_of(a.history.begin(), a.history.end(), [&](const auto& h) { return h.metric == metric; });
}

// A pollutant's metrics this station has, hourly first.
std::vector<std::string> metrics_of(const AirStationView& a, const Pollutant& p) {
  std::vector<std::string> out;
  for (std::string_view m : p.metrics)
    if (has_metric(a, m)) out.emplace_back(m);
  return out;
}

// The metric charted: the one chosen if the station has it, else the hourly value of the main
// pollutant, else the first the station has.
std::string charted_metric(const AirStationView& a, const AirView& view) {
  if (!view.metric.empty() && has_metric(a, view.metric)) return view.metric;
  for (const std::string& primary : a.primary)
    for (const Pollutant& p : pollutants())
      if (std::find(p.metrics.begin(), p.metrics.end(), primary) != p.metrics.end())
        if (auto ms = metrics_of(a, p); !ms.empty()) return ms.front();
  for (const Pollutant& p : pollutants())
    if (auto ms = metrics_of(a, p); !ms.empty()) return ms.front();
  return {};
}

const Pollutant* pollutant_of(std::string_view metric) {
  for (const Pollutant& p : pollutants())
    for (std::string_view m : p.metrics)
      if (metric == m) return &p;
  return nullptr;
}

// Under the chart, in rows: the period switch, a chip per pollutant with its hourly value, and for
// a pollutant with a moving mean the switch between hourly values and that mean. With `draw` false
// only measures. Returns the height.
float chart_controls(UiContext& ctx, const AirStationView& a, const AirView& view, const std::string& active,
                     ImVec2 pos, float width, bool draw) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float h = l.touch, gap = l.px(10);
  float x = pos.x, y = pos.y;
  auto place = [&](float w) {
    if (x > pos.x && x + w > pos.x + width) {
      x = pos.x;
      y += h + gap;
    }
    const ImVec2 at(x, y);
    x += w + gap;
    return at;
  };
  auto change = [&](auto edit) {
    AirView next = view;
    edit(next);
    set_view(ctx, next);
  };

  const std::string ranges[] = {ctx.str("trend.day"), ctx.str("trend.week")};
  const float sw = option_switch_width(ctx, ranges, ctx.fonts.body);
  const ImVec2 s_at = place(sw);
  if (draw)
    if (int tapped =
            option_switch(ctx, "air.range", ranges, view.week ? 1 : 0, s_at, ImVec2(s_at.x + sw, s_at.y + h));
        tapped >= 0)
      change([&](AirView& v) { v.week = tapped == 1; });
  x += l.px(18);

  const Pollutant* current = pollutant_of(active);
  for (const Pollutant& p : pollutants()) {
    const std::vector<std::string> metrics = metrics_of(a, p);
    if (metrics.empty()) continue;
    const std::string& name = ctx.str("pollutant_group." + std::string(p.key));
    std::string value;
    for (const PollutantValue& v : a.pollutants)
      if (v.metric == metrics.front()) value = value_text(ctx, v);
    const float vw = value.empty() ? 0 : measure(ctx.fonts.body, value).x + l.px(12);
    const float w = std::max(measure(ctx.fonts.body, name).x + vw + l.px(40), l.touch * 1.5f);
    const ImVec2 at = place(w);
    if (!draw) continue;
    const ImVec2 cmin = at, cmax(at.x + w, at.y + h);
    Press press = touch_area(ctx, "air.pollutant." + std::string(p.key), name, cmin, cmax);
    const bool on = &p == current;
    const ImU32 fill = on ? t.accent : (press.held ? t.surface_pressed : t.background);
    fill_rounded_rect(canvas(), cmin, cmax, fill, h / 2);
    if (!on) canvas()->AddRect(cmin, cmax, t.border, h / 2, 0, l.px(2));
    const float ty = at.y + (h - ctx.fonts.body->FontSize) / 2;
    text(ctx, ctx.fonts.body, ImVec2(at.x + l.px(20), ty), on ? t.on_accent : t.text, name);
    if (!value.empty())
      text(ctx, ctx.fonts.body, ImVec2(cmax.x - l.px(20) - vw + l.px(12), ty),
           on ? t.on_accent : t.text_muted, value);
    if (press.clicked && !on) change([&](AirView& v) { v.metric = metrics.front(); });
  }

  if (current) {
    const std::vector<std::string> metrics = metrics_of(a, *current);
    if (metrics.size() >= 2) {
      const std::string means[] = {ctx.str("trend.hourly"),
                                   ctx.str("trend.mean_" + metrics[1].substr(metrics[1].rfind('_') + 1))};
      const float mw = option_switch_width(ctx, means, ctx.fonts.body);
      x += l.px(18);
      const ImVec2 at = place(mw);
      if (draw) {
        const int on = active == metrics[0] ? 0 : 1;
        if (int tapped = option_switch(ctx, "air.mean", means, on, at, ImVec2(at.x + mw, at.y + h));
            tapped >= 0)
          change([&](AirView& v) { v.metric = metrics[static_cast<size_t>(tapped)]; });
      }
    }
  }
  return y + h - pos.y;
}

// The standard's level bands for a metric, named in the content's words.
std::vector<TrendBand> bands_for(const UiContext& ctx, standards::AqiStandard standard,
                                 const std::string& metric) {
  std::vector<TrendBand> bands;
  const std::vector<standards::LevelLimit> limits = standards::level_limits(standard, metric);
  auto band = [&](int level, double top) {
    const Grade g = level_grade(ctx, standard, level);
    bands.push_back({top, level, color_from_hex(g.color), ctx.tr(g.name)});
  };
  for (const standards::LevelLimit& limit : limits)
    band(standards::aqi_level(limit.iaqi), limit.concentration);
  if (!limits.empty() && limits.back().iaqi == 300) band(6, std::numeric_limits<double>::infinity());
  return bands;
}

// Chart header, the 24 h / 7 d switch, the pollutant chips and the chart; returns the height used.
float trends(UiContext& ctx, const AirStationView& a, const AirView& view, ImVec2 pos, float width,
             float room) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const std::string metric = charted_metric(a, view);
  if (metric.empty()) return 0;
  float y = pos.y;

  // Header: what is charted, with its unit and sub-index. The controls go under the chart, in the
  // lower part of the screen where every hand reaches them.
  const Metric* row = find_metric(metric);
  std::string unit = row ? std::string(row->unit) : "ug/m3";
  std::string heading =
      ctx.str("trend.title") + " · " + ctx.str(row ? std::string(row->string_key) : "pollutant." + metric);
  std::string sub = ctx.str("unit." + unit);
  for (const PollutantValue& p : a.pollutants)
    if (p.metric == metric && p.iaqi) sub += " · IAQI " + std::to_string(*p.iaqi);
  text_fit(ctx, ctx.fonts.large, ImVec2(pos.x, y), width, t.text, heading);
  y += ctx.fonts.large->FontSize * 1.3f;
  text_fit(ctx, ctx.fonts.small, ImVec2(pos.x, y), width, t.text_muted, sub);
  y += ctx.fonts.small->FontSize * 1.3f + l.px(10);
  const float controls_h = chart_controls(ctx, a, view, metric, pos, width, false);

  TrendChart chart;
  for (const MetricHistory& h : a.history)
    if (h.metric == metric) chart.points = h.points;
  chart.to = ctx.now;
  chart.from = ctx.now - (view.week ? 7 : 1) * 86400;
  // The unit as symbols in both languages ("µg/m³"): short enough for the axis and the note.
  const std::string symbol = ctx.content.strings.get("unit." + unit, Lang::en);
  chart.axis_title = ctx.str("pollutant." + metric) + "  " + symbol;
  if (!chart.points.empty())
    for (const PollutantValue& p : a.pollutants)
      if (p.metric == metric && p.iaqi && chart.points.back().value == p.value)
        chart.last_label = format_number(p.value, metric.starts_with("co") ? 1 : 0) + " " + symbol +
                           " → IAQI " + std::to_string(*p.iaqi);
  for (int d = 0; d < 7; ++d) chart.weekdays.push_back(ctx.str("weekday." + std::to_string(d)));
  const auto standard = standards::aqi_standard_for(
      a.freshness.observed_at ? a.freshness.observed_at : ctx.now, ctx.model.aqi_standard);
  chart.bands = bands_for(ctx, standard, metric);
  if (chart.bands.size() >= 2) chart.min_top = chart.bands[1].top;  // "good" always in view
  // One scale for this pollutant and period at every station, so clean air never looks as dramatic
  // as dirty air: it grows only when some station's value exceeds it.
  for (const AirStationView& other : ctx.model.air)
    for (const MetricHistory& h : other.history)
      if (h.metric == metric)
        for (const HistoryPoint& p : h.points)
          if (p.t >= chart.from && p.t <= chart.to) chart.min_top = std::max(chart.min_top, p.value * 1.08);
  chart.decimals = row ? row->precision : 0;
  chart.zone_offset_minutes = ctx.zone_offset_minutes;
  chart.daily_ticks = view.week;
  chart.empty_text = ctx.str("trend.empty");
  const float chart_h = std::max(l.px(260), pos.y + room - y - controls_h - l.px(20));
  draw_trend_chart(ctx, chart, ImVec2(pos.x, y), ImVec2(pos.x + width, y + chart_h));
  y += chart_h + l.px(20);
  y += chart_controls(ctx, a, view, metric, ImVec2(pos.x, y), width, true);
  return y - pos.y;
}

// Name, observation time, the AQI with its level and main pollutant, health effects and measures.
// Compact puts the name and time beside the AQI, for screens short of height.
float summary(UiContext& ctx, const AirStationView& a, ImVec2 pos, float width, bool compact) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float x = pos.x;
  float y = pos.y;
  compact = compact && a.aqi;
  if (!compact) {
    text_shrink(ctx, ctx.fonts.title, ImVec2(x, y), width, t.text, ctx.tr(a.station->name));
    y += std::max(l.px(70), std::round(ctx.fonts.title->FontSize * 1.3f));
    freshness_line(ctx, a.freshness, ImVec2(x, y), width);
    y += std::max(l.px(48), std::round(ctx.fonts.small->FontSize * 1.3f) + l.px(16));
  }
  if (!a.aqi)
    return y - pos.y +
           paragraph(ctx, ctx.fonts.large, ImVec2(x, y), width, t.text_muted, ctx.str("air.no_aqi"));
  const bool stale = a.freshness.stale;
  const ImU32 fill = stale ? stale_fill(ctx) : color_from_hex(a.grade.color);
  const std::string number = std::to_string(*a.aqi);
  const ImVec2 nsize = measure(ctx.fonts.huge, number);
  // Compact, the box carries its "AQI" caption above the number, never over it.
  const float cap = compact ? ctx.fonts.small->FontSize : 0;
  const ImVec2 bmin(x, y), bmax(x + std::max(nsize.x + l.px(48), l.px(200)), y + cap + nsize.y + l.px(20));
  fill_rounded_rect(canvas(), bmin, bmax, fill, l.radius);
  text_centered(ctx, ctx.fonts.huge, ImVec2(bmin.x, bmin.y + cap), bmax, text_on(fill), number);
  const float rx = bmax.x + l.px(28), rw = x + width - rx;
  float side_bottom = bmax.y;  // the lowest line beside the number
  if (compact) {
    text(ctx, ctx.fonts.small, ImVec2(x + l.px(12), y + l.px(4)), text_on(fill), "AQI");
    // Name, time and level stacked beside the number, each under the one above whatever the text size.
    const ImFont* name_font =
        text_shrink(ctx, ctx.fonts.large, ImVec2(rx, y), rw, t.text, ctx.tr(a.station->name));
    const float time_y = y + std::max(l.px(54), std::round(name_font->FontSize * 1.2f));
    freshness_line(ctx, a.freshness, ImVec2(rx, time_y), rw);
    ImFont* const fonts[] = {ctx.fonts.body, ctx.fonts.small};
    const float pill_y =
        std::max(y + l.px(94), time_y + std::round(ctx.fonts.small->FontSize * 1.3f) + l.px(4));
    ImFont* pill = pill_font(ctx, a.grade, rw, fonts);
    if (!stale) grade_pill(ctx, a.grade, ImVec2(rx, pill_y), pill);
    side_bottom = std::max(side_bottom, (stale ? pill_y : pill_y + pill->FontSize * 1.5f));
  } else {
    ImFont* const fonts[] = {ctx.fonts.large, ctx.fonts.body, ctx.fonts.small};
    // Beside the number, or under it where even the smallest pill is wider than what is left beside it
    // (the narrow left column of a wide detail in large text), so it never runs into the trends.
    const auto pill_width = [&](ImFont* f) {
      return measure(f, ctx.tr(a.grade.name)).x + f->FontSize * 1.5f * 1.53f;
    };
    const bool beside = pill_width(ctx.fonts.small) <= rw;
    const float lx = beside ? rx : x, lw = beside ? rw : width;
    const float ly = beside ? y : bmax.y + l.px(12);
    text_fit(ctx, ctx.fonts.small, ImVec2(lx, ly), lw, t.text_muted, ctx.str("air.aqi_label"));
    ImFont* pill = pill_font(ctx, a.grade, lw, fonts);
    if (!stale)
      grade_pill(ctx, a.grade, ImVec2(lx, ly + l.px(36)), pill);
    else
      text_fit(ctx, ctx.fonts.body, ImVec2(lx, ly + l.px(36)), lw, t.warning, ctx.str("data.stale"));
    if (!beside) side_bottom = ly + l.px(36) + (stale ? ctx.fonts.body->FontSize : pill->FontSize * 1.5f);
  }
  y = side_bottom + l.px(16);
  if (!a.primary.empty()) {
    std::vector<std::string> list;
    for (const std::string& key : a.primary) list.push_back(ctx.str("pollutant." + key));
    const std::string names = join_names(ctx, list);
    text_fit(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, labelled(ctx.str("air.primary"), names));
    y += ctx.fonts.body->FontSize * 1.6f;
  }
  // The level's health effects and advice are for now: a stale value's would pass as current.
  if (!stale) y += l.px(8) + level_texts(ctx, a, ImVec2(x, y), width);
  if (!a.missing.empty()) {
    std::vector<std::string> list;
    for (const std::string& key : a.missing) list.push_back(ctx.str("pollutant." + key));
    const std::string names = join_names(ctx, list);
    y += l.px(12);
    paragraph(ctx, ctx.fonts.small, ImVec2(x, y), width, t.text_muted,
              labelled(ctx.str("air.missing"), names), 2);
    y += ctx.fonts.small->FontSize * 1.3f;
  }
  return y - pos.y;
}

// The chosen station from `pos`, `width` wide: beside its trends (`beside`, on a wide pane), or above
// them. The trend chart fills `room`, the pane's height in view. Returns the height used.
float station_pane(UiContext& ctx, const AirStationView& a, const AirView& view, ImVec2 pos, float width,
                   float room, bool beside) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float x = pos.x, top = pos.y;
  if (beside) {
    // Wide: the station on the left, its trends on the right, both in view at once.
    const float left = std::min(width * 0.38f, l.px(560));
    const float rx = x + left + l.pad;
    const float h1 = summary(ctx, a, ImVec2(x, top), left, false);
    canvas()->AddLine(ImVec2(rx - l.pad / 2, top), ImVec2(rx - l.pad / 2, top + room - l.px(4)), t.border,
                      l.px(2));
    const float h2 = trends(ctx, a, view, ImVec2(rx, top), x + width - rx, room - l.px(4));
    return std::max(h1, h2);
  }
  float y = top + summary(ctx, a, ImVec2(x, top), width, true) + l.px(28);
  canvas()->AddLine(ImVec2(x, y - l.px(14)), ImVec2(x + width, y - l.px(14)), t.border, l.px(2));
  y += trends(ctx, a, view, ImVec2(x, y), width, top + room - y - l.px(4));
  return y - top;
}

void detail(UiContext& ctx, const AirStationView& a, const AirView& view, ImVec2 min, ImVec2 max) {
  ScrollArea area = scrolling_card(ctx, "air.detail", min, max);
  const ImVec2 pos = area.origin();
  const float width = scrolling_card_width(ctx, area);
  // The height in view, not what is left under the scrolled origin: the chart grew as it scrolled.
  const float h = station_pane(ctx, a, view, pos, width, area.visible_bottom() - area.visible_top(),
                               width >= ctx.layout.px(1100));
  area.set_content_height(h + ctx.layout.px(8));
}

// [SECTION] One page, for screens short of height

// Under the city's figure (which ends at `top`) in the page: the stations, then the chosen station in a
// card at full width, above its trends. The map fills what the first view leaves, but never less than
// its markers with their names need. Returns the page's bottom.
float page_under_band(UiContext& ctx, const ScrollArea& page, const AirView& view, const AirStationView* sel,
                      float top) {
  const Layout& l = ctx.layout;
  const float x = page.origin().x, right = x + page.width();
  const float below_rows = l.gap * 0.6f + l.touch;  // the map | list switch
  const float first_view = page.visible_bottom() - page.visible_top() - (top - page.origin().y);
  const float stations_h =
      view.list ? station_rows_height(ctx, right - x) + below_rows : std::max(first_view, l.px(440));
  stations(ctx, view, sel, ImVec2(x, top), ImVec2(right, top + stations_h));
  float y = top + stations_h + l.gap;
  if (!sel) return y;
  // The card goes under the pane, whose height is known only once it is drawn.
  ImDrawList* dl = canvas();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const float room = page.visible_bottom() - page.visible_top() - 2 * l.pad;
  const float h =
      station_pane(ctx, *sel, view, ImVec2(x + l.pad, y + l.pad), right - x - 2 * l.pad, room, false);
  dl->ChannelsSetCurrent(0);
  card(ctx, ImVec2(x, y), ImVec2(right, y + h + 2 * l.pad), ctx.theme.surface);
  dl->ChannelsMerge();
  return y + h + 2 * l.pad;
}

// [SECTION] The city's figure

// One band over the screen: "全市 AQI [75] 良 · 数值最高的站点：开发区站 128", and the standard and
// period the figures follow ("HJ 633-2026 · 实时"), on a second line when the first is full.
// Returns the height used.
float city_band(UiContext& ctx, ImVec2 pos, float width) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const CityAirView& city = ctx.model.city_air;
  const std::string standard_key =
      city.standard.empty()
          ? standards::standard_key(standards::aqi_standard_for(ctx.now, ctx.model.aqi_standard))
          : city.standard;
  const std::string standard =
      ctx.str("aqi_standard." + standard_key) + " · " + ctx.str("air.period_realtime");
  ImFont* font = ctx.fonts.body;
  ImFont* number_font = ctx.fonts.large;
  const float h = std::max(number_font->FontSize * 1.5f, font->FontSize * 1.6f);
  float x = pos.x;
  const float mid = pos.y + h / 2;
  const std::string label = ctx.str("air.city_aqi");
  text(ctx, font, ImVec2(x, mid - font->FontSize / 2), t.text, label);
  x += measure(font, label).x + l.px(14);
  if (city.aqi) {
    const std::string number = std::to_string(*city.aqi);
    const ImU32 fill = city.stale ? stale_fill(ctx) : color_from_hex(city.grade.color);
    const float bw = std::max(measure(number_font, number).x + l.px(28), h * 1.3f);
    fill_rounded_rect(canvas(), ImVec2(x, pos.y), ImVec2(x + bw, pos.y + h), fill, l.px(10));
    text_centered(ctx, number_font, ImVec2(x, pos.y), ImVec2(x + bw, pos.y + h), text_on(fill), number);
    x += bw + l.px(14);
    if (city.stale) {
      const std::string last = last_reading_text(ctx, city.observed_at);
      text(ctx, font, ImVec2(x, mid - font->FontSize / 2), t.warning, last);
      x += measure(font, last).x + l.px(24);
    } else {
      x += grade_pill(ctx, city.grade, ImVec2(x, mid - font->FontSize * 0.75f), font) + l.px(24);
    }
  } else {
    const std::string none = ctx.str("data.no_data");
    text(ctx, font, ImVec2(x, mid - font->FontSize / 2), t.text_muted, none);
    x += measure(font, none).x + l.px(24);
  }
  const float standard_w = measure(ctx.fonts.small, standard).x;
  std::string worst;
  if (const AirStationView* w = ctx.model.headline_air())
    worst = labelled(ctx.str("air.worst_station"), ctx.tr(w->station->name) + " " + std::to_string(*w->aqi));
  const float worst_w = worst.empty() ? 0 : measure(font, worst).x;
  const float end = pos.x + width;
  if (x + worst_w + l.px(24) + standard_w <= end) {
    // Everything on one line: the standard at the right end.
    if (!worst.empty()) text(ctx, font, ImVec2(x, mid - font->FontSize / 2), t.text, worst);
    text(ctx, ctx.fonts.small, ImVec2(end - standard_w, mid - ctx.fonts.small->FontSize / 2), t.text_muted,
         standard);
    return h;
  }
  float y = pos.y + h + l.px(6);
  if (!worst.empty()) {
    if (x + worst_w <= end) {
      text(ctx, font, ImVec2(x, mid - font->FontSize / 2), t.text, worst);
    } else {
      text_fit(ctx, font, ImVec2(pos.x, y), width, t.text, worst);
      y += font->FontSize * 1.3f;
    }
  }
  text_fit(ctx, ctx.fonts.small, ImVec2(pos.x, y), width, t.text_muted, standard);
  y += ctx.fonts.small->FontSize * 1.3f;
  return y - pos.y;
}

}  // namespace

void draw_air(UiContext& ctx) {
  const Layout& l = ctx.layout;
  ImVec2 a = l.content_min;
  ImVec2 b = l.content_max;
  std::optional<ScrollArea> page;  // the whole screen, where it is short of height (one_page())
  if (one_page(ctx)) {
    page.emplace(ctx, "air.page", a, b);
    a = page->origin();
    b.x = a.x + page->width();
  }
  a.y += city_band(ctx, a, b.x - a.x) + l.gap * 0.6f;
  const AirView& view = ctx.state.air.view;
  const AirStationView* sel = chosen(ctx);
  if (l.size.y > l.size.x) {
    // Portrait: the chosen station above, the map and its switch below, within every hand's reach.
    const float h = std::min((b.y - a.y) * 0.4f, (b.x - a.x) / 1.6f + l.touch + l.gap);
    if (sel) detail(ctx, *sel, view, a, ImVec2(b.x, b.y - h - l.gap));
    stations(ctx, view, sel, ImVec2(a.x, b.y - h), b);
    return;
  }
  if (page) {
    page->set_content_height(page_under_band(ctx, *page, view, sel, a.y) - page->origin().y);
    return;
  }
  const float side_w = std::min(l.px(580), (b.x - a.x) * 0.4f);
  stations(ctx, view, sel, a, ImVec2(a.x + side_w, b.y));
  if (sel) detail(ctx, *sel, view, ImVec2(a.x + side_w + l.gap, a.y), b);
}

}  // namespace kiosk::ui
