// Waste sorting: the four national categories with their colours and icons, and the items of
// the chosen category with a disposal tip for each.
#include <algorithm>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

Icon category_icon(const std::string& id) {
  if (id == "recyclable") return Icon::recyclable;
  if (id == "hazardous") return Icon::hazardous;
  if (id == "kitchen") return Icon::kitchen;
  return Icon::other;
}

}  // namespace

void draw_waste(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const auto& cats = ctx.content.waste_categories;
  if (cats.empty()) {
    paragraph(ctx, ctx.fonts.large, a, b.x - a.x, t.text_muted, ctx.str("waste.no_content"));
    return;
  }
  std::string selected = ctx.state.selected.empty() ? cats.front().id : ctx.state.selected;

  // Category cards across the top.
  const float card_h = l.px(190);
  const float cw = (b.x - a.x - l.gap * static_cast<float>(cats.size() - 1)) / static_cast<float>(cats.size());
  const WasteCategory* current = &cats.front();
  for (size_t i = 0; i < cats.size(); ++i) {
    const WasteCategory& c = cats[i];
    if (c.id == selected) current = &c;
    const ImVec2 min(a.x + static_cast<float>(i) * (cw + l.gap), a.y), max(min.x + cw, a.y + card_h);
    const std::string& name = ctx.tr(c.name);
    Press p = touch_area(ctx, "waste." + c.id, name, min, max);
    const ImU32 fill = color_from_hex(c.color);
    const ImU32 fg = text_on(fill);
    canvas()->AddRectFilled(min, max, fill, l.radius);
    if (c.id == selected) canvas()->AddRect(min, max, t.text, l.radius, 0, l.px(6));
    if (p.held) canvas()->AddRectFilled(min, max, IM_COL32(255, 255, 255, 60), l.radius);
    draw_icon(canvas(), category_icon(c.id), ImVec2(min.x + l.px(58), min.y + l.px(62)), l.px(72), fg);
    text_fit(ctx, ctx.fonts.title, ImVec2(min.x + l.px(112), min.y + l.px(34)), cw - l.px(130), fg, name);
    paragraph(ctx, ctx.fonts.small, ImVec2(min.x + l.px(22), min.y + l.px(112)), cw - l.px(44), fg,
              ctx.tr(c.description), 2);
    if (p.clicked) ctx.select(c.id);
  }

  // Items of the chosen category, two or three to a row.
  const float top = a.y + card_h + l.gap;
  ScrollArea list("waste.items", ImVec2(a.x, top), b);
  const int columns = list.width() > l.px(1400) ? 3 : 2;
  const float iw = (list.width() - l.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float ih = l.px(136);
  int i = 0;
  const ImU32 accent = color_from_hex(current->color);
  for (const WasteItem& item : ctx.content.waste_items) {
    if (item.category != current->id) continue;
    const ImVec2 min(list.origin().x + static_cast<float>(i % columns) * (iw + l.gap),
                     list.origin().y + static_cast<float>(i / columns) * (ih + l.gap * 0.6f));
    const ImVec2 max(min.x + iw, min.y + ih);
    ++i;
    if (max.y < list.visible_top() - ih || min.y > list.visible_bottom() + ih) continue;
    card(ctx, min, max, t.surface);
    canvas()->AddRectFilled(min, ImVec2(min.x + l.px(12), max.y), accent, l.radius, ImDrawFlags_RoundCornersLeft);
    text_fit(ctx, ctx.fonts.large, ImVec2(min.x + l.px(32), min.y + l.px(14)), iw - l.px(48), t.text, ctx.tr(item.name));
    paragraph(ctx, ctx.fonts.small, ImVec2(min.x + l.px(32), min.y + l.px(64)), iw - l.px(48), t.text_muted,
              ctx.tr(item.tip), 2);
  }
  const int rows = (i + columns - 1) / columns;
  list.set_content_height(static_cast<float>(rows) * (ih + l.gap * 0.6f));
}

}  // namespace kiosk::ui
