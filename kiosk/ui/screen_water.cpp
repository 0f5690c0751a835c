// Water: the class of every river and lake section (GB 3838-2002) and of the nearshore sea
// stations (GB 3097-1997), each with the items that decided it.
#include <algorithm>

#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

float water_row(UiContext& ctx, const WaterStationView& w, ImVec2 min, float width) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float h = l.px(150);
  const ImVec2 max(min.x + width, min.y + h);
  const std::string& name = ctx.tr(w.station->name);
  Press p = touch_area(ctx, "water." + w.station->id, name, min, max);
  card(ctx, min, max, p.held ? t.surface_pressed : t.surface);
  const float x = min.x + l.px(22);
  text_fit(ctx, ctx.fonts.large, ImVec2(x, min.y + l.px(14)), width * 0.55f, t.text, name);
  float right = max.x - l.px(22);
  if (w.grade && !w.freshness.stale) {
    // Pill on the right, measured first so it aligns.
    const float pill_w = measure(ctx.fonts.body, ctx.tr(w.grade->name)).x + ctx.fonts.body->FontSize * 2.1f;
    grade_pill(ctx, *w.grade, ImVec2(right - pill_w, min.y + l.px(12)), ctx.fonts.body);
    std::string deciding;
    if (!w.deciding.empty() && w.grade->level > 2) {
      std::string names;
      for (size_t i = 0; i < w.deciding.size(); ++i) names += (i ? "、" : "") + ctx.str("water_item." + w.deciding[i]);
      deciding = labelled(ctx.str("water.deciding"), names);
    }
    if (w.tn_grade) deciding += (deciding.empty() ? "" : " · ") + ctx.str("water.tn_class") + " " + w.tn_grade->label;
    text_fit(ctx, ctx.fonts.body, ImVec2(x, min.y + l.px(64)), width - l.px(44), t.text, deciding);
  } else {
    const std::string& none = ctx.str(w.grade ? "data.stale" : "data.no_data");
    text(ctx, ctx.fonts.body, ImVec2(right - measure(ctx.fonts.body, none).x, min.y + l.px(18)), t.text_muted, none);
  }
  freshness_line(ctx, w.freshness, ImVec2(x, max.y - l.px(16) - ctx.fonts.small->FontSize), width - l.px(44));
  if (p.clicked) ctx.select(w.station->id);
  return h;
}

void column(UiContext& ctx, const char* id, const std::string& title, const std::string& subtitle,
            const std::vector<WaterStationView>& rows, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  text(ctx, ctx.fonts.title, min, ctx.theme.text, title);
  text_fit(ctx, ctx.fonts.body, ImVec2(min.x, min.y + l.px(66)), max.x - min.x, ctx.theme.text_muted, subtitle);
  ScrollArea list(id, ImVec2(min.x, min.y + l.px(116)), max);
  float y = list.origin().y;
  for (const auto& w : rows) y += water_row(ctx, w, ImVec2(list.origin().x, y), list.width()) + l.gap * 0.6f;
  list.set_content_height(y - list.origin().y);
}

}  // namespace

void draw_water(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const ImVec2 a = l.content_min, b = l.content_max;
  const bool portrait = l.size.y > l.size.x;
  std::string sea_sub = ctx.str("water.sea_standard");
  if (ctx.model.sea_good_share)
    sea_sub += " · " + ctx.str("water.sea_good_share") + " " + format_number(*ctx.model.sea_good_share * 100, 0) + "%";
  if (portrait) {
    const float mid = (a.y + b.y) / 2;
    column(ctx, "water.rivers", ctx.str("water.rivers"), ctx.str("water.river_standard"), ctx.model.rivers, a,
           ImVec2(b.x, mid - l.gap / 2));
    column(ctx, "water.sea", ctx.str("water.sea"), sea_sub, ctx.model.sea, ImVec2(a.x, mid + l.gap / 2), b);
    return;
  }
  const float mid = (a.x + b.x) / 2;
  column(ctx, "water.rivers", ctx.str("water.rivers"), ctx.str("water.river_standard"), ctx.model.rivers, a,
         ImVec2(mid - l.gap / 2, b.y));
  column(ctx, "water.sea", ctx.str("water.sea"), sea_sub, ctx.model.sea, ImVec2(mid + l.gap / 2, a.y), b);
}

}  // namespace kiosk::ui
