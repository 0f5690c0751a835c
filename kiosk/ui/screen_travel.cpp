// Green travel: tips with where their figures come from, and live bike-share availability.
#include <algorithm>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void draw_travel(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const bool bikes = !ctx.model.bikes.empty();
  const float bikes_w = bikes ? std::min(l.px(600), (b.x - a.x) * 0.36f) : 0;
  const float tips_right = bikes ? b.x - bikes_w - l.gap : b.x;

  {
    ScrollArea list("travel.tips", a, ImVec2(tips_right, b.y));
    const int columns = list.width() > l.px(1000) ? 2 : 1;
    const float w = (list.width() - l.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float h = l.px(250);
    int i = 0;
    for (const TravelTip& tip : ctx.content.tips) {
      const ImVec2 min(list.origin().x + static_cast<float>(i % columns) * (w + l.gap),
                       list.origin().y + static_cast<float>(i / columns) * (h + l.gap * 0.6f));
      const ImVec2 max(min.x + w, min.y + h);
      ++i;
      if (max.y < list.visible_top() - h || min.y > list.visible_bottom() + h) continue;
      card(ctx, min, max, t.surface);
      const float x = min.x + l.px(24), width = w - l.px(48);
      text_fit(ctx, ctx.fonts.large, ImVec2(x, min.y + l.px(18)), width, t.text, ctx.tr(tip.title));
      paragraph(ctx, ctx.fonts.body, ImVec2(x, min.y + l.px(72)), width, t.text, ctx.tr(tip.body), 3);
      if (!tip.source.empty())
        text_fit(ctx, ctx.fonts.small, ImVec2(x, max.y - l.px(20) - ctx.fonts.small->FontSize), width, t.text_muted,
                 labelled(ctx.str("travel.source"), ctx.tr(tip.source)));
    }
    list.set_content_height(static_cast<float>((i + columns - 1) / columns) * (h + l.gap * 0.6f));
  }

  if (!bikes) return;
  const ImVec2 min(b.x - bikes_w, a.y);
  card(ctx, min, b, t.surface);
  float x = min.x + l.pad, y = min.y + l.pad;
  const float width = bikes_w - 2 * l.pad;
  draw_icon(canvas(), Icon::bike, ImVec2(x + l.px(24), y + l.px(24)), l.px(48), t.accent);
  text_fit(ctx, ctx.fonts.large, ImVec2(x + l.px(64), y), width - l.px(64), t.text, ctx.str("travel.bikes_title"));
  y += l.px(64);
  Freshness newest;
  for (const auto& s : ctx.model.bikes)
    if (s.freshness.observed_at > newest.observed_at) newest = s.freshness;
  freshness_line(ctx, newest, ImVec2(x, y), width);
  y += l.px(44);
  ScrollArea list("travel.bikes", ImVec2(x, y), ImVec2(b.x - l.pad / 2, b.y - l.pad));
  float ly = list.origin().y;
  for (const auto& s : ctx.model.bikes) {
    const std::string name = ctx.lang == Lang::en && !s.info.name_en.empty() ? s.info.name_en
                             : !s.info.name_zh.empty()                        ? s.info.name_zh
                                                                              : s.info.name_en;
    text_fit(ctx, ctx.fonts.body, ImVec2(list.origin().x, ly), width * 0.6f, t.text, name);
    const std::string counts = (s.bikes ? std::to_string(*s.bikes) : "–") + " " + ctx.str("travel.bikes") + " · " +
                               (s.docks ? std::to_string(*s.docks) : "–") + " " + ctx.str("travel.docks");
    const float cw = measure(ctx.fonts.small, counts).x;
    text(ctx, ctx.fonts.small, ImVec2(list.origin().x + width - cw, ly + l.px(4)), t.text_muted, counts);
    ly += l.px(56);
  }
  list.set_content_height(ly - list.origin().y);
}

}  // namespace kiosk::ui
