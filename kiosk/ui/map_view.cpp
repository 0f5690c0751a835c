#include "kiosk/ui/map_view.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/geo.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// Stations with no recent data: a neutral grey that no level uses, so it never reads as "good".
constexpr ImU32 kNoDataFill = IM_COL32(112, 122, 132, 255);
// Lines drawn on the map picture, which is light in every theme.
constexpr ImU32 kMapInk = IM_COL32(16, 24, 32, 255);

struct Placed {
  const MapMarker* marker = nullptr;
  ImVec2 at;          // the station's position on the map
  ImVec2 centre;      // the marker's centre, moved apart from its neighbours where they overlap
  ImVec2 size;        // of the marker
  ImVec2 name_size;   // of its name under it; (0, 0) when the name is not shown
  std::string label;  // on the marker
};

constexpr float kIconShare = 0.62f;  // of the marker's height

float rim_of(const UiContext& ctx, const MapMarker& m) {
  return ctx.layout.px(m.selected ? 6 : 3);
}

// The marker with its rim and name: what must not overlap another marker.
void block_of(const UiContext& ctx, const Placed& p, ImVec2& a, ImVec2& b) {
  const float rim = rim_of(ctx, *p.marker);
  const float w = std::max(p.size.x, p.name_size.x + ctx.layout.px(16)) + 2 * rim;
  a = ImVec2(p.centre.x - w / 2, p.centre.y - p.size.y / 2 - rim);
  b = ImVec2(p.centre.x + w / 2,
             p.centre.y + p.size.y / 2 + rim + (p.name_size.y > 0 ? p.name_size.y + ctx.layout.px(8) : 0));
}

// Moves overlapping markers apart, a little at a time, within the map [lo, hi]. Stations close
// together stay readable; each marker keeps a line to its true position (see draw_marker).
void spread(const UiContext& ctx, std::vector<Placed>& placed, ImVec2 lo, ImVec2 hi) {
  const float margin = ctx.layout.px(6);
  for (int round = 0; round < 60; ++round) {
    bool moved = false;
    for (size_t i = 0; i < placed.size(); ++i)
      for (size_t j = i + 1; j < placed.size(); ++j) {
        ImVec2 a1, b1, a2, b2;
        block_of(ctx, placed[i], a1, b1);
        block_of(ctx, placed[j], a2, b2);
        const float ox = std::min(b1.x, b2.x) - std::max(a1.x, a2.x) + margin;
        const float oy = std::min(b1.y, b2.y) - std::max(a1.y, a2.y) + margin;
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Along the shorter overlap; the lower or righter block goes further that way.
        const bool vertical = oy <= ox;
        const float d1 = vertical ? placed[i].centre.y : placed[i].centre.x;
        const float d2 = vertical ? placed[j].centre.y : placed[j].centre.x;
        const float push = (vertical ? oy : ox) / 2 + 0.5f;
        const float sign = d1 < d2 || (d1 == d2 && i < j) ? -1.f : 1.f;
        (vertical ? placed[i].centre.y : placed[i].centre.x) += sign * push;
        (vertical ? placed[j].centre.y : placed[j].centre.x) -= sign * push;
      }
    for (Placed& p : placed) {  // keep every block on the map
      ImVec2 a, b;
      block_of(ctx, p, a, b);
      if (a.x < lo.x) p.centre.x += lo.x - a.x;
      if (b.x > hi.x) p.centre.x -= b.x - hi.x;
      if (a.y < lo.y) p.centre.y += lo.y - a.y;
      if (b.y > hi.y) p.centre.y -= b.y - hi.y;
    }
    if (!moved) break;
  }
}

bool overlaps_another(const UiContext& ctx, const std::vector<Placed>& placed, size_t i) {
  ImVec2 a1, b1, a2, b2;
  block_of(ctx, placed[i], a1, b1);
  for (size_t j = 0; j < placed.size(); ++j) {
    if (j == i) continue;
    block_of(ctx, placed[j], a2, b2);
    if (std::min(b1.x, b2.x) > std::max(a1.x, a2.x) && std::min(b1.y, b2.y) > std::max(a1.y, a2.y))
      return true;
  }
  return false;
}

// A map too small to keep names apart (800x480 with a banner, in large text) drops the names that
// would cover another marker: the detail panel names the chosen station anyway.
void spread_dropping_names(const UiContext& ctx, std::vector<Placed>& placed, ImVec2 lo, ImVec2 hi) {
  spread(ctx, placed, lo, hi);
  bool dropped = false;
  for (size_t i = 0; i < placed.size(); ++i)
    if (placed[i].name_size.y > 0 && overlaps_another(ctx, placed, i)) {
      placed[i].name_size = ImVec2(0, 0);
      dropped = true;
    }
  if (dropped) spread(ctx, placed, lo, hi);
}

void draw_marker(UiContext& ctx, const Placed& p) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const MapMarker& m = *p.marker;
  ImDrawList* dl = canvas();
  ImFont* font = ctx.fonts.body;
  const ImU32 fill = m.grade ? color_from_hex(m.grade->color) : kNoDataFill;
  const ImU32 ink = text_on(fill);
  const float h = p.size.y, icon = h * kIconShare, pad = h * 0.3f;
  const ImVec2 a(std::round(p.centre.x - p.size.x / 2), std::round(p.centre.y - h / 2));
  const ImVec2 b(a.x + p.size.x, a.y + h);
  const float rim = rim_of(ctx, m);

  // Moved off its station: a line back to a dot on the true position.
  const float dx = p.centre.x - p.at.x, dy = p.centre.y - p.at.y;
  if (dx * dx + dy * dy > l.px(6) * l.px(6)) {
    dl->AddLine(p.at, p.centre, kMapInk, l.px(2.5f));
    fill_circle(dl, p.at, l.px(8), IM_COL32_WHITE);
    fill_circle(dl, p.at, l.px(5), kMapInk);
  }

  const std::string& name = ctx.tr(m.station->name);
  const float reach = std::max(l.touch, h) / 2;
  Press press = touch_area(ctx, "map." + m.station->id, name,
                           ImVec2(std::min(a.x, p.centre.x - reach), p.centre.y - reach),
                           ImVec2(std::max(b.x, p.centre.x + reach), p.centre.y + reach));
  // A white rim (the accent when selected) and a dark edge keep the marker apart from land and sea.
  fill_rounded_rect(dl, ImVec2(a.x - rim, a.y - rim), ImVec2(b.x + rim, b.y + rim),
                    m.selected ? t.accent : IM_COL32_WHITE, h / 2 + rim);
  fill_rounded_rect(dl, a, b, press.held ? t.surface_pressed : fill, h / 2);
  dl->AddRect(a, b, IM_COL32(0, 0, 0, 90), h / 2, 0, l.px(1.5f));
  const ImU32 fg = press.held ? t.text : ink;
  float x = a.x + pad;
  if (m.grade) {
    draw_level_icon(dl, ImVec2(x + icon / 2, a.y + h / 2), icon, m.grade->level, fg);
    x += icon + pad * 0.7f;
  }
  text(ctx, font, ImVec2(x, a.y + (h - measure(font, p.label).y) / 2), fg, p.label);

  if (p.name_size.y > 0) {
    const ImVec2 na(std::round(p.centre.x - p.name_size.x / 2), b.y + rim + l.px(4));
    // The theme's surface and ink, or the accent for the chosen station.
    fill_rounded_rect(dl, ImVec2(na.x - l.px(8), na.y - l.px(2)),
                      ImVec2(na.x + p.name_size.x + l.px(8), na.y + p.name_size.y + l.px(2)),
                      m.selected ? t.accent : t.surface, l.px(8));
    text(ctx, ctx.fonts.small, na, m.selected ? t.on_accent : t.text, name);
  }
  if (press.clicked) ctx.intents.push_back(SelectStation{m.station->id});
}

// The map fitted into [min, max], as ui::picture() would draw it, but in tiles: SDL 2.26's software
// renderer (headless renders, a Pi without GL) garbles textured triangles as large as a map.
void map_picture(UiContext& ctx, const std::string& path, ImVec2 min, ImVec2 max, ImVec2& a, ImVec2& b) {
  const Picture pic = ctx.pictures && !path.empty()
                          ? ctx.pictures->get(path, ImVec2(max.x - min.x, max.y - min.y))
                          : Picture{};
  // Laid out at the picture's own size even while it loads, so the markers never move when it arrives.
  const ImVec2 size = fitted_size(ctx, path, pic, ImVec2(max.x - min.x, max.y - min.y));
  a = ImVec2(std::floor((min.x + max.x - size.x) / 2), std::floor(min.y));  // at the top: a legend may follow
  b = ImVec2(a.x + size.x, a.y + size.y);
  if (!pic.texture || pic.width <= 0 || pic.height <= 0) {
    picture(ctx, path, a, b);  // the placeholder while it loads, or for a broken picture
    return;
  }
  constexpr int kTiles = 8;
  for (int ty = 0; ty < kTiles; ++ty)
    for (int tx = 0; tx < kTiles; ++tx) {
      const float u0 = static_cast<float>(tx) / kTiles, u1 = static_cast<float>(tx + 1) / kTiles;
      const float v0 = static_cast<float>(ty) / kTiles, v1 = static_cast<float>(ty + 1) / kTiles;
      canvas()->AddImage(pic.texture, ImVec2(std::round(a.x + u0 * size.x), std::round(a.y + v0 * size.y)),
                         ImVec2(std::round(a.x + u1 * size.x), std::round(a.y + v1 * size.y)), ImVec2(u0, v0),
                         ImVec2(u1, v1));
    }
}

}  // namespace

MapResult map_view(UiContext& ctx, std::span<const MapMarker> markers, ImVec2 min, ImVec2 max) {
  const Settings& s = ctx.content.settings;
  ImVec2 a, b;
  map_picture(ctx, s.map_picture, min, max, a, b);
  const GeoBounds bounds{s.map_west, s.map_east, s.map_south, s.map_north};
  const bool names = b.x - a.x >= ctx.layout.px(540);
  ImFont* font = ctx.fonts.body;
  std::vector<Placed> placed;
  MapResult result;
  result.bottom = b.y;
  for (const MapMarker& m : markers) {
    const auto at = m.station ? project(bounds, m.station->lat, m.station->lon) : std::nullopt;
    if (!at) {
      ++result.hidden;
      continue;
    }
    Placed p;
    p.marker = &m;
    p.at =
        ImVec2(a.x + static_cast<float>(at->x) * (b.x - a.x), a.y + static_cast<float>(at->y) * (b.y - a.y));
    p.centre = p.at;
    p.label = m.grade || !m.label.empty() ? m.label : ctx.str("data.no_data");
    const float h = font->FontSize * 1.5f, pad = h * 0.3f;
    p.size = ImVec2(pad + (m.grade ? h * kIconShare + pad * 0.7f : 0) + measure(font, p.label).x + pad, h);
    if (names || m.selected) p.name_size = measure(ctx.fonts.small, ctx.tr(m.station->name));
    placed.push_back(std::move(p));
  }
  spread_dropping_names(ctx, placed, a, b);
  // The selected marker first, so it takes a tap where markers touch (the first touch area under a
  // finger wins), and drawn last through a channel, so it is on top.
  std::stable_partition(placed.begin(), placed.end(), [](const Placed& p) { return p.marker->selected; });
  ImDrawList* dl = canvas();
  dl->ChannelsSplit(2);
  for (const Placed& p : placed) {
    dl->ChannelsSetCurrent(p.marker->selected ? 1 : 0);
    draw_marker(ctx, p);
  }
  dl->ChannelsMerge();
  return result;
}

std::string join_names(const UiContext& ctx, std::span<const std::string> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? (ctx.lang == Lang::zh ? "、" : ", ") : "") + names[i];
  return out;
}

ImFont* pill_font(const UiContext& ctx, const Grade& grade, float width, std::span<ImFont* const> fonts) {
  for (ImFont* f : fonts)  // grade_pill(): the name plus 1.53 times the pill's height of face and padding
    if (measure(f, ctx.tr(grade.name)).x + f->FontSize * 1.5f * 1.53f <= width) return f;
  return fonts.back();
}

float option_switch_width(const UiContext& ctx, std::span<const std::string> labels, ImFont* font) {
  float w = 0;
  for (const std::string& label : labels)
    w += std::max(measure(font, label).x + ctx.layout.px(48), ctx.layout.touch * 1.5f);
  return w;
}

int option_switch(UiContext& ctx, std::string_view id, std::span<const std::string> labels, int active,
                  ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  const float r = (max.y - min.y) / 2;
  fill_rounded_rect(dl, min, max, t.surface, r);
  dl->AddRect(min, max, t.border, r, 0, l.px(2));
  int tapped = -1;
  float x = min.x;
  const float natural = option_switch_width(ctx, labels, ctx.fonts.body);
  const float stretch = (max.x - min.x) / std::max(natural, 1.f);
  for (size_t i = 0; i < labels.size(); ++i) {
    const float w = std::max(measure(ctx.fonts.body, labels[i]).x + l.px(48), l.touch * 1.5f) * stretch;
    const ImVec2 a(x, min.y), b(x + w, max.y);
    Press p = touch_area(ctx, std::string(id) + "." + std::to_string(i), labels[i], a, b);
    const bool on = static_cast<int>(i) == active;
    if (on || p.held)
      fill_rounded_rect(dl, ImVec2(a.x + l.px(4), a.y + l.px(4)), ImVec2(b.x - l.px(4), b.y - l.px(4)),
                        on ? t.accent : t.surface_pressed, r - l.px(4));
    text_centered(ctx, ctx.fonts.body, a, b, on ? t.on_accent : t.text, labels[i]);
    if (p.clicked && !on) tapped = static_cast<int>(i);
    x += w;
  }
  return tapped;
}

float map_legend(UiContext& ctx, std::span<const Grade> grades, ImVec2 pos, float width, float max_height,
                 const std::string& title, bool no_data) {
  const Layout& l = ctx.layout;
  ImFont* font = ctx.fonts.small;
  const float h = font->FontSize * 1.5f, icon = h * kIconShare, pad = h * 0.35f, gap = l.px(10);
  struct Item {
    const Grade* grade;
    std::string name;
    float w;
  };
  if (grades.empty() && !no_data) return 0;  // a title over nothing says nothing
  std::vector<Item> items;
  if (!title.empty()) items.push_back({nullptr, title, measure(font, title).x});
  for (const Grade& g : grades) {
    const std::string& name = ctx.tr(g.name);
    items.push_back({&g, name, pad + icon + pad * 0.6f + measure(font, name).x + pad});
  }
  const std::string& none = ctx.str("data.no_data");
  if (no_data) items.push_back({nullptr, none, pad + measure(font, none).x + pad});
  // Lay out first: a legend that does not fit is left out whole, never cut.
  float x = 0, y = 0;
  std::vector<ImVec2> at;
  for (const Item& item : items) {
    if (x > 0 && x + item.w > width) {
      x = 0;
      y += h + gap;
    }
    at.emplace_back(pos.x + x, pos.y + y);
    x += item.w + gap;
  }
  const float used = y + h;
  if (used > max_height) return 0;
  ImDrawList* dl = canvas();
  for (size_t i = 0; i < items.size(); ++i) {
    const ImVec2 a = at[i], b(a.x + items[i].w, a.y + h);
    if (i == 0 && !title.empty()) {
      text(ctx, font, ImVec2(a.x, a.y + (h - font->FontSize) / 2), ctx.theme.text_muted, items[i].name);
      continue;
    }
    const ImU32 fill = items[i].grade ? color_from_hex(items[i].grade->color) : kNoDataFill;
    const ImU32 ink = text_on(fill);
    fill_rounded_rect(dl, a, b, fill, h / 2);
    dl->AddRect(a, b, IM_COL32(0, 0, 0, 60), h / 2);
    float tx = a.x + pad;
    if (items[i].grade) {
      draw_level_icon(dl, ImVec2(tx + icon / 2, a.y + h / 2), icon, items[i].grade->level, ink);
      tx += icon + pad * 0.6f;
    }
    text(ctx, font, ImVec2(tx, a.y + (h - font->FontSize) / 2), ink, items[i].name);
  }
  return used;
}

}  // namespace kiosk::ui
