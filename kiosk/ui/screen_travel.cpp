// Green travel: tips with where their figures come from, and live bike-share availability.
#include <algorithm>
#include <cmath>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// "6 bikes · 4 docks"; a station that does not lend or take back bikes says so in place of that count,
// so its bikes never read as bikes to take; a virtual station has no docks to count.
std::string counts_text(const UiContext& ctx, const BikeStationView& s) {
  if (s.info.service == StationService::closed) return ctx.str("travel.closed");
  // "1 bike", "2 bikes": the singular for exactly one.
  const std::string bikes = s.info.renting() ? (s.bikes ? std::to_string(*s.bikes) : "–") + " " +
                                                   ctx.str(s.bikes == 1 ? "travel.bike" : "travel.bikes")
                                             : ctx.str("travel.returns_only");
  if (!s.info.returning()) return bikes + " · " + ctx.str("travel.rentals_only");
  if (s.info.is_virtual) return bikes;
  return bikes + " · " + (s.docks ? std::to_string(*s.docks) : "–") + " " +
         ctx.str(s.docks == 1 ? "travel.dock" : "travel.docks");
}

}  // namespace

void draw_travel(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const bool bikes = !ctx.model.bikes.empty();
  const float bikes_w = bikes ? std::min(l.px(600), (b.x - a.x) * 0.36f) : 0;
  const float tips_right = bikes ? b.x - bikes_w - l.gap : b.x;

  {
    ScrollArea list(ctx, "travel.tips", a, ImVec2(tips_right, b.y));
    const int columns = list.width() > l.px(1000) ? 2 : 1;
    const float w = (list.width() - l.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // Each tip shows its whole text; a row is as tall as its tallest tip (with its "scan to learn more"
    // code and caption, under the text).
    const float x_pad = l.px(24), width = w - 2 * x_pad;
    const float qr_caption_w = width;
    auto tip_height = [&](const TravelTip& tip) {
      float y = l.px(18) + ctx.fonts.large->FontSize * 1.3f + l.px(8);
      y += static_cast<float>(
               break_lines(*ctx.fonts.body, ctx.fonts.body->FontSize, ctx.tr(tip.body), width).size()) *
           ctx.fonts.body->FontSize * 1.3f;
      if (!tip.source.empty()) y += l.px(10) + ctx.fonts.small->FontSize * 1.3f;
      if (const float qr = qr_side(ctx, tip.url); qr > 0) {
        const bool beside = qr_caption_w - qr - l.px(20) >= l.px(220);
        y += l.px(16) + qr;
        if (!beside)
          y += l.px(10) + 2 * ctx.fonts.body->FontSize * 1.3f + l.px(4) + ctx.fonts.small->FontSize * 1.3f;
      }
      return y + l.px(24);
    };
    const auto& tips = ctx.content.tips;
    std::vector<float> row_h((tips.size() + columns - 1) / columns, 0.f);
    for (size_t k = 0; k < tips.size(); ++k)
      row_h[k / columns] = std::max(row_h[k / columns], tip_height(tips[k]));
    // One size for every tip's title.
    std::vector<std::string_view> titles;
    for (const TravelTip& tip : tips) titles.push_back(ctx.tr(tip.title));
    ImFont* title_font = shrunk_font(ctx, ctx.fonts.large, width, titles);
    float row_y = list.origin().y;
    int i = 0;
    for (const TravelTip& tip : tips) {
      const float rh = row_h[i / columns];
      const ImVec2 min(list.origin().x + static_cast<float>(i % columns) * (w + l.gap), row_y);
      const ImVec2 max(min.x + w, min.y + rh);
      ++i;
      if (i % columns == 0) row_y += rh + l.gap * 0.6f;
      if (max.y < list.visible_top() - rh || min.y > list.visible_bottom() + rh) continue;
      card(ctx, min, max, t.surface);
      const float x = min.x + x_pad;
      float y = min.y + l.px(18);
      text_fit(ctx, title_font, ImVec2(x, y), width, t.text, ctx.tr(tip.title));
      y += ctx.fonts.large->FontSize * 1.3f + l.px(8);
      y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, ctx.tr(tip.body));
      if (!tip.source.empty()) {
        y += l.px(10);
        RoleScope source(TextRole::source);
        text_fit(ctx, ctx.fonts.small, ImVec2(x, y), width, t.text_muted,
                 labelled(ctx.str("travel.source"), ctx.tr(tip.source)));
        y += ctx.fonts.small->FontSize * 1.3f;
      }
      if (const float qr = qr_side(ctx, tip.url); qr > 0)
        qr_code(ctx, tip.url, ImVec2(x, y + l.px(16)), qr_caption_w - qr - l.px(20));
    }
    if (i % columns != 0) row_y += row_h.back() + l.gap * 0.6f;
    list.set_content_height(row_y - list.origin().y);
  }

  if (!bikes) return;
  const ImVec2 min(b.x - bikes_w, a.y);
  card(ctx, min, b, t.surface);
  float x = min.x + l.pad, y = min.y + l.pad;
  const float width = bikes_w - 2 * l.pad;
  draw_icon(canvas(), Icon::bike, ImVec2(x + l.px(24), y + l.px(24)), l.px(48), t.accent);
  // The heading steps down a size rather than lose its end (portrait English).
  // ... and then takes a second line (portrait English in large text).
  const std::string& heading = ctx.str("travel.bikes_title");
  ImFont* hfont = measure(ctx.fonts.large, heading).x <= width - l.px(64) ? ctx.fonts.large : ctx.fonts.body;
  float heading_h = std::round(ctx.fonts.large->FontSize * 1.3f);
  if (hfont == ctx.fonts.large || measure(hfont, heading).x <= width - l.px(64))
    text(ctx, hfont, ImVec2(x + l.px(64), y + (ctx.fonts.large->FontSize - hfont->FontSize) / 2), t.text,
         heading);
  else
    heading_h = paragraph(ctx, hfont, ImVec2(x + l.px(64), y), width - l.px(64), t.text, heading, 2);
  y += std::max(l.px(64), heading_h);
  Freshness newest;
  for (const auto& s : ctx.model.bikes)
    if (s.freshness.observed_at > newest.observed_at) newest = s.freshness;
  freshness_line(ctx, newest, ImVec2(x, y), width);
  y += l.px(44);
  ScrollArea list(ctx, "travel.bikes", ImVec2(x, y), ImVec2(b.x - l.pad / 2, b.y - l.pad));
  float ly = list.origin().y;
  for (const auto& s : ctx.model.bikes) {
    const std::string name = ctx.lang == Lang::en && !s.info.name_en.empty() ? s.info.name_en
                             : !s.info.name_zh.empty()                       ? s.info.name_zh
                                                                             : s.info.name_en;
    const std::string counts = counts_text(ctx, s);
    const bool limited = s.info.service != StationService::open;
    const float cw = measure(ctx.fonts.small, counts).x;
    // Name and counts side by side when both fit, else the counts go under the name (large text).
    const bool beside = measure(ctx.fonts.body, name).x + l.px(16) + cw <= width;
    // A station's name is where to go: on two lines rather than cut ("Development Zone …").
    const float name_h =
        beside ? ctx.fonts.body->FontSize * 1.2f
               : paragraph(ctx, ctx.fonts.body, ImVec2(list.origin().x, ly), width, t.text, name, 2);
    if (beside) text(ctx, ctx.fonts.body, ImVec2(list.origin().x, ly), t.text, name);
    const float cy = beside ? ly + l.px(4) : ly + name_h;
    text(ctx, ctx.fonts.small, ImVec2(list.origin().x + (beside ? width - cw : 0), cy),
         limited ? t.warning : t.text_muted, counts);
    ly += beside ? std::max(l.px(56), ctx.fonts.body->FontSize * 1.6f)
                 : name_h + ctx.fonts.small->FontSize * 1.3f + l.px(18);
    if (s.freshness.stale) {
      // Past the stale time: the last counts stay, with when they were read, as everywhere else.
      text_fit(ctx, ctx.fonts.small, ImVec2(list.origin().x, ly), width, t.warning,
               last_reading_text(ctx, s.freshness.observed_at));
      ly += ctx.fonts.small->FontSize * 1.5f;
    }
  }
  list.set_content_height(ly - list.origin().y);
}

}  // namespace kiosk::ui
