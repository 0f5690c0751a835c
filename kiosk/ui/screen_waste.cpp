// Waste sorting: a search that understands how residents type (Chinese, full pinyin, initials,
// English, typos) on the built-in keyboard, results as they type, the four national categories
// with their items, and a card for each item with its disposal tip.
//
// [SECTION] Layout      landscape: categories, search field and keyboard in the left column (the
//                       keyboard at the bottom, in reach of children and wheelchair users), results
//                       on the right; portrait: categories, results, field, keyboard, top to bottom
// [SECTION] Categories
// [SECTION] Search field and typing
// [SECTION] Results, category lists and the item card
#include <algorithm>
#include <optional>

#include "kiosk/core/search/search_index.hpp"
#include "kiosk/core/search/search_text.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

constexpr size_t kMaxSearchLength = 40;  // code points: more is no search anyone types
constexpr size_t kMaxResults = 50;

const WasteCategory* category_of(const UiContext& ctx, const WasteItem& item) {
  return ctx.content.waste_category(item.category);
}

ImU32 category_color(const WasteCategory* c) {
  return c ? color_from_hex(c->color) : IM_COL32(84, 110, 122, 255);
}

// [SECTION] Layout

struct Regions {
  ImVec2 cats_min, cats_max, field_min, field_max, list_min, list_max, keys_min, keys_max;
};

Regions regions(const Layout& l, ImVec2 a, ImVec2 b) {
  Regions r;
  const float w = b.x - a.x, h = b.y - a.y;
  const float gap = l.px(16);
  float field_h = l.px(84);
  if (w >= h) {
    const float left = std::min(w * 0.6f, std::max(keyboard_min_width(l), w * 0.5f));
    const float keys_h = keyboard_height(l, left);
    // On the 7-inch display the category cards get what the keyboard leaves: the field gives up
    // height (down to a touch target) before they shrink below a comfortable tap.
    const float want = l.touch * 1.4f;
    const float cats_h = h - keys_h - field_h - 2 * gap;
    if (cats_h < want) field_h = std::max(l.touch, field_h - (want - cats_h));
    r.keys_min = ImVec2(a.x, b.y - keys_h);
    r.keys_max = ImVec2(a.x + left, b.y);
    r.field_min = ImVec2(a.x, r.keys_min.y - gap - field_h);
    r.field_max = ImVec2(a.x + left, r.keys_min.y - gap);
    r.cats_min = a;
    r.cats_max = ImVec2(a.x + left, r.field_min.y - gap);
    r.list_min = ImVec2(a.x + left + l.gap, a.y);
    r.list_max = b;
  } else {
    const float keys_h = keyboard_height(l, w);
    r.keys_min = ImVec2(a.x, b.y - keys_h);
    r.keys_max = b;
    r.field_min = ImVec2(a.x, r.keys_min.y - gap - field_h);
    r.field_max = ImVec2(b.x, r.keys_min.y - gap);
    r.cats_min = a;
    r.cats_max = ImVec2(b.x, a.y + l.px(190));
    r.list_min = ImVec2(a.x, r.cats_max.y + l.gap);
    r.list_max = ImVec2(b.x, r.field_min.y - l.gap);
  }
  return r;
}

// [SECTION] Categories

// The four category cards in a row: icon, name and, when there is room, the description. Tapping
// one shows its items (and leaves the search).
void draw_categories(UiContext& ctx, ImVec2 a, ImVec2 b, const std::string& selected) {
  const Layout& l = ctx.layout;
  const auto& cats = ctx.content.waste_categories;
  const float gap = l.gap * 0.6f;
  const float cw = (b.x - a.x - gap * static_cast<float>(cats.size() - 1)) / static_cast<float>(cats.size());
  const float ch = b.y - a.y;
  const bool roomy = ch >= l.px(150);
  for (size_t i = 0; i < cats.size(); ++i) {
    const WasteCategory& c = cats[i];
    const ImVec2 min(a.x + static_cast<float>(i) * (cw + gap), a.y), max(min.x + cw, b.y);
    const std::string& name = ctx.tr(c.name);
    const Press p = touch_area(ctx, "waste." + c.id, name, min, max);
    const ImU32 fill = color_from_hex(c.color);
    const ImU32 fg = text_on(fill);
    ImDrawList* dl = canvas();
    fill_rounded_rect(dl, min, max, fill, l.radius);
    if (c.id == selected) dl->AddRect(min, max, ctx.theme.text, l.radius, 0, l.px(6));
    if (p.held) fill_rounded_rect(dl, min, max, IM_COL32(255, 255, 255, 60), l.radius);
    if (roomy) {
      const float icon = std::min(l.px(64), cw * 0.3f);
      draw_icon(dl, category_icon(c.id), ImVec2(min.x + l.px(18) + icon / 2, min.y + l.px(18) + icon / 2),
                icon, fg);
      // The name at the largest size that keeps it to two lines with no word split ("Hazardo/us"), and
      // inside the card (portrait in large text: two lines at heading size are taller than the card).
      const float name_room = max.y - l.px(8) - (min.y + l.px(30) + icon);
      const auto fits = [&](ImFont* f) {
        const auto n = static_cast<float>(break_lines(*f, f->FontSize, name, cw - l.px(36)).size());
        return fits_two_lines(*f, name, cw - l.px(36)) &&
               (n - 1) * f->FontSize * 1.3f + f->FontSize <= name_room;
      };
      ImFont* nf = fits(ctx.fonts.large) ? ctx.fonts.large : ctx.fonts.body;
      paragraph(ctx, nf, ImVec2(min.x + l.px(18), min.y + l.px(30) + icon), cw - l.px(36), fg, name, 2);
      const float desc_y = min.y + l.px(40) + icon + ctx.fonts.large->FontSize * 1.3f;
      const int lines = static_cast<int>((max.y - desc_y - l.px(12)) / (ctx.fonts.small->FontSize * 1.3f));
      if (lines >= 1 &&
          ctx.fonts.large->CalcTextSizeA(ctx.fonts.large->FontSize, FLT_MAX, cw - l.px(36), name.c_str()).y <
              ctx.fonts.large->FontSize * 1.5f)
        paragraph(ctx, ctx.fonts.small, ImVec2(min.x + l.px(18), desc_y), cw - l.px(36), fg,
                  ctx.tr(c.description), lines);
    } else {
      // Short cards (the 7-inch display): icon over the name.
      const float icon = std::min(ch * 0.42f, l.px(56));
      const float name_h = ctx.fonts.small->FontSize;
      const float top = min.y + (ch - icon - name_h - l.px(4)) / 2;
      draw_icon(dl, category_icon(c.id), ImVec2((min.x + max.x) / 2, top + icon / 2), icon, fg);
      // One line only: the content's short name where the whole one is too wide (800x480 in large text).
      const float room = cw - l.px(8);
      const std::string& label = measure(ctx.fonts.small, name).x > room && !ctx.tr(c.short_name).empty()
                                     ? ctx.tr(c.short_name)
                                     : name;
      const ImVec2 size = measure(ctx.fonts.small, label);
      const float x = size.x <= room ? (min.x + max.x - size.x) / 2 : min.x + l.px(4);
      text_fit(ctx, ctx.fonts.small, ImVec2(x, top + icon + l.px(4)), room, fg, label);
    }
    if (p.clicked) {
      ctx.intents.push_back(SelectCategory{c.id});
      ctx.intents.push_back(Search{});
    }
  }
}

// [SECTION] Search field and typing

void magnifier(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
  const float t = std::max(1.5f, s * 0.1f);
  dl->AddCircle(ImVec2(c.x - s * 0.1f, c.y - s * 0.1f), s * 0.3f, col, 24, t);
  dl->AddLine(ImVec2(c.x + s * 0.12f, c.y + s * 0.12f), ImVec2(c.x + s * 0.4f, c.y + s * 0.4f), col,
              t * 1.3f);
}

// The typed text with a caret, or a hint in both languages (a resident may not have found the
// language button yet); a clear button while there is text. Returns true when it was cleared.
bool draw_search_field(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ImDrawList* dl = canvas();
  const float h = max.y - min.y;
  fill_rounded_rect(dl, min, max, t.surface, l.radius * 0.7f);
  dl->AddRect(min, max, t.accent, l.radius * 0.7f, 0, l.px(3));
  const float icon = h * 0.5f;
  magnifier(dl, ImVec2(min.x + l.px(16) + icon / 2, (min.y + max.y) / 2), icon, t.accent);
  const float x = min.x + l.px(28) + icon;
  const std::string& text_now = ctx.state.waste.search;
  bool cleared = false;
  float right = max.x - l.px(16);
  if (!text_now.empty()) {
    const std::string& label = ctx.str("search.clear");
    const ImVec2 size = measure(ctx.fonts.body, label);
    const float cw = std::max(l.touch, size.x + h * 0.5f + l.px(36));
    // Inset within the field, but never below a fingertip when the field itself is only that tall.
    const float inset = std::clamp((h - l.touch) / 2, 0.f, l.px(6));
    const ImVec2 cmin(max.x - cw - l.px(6), min.y + inset), cmax(max.x - l.px(6), max.y - inset);
    const Press p = touch_area(ctx, "search.clear", label, cmin, cmax);
    fill_rounded_rect(dl, cmin, cmax, p.held ? t.surface_pressed : t.track, l.radius * 0.5f);
    const float r = h * 0.16f;
    const ImVec2 c(cmin.x + l.px(14) + r, (cmin.y + cmax.y) / 2);
    const float th = std::max(1.5f, l.px(3));
    dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), t.text, th);
    dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), t.text, th);
    text(ctx, ctx.fonts.body, ImVec2(c.x + r + l.px(12), (cmin.y + cmax.y - size.y) / 2), t.text, label);
    cleared = p.clicked;
    right = cmin.x - l.px(12);
  }
  if (text_now.empty()) {
    const Lang other = ctx.lang == Lang::zh ? Lang::en : Lang::zh;
    const std::string& first = ctx.str("search.placeholder");
    const std::string& second = ctx.content.strings.get("search.placeholder", other);
    ImFont* f1 = ctx.fonts.body;
    ImFont* f2 = ctx.fonts.small;
    const bool both = h >= f1->FontSize + f2->FontSize + l.px(16);
    const float y = both ? (min.y + max.y - f1->FontSize - f2->FontSize - l.px(4)) / 2
                         : (min.y + max.y - f1->FontSize) / 2;
    text_fit(ctx, f1, ImVec2(x, y), right - x, t.text_muted, first);
    if (both) text_fit(ctx, f2, ImVec2(x, y + f1->FontSize + l.px(4)), right - x, t.text_muted, second);
  } else {
    // Long input shows its end, where the typing is.
    ImFont* f = ctx.fonts.large;
    std::string_view shown = text_now;
    while (!shown.empty() && measure(f, shown).x > right - x - l.px(10)) {
      size_t i = 0;
      search::next_code_point(shown, i);
      shown.remove_prefix(i);
    }
    const float y = (min.y + max.y - f->FontSize) / 2;
    text(ctx, f, ImVec2(x, y), t.text, shown);
    if (shown.size() != text_now.size()) ctx.record.texts.push_back(text_now);
    const float caret = x + measure(f, shown).x + l.px(3);
    dl->AddRectFilled(ImVec2(caret, y), ImVec2(caret + std::max(2.0f, l.px(3)), y + f->FontSize), t.accent);
  }
  return cleared;
}

// The new search text after this frame's typing (on-screen keys, a physical keyboard, clearing).
std::optional<std::string> edited_text(UiContext& ctx, const KeyboardKey& key, bool cleared) {
  std::string s = ctx.state.waste.search;
  bool edited = false;
  for (size_t i = 0; i < ctx.typed.size();) {
    const size_t at = i;
    const char32_t c = search::next_code_point(ctx.typed, i);
    if (c < 0x20 || c == 0x7F) continue;
    s.append(ctx.typed, at, i - at);
    edited = true;
  }
  for (int k = 0; k < ctx.backspaces; ++k) {
    s = search::drop_last_code_point(s);
    edited = true;
  }
  switch (key.kind) {
    case KeyboardKey::Kind::character:
      s += key.character;
      edited = true;
      break;
    case KeyboardKey::Kind::backspace:
      s = search::drop_last_code_point(s);
      edited = true;
      break;
    case KeyboardKey::Kind::clear:
      s.clear();
      edited = true;
      break;
    case KeyboardKey::Kind::none:
      break;
  }
  if (cleared) {
    s.clear();
    edited = true;
  }
  if (!edited) return std::nullopt;
  while (search::code_point_count(s) > kMaxSearchLength) s = search::drop_last_code_point(s);
  return s;
}

// [SECTION] Results, category lists and the item card

// Results are asked for once per change of text, not once per frame.
const search::Results& results_for(const search::SearchIndex& index, const std::string& query) {
  static std::uint64_t index_id = 0;
  static std::string last;
  static search::Results results;
  if (index.id() != index_id || query != last) {
    index_id = index.id();
    last = query;
    results = index.find(query, kMaxResults);
  }
  return results;
}

float row_height(const UiContext& ctx) {
  const Layout& l = ctx.layout;
  return l.px(16) * 2 + ctx.fonts.large->FontSize + l.px(4) + ctx.fonts.small->FontSize * 1.3f * 3;
}

// The room for a row's text, right of its category's circle.
float row_text_width(const UiContext& ctx, float row_width) {
  const Layout& l = ctx.layout;
  return row_width - l.px(28) - 2 * l.px(30) - l.px(20) - l.px(18);
}

// One item: its category's colour and icon, its name (and the alias that found it), the category's
// name, and the disposal tip. Tapping it opens its card. `name_font` is the size the list's names share.
void draw_item_row(UiContext& ctx, const WasteItem& item, int alias, ImVec2 min, ImVec2 max,
                   ImFont* name_font) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const WasteCategory* cat = category_of(ctx, item);
  const ImU32 color = category_color(cat);
  const std::string& name = ctx.tr(item.name);
  const Press p = touch_area(ctx, "waste.item." + item.id, name, min, max);
  card(ctx, min, max, p.held ? t.surface_pressed : t.surface);
  ImDrawList* dl = canvas();
  fill_rounded_rect(dl, min, ImVec2(min.x + l.px(10), max.y), color, l.radius, ImDrawFlags_RoundCornersLeft);
  const float r = l.px(30);
  const ImVec2 c(min.x + l.px(28) + r, min.y + l.px(18) + r);
  fill_circle(dl, c, r, color);
  if (cat) draw_icon(dl, category_icon(cat->id), c, r * 1.3f, text_on(color));
  const float x = c.x + r + l.px(20);
  const float w = row_text_width(ctx, max.x - min.x);
  float y = min.y + l.px(16);
  // The name whole: one line at the list's size, else two lines at body size (800x480 in large text),
  // the tip then keeping what room is left.
  if (measure(name_font, name).x <= w) {
    text_fit(ctx, name_font, ImVec2(x, y), w, t.text, name);
    y += ctx.fonts.large->FontSize + l.px(4);
  } else {
    y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), w, t.text, name, 2) + l.px(4);
  }
  std::string line2 = cat ? ctx.tr(cat->name) : item.category;
  const float cat_w = measure(ctx.fonts.small, line2).x;
  text(ctx, ctx.fonts.small, ImVec2(x, y), readable_ink(color, t.surface, t.text), line2);
  if (alias >= 0 && static_cast<size_t>(alias) < item.aliases.size())
    text_fit(ctx, ctx.fonts.small, ImVec2(x + cat_w + l.px(16), y), w - cat_w - l.px(16), t.text_muted,
             ctx.str("search.also_called") + item.aliases[static_cast<size_t>(alias)]);
  y += ctx.fonts.small->FontSize * 1.3f;
  const int tip_lines =
      std::min(2, static_cast<int>((max.y - l.px(8) - y) / (ctx.fonts.small->FontSize * 1.3f)));
  if (tip_lines > 0)
    paragraph(ctx, ctx.fonts.small, ImVec2(x, y), w, t.text_muted, ctx.tr(item.tip), tip_lines);
  if (p.clicked) ctx.intents.push_back(OpenItem{item.id});
}

struct Row {
  const WasteItem* item;
  int alias;
};

void draw_rows(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max, const std::vector<Row>& rows) {
  ScrollArea list(ctx, id, min, max);
  const float h = row_height(ctx);
  const float step = h + ctx.layout.gap * 0.5f;
  // One size for the names: heading size when every name fits it, else body size.
  std::vector<std::string_view> names;
  for (const Row& row : rows) names.push_back(ctx.tr(row.item->name));
  ImFont* name_font = shrunk_font(ctx, ctx.fonts.large, row_text_width(ctx, list.width()), names);
  for (size_t i = 0; i < rows.size(); ++i) {
    const ImVec2 rmin(list.origin().x, list.origin().y + static_cast<float>(i) * step);
    const ImVec2 rmax(rmin.x + list.width(), rmin.y + h);
    if (rmax.y < list.visible_top() - h || rmin.y > list.visible_bottom() + h) continue;
    draw_item_row(ctx, *rows[i].item, rows[i].alias, rmin, rmax, name_font);
  }
  list.set_content_height(static_cast<float>(rows.size()) * step);
}

void draw_results(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const search::Results& r = results_for(*ctx.search, ctx.state.waste.search);
  const std::string term = search::normalise(ctx.state.waste.search);
  if (r.total == 0) {
    if (!term.empty()) ctx.intents.push_back(SearchMissed{term});
    const float y = min.y + l.px(12);
    const float used = paragraph(ctx, ctx.fonts.title, ImVec2(min.x, y), max.x - min.x, t.text,
                                 fill(ctx.str("search.nothing"), "{q}", ctx.state.waste.search), 2);
    paragraph(ctx, ctx.fonts.body, ImVec2(min.x, y + used + l.px(12)), max.x - min.x, t.text_muted,
              ctx.str("search.nothing_hint"), 4);
    return;
  }
  text(ctx, ctx.fonts.body, min, t.text_muted,
       with_number(ctx.str("search.found"), static_cast<long long>(r.total)));
  std::vector<Row> rows;
  for (const search::Hit& hit : r.hits)
    if (hit.item < ctx.content.waste_items.size())
      rows.push_back({&ctx.content.waste_items[hit.item], hit.match == search::Match::alias ||
                                                                  hit.match == search::Match::alias_part ||
                                                                  hit.match == search::Match::fuzzy_alias
                                                              ? hit.alias
                                                              : -1});
  draw_rows(ctx, "waste.results", ImVec2(min.x, min.y + ctx.fonts.body->FontSize * 1.5f), max, rows);
}

void draw_category_items(UiContext& ctx, ImVec2 min, ImVec2 max, const WasteCategory& category) {
  // Wrapped: a narrow list (800x480) is narrower than the sentence.
  const float head =
      paragraph(ctx, ctx.fonts.body, min, max.x - min.x, ctx.theme.text_muted,
                with_number(ctx.str("waste.items"), static_cast<long long>(ctx.content.waste_items.size())));
  std::vector<Row> rows;
  for (const WasteItem& item : ctx.content.waste_items)
    if (item.category == category.id) rows.push_back({&item, -1});
  draw_rows(ctx, "waste.items", ImVec2(min.x, min.y + head + ctx.fonts.body->FontSize * 0.2f), max, rows);
}

// The item's card: category band with colour, icon and name; the item's name in both languages;
// the tip; what else residents call it; a way back.
void draw_item_card(UiContext& ctx, ImVec2 min, ImVec2 max, const WasteItem& item) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const WasteCategory* cat = category_of(ctx, item);
  const ImU32 color = category_color(cat);
  const ImU32 fg = text_on(color);
  card(ctx, min, max, t.surface);
  ImDrawList* dl = canvas();
  const float band = std::max(l.touch, l.px(100));
  fill_rounded_rect(dl, min, ImVec2(max.x, min.y + band), color, l.radius, ImDrawFlags_RoundCornersTop);
  const float icon = band * 0.62f;
  if (cat)
    draw_icon(dl, category_icon(cat->id), ImVec2(min.x + l.px(24) + icon / 2, min.y + band / 2), icon, fg);
  ImFont* title = ctx.fonts.title;
  const float pad = l.px(28);
  text_fit(ctx, title, ImVec2(min.x + l.px(40) + icon, min.y + (band - title->FontSize) / 2),
           max.x - min.x - icon - l.px(60), fg, cat ? ctx.tr(cat->name) : item.category);

  // The way back sits at the bottom, where a hand already is.
  const std::string& back = ctx.str("search.back");
  const float bw = std::max(l.px(220), measure(ctx.fonts.large, back).x + l.px(60));
  const ImVec2 bmin(min.x + pad, max.y - pad - l.touch), bmax(bmin.x + bw, max.y - pad);
  if (button(ctx, "waste.back", back, bmin, bmax, ButtonStyle::primary)) ctx.intents.push_back(OpenItem{});

  const float x = min.x + pad, w = max.x - min.x - 2 * pad;
  const float bottom = bmin.y - l.px(12);
  float y = min.y + band + l.px(20);
  paragraph(ctx, title, ImVec2(x, y), w, t.text, ctx.tr(item.name), 2);
  y += title->FontSize * 1.4f;
  const Text& name = item.name;
  const std::string& other = ctx.lang == Lang::zh ? name.en : name.zh;
  if (!other.empty() && other != ctx.tr(name)) {
    text_fit(ctx, ctx.fonts.body, ImVec2(x, y), w, t.text_muted, other);
    y += ctx.fonts.body->FontSize * 1.5f;
  }
  auto lines_left = [&](ImFont* f) {
    return std::max(0, static_cast<int>((bottom - y) / (f->FontSize * 1.3f)));
  };
  if (int n = lines_left(ctx.fonts.large); n > 0) {
    y += paragraph(ctx, ctx.fonts.large, ImVec2(x, y), w, t.text, ctx.tr(item.tip), n) + l.px(14);
  }
  if (!item.aliases.empty()) {
    std::string aliases = ctx.str("search.also_called");
    for (size_t i = 0; i < item.aliases.size(); ++i) aliases += (i ? "、" : "") + item.aliases[i];
    if (int n = std::min(3, lines_left(ctx.fonts.small)); n > 0)
      paragraph(ctx, ctx.fonts.small, ImVec2(x, y), w, t.text_muted, aliases, n);
  }
}

const WasteItem* find_item(const UiContext& ctx, const std::string& id) {
  for (const WasteItem& item : ctx.content.waste_items)
    if (item.id == id) return &item;
  return nullptr;
}

}  // namespace

void draw_waste(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const ImVec2 a = l.content_min, b = l.content_max;
  const auto& cats = ctx.content.waste_categories;
  if (cats.empty()) {
    paragraph(ctx, ctx.fonts.large, a, b.x - a.x, ctx.theme.text_muted, ctx.str("waste.no_content"));
    return;
  }
  const Regions r = regions(l, a, b);
  const bool searching = !ctx.state.waste.search.empty() && ctx.search;
  const std::string selected = ctx.state.waste.category.empty() ? cats.front().id : ctx.state.waste.category;
  const WasteCategory* current = ctx.content.waste_category(selected);
  if (!current) current = &cats.front();

  draw_categories(ctx, r.cats_min, r.cats_max, searching ? std::string() : current->id);
  const bool cleared = draw_search_field(ctx, r.field_min, r.field_max);
  if (const WasteItem* open = ctx.state.waste.item.empty() ? nullptr : find_item(ctx, ctx.state.waste.item))
    draw_item_card(ctx, r.list_min, r.list_max, *open);
  else if (searching)
    draw_results(ctx, r.list_min, r.list_max);
  else
    draw_category_items(ctx, r.list_min, r.list_max, *current);
  const KeyboardKey key = draw_keyboard(ctx, r.keys_min, r.keys_max);
  if (auto text = edited_text(ctx, key, cleared)) ctx.intents.push_back(Search{std::move(*text)});
}

}  // namespace kiosk::ui
