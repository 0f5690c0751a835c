// Water: every river, lake and nearshore sea station on the city map (or in a list) with its class
// (GB 3838-2002 for surface water, GB 3097-1997 for seawater), and for the chosen station the class,
// the items that decided it and every measured value.
//
// The view (map or list) lives in ScreenState::water, so an idle reset returns it to the map like
// everything else.
#include <algorithm>
#include <cmath>

#include "kiosk/core/metrics.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/map_view.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

bool current(const WaterStationView& w) {
  return w.grade && !w.freshness.stale;
}
bool is_sea(const WaterStationView& w) {
  return w.station->kind == "sea";
}

const WaterStationView* chosen(const UiContext& ctx) {
  for (const auto* group : {&ctx.model.rivers, &ctx.model.sea})
    for (const auto& w : *group)
      if (w.station && w.station->id == ctx.state.water.station) return &w;
  if (!ctx.model.rivers.empty()) return &ctx.model.rivers.front();
  return ctx.model.sea.empty() ? nullptr : &ctx.model.sea.front();
}

std::string deciding_text(UiContext& ctx, const WaterStationView& w) {
  std::string out;
  if (!w.deciding.empty() && w.grade && w.grade->level > 2) {
    std::vector<std::string> names;
    for (const std::string& item : w.deciding) names.push_back(ctx.str("water_item." + item));
    out = labelled(ctx.str("water.deciding"), join_names(ctx, names));
  }
  if (w.tn_grade) out += (out.empty() ? "" : " · ") + ctx.str("water.tn_class") + " " + w.tn_grade->label;
  return out;
}

// [SECTION] Stations: map or list

float water_row(UiContext& ctx, const WaterStationView& w, bool selected, ImVec2 min, float width) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float h = l.px(150);
  const ImVec2 max(min.x + width, min.y + h);
  const std::string& name = ctx.tr(w.station->name);
  Press p = touch_area(ctx, "water." + w.station->id, name, min, max);
  card(ctx, min, max, p.held ? t.surface_pressed : t.surface);
  if (selected) canvas()->AddRect(min, max, t.accent, l.radius, 0, l.px(4));
  const float x = min.x + l.px(22);
  text_fit(ctx, ctx.fonts.large, ImVec2(x, min.y + l.px(14)), width * 0.55f, t.text, name);
  const float right = max.x - l.px(22);
  if (current(w)) {
    const float pill_w = measure(ctx.fonts.body, ctx.tr(w.grade->name)).x + ctx.fonts.body->FontSize * 2.1f;
    grade_pill(ctx, *w.grade, ImVec2(right - pill_w, min.y + l.px(12)), ctx.fonts.body);
    text_fit(ctx, ctx.fonts.body, ImVec2(x, min.y + l.px(64)), width - l.px(44), t.text,
             deciding_text(ctx, w));
  } else {
    const std::string none =
        w.grade ? w.grade->label + " · " + ctx.str("data.stale") : ctx.str("data.no_data");
    text(ctx, ctx.fonts.body, ImVec2(right - measure(ctx.fonts.body, none).x, min.y + l.px(18)), t.text_muted,
         none);
  }
  freshness_line(ctx, w.freshness, ImVec2(x, max.y - l.px(16) - ctx.fonts.small->FontSize), width - l.px(44));
  if (p.clicked) ctx.intents.push_back(SelectStation{w.station->id});
  return h;
}

void stations(UiContext& ctx, bool list_view, const WaterStationView* sel, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const std::string labels[] = {ctx.str("map.map"), ctx.str("map.list")};
  const float sw = std::min(option_switch_width(ctx, labels, ctx.fonts.body), max.x - min.x);
  const ImVec2 smin(min.x, max.y - l.touch), smax(min.x + sw, max.y);
  const ImVec2 area_max(max.x, smin.y - l.gap * 0.6f);
  if (!list_view) {
    std::vector<MapMarker> markers;
    for (const auto* group : {&ctx.model.rivers, &ctx.model.sea})
      for (const WaterStationView& w : *group) {
        MapMarker m{w.station, std::nullopt, {}, &w == sel};
        if (current(w)) {
          m.grade = *w.grade;
          m.label = w.grade->label;
        } else if (w.grade) {  // stale: the last class in grey, with its age
          m.label = w.grade->label + " · " + age_text(ctx, w.freshness.observed_at);
        }
        markers.push_back(std::move(m));
      }
    const MapResult map = map_view(ctx, markers, min, area_max);
    // The classes on the map, where there is room for them: rivers and sea apart (their scales
    // differ), each in the order of its classes.
    auto classes = [&](const std::vector<WaterStationView>& group) {
      std::vector<Grade> shown;
      for (const WaterStationView& w : group)
        if (current(w) && std::none_of(shown.begin(), shown.end(),
                                       [&](const Grade& g) { return g.label == w.grade->label; }))
          shown.push_back(*w.grade);
      std::sort(shown.begin(), shown.end(), [](const Grade& a, const Grade& b) { return a.level < b.level; });
      return shown;
    };
    const std::vector<Grade> river_classes = classes(ctx.model.rivers), sea_classes = classes(ctx.model.sea);
    float ly = map.bottom + l.gap * 0.6f;
    const float river_h = map_legend(ctx, river_classes, ImVec2(min.x, ly), max.x - min.x, area_max.y - ly,
                                     ctx.str("water.legend_rivers"), false);
    if (river_h > 0) ly += river_h + l.px(8);
    map_legend(ctx, sea_classes, ImVec2(min.x, ly), max.x - min.x, area_max.y - ly,
               ctx.str("water.legend_sea"), true);
    if (map.hidden > 0)
      text_fit(ctx, ctx.fonts.small,
               ImVec2(smax.x + l.px(16), smin.y + (l.touch - ctx.fonts.small->FontSize) / 2),
               max.x - smax.x - l.px(16), t.text_muted, with_number(ctx.str("map.outside"), map.hidden));
  } else {
    ScrollArea list(ctx, "water.stations", min, area_max);
    const float x = list.origin().x, width = list.width();
    float y = list.origin().y;
    auto section = [&](const std::string& title, const std::vector<WaterStationView>& rows) {
      if (rows.empty()) return;
      text(ctx, ctx.fonts.large, ImVec2(x, y), t.text, title);
      y += l.px(58);
      for (const auto& w : rows) y += water_row(ctx, w, &w == sel, ImVec2(x, y), width) + l.gap * 0.6f;
      y += l.px(12);
    };
    section(ctx.str("water.rivers"), ctx.model.rivers);
    section(ctx.str("water.sea"), ctx.model.sea);
    // The legend in words: each class shown above, in class order, rivers and sea apart, with what
    // water of that class is fit for.
    auto meanings = [&](const std::string& title, const std::vector<WaterStationView>& rows) {
      std::vector<const Grade*> shown;
      for (const auto& w : rows)
        if (w.grade && std::none_of(shown.begin(), shown.end(),
                                    [&](const Grade* g) { return g->label == w.grade->label; }))
          shown.push_back(&*w.grade);
      if (shown.empty()) return;
      std::sort(shown.begin(), shown.end(),
                [](const Grade* a, const Grade* b) { return a->level < b->level; });
      text(ctx, ctx.fonts.body, ImVec2(x, y), t.text_muted, title);
      y += ctx.fonts.body->FontSize * 1.5f;
      for (const Grade* g : shown) {
        const float pw = grade_pill(ctx, *g, ImVec2(x, y), ctx.fonts.small);
        const float mx = x + std::max(pw, l.px(150)) + l.px(16);
        const float ph = paragraph(ctx, ctx.fonts.small, ImVec2(mx, y + l.px(2)), x + width - mx, t.text,
                                   ctx.tr(g->meaning));
        y += std::max(ctx.fonts.small->FontSize * 1.5f, ph) + l.px(12);
      }
      y += l.px(12);
    };
    text(ctx, ctx.fonts.large, ImVec2(x, y), t.text, ctx.str("water.classes_meaning"));
    y += l.px(58);
    meanings(ctx.str("water.legend_rivers"), ctx.model.rivers);
    meanings(ctx.str("water.legend_sea"), ctx.model.sea);
    list.set_content_height(y - list.origin().y);
  }
  if (int tapped = option_switch(ctx, "water.view", labels, list_view ? 1 : 0, smin, smax); tapped >= 0) {
    if ((tapped == 1) != list_view) ctx.intents.push_back(SetWaterView{tapped == 1});
  }
}

// [SECTION] The chosen station

void detail(UiContext& ctx, const WaterStationView& w, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ScrollArea area = scrolling_card(ctx, "water.detail", min, max);
  const float x = area.origin().x, width = scrolling_card_width(ctx, area);
  float y = area.origin().y + pane_heading(ctx, ctx.tr(w.station->name), area.origin(), width);
  // The standard it is judged by, whole: it says what the class below means.
  const std::string kind = ctx.str("water.kind." + w.station->kind);
  y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text_muted,
                 kind + " · " + ctx.str(is_sea(w) ? "water.sea_standard" : "water.river_standard")) +
       l.px(6);
  freshness_line(ctx, w.freshness, ImVec2(x, y), width);
  y += std::round(ctx.fonts.small->FontSize * 1.3f) + l.px(22);

  if (w.grade) {
    // The class in a block of its colour, with its face: never colour alone.
    // Past the stale time: the last class in grey, never in its colour as if current.
    const Grade& g = *w.grade;
    const bool stale = w.freshness.stale;
    const ImU32 fill = stale ? stale_fill(ctx) : color_from_hex(g.color);
    const ImU32 ink = text_on(fill);
    const ImVec2 ls = measure(ctx.fonts.title, g.label);
    const float bh = l.px(120), icon = l.px(56);
    const ImVec2 bmin(x, y), bmax(x + std::max(l.px(220), icon + ls.x + l.px(72)), y + bh);
    fill_rounded_rect(canvas(), bmin, bmax, fill, l.radius);
    canvas()->AddRect(bmin, bmax, IM_COL32(0, 0, 0, 40), l.radius);
    const float cx = (bmin.x + bmax.x - icon - l.px(16) - ls.x) / 2;
    draw_level_icon(canvas(), ImVec2(cx + icon / 2, y + bh / 2), icon, g.level, ink);
    text(ctx, ctx.fonts.title, ImVec2(cx + icon + l.px(16), y + (bh - ls.y) / 2), ink, g.label);
    const float rx = bmax.x + l.px(28);
    text(ctx, ctx.fonts.small, ImVec2(rx, y), t.text_muted, ctx.str("water.class_label"));
    ImFont* const fonts[] = {ctx.fonts.large, ctx.fonts.body, ctx.fonts.small};
    if (!stale)
      grade_pill(ctx, g, ImVec2(rx, y + l.px(36)), pill_font(ctx, g, x + width - rx, fonts));
    else
      text_fit(ctx, ctx.fonts.body, ImVec2(rx, y + l.px(36)), x + width - rx, t.warning,
               ctx.str("data.stale"));
    y = bmax.y + l.px(24);
    // What the class means for people: drinking source, swimming, fishing…
    if (!g.meaning.zh.empty())
      y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text,
                     labelled(ctx.str("water.class_meaning"), ctx.tr(g.meaning))) +
           l.px(16);
    const std::string deciding = deciding_text(ctx, w);
    if (!deciding.empty())
      y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, deciding) + l.px(20);
  } else {
    y += paragraph(ctx, ctx.fonts.large, ImVec2(x, y), width, t.text_muted, ctx.str("water.no_class")) +
         l.px(20);
  }

  // Every measured value.
  const int columns = width > l.px(900) ? 4 : (width > l.px(560) ? 3 : 2);
  const float cw = (width - l.px(12) * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  // Label, then value: the tile grows with the text (large-text mode).
  const float value_y = l.px(10) + std::round(ctx.fonts.small->FontSize * 1.2f);
  const float ch = std::max(l.px(104), value_y + std::round(ctx.fonts.large->FontSize * 1.15f) + l.px(6));
  int i = 0;
  for (const PollutantValue& p : w.values) {
    const Metric* row = find_metric(p.metric);
    const float cx = x + static_cast<float>(i % columns) * (cw + l.px(12));
    const float cy = y + static_cast<float>(i / columns) * (ch + l.px(12));
    fill_rounded_rect(canvas(), ImVec2(cx, cy), ImVec2(cx + cw, cy + ch), t.background, l.px(12));
    text_fit(ctx, ctx.fonts.small, ImVec2(cx + l.px(14), cy + l.px(10)), cw - l.px(28), t.text_muted,
             ctx.str(row ? std::string(row->string_key) : "water_item." + p.metric));
    const std::string value = value_text(ctx, p);
    text(ctx, ctx.fonts.large, ImVec2(cx + l.px(14), cy + value_y), t.text, value);
    if (p.unit != "pH" && !p.unit.empty())
      text(ctx, ctx.fonts.small,
           ImVec2(cx + l.px(20) + measure(ctx.fonts.large, value).x,
                  cy + value_y + ctx.fonts.large->FontSize - ctx.fonts.small->FontSize - l.px(2)),
           t.text_muted, ctx.str("unit." + p.unit));
    ++i;
  }
  if (i > 0) y += static_cast<float>((i + columns - 1) / columns) * (ch + l.px(12)) + l.px(12);
  if (is_sea(w) && ctx.model.sea_good_share)
    y += paragraph(
        ctx, ctx.fonts.body, ImVec2(x, y), width, t.text,
        ctx.str("water.sea_good_share") + " " + format_number(*ctx.model.sea_good_share * 100, 0) + "%");
  area.set_content_height(y - area.origin().y + l.px(8));
}

}  // namespace

void draw_water(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const ImVec2 a = l.content_min, b = l.content_max;
  const bool list_view = ctx.state.water.list;
  const WaterStationView* sel = chosen(ctx);
  if (l.size.y > l.size.x) {
    // Portrait: the chosen station above, the map and its switch below, within every hand's reach.
    // The chosen station needs less room than on the air screen: the map gets its legend here.
    const float h = std::min((b.y - a.y) * 0.5f, (b.x - a.x) / 1.6f + l.px(150) + l.touch + l.gap);
    if (sel) detail(ctx, *sel, a, ImVec2(b.x, b.y - h - l.gap));
    stations(ctx, list_view, sel, ImVec2(a.x, b.y - h), b);
    return;
  }
  const float side_w = std::min(l.px(900), (b.x - a.x) * 0.5f);
  stations(ctx, list_view, sel, a, ImVec2(a.x + side_w, b.y));
  if (sel) detail(ctx, *sel, ImVec2(a.x + side_w + l.gap, a.y), b);
}

}  // namespace kiosk::ui
