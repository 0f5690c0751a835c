// Home: live tiles for air, water, the beautiful bays, waste sorting and green travel. Each
// tile opens its screen; together they answer "how is my city doing right now?" in seconds.
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

// A tile's frame: card, icon and title; returns true when tapped. Body is drawn by the caller,
// inside `Body`, which keeps the space left so that on small screens items drop out rather than overlap.
namespace {

// A tile's heading: its name and the navigation's shorter name ("Bays & plan"), and where they go.
struct TileHeading {
  const std::string& title;
  const std::string& short_title;
  float width;        // inside the card's padding
  float beside_icon;  // the indent after the icon
};

TileHeading heading_of(const UiContext& ctx, ScreenId id, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  return {ctx.str(std::string(screen_info(id).tile_key)), ctx.str(std::string(screen_info(id).nav_key)),
          max.x - min.x - 2 * l.pad, l.px(44) + l.px(16)};
}

// Where the heading is whole at `font`: beside the icon, else without it; the name, else the shorter one.
// Nothing when it is not.
std::optional<std::pair<float, const std::string*>> heading_place(const TileHeading& h, ImFont* font) {
  for (const float indent : {h.beside_icon, 0.f})
    for (const std::string* name : {&h.title, &h.short_title})
      if (measure(font, *name).x <= h.width - indent) return std::pair{indent, name};
  return std::nullopt;
}

}  // namespace

bool tile(UiContext& ctx, ScreenId id, ImVec2 min, ImVec2 max) {
  const Icon icon = screen_view(id).icon;
  const TileHeading h = heading_of(ctx, id, min, max);
  Press p = touch_area(ctx, std::string("tile.") + screen_name(id), h.title, min, max);
  card(ctx, min, max, p.held ? ctx.theme.surface_pressed : ctx.theme.surface);
  const Layout& l = ctx.layout;
  const float icon_size = l.px(44);
  // The heading whole, never "…", at the size all tiles' headings share (draw_home), with the icon where
  // there is room for it (without: 800x480 in large text); only when even body size cannot hold the
  // shorter name is it shortened.
  ImFont* font = ctx.tile_heading ? ctx.tile_heading : ctx.fonts.large;
  auto place = heading_place(h, font);
  if (!place) {
    font = ctx.fonts.body;
    place = heading_place(h, font).value_or(std::pair{0.f, &h.short_title});
  }
  const auto [indent, name] = *place;
  if (indent > 0)
    draw_icon(canvas(), icon, ImVec2(min.x + l.pad + icon_size / 2, min.y + l.pad + icon_size / 2), icon_size,
              ctx.theme.accent);
  text_fit(ctx, font, ImVec2(min.x + l.pad + indent, min.y + l.pad + l.px(2)), h.width - indent,
           ctx.theme.text, *name);
  return p.clicked;
}

namespace {

// The title's row, however large the text.
float heading_height(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  return std::max(l.px(66), l.px(10) + std::round(ctx.fonts.large->FontSize * 1.25f));
}

struct Body {
  float x, y, width, bottom;  // bottom leaves room for the freshness line
  bool fits(float height) const { return y + height <= bottom; }
  float room() const { return bottom - y; }
};

Body body_of(const UiContext& ctx, ImVec2 min, ImVec2 max, bool with_footer) {
  const Layout& l = ctx.layout;
  const float footer = with_footer ? ctx.fonts.small->FontSize + l.px(12) : 0;
  return {min.x + l.pad, min.y + l.pad + heading_height(ctx), max.x - min.x - 2 * l.pad,
          max.y - l.pad - footer};
}

// The least body the leading tiles keep whole: air's number with the highest station under it, and
// water's two figures side by side, a few pixels clear of the freshness line's text.
float leading_body_height(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  const FontSet& f = ctx.fonts;
  const float air = f.body->FontSize + l.px(24) + l.px(4) + f.body->FontSize;
  const float water = f.small->FontSize * 1.4f + f.title->FontSize;
  return std::max(air, water) + l.px(4) + f.small->FontSize;
}

// A bin chip's least height for a name on two lines at caption size (the lines may reach its rounding).
float two_line_chip_height(const UiContext& ctx) {
  return ctx.fonts.small->FontSize * 2.1f - ctx.layout.px(4);
}

// Two rows of bin chips, each tall enough for a name on two lines at caption size.
float bin_chips_height(const UiContext& ctx) {
  return 2 * two_line_chip_height(ctx) + ctx.layout.px(12);
}

// The bays tile's first target with its title whole: two lines of title, its figures and its bar.
float bay_target_height(const UiContext& ctx) {
  return (2 * 1.3f + 1.4f) * ctx.fonts.small->FontSize + ctx.layout.px(14);
}

// A tile's frame, which opens its screen when tapped; returns where its body goes.
Body open_tile(UiContext& ctx, ScreenId id, ImVec2 min, ImVec2 max, bool with_footer) {
  if (tile(ctx, id, min, max)) ctx.go_to(id);
  return body_of(ctx, min, max, with_footer);
}

void footer(UiContext& ctx, const Freshness& f, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  freshness_line(ctx, f, ImVec2(min.x + l.pad, max.y - l.pad - ctx.fonts.small->FontSize),
                 max.x - min.x - 2 * l.pad);
}

// "开发区站 128": the station with the highest AQI, shown second after the city's figure.
std::string worst_station_text(UiContext& ctx, const AirStationView& a) {
  return labelled(ctx.str("air.worst_station"), ctx.tr(a.station->name) + " " + std::to_string(*a.aqi));
}

}  // namespace

void air_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  Body b = open_tile(ctx, ScreenId::air, min, max, true);
  const CityAirView& city = ctx.model.city_air;
  const AirStationView* worst = ctx.model.headline_air();
  const float line = ctx.fonts.body->FontSize * 1.3f;
  if (!city.aqi) {
    paragraph(ctx, ctx.fonts.body, ImVec2(b.x, b.y), b.width, t.text_muted, ctx.str("data.no_data"));
    return;
  }
  // The city's number in its level colour, with the level's name and face beside it; the highest
  // station always comes second. Short tiles (800x480 in large text) use a smaller number and level
  // name, the largest pair that leaves room for that line.
  const auto pill_font = [&](ImFont* number) {
    return number == ctx.fonts.huge    ? ctx.fonts.large
           : number == ctx.fonts.title ? ctx.fonts.body
                                       : ctx.fonts.small;
  };
  // Where even that is too tall (800x480), "City AQI" goes beside the level's name instead of above it.
  bool label_beside = false;
  const auto height_with = [&](ImFont* number) {
    const float box = number->FontSize + l.px(24);
    const float label = label_beside ? 0 : ctx.fonts.small->FontSize * 1.3f + l.px(4);
    const float column = label + pill_font(number)->FontSize * 1.5f;
    return std::max(box, column) + l.px(4) + (worst ? line : 0);
  };
  label_beside = b.room() < height_with(ctx.fonts.body);
  ImFont* number_font = ctx.fonts.body;
  for (ImFont* f : {ctx.fonts.huge, ctx.fonts.title, ctx.fonts.large})
    if (b.room() >= height_with(f)) {
      number_font = f;
      break;
    }
  // Past the stale time: the last figure in grey with when it was read, never in its level colour.
  const ImU32 level_color = city.stale ? stale_fill(ctx) : color_from_hex(city.grade.color);
  const std::string number = std::to_string(*city.aqi);
  const ImVec2 nsize = measure(number_font, number);
  const ImVec2 box_min(b.x, b.y);
  const ImVec2 box_max(b.x + std::max(nsize.x + l.px(56), number_font->FontSize * 1.9f),
                       b.y + nsize.y + l.px(24));
  fill_rounded_rect(canvas(), box_min, box_max, level_color, l.radius);
  text_centered(ctx, number_font, box_min, box_max, text_on(level_color), number);
  const float right = box_max.x + l.px(28);
  float ry = b.y;
  ImFont* pill = pill_font(number_font);
  const std::string& label = ctx.str("air.city_aqi");
  float pill_x = right;
  if (label_beside) {
    text(ctx, ctx.fonts.small,
         ImVec2(right, std::floor(ry + (pill->FontSize * 1.5f - ctx.fonts.small->FontSize) / 2)),
         t.text_muted, label);
    pill_x += measure(ctx.fonts.small, label).x + l.px(16);
  } else {
    text(ctx, ctx.fonts.small, ImVec2(right, ry), t.text_muted, label);
    ry += ctx.fonts.small->FontSize * 1.3f + l.px(4);
  }
  const float pill_bottom = ry + pill->FontSize * 1.5f;
  if (city.stale)
    text_fit(ctx, ctx.fonts.body, ImVec2(pill_x, ry), max.x - l.pad - pill_x, t.warning,
             ctx.str("data.stale"));
  else
    grade_pill(ctx, city.grade, ImVec2(pill_x, ry), pill);
  ry += pill->FontSize * 1.5f + l.px(14);
  // The main pollutant only where the highest station still fits under it.
  const float after = worst ? l.px(18) + line : 0;
  if (!city.stale && !city.primary.empty() && ry + ctx.fonts.body->FontSize + after <= b.bottom) {
    std::string names;
    for (size_t i = 0; i < city.primary.size(); ++i)
      names += (i ? "、" : "") + ctx.str("pollutant." + city.primary[i]);
    text_fit(ctx, ctx.fonts.body, ImVec2(right, ry), max.x - l.pad - right, t.text,
             labelled(ctx.str("air.primary"), names));
    ry += ctx.fonts.body->FontSize;
  }
  b.y = std::max(box_max.y, ry) + l.px(18);
  if (worst && worst->station) {
    // Never dropped: without it a single station's figure could pass for the city's.
    const float y = std::max(std::min(b.y, b.bottom - line), std::max(box_max.y, pill_bottom) + l.px(4));
    text_fit(ctx, ctx.fonts.body, ImVec2(b.x, y), b.width, t.text, worst_station_text(ctx, *worst));
    b.y = y + line + l.px(6);
  }
  if (const int lines = static_cast<int>(b.room() / line); lines > 0 && !city.stale)
    paragraph(ctx, ctx.fonts.body, ImVec2(b.x, b.y), b.width, t.text, ctx.tr(city.advice),
              std::min(lines, 2));
  Freshness f;
  f.observed_at = city.observed_at;
  f.stale = city.stale;
  f.demo = city.demo;
  footer(ctx, f, min, max);
}

namespace {

// Water's two figures: rivers, how many sections meet class III or better; sea, the share of good stations.
// With no current class anywhere, the last classes, greyed, under the last-reading line.
struct WaterFigures {
  std::string caption[2], value[2];
  bool stale = false;
  Freshness newest;
};

WaterFigures water_figures(UiContext& ctx) {
  WaterFigures w;
  int graded = 0, good = 0;
  for (const bool use_stale : {false, true}) {
    for (const auto& r : ctx.model.rivers) {
      if (!r.grade || (r.freshness.stale && !use_stale)) continue;
      ++graded;
      if (r.grade->level <= 3) ++good;
      if (r.freshness.observed_at > w.newest.observed_at) w.newest = r.freshness;
    }
    if (graded > 0) break;
  }
  w.stale = w.newest.stale;
  for (const auto& s : ctx.model.sea)
    if (s.grade && s.freshness.observed_at > w.newest.observed_at) w.newest = s.freshness;
  w.caption[0] = ctx.str("water.rivers_good");
  w.value[0] = graded > 0 ? std::to_string(good) + " / " + std::to_string(graded) : ctx.str("data.no_data");
  w.caption[1] = ctx.str("water.sea_good_share");
  w.value[1] = ctx.model.sea_good_share ? format_number(*ctx.model.sea_good_share * 100, 0) + "%"
                                        : ctx.str("data.no_data");
  return w;
}

// How the figures go, each caption whole (one line or two, never "…"): stacked where the tile is tall,
// side by side, else in two rows with each value at the right of its caption (800x480), at the largest
// size that fits. `shortened` only where none of these fits.
struct WaterArrangement {
  enum Kind { stacked, side_by_side, rows, shortened } kind = shortened;
  ImFont* value_font = nullptr;  // the figures' size (a long "no data" goes at body size)
  int lines[2] = {1, 1};         // each caption's lines
  float caption_w = 0;           // the captions' width
  float row_h[2] = {0, 0};       // rows: each row's height
  float height = 0;              // from the body's top to the last value's bottom
};

// A caption's lines in `width`: one, or two with no word cut; 0 when it cannot be whole.
int caption_lines(const UiContext& ctx, const std::string& caption, float width) {
  if (measure(ctx.fonts.small, caption).x <= width) return 1;
  return fits_two_lines(*ctx.fonts.small, caption, width) ? 2 : 0;
}

ImFont* water_value_font(const UiContext& ctx, const std::string& value, ImFont* font) {
  return value.size() > 8 ? ctx.fonts.body : font;
}

// Between the rows: a caption on two lines needs more than the line pitch, or it reads on into the next.
float rows_gap(const UiContext& ctx, const WaterArrangement& a) {
  return a.lines[0] + a.lines[1] > 2 ? std::round(ctx.fonts.small->FontSize * 0.6f) : ctx.layout.px(6);
}

// Every arrangement that keeps both captions whole in `width`, in order of preference.
std::vector<WaterArrangement> water_arrangements(const UiContext& ctx, const WaterFigures& w, float width) {
  const Layout& l = ctx.layout;
  const float pitch = ctx.fonts.small->FontSize * 1.3f;     // paragraph()'s
  const float to_value = ctx.fonts.small->FontSize * 0.1f;  // below a caption's last line
  std::vector<WaterArrangement> out;
  for (const auto kind : {WaterArrangement::stacked, WaterArrangement::side_by_side}) {
    WaterArrangement a{kind, ctx.fonts.title};
    a.caption_w = kind == WaterArrangement::stacked ? width : (width - l.gap) / 2;
    float value_h[2];
    for (int i = 0; i < 2; ++i) {
      a.lines[i] = caption_lines(ctx, w.caption[i], a.caption_w);
      value_h[i] = water_value_font(ctx, w.value[i], a.value_font)->FontSize;
    }
    if (a.lines[0] == 0 || a.lines[1] == 0) continue;
    a.height = kind == WaterArrangement::stacked
                   ? a.lines[0] * pitch + to_value + value_h[0] * 1.2f + l.px(16) + a.lines[1] * pitch +
                         to_value + value_h[1]
                   : std::max(a.lines[0], a.lines[1]) * pitch + to_value + std::max(value_h[0], value_h[1]);
    out.push_back(a);
  }
  for (ImFont* f : {ctx.fonts.title, ctx.fonts.large, ctx.fonts.body}) {
    WaterArrangement a{WaterArrangement::rows, f};
    float value_w = 0;
    for (int i = 0; i < 2; ++i)
      value_w = std::max(value_w, measure(water_value_font(ctx, w.value[i], f), w.value[i]).x);
    a.caption_w = width - value_w - l.px(16);
    bool whole = true;
    for (int i = 0; i < 2; ++i) {
      a.lines[i] = caption_lines(ctx, w.caption[i], a.caption_w);
      whole = whole && a.lines[i] > 0;
      a.row_h[i] = std::max(water_value_font(ctx, w.value[i], f)->FontSize,
                            static_cast<float>(a.lines[i] - 1) * pitch + ctx.fonts.small->FontSize);
    }
    a.height = a.row_h[0] + rows_gap(ctx, a) + a.row_h[1];
    if (whole) out.push_back(a);
  }
  return out;
}

// The figures may reach into the margin above the freshness line, never its text.
float water_room(const UiContext& ctx, const Body& b) {
  return b.room() + ctx.layout.px(8);
}

WaterArrangement arrange_water(const UiContext& ctx, const WaterFigures& w, const Body& b) {
  for (const WaterArrangement& a : water_arrangements(ctx, w, b.width))
    if (a.height <= water_room(ctx, b)) return a;
  WaterArrangement a;
  a.caption_w = (b.width - ctx.layout.gap) / 2;
  return a;
}

// How tall a water tile `width` wide must be for the figures at full size with their captions whole: home's
// first row grows to it where it scrolls anyway (800x480 in large text). 0 when no size keeps them whole.
float water_tile_least_height(UiContext& ctx, float width) {
  const Body b = body_of(ctx, ImVec2(0, 0), ImVec2(width, 0), true);
  float least = 0;
  for (const WaterArrangement& a : water_arrangements(ctx, water_figures(ctx), b.width))
    if (a.value_font == ctx.fonts.title && (least == 0 || a.height < least)) least = a.height;
  return least > 0 ? least - water_room(ctx, b) : 0;  // b.room() is negative: the body ends at 0
}

}  // namespace

void water_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const Body b = open_tile(ctx, ScreenId::water, min, max, true);
  const WaterFigures w = water_figures(ctx);
  const ImU32 figure_color = w.stale ? t.text_muted : t.text;
  const WaterArrangement a = arrange_water(ctx, w, b);
  ImFont* small = ctx.fonts.small;
  const float pitch = small->FontSize * 1.3f, to_value = small->FontSize * 0.1f;
  // A caption above its value.
  auto figure = [&](int i, float x, float y, float value_y) {
    if (a.kind == WaterArrangement::shortened)
      text_fit(ctx, small, ImVec2(x, y), a.caption_w, t.text_muted, w.caption[i]);
    else
      paragraph(ctx, small, ImVec2(x, y), a.caption_w, t.text_muted, w.caption[i]);
    text(ctx, water_value_font(ctx, w.value[i], ctx.fonts.title), ImVec2(x, value_y), figure_color,
         w.value[i]);
  };
  switch (a.kind) {
    case WaterArrangement::stacked: {
      const float v0 = b.y + a.lines[0] * pitch + to_value;
      figure(0, b.x, b.y, v0);
      const float y1 = v0 + water_value_font(ctx, w.value[0], ctx.fonts.title)->FontSize * 1.2f + l.px(16);
      figure(1, b.x, y1, y1 + a.lines[1] * pitch + to_value);
      break;
    }
    case WaterArrangement::side_by_side:
    case WaterArrangement::shortened: {
      const float value_y = b.y + static_cast<float>(std::max(a.lines[0], a.lines[1])) * pitch + to_value;
      figure(0, b.x, b.y, value_y);
      figure(1, b.x + a.caption_w + l.gap, b.y, value_y);
      break;
    }
    case WaterArrangement::rows: {
      // Each caption at the left, its value at the right, both centred on their row.
      float y = b.y;
      for (int i = 0; i < 2; ++i) {
        ImFont* vf = water_value_font(ctx, w.value[i], a.value_font);
        const float caption_h = static_cast<float>(a.lines[i] - 1) * pitch + small->FontSize;
        paragraph(ctx, small, ImVec2(b.x, std::floor(y + (a.row_h[i] - caption_h) / 2)), a.caption_w,
                  t.text_muted, w.caption[i]);
        const float vw = measure(vf, w.value[i]).x;
        text(ctx, vf, ImVec2(b.x + b.width - vw, std::floor(y + (a.row_h[i] - vf->FontSize) / 2)),
             figure_color, w.value[i]);
        y += a.row_h[i] + rows_gap(ctx, a);
      }
      break;
    }
  }
  footer(ctx, w.newest, min, max);
}

void bay_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  Body b = open_tile(ctx, ScreenId::bay, min, max, false);
  const float row = ctx.fonts.small->FontSize * 1.4f + l.px(14) + l.px(16);
  int shown = 0, total = 0;
  for (const TargetView& tv : ctx.model.targets) {
    if (tv.target->area != "bay") continue;
    ++total;
    if (!b.fits(row - l.px(16))) continue;  // the gap below the last bar may be cut
    // The title, then its latest value against the target and the status in words at the right.
    std::string figures;
    if (tv.target->current && tv.target->target)
      figures = format_number(*tv.target->current, 1) + " / " + format_number(*tv.target->target, 1) +
                ctx.tr(tv.target->unit) + " · ";
    figures += ctx.str("status." + tv.status);
    ImFont* const font = ctx.fonts.small;
    const float fw = measure(font, figures).x;
    const std::string& title = ctx.tr(tv.target->title);
    // A title too wide for the room beside its figures (800x480, most in large text: "N…") goes whole
    // on up to two lines of its own above them, where the tile has the height.
    const float beside = b.width - fw - l.px(12);
    const auto lines =
        static_cast<float>(std::min<size_t>(2, break_lines(*font, font->FontSize, title, b.width).size()));
    const float above = lines * font->FontSize * 1.3f;
    if (measure(font, title).x > beside && b.fits(row - l.px(16) + above)) {
      b.y += paragraph(ctx, font, ImVec2(b.x, b.y), b.width, t.text, title, 2);
    } else {
      text_fit(ctx, font, ImVec2(b.x, b.y), beside, t.text, title);
    }
    text(ctx, font, ImVec2(b.x + b.width - fw, b.y), t.text_muted, figures);
    b.y += font->FontSize * 1.4f;
    progress_bar(ctx, ImVec2(b.x, b.y), ImVec2(b.x + b.width, b.y + l.px(14)), tv.progress.value_or(0),
                 t.accent);
    b.y += l.px(14) + l.px(16);
    ++shown;
  }
  // Too small for a bar: the first target as one line of text. "No targets" only when there are none.
  if (shown == 0 && total > 0 && b.fits(ctx.fonts.small->FontSize * 1.3f)) {
    for (const TargetView& tv : ctx.model.targets) {
      if (tv.target->area != "bay") continue;
      std::string line = ctx.tr(tv.target->title);
      if (tv.progress) line += "  " + std::to_string(static_cast<int>(std::lround(*tv.progress * 100))) + "%";
      text_fit(ctx, ctx.fonts.small, ImVec2(b.x, b.y), b.width, t.text, line);
      break;
    }
  }
  if (total == 0)
    paragraph(ctx, ctx.fonts.body, ImVec2(b.x, b.y), b.width, t.text_muted, ctx.str("bay.no_targets"));
}

namespace {

// How a bin's name is whole in `width` x `height`: one line at `largest` (body or caption size), else at
// caption size, else two lines at caption size (800x480 English: "Hazardous / Waste"). Empty when it
// cannot be.
std::vector<Line> chip_lines(UiContext& ctx, const std::string& name, float width, float height,
                             ImFont* largest, ImFont*& font) {
  for (ImFont* f : {ctx.fonts.body, ctx.fonts.small})
    if (f->FontSize <= largest->FontSize && measure(f, name).x <= width && f->FontSize <= height) {
      font = f;
      return {Line{name, measure(f, name).x}};
    }
  font = ctx.fonts.small;
  auto lines = break_lines(*font, font->FontSize, name, width);
  // Two lines, no Latin word cut in two ("Recycla / ble").
  const bool fits =
      lines.size() == 2 && fits_two_lines(*font, name, width) && height + 0.5f >= two_line_chip_height(ctx);
  return fits ? lines : std::vector<Line>{};
}

// A bin chip's icon size, and the room its name has beside the icon: one rule for the chip and for the
// one size all the chips' names share.
float chip_icon_size(const Layout& l, float chip_h) {
  return std::min(l.px(36), chip_h * 0.7f);
}
float chip_name_room(const Layout& l, float chip_w, float chip_h) {
  return chip_w - l.px(24) - chip_icon_size(l, chip_h);
}

// A bin's chip: its colour, its icon and its name whole. A name that cannot be whole beside the icon goes
// without it, since the colour and the name say which bin it is and "…" says nothing; only when even
// that cannot fit is the name shortened.
void bin_chip(UiContext& ctx, const WasteCategory& bin, ImVec2 min, ImVec2 max, ImFont* largest) {
  const Layout& l = ctx.layout;
  const ImU32 fill = color_from_hex(bin.color);
  const ImU32 fg = text_on(fill);
  fill_rounded_rect(canvas(), min, max, fill, l.px(12));
  const std::string name = ctx.tr(bin.name);
  const float h = max.y - min.y;
  const float icon_size = chip_icon_size(l, h);
  const float beside_icon = l.px(18) + icon_size;
  const float right = max.x - l.px(6);
  ImFont* font = nullptr;
  float x = min.x + beside_icon;
  auto lines = chip_lines(ctx, name, chip_name_room(l, max.x - min.x, h), h, largest, font);
  if (lines.empty()) {
    x = min.x + l.px(10);
    lines = chip_lines(ctx, name, right - x, h, largest, font);
  }
  if (x > min.x + l.px(10) || lines.empty()) {
    const Icon icon = bin.id == "recyclable"  ? Icon::recyclable
                      : bin.id == "hazardous" ? Icon::hazardous
                      : bin.id == "kitchen"   ? Icon::kitchen
                                              : Icon::other;
    draw_icon(canvas(), icon, ImVec2(min.x + l.px(10) + icon_size / 2, (min.y + max.y) / 2), icon_size, fg);
  }
  if (lines.empty()) {
    x = min.x + beside_icon;
    text_fit(ctx, ctx.fonts.small, ImVec2(x, std::floor(min.y + (h - ctx.fonts.small->FontSize) / 2)),
             right - x, fg, name);
    return;
  }
  const float pitch = lines.size() == 1 ? font->FontSize : font->FontSize * 1.05f;
  float y = std::floor(min.y + (h - pitch * static_cast<float>(lines.size())) / 2);
  for (const Line& line : lines) {
    text(ctx, font, ImVec2(x, y), fg, line.text);
    y += pitch;
  }
}

}  // namespace

void waste_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  Body b = open_tile(ctx, ScreenId::waste, min, max, false);
  const auto& cats = ctx.content.waste_categories;
  const float gap = l.px(12);
  // Two rows of two when there is room, else one row of four. Chips grow to hold a name on two lines.
  const float two_lines = ctx.fonts.small->FontSize * 2.1f + l.px(4);
  const float chip_h =
      std::clamp((b.room() - gap) / 2, ctx.fonts.small->FontSize * 1.6f, std::max(l.px(60), two_lines));
  const bool two_rows = b.fits(2 * chip_h + gap);
  const int per_row = two_rows ? 2 : 4;
  const float chip_w = (b.width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  // One size for all the bins' names: body size only when every name fits it beside its icon.
  ImFont* names = ctx.fonts.body;
  for (size_t i = 0; i < cats.size() && i < 4; ++i)
    if (measure(names, ctx.tr(cats[i].name)).x > chip_name_room(l, chip_w, chip_h) ||
        names->FontSize > chip_h)
      names = ctx.fonts.small;
  for (size_t i = 0; i < cats.size() && i < 4; ++i) {
    const ImVec2 cmin(b.x + static_cast<float>(i % per_row) * (chip_w + gap),
                      b.y + static_cast<float>(i / per_row) * (chip_h + gap));
    bin_chip(ctx, cats[i], cmin, ImVec2(cmin.x + chip_w, cmin.y + chip_h), names);
  }
  b.y += (two_rows ? 2 * chip_h + gap : chip_h) + l.px(14);
  if (b.fits(ctx.fonts.small->FontSize * 1.3f))
    text_fit(ctx, ctx.fonts.small, ImVec2(b.x, b.y), b.width, ctx.theme.text_muted,
             with_number(ctx.str("waste.items"), static_cast<long long>(ctx.content.waste_items.size())));
}

void travel_tile(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  Body b = open_tile(ctx, ScreenId::travel, min, max, false);
  // Current counts of bikes to take; with none current, the last counts greyed with when they were read.
  int bikes = 0, stations = 0;
  UnixTime last_read = 0;
  for (const bool use_stale : {false, true}) {
    for (const auto& s : ctx.model.bikes)
      if (s.bikes && (!s.freshness.stale || use_stale)) {
        bikes += s.bikes_to_rent();  // a station that is not renting has none to take
        ++stations;
        last_read = std::max(last_read, s.freshness.observed_at);
      }
    if (stations > 0) {
      if (use_stale) {
        text_fit(ctx, ctx.fonts.small, ImVec2(b.x, b.y), b.width, t.warning,
                 last_reading_text(ctx, last_read));
        b.y += ctx.fonts.small->FontSize * 1.4f;
      }
      break;
    }
  }
  const bool bikes_stale =
      stations > 0 && std::none_of(ctx.model.bikes.begin(), ctx.model.bikes.end(),
                                   [](const auto& s) { return s.bikes && !s.freshness.stale; });
  if (stations > 0) {
    const std::string count = std::to_string(bikes);
    text(ctx, ctx.fonts.title, ImVec2(b.x, b.y), bikes_stale ? t.text_muted : t.text, count);
    const float w = measure(ctx.fonts.title, count).x + l.px(14);
    text_fit(ctx, ctx.fonts.small,
             ImVec2(b.x + w, b.y + (ctx.fonts.title->FontSize - ctx.fonts.small->FontSize) * 0.6f),
             b.width - w, t.text_muted,
             ctx.str(bikes == 1 ? "travel.bikes_available_one" : "travel.bikes_available"));
    b.y += ctx.fonts.title->FontSize * 1.3f + l.px(8);
  }
  if (ctx.content.tips.empty()) return;
  // A different tip every ten minutes, so regular passers-by see new ones.
  const auto& tip = ctx.content.tips[static_cast<size_t>(ctx.now / 600) % ctx.content.tips.size()];
  if (!b.fits(ctx.fonts.body->FontSize * 1.3f)) return;
  text_fit(ctx, ctx.fonts.body, ImVec2(b.x, b.y), b.width, t.text, ctx.tr(tip.title));
  b.y += ctx.fonts.body->FontSize * 1.4f;
  const int lines = static_cast<int>(b.room() / (ctx.fonts.small->FontSize * 1.3f));
  if (lines > 0)
    paragraph(ctx, ctx.fonts.small, ImVec2(b.x, b.y), b.width, t.text_muted, ctx.tr(tip.body), lines);
}

namespace {

struct PlacedTile {
  const ScreenView* view;
  ImVec2 min, max;
};

// Draws the tiles, their headings at one size: heading size when every tile's heading is whole at it.
void draw_tiles(UiContext& ctx, const std::vector<PlacedTile>& placed) {
  ctx.tile_heading = ctx.fonts.large;
  for (const PlacedTile& t : placed)
    if (!heading_place(heading_of(ctx, t.view->id, t.min, t.max), ctx.fonts.large))
      ctx.tile_heading = ctx.fonts.body;
  for (const PlacedTile& t : placed) t.view->tile(ctx, t.min, t.max);
  ctx.tile_heading = nullptr;
}

}  // namespace

void draw_home(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const ImVec2 a = l.content_min, b = l.content_max;
  const float gap = l.gap;
  // Only the screens the pack enables get a tile: the leading ones (air, water) large, the others follow.
  std::vector<const ScreenView*> tiles;
  for (const ScreenView& v : screen_views())
    if (v.tile && screen_enabled(ctx, v.id)) tiles.push_back(&v);
  std::stable_partition(tiles.begin(), tiles.end(), [](const ScreenView* v) { return v->leading_tile; });
  if (tiles.empty()) return;
  const size_t lead =
      std::count_if(tiles.begin(), tiles.end(), [](const ScreenView* v) { return v->leading_tile; });
  const size_t first_row = lead > 0 ? lead : std::min<size_t>(tiles.size(), 2);
  const size_t second_row = tiles.size() - first_row;
  if (l.size.y > l.size.x) {
    // Portrait: one column, the leading tiles one and a half times as tall.
    const float units = 1.5f * static_cast<float>(first_row) + static_cast<float>(second_row);
    const float h = (b.y - a.y - static_cast<float>(tiles.size() - 1) * gap) / units;
    float y = a.y;
    std::vector<PlacedTile> placed;
    for (size_t i = 0; i < tiles.size(); ++i) {
      const float th = i < first_row ? 1.5f * h : h;
      placed.push_back({tiles[i], ImVec2(a.x, y), ImVec2(b.x, i + 1 == tiles.size() ? b.y : y + th)});
      y += th + gap;
    }
    draw_tiles(ctx, placed);
    return;
  }
  // Landscape: the leading tiles share the first row (air a little wider), the rest share the second.
  // The second row at least tall enough for the bins' names (800x480), giving up to half the height.
  const float rows = b.y - a.y - gap;
  const float second_min = 2 * l.pad + heading_height(ctx) + bin_chips_height(ctx);
  const float first_min = 2 * l.pad + heading_height(ctx) + leading_body_height(ctx);
  // The leading tiles share the first row, air a little wider.
  const auto split_of = [&](float left, float right) { return left + (right - left - gap) * 0.58f; };
  const auto draw_rows = [&](ImVec2 top, float right, float row1, float bottom) {
    std::vector<PlacedTile> placed;
    if (first_row == 1) {
      placed.push_back({tiles[0], top, ImVec2(right, top.y + row1)});
    } else {
      const float split = split_of(top.x, right);
      placed.push_back({tiles[0], top, ImVec2(split, top.y + row1)});
      placed.push_back({tiles[1], ImVec2(split + gap, top.y), ImVec2(right, top.y + row1)});
    }
    const float y2 = top.y + row1 + gap;
    const float n = static_cast<float>(second_row);
    const float w = (right - top.x - (n - 1) * gap) / std::max(n, 1.f);
    for (size_t i = 0; i < second_row; ++i) {
      const float x = top.x + static_cast<float>(i) * (w + gap);
      placed.push_back(
          {tiles[first_row + i], ImVec2(x, y2), ImVec2(i + 1 == second_row ? right : x + w, bottom)});
    }
    draw_tiles(ctx, placed);
  };
  if (second_row > 0 && first_min + second_min > rows) {
    // Too short for both rows whole (800x480 under a banner alert or in large text): each row at the
    // least height that keeps its tiles whole (the bays tile's first target with its title whole too),
    // and the two scroll.
    // The first row also as tall as water's figures need at full size with their captions whole.
    const float second = std::max(second_min, 2 * l.pad + heading_height(ctx) + bay_target_height(ctx));
    ScrollArea area(ctx, "home.tiles", a, b);
    const ImVec2 top = area.origin();
    const float right = top.x + area.width() - l.px(12);
    float first = first_min;
    for (size_t i = 0; i < first_row; ++i)
      if (tiles[i]->id == ScreenId::water) {
        const float split = split_of(top.x, right);
        const float width = first_row == 1 ? right - top.x : i == 0 ? split - top.x : right - split - gap;
        first = std::max(first, water_tile_least_height(ctx, width));
      }
    draw_rows(top, right, first, top.y + first + gap + second);
    area.set_content_height(first + gap + second);
    return;
  }
  const float row1 =
      second_row == 0 ? b.y - a.y : std::max(rows * 0.5f, std::min(rows * 0.55f, rows - second_min));
  draw_rows(a, b.x, row1, b.y);
}

}  // namespace kiosk::ui
