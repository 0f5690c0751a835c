// Home: live tiles for air, water, the beautiful bays, waste sorting and green travel. Each
// tile opens its screen; together they answer "how is my city doing right now?" in seconds.
#include <algorithm>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// A tile's frame: card, icon and title; returns true when tapped. Body is drawn by the caller.
bool tile(UiContext& ctx, ScreenId id, Icon icon, const std::string& title, ImVec2 min, ImVec2 max) {
  Press p = touch_area(ctx, std::string("tile.") + screen_name(id), title, min, max);
  card(ctx, min, max, p.held ? ctx.theme.surface_pressed : ctx.theme.surface);
  const Layout& l = ctx.layout;
  const float icon_size = l.px(44);
  draw_icon(canvas(), icon, ImVec2(min.x + l.pad + icon_size / 2, min.y + l.pad + icon_size / 2), icon_size,
            ctx.theme.accent);
  text(ctx, ctx.fonts.large, ImVec2(min.x + l.pad + icon_size + l.px(16), min.y + l.pad + l.px(2)), ctx.theme.text,
       title);
  return p.clicked;
}

void air_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  if (tile(ctx, ScreenId::air, Icon::air, ctx.str("home.air"), min, max)) ctx.go_to(ScreenId::air);
  const float x = min.x + l.pad, top = min.y + l.pad + l.px(70);
  const float width = max.x - min.x - 2 * l.pad;
  const AirStationView* a = ctx.model.headline_air();
  if (!a) {
    paragraph(ctx, ctx.fonts.body, ImVec2(x, top), width, t.text_muted, ctx.str("data.no_data"));
    return;
  }
  // The number in its level colour, with the level's name and face beside it.
  const ImU32 level_color = color_from_hex(a->grade.color);
  const std::string number = std::to_string(*a->aqi);
  const ImVec2 nsize = measure(ctx.fonts.huge, number);
  const ImVec2 box_min(x, top), box_max(x + std::max(nsize.x + l.px(56), l.px(230)), top + nsize.y + l.px(24));
  canvas()->AddRectFilled(box_min, box_max, level_color, l.radius);
  text_centered(ctx, ctx.fonts.huge, box_min, box_max, text_on(level_color), number);
  const float right = box_max.x + l.px(28);
  text(ctx, ctx.fonts.small, ImVec2(right, top), t.text_muted, ctx.str("air.aqi_label"));
  grade_pill(ctx, a->grade, ImVec2(right, top + l.px(38)), ctx.fonts.large);
  float y = top + l.px(110);
  if (!a->primary.empty()) {
    std::string names;
    for (size_t i = 0; i < a->primary.size(); ++i) names += (i ? "、" : "") + ctx.str("pollutant." + a->primary[i]);
    const std::string primary = labelled(ctx.str("air.primary"), names);
    text_fit(ctx, ctx.fonts.body, ImVec2(right, y), max.x - l.pad - right, t.text, primary);
  }
  y = box_max.y + l.px(22);
  if (a->station) {
    text_fit(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text,
             labelled(ctx.str("air.worst_station"), ctx.tr(a->station->name)));
    y += l.px(44);
  }
  y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, ctx.tr(a->advice), 2) + l.px(10);
  freshness_line(ctx, a->freshness, ImVec2(x, max.y - l.pad - ctx.fonts.small->FontSize), width);
}

void water_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  if (tile(ctx, ScreenId::water, Icon::water, ctx.str("home.water"), min, max)) ctx.go_to(ScreenId::water);
  const float x = min.x + l.pad, width = max.x - min.x - 2 * l.pad;
  float y = min.y + l.pad + l.px(74);
  // Rivers: how many sections meet class III or better.
  int graded = 0, good = 0;
  Freshness newest;
  for (const auto& w : ctx.model.rivers) {
    if (!w.grade) continue;
    ++graded;
    if (w.grade->level <= 3) ++good;
    if (w.freshness.observed_at > newest.observed_at) newest = w.freshness;
  }
  text(ctx, ctx.fonts.body, ImVec2(x, y), t.text_muted, ctx.str("water.rivers_good"));
  y += l.px(40);
  if (graded > 0) {
    const std::string figure = std::to_string(good) + " / " + std::to_string(graded);
    text(ctx, ctx.fonts.title, ImVec2(x, y), t.text, figure);
    y += l.px(70);
  } else {
    text(ctx, ctx.fonts.body, ImVec2(x, y), t.text_muted, ctx.str("data.no_data"));
    y += l.px(50);
  }
  text(ctx, ctx.fonts.body, ImVec2(x, y), t.text_muted, ctx.str("water.sea_good_share"));
  y += l.px(40);
  if (ctx.model.sea_good_share) {
    text(ctx, ctx.fonts.title, ImVec2(x, y), t.text, format_number(*ctx.model.sea_good_share * 100, 0) + "%");
    for (const auto& s : ctx.model.sea)
      if (s.freshness.observed_at > newest.observed_at) newest = s.freshness;
  } else {
    text(ctx, ctx.fonts.body, ImVec2(x, y), t.text_muted, ctx.str("data.no_data"));
  }
  freshness_line(ctx, newest, ImVec2(x, max.y - l.pad - ctx.fonts.small->FontSize), width);
}

void bay_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  if (tile(ctx, ScreenId::bay, Icon::bay, ctx.str("home.bay"), min, max)) ctx.go_to(ScreenId::bay);
  const float x = min.x + l.pad, width = max.x - min.x - 2 * l.pad;
  float y = min.y + l.pad + l.px(74);
  int shown = 0;
  for (const TargetView& tv : ctx.model.targets) {
    if (tv.target->area != "bay" || shown >= 3) continue;
    text_fit(ctx, ctx.fonts.small, ImVec2(x, y), width, t.text, ctx.tr(tv.target->title));
    y += l.px(36);
    progress_bar(ctx, ImVec2(x, y), ImVec2(x + width, y + l.px(14)), tv.progress.value_or(0), t.accent);
    y += l.px(30);
    ++shown;
  }
  if (!shown) paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text_muted, ctx.str("bay.no_targets"));
}

void waste_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  if (tile(ctx, ScreenId::waste, Icon::waste, ctx.str("home.waste"), min, max)) ctx.go_to(ScreenId::waste);
  const float x = min.x + l.pad, width = max.x - min.x - 2 * l.pad;
  float y = min.y + l.pad + l.px(74);
  const auto& cats = ctx.content.waste_categories;
  const float chip_h = l.px(60), gap = l.px(12);
  const float chip_w = (width - gap) / 2;
  for (size_t i = 0; i < cats.size() && i < 4; ++i) {
    const ImVec2 cmin(x + static_cast<float>(i % 2) * (chip_w + gap), y + static_cast<float>(i / 2) * (chip_h + gap));
    const ImVec2 cmax(cmin.x + chip_w, cmin.y + chip_h);
    const ImU32 fill = color_from_hex(cats[i].color);
    const ImU32 fg = text_on(fill);
    canvas()->AddRectFilled(cmin, cmax, fill, l.px(12));
    static constexpr Icon icons[] = {Icon::recyclable, Icon::hazardous, Icon::kitchen, Icon::other};
    const std::string& id = cats[i].id;
    Icon icon = id == "recyclable" ? icons[0] : id == "hazardous" ? icons[1] : id == "kitchen" ? icons[2] : icons[3];
    draw_icon(canvas(), icon, ImVec2(cmin.x + l.px(32), (cmin.y + cmax.y) / 2), l.px(36), fg);
    text_fit(ctx, ctx.fonts.body, ImVec2(cmin.x + l.px(58), cmin.y + (chip_h - ctx.fonts.body->FontSize) / 2),
             chip_w - l.px(64), fg, ctx.tr(cats[i].name));
  }
  y += 2 * (chip_h + gap) + l.px(8);
  const std::string count =
      with_number(ctx.str("waste.items"), static_cast<long long>(ctx.content.waste_items.size()));
  text_fit(ctx, ctx.fonts.small, ImVec2(x, y), width, ctx.theme.text_muted, count);
}

void travel_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  if (tile(ctx, ScreenId::travel, Icon::travel, ctx.str("home.travel"), min, max)) ctx.go_to(ScreenId::travel);
  const float x = min.x + l.pad, width = max.x - min.x - 2 * l.pad;
  float y = min.y + l.pad + l.px(74);
  int bikes = 0, stations = 0;
  for (const auto& b : ctx.model.bikes)
    if (b.bikes) {
      bikes += *b.bikes;
      ++stations;
    }
  if (stations > 0) {
    text(ctx, ctx.fonts.title, ImVec2(x, y), t.text, std::to_string(bikes));
    const float w = measure(ctx.fonts.title, std::to_string(bikes)).x;
    text_fit(ctx, ctx.fonts.small, ImVec2(x + w + l.px(14), y + l.px(20)), width - w - l.px(14), t.text_muted,
             ctx.str("travel.bikes_available"));
    y += l.px(76);
  }
  if (!ctx.content.tips.empty()) {
    // A different tip every ten minutes, so regular passers-by see new ones.
    const auto& tip = ctx.content.tips[static_cast<size_t>(ctx.now / 600) % ctx.content.tips.size()];
    text_fit(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, ctx.tr(tip.title));
    y += l.px(44);
    paragraph(ctx, ctx.fonts.small, ImVec2(x, y), width, t.text_muted, ctx.tr(tip.body),
              static_cast<int>(std::max(1.f, (max.y - l.pad - y) / (ctx.fonts.small->FontSize * 1.3f))));
  }
}

}  // namespace

void draw_home(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const ImVec2 a = l.content_min, b = l.content_max;
  const float gap = l.gap;
  const bool portrait = l.size.y > l.size.x;
  if (portrait) {
    // One column: air and water large, then the three smaller tiles.
    const float h = (b.y - a.y - 4 * gap) / 5.5f;
    float y = a.y;
    air_tile(ctx, ImVec2(a.x, y), ImVec2(b.x, y + 1.5f * h));
    y += 1.5f * h + gap;
    water_tile(ctx, ImVec2(a.x, y), ImVec2(b.x, y + h));
    y += h + gap;
    bay_tile(ctx, ImVec2(a.x, y), ImVec2(b.x, y + h));
    y += h + gap;
    waste_tile(ctx, ImVec2(a.x, y), ImVec2(b.x, y + h));
    y += h + gap;
    travel_tile(ctx, ImVec2(a.x, y), ImVec2(b.x, b.y));
    return;
  }
  const float row1 = (b.y - a.y - gap) * 0.55f;
  const float split = a.x + (b.x - a.x - gap) * 0.58f;
  air_tile(ctx, a, ImVec2(split, a.y + row1));
  water_tile(ctx, ImVec2(split + gap, a.y), ImVec2(b.x, a.y + row1));
  const float y2 = a.y + row1 + gap;
  const float w3 = (b.x - a.x - 2 * gap) / 3;
  bay_tile(ctx, ImVec2(a.x, y2), ImVec2(a.x + w3, b.y));
  waste_tile(ctx, ImVec2(a.x + w3 + gap, y2), ImVec2(a.x + 2 * w3 + gap, b.y));
  travel_tile(ctx, ImVec2(a.x + 2 * (w3 + gap), y2), b);
}

}  // namespace kiosk::ui
