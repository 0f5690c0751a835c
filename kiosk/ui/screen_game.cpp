// Classroom sorting game: items from the waste guide one at a time, dragged (or tapped, or keyed
// 1-4) into one of the four bins against the round's clock, the tip after each mistake in both
// languages, and a summary at the end. The round itself lives in ScreenState
// (kiosk/core/classroom/game.hpp); this file draws it and asks for moves.
//
// The drag is our own rather than ImGui's drag-and-drop: the item's touch area stays active while
// the finger moves, the card is drawn under the finger, and the bins are hit-tested on release.
// While it is held the screen asks the app to treat the press as its own, so a sideways drag
// neither cancels the press nor swipes to another screen.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/ui/classroom_widgets.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/text_run.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

using classroom::Move;
using classroom::SortAnswer;
using classroom::SortingGame;

std::string minutes_seconds(double seconds) {
  const int s = static_cast<int>(std::ceil(std::max(0.0, seconds)));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

const WasteItem* item_at(const UiContext& ctx, int index) {
  const auto& items = ctx.content.waste_items;
  return index >= 0 && index < static_cast<int>(items.size()) ? &items[static_cast<size_t>(index)] : nullptr;
}

std::string bin_name(const UiContext& ctx, const std::string& id, Lang lang) {
  const WasteCategory* c = ctx.content.waste_category(id);
  return c ? c->name.in(lang) : id;
}

// "Crab shells → Food Waste" (the arrow comes from strings.toml, so the font atlas has it).
std::string item_in_bin(const UiContext& ctx, const WasteItem* item, const std::string& bin) {
  return fill(fill(ctx.str("game.item_bin"), "{item}", item ? ctx.tr(item->name) : std::string()), "{bin}",
              bin_name(ctx, bin, ctx.lang));
}

bool inside(ImVec2 p, ImVec2 min, ImVec2 max) {
  return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}

// A rounded box with one line of text centred in it; returns its width.
float pill(UiContext& ctx, ImVec2 max_corner, float height, float min_width, ImU32 fg, const std::string& s) {
  const Layout& l = ctx.layout;
  ImFont* font = ctx.fonts.large;
  const float w = std::max(min_width, measure(font, s).x + l.px(48));
  const ImVec2 min(max_corner.x - w, max_corner.y - height);
  card(ctx, min, max_corner, ctx.theme.surface);
  text_centered(ctx, font, min, max_corner, fg, s);
  return w;
}

struct Areas {
  float stage_top = 0;  // below the header and the time bar
  ImVec2 bins_min, bins_max;
  float keys_y = 0;
};

Areas header(UiContext& ctx, const SortingGame& game) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const float h = l.px(80);

  // Right to left: the teacher's reset, the time, the score.
  const float reset_x = restart_button(ctx, "game.reset", Move::Kind::start_game, h);

  const double left =
      game.phase() == SortingGame::Phase::not_started ? game.round_seconds() : game.seconds_left();
  const bool hurry = game.phase() == SortingGame::Phase::playing && left <= 10;
  const std::string& time_pattern = ctx.str("game.time");
  const float time_w = measure(ctx.fonts.large, fill(time_pattern, "{time}", "0:00")).x + l.px(48);
  float x = reset_x - l.gap;
  x -= pill(ctx, ImVec2(x, a.y + h), h, time_w, hurry ? t.warning : t.text,
            fill(time_pattern, "{time}", minutes_seconds(left))) +
       l.gap;
  x -= pill(ctx, ImVec2(x, a.y + h), h, 0, t.text, with_number(ctx.str("game.score"), game.score())) + l.gap;
  text_shrink(ctx, ctx.fonts.title, ImVec2(a.x, a.y + (h - ctx.fonts.title->FontSize) / 2), x - a.x, t.text,
              ctx.str("game.title"));

  // The time left as a bar across the screen, so the whole class sees it.
  const float bar_y = a.y + h + l.px(14);
  const double fraction = game.round_seconds() > 0 ? left / game.round_seconds() : 0;
  progress_bar(ctx, ImVec2(a.x, bar_y), ImVec2(b.x, bar_y + l.px(12)), fraction,
               hurry ? t.warning : t.accent);

  Areas areas;
  areas.stage_top = bar_y + l.px(12) + l.gap;
  areas.keys_y = b.y - ctx.fonts.small->FontSize;
  const float bins_bottom = areas.keys_y - l.px(12);
  const float bins_h = std::min(l.px(250), (bins_bottom - areas.stage_top) * 0.5f);
  areas.bins_min = ImVec2(a.x, bins_bottom - bins_h);
  areas.bins_max = ImVec2(b.x, bins_bottom);
  return areas;
}

struct Bin {
  const WasteCategory* category = nullptr;
  ImVec2 min, max;
};

std::vector<Bin> bin_places(const UiContext& ctx, const Areas& areas) {
  const auto& cats = ctx.content.waste_categories;
  std::vector<Bin> bins;
  if (cats.empty()) return bins;
  const float gap = ctx.layout.gap;
  const float n = static_cast<float>(cats.size());
  const float w = (areas.bins_max.x - areas.bins_min.x - gap * (n - 1)) / n;
  for (size_t i = 0; i < cats.size(); ++i) {
    const float x = areas.bins_min.x + static_cast<float>(i) * (w + gap);
    bins.push_back({&cats[i], ImVec2(x, areas.bins_min.y), ImVec2(x + w, areas.bins_max.y)});
  }
  return bins;
}

// The four bins: colour, icon, name and the key that chooses it. `target` is the bin a dragged
// item is over. Tapping a bin sorts the item into it.
void draw_bins(UiContext& ctx, const std::vector<Bin>& bins, int target, bool accepting) {
  const Layout& l = ctx.layout;
  for (size_t i = 0; i < bins.size(); ++i) {
    const Bin& bin = bins[i];
    const std::string& name = ctx.tr(bin.category->name);
    Press p = touch_area(ctx, "game.bin." + bin.category->id, name, bin.min, bin.max);
    const ImU32 fill_col = color_from_hex(bin.category->color);
    const ImU32 fg = text_on(fill_col);
    ImDrawList* dl = canvas();
    const bool hot = static_cast<int>(i) == target;
    const float lift = hot ? l.px(10) : 0;
    const ImVec2 min(bin.min.x, bin.min.y - lift), max(bin.max.x, bin.max.y);
    fill_rounded_rect(dl, ImVec2(min.x, min.y + l.px(4)), ImVec2(max.x, max.y + l.px(4)),
                      IM_COL32(16, 46, 68, 40), l.radius);
    fill_rounded_rect(dl, min, max, fill_col, l.radius);
    // A lid across the top, so the box reads as a bin.
    fill_rounded_rect(dl, min, ImVec2(max.x, min.y + l.px(22)), IM_COL32(0, 0, 0, 50), l.radius,
                      ImDrawFlags_RoundCornersTop);
    if (p.held || hot) fill_rounded_rect(dl, min, max, IM_COL32(255, 255, 255, 56), l.radius);
    if (hot) dl->AddRect(min, max, ctx.theme.text, l.radius, 0, l.px(6));
    const float h = max.y - min.y;
    float icon = std::min(l.px(84), h * 0.38f);
    ImVec2 icon_at((min.x + max.x) / 2, min.y + l.px(22) + h * 0.3f);
    // The key that chooses this bin goes in a corner badge (drawn last, over the bin).
    const float r = l.px(22);
    const ImVec2 kc(min.x + l.px(14) + r, min.y + l.px(30) + r);
    ImFont* font = ctx.fonts.large;
    const float name_y =
        std::min(min.y + l.px(22) + h * 0.3f + icon * 0.6f + l.px(8), max.y - font->FontSize - l.px(10));
    const ImVec2 size = measure(font, name);
    const float name_w = max.x - min.x - l.px(20);
    ImFont* body = ctx.fonts.body;
    if (size.x <= max.x - min.x - l.px(16)) {
      text(ctx, font, ImVec2(std::floor((min.x + max.x - size.x) / 2), name_y), fg, name);
    } else if (fits_two_lines(*body, name, name_w)) {
      // A bin's name is how the class tells the bins apart: two whole lines rather than "Hazardous Wa…",
      // beside the key's badge when a short bin brings them up to it.
      const float two_lines_y = std::min(name_y, max.y - body->FontSize * 2.3f - l.px(8));
      const float badge_right = kc.x + r + l.px(6), badge_bottom = kc.y + r;
      float x = min.x + l.px(10), w = name_w;
      if (two_lines_y < badge_bottom && fits_two_lines(*body, name, max.x - l.px(10) - badge_right)) {
        x = badge_right;
        w = max.x - l.px(10) - badge_right;
      }
      paragraph(ctx, body, ImVec2(x, two_lines_y), w, fg, name, 2);
      // The icon takes what room is left above the name, or stays out: the name and colour are enough.
      const float room = two_lines_y - (min.y + l.px(26));
      icon = std::min(icon, room - l.px(6));
      icon_at.y = min.y + l.px(26) + room / 2;
    } else {
      text_fit(ctx, body, ImVec2(min.x + l.px(10), name_y), name_w, fg, name);
    }
    if (icon >= l.px(28)) draw_icon(dl, category_icon(bin.category->id), icon_at, icon, fg);
    const std::string key = std::to_string(i + 1);
    const ImU32 badge = IM_COL32(255, 255, 255, 255);
    fill_circle(dl, kc, r, badge);
    text_centered(ctx, ctx.fonts.body, ImVec2(kc.x - r, kc.y - r), ImVec2(kc.x + r, kc.y + r), text_on(badge),
                  key);
    if (p.clicked && accepting) ctx.play({Move::Kind::sort, bin.category->id});
  }
}

// The item card's face: its name in the language shown, and in the other one below.
void item_face(ImDrawList* dl, UiContext& c, const WasteItem& item, ImVec2 min, ImVec2 max) {
  const Layout& l = c.layout;
  ImFont* big = c.fonts.title;
  ImFont* small = c.fonts.body;
  const std::string& name = c.tr(item.name);
  const std::string& other = item.name.in(c.lang == Lang::zh ? Lang::en : Lang::zh);
  const bool both = other != name && (max.y - min.y) > big->FontSize + small->FontSize * 1.6f;
  const float block = big->FontSize + (both ? small->FontSize + l.px(10) : 0);
  float y = (min.y + max.y - block) / 2;
  const ImVec2 ns = measure(big, name);
  const ImVec2 os = measure(small, other);
  const ImVec2 npos(std::floor(std::max(min.x + l.px(16), (min.x + max.x - ns.x) / 2)), std::floor(y));
  add_text(dl, big, npos, c.theme.text, name);
  c.record.texts.push_back(name);
  if (both) {
    y += big->FontSize + l.px(10);
    const ImVec2 opos(std::floor(std::max(min.x + l.px(16), (min.x + max.x - os.x) / 2)), std::floor(y));
    add_text(dl, small, opos, c.theme.text_muted, other);
    c.record.texts.push_back(other);
  }
}

void draw_playing(UiContext& ctx, const SortingGame& game, const Areas& areas) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const std::vector<Bin> bins = bin_places(ctx, areas);
  const WasteItem* item = item_at(ctx, game.current_item());

  // Stage: how far the round is, the last right answer, the item, the hint.
  float y = areas.stage_top;
  const std::string progress = fill(with_number(ctx.str("game.progress"), game.position() + 1), "{total}",
                                    std::to_string(game.round_size()));
  text(ctx, ctx.fonts.body, ImVec2(a.x, y), t.text_muted, progress);
  if (const SortAnswer* last = game.last(); last && last->right) {
    const WasteItem* prev = item_at(ctx, last->item);
    const std::string line = ctx.str("game.right") + " " + item_in_bin(ctx, prev, last->right_bin);
    const float w = measure(ctx.fonts.body, line).x;
    const float x = b.x - w;
    check_mark(canvas(), ImVec2(x - l.px(26), y + ctx.fonts.body->FontSize / 2), l.px(34), kRight);
    text(ctx, ctx.fonts.body, ImVec2(x, y), t.text, line);
  }
  y += ctx.fonts.body->FontSize + l.px(14);
  const float hint_h = ctx.fonts.small->FontSize + l.px(12);
  const float stage_bottom = areas.bins_min.y - l.gap - hint_h;
  // Never lower than a finger, nor than the item's name at title size.
  const float card_h =
      std::max({l.touch, ctx.fonts.title->FontSize + l.px(24), std::min(l.px(220), stage_bottom - y)});
  const float card_w = std::min(l.px(760), (b.x - a.x) * 0.7f);
  const ImVec2 home_min((a.x + b.x - card_w) / 2, y + std::max(0.f, (stage_bottom - y - card_h) / 2));
  const ImVec2 home_max(home_min.x + card_w, home_min.y + card_h);
  const std::string& hint = ctx.str("game.hint");
  const ImVec2 hs = measure(ctx.fonts.small, hint);
  // Where the item's card needs the hint's room (large text on the 7-inch screen) the hint stays out
  // rather than hide behind the bins.
  if (home_max.y + l.px(10) + hs.y <= areas.bins_min.y - l.px(4))
    text(ctx, ctx.fonts.small, ImVec2(std::floor((a.x + b.x - hs.x) / 2), home_max.y + l.px(10)),
         t.text_muted, hint);

  int target = -1;
  if (item) {
    touch_area(ctx, "game.item", ctx.tr(item->name), home_min, home_max);
    const bool active = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated();
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 finger = io.MousePos;
    if (active || released)
      for (size_t i = 0; i < bins.size(); ++i)
        if (inside(finger, ImVec2(bins[i].min.x - l.px(8), bins[i].min.y - l.px(24)),
                   ImVec2(bins[i].max.x + l.px(8), bins[i].max.y + l.px(8))))
          target = static_cast<int>(i);
    if (active) ctx.hold_pointer();
    if (released && target >= 0) ctx.play({Move::Kind::sort, bins[static_cast<size_t>(target)].category->id});
    const ImVec2 moved(finger.x - io.MouseClickedPos[0].x, finger.y - io.MouseClickedPos[0].y);
    const bool lifted = active && (std::fabs(moved.x) > l.px(6) || std::fabs(moved.y) > l.px(6));

    draw_bins(ctx, bins, lifted ? target : -1, true);
    if (lifted) {
      // The empty place it came from, and a smaller card just above the finger, over everything
      // else, so the bin under the finger stays in sight.
      canvas()->AddRect(home_min, home_max, t.border, l.radius, 0, l.px(3));
      ImDrawList* fg = ImGui::GetForegroundDrawList();
      const float w = std::min(card_w, measure(ctx.fonts.title, ctx.tr(item->name)).x + l.px(80));
      const float h = std::min(card_h, ctx.fonts.title->FontSize + ctx.fonts.body->FontSize + l.px(50));
      const ImVec2 min(finger.x - w / 2, finger.y - l.px(28) - h), max(finger.x + w / 2, finger.y - l.px(28));
      fill_rounded_rect(fg, ImVec2(min.x + l.px(6), min.y + l.px(10)),
                        ImVec2(max.x + l.px(6), max.y + l.px(10)), IM_COL32(16, 46, 68, 60), l.radius);
      fill_rounded_rect(fg, min, max, t.surface, l.radius);
      fg->AddRect(min, max, t.accent, l.radius, 0, l.px(4));
      fg->AddTriangleFilled(ImVec2(finger.x - l.px(16), max.y), ImVec2(finger.x + l.px(16), max.y),
                            ImVec2(finger.x, max.y + l.px(20)), t.accent);
      item_face(fg, ctx, *item, min, max);
    } else {
      card(ctx, home_min, home_max, active ? t.surface_pressed : t.surface);
      canvas()->AddRect(home_min, home_max, t.accent, l.radius, 0, l.px(3));
      item_face(canvas(), ctx, *item, home_min, home_max);
    }
  } else {
    draw_bins(ctx, bins, -1, false);
  }
}

void draw_explaining(UiContext& ctx, const SortingGame& game, const Areas& areas) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const SortAnswer* last = game.last();
  const WasteItem* item = last ? item_at(ctx, last->item) : nullptr;
  const ImVec2 min(a.x, areas.stage_top), max(b.x, areas.keys_y - l.px(12));
  card(ctx, min, max, t.surface);
  fill_rounded_rect(canvas(), min, ImVec2(min.x + l.px(14), max.y), kWrong, l.radius,
                    ImDrawFlags_RoundCornersLeft);
  const float pad = l.px(36);
  float y = min.y + pad * 0.8f;
  ImFont* title = ctx.fonts.title;
  cross_mark(canvas(), ImVec2(min.x + pad + title->FontSize / 2, y + title->FontSize / 2), title->FontSize,
             kWrong);
  const float tx = min.x + pad + title->FontSize + l.px(14);
  text(ctx, title, ImVec2(tx, y), t.text, ctx.str("game.wrong"));
  if (last) {
    const float w = measure(title, ctx.str("game.wrong")).x;
    text(ctx, ctx.fonts.body, ImVec2(tx + w + l.px(28), y + (title->FontSize - ctx.fonts.body->FontSize) / 2),
         t.text_muted, labelled(ctx.str("game.you_chose"), bin_name(ctx, last->chosen, ctx.lang)));
  }
  y += title->FontSize + l.px(26);

  // The right bin, as a bin: colour, icon and name.
  const float button_h = l.px(84);
  const float chip = std::min(l.px(240), max.y - y - pad - button_h - l.gap);
  float x = min.x + pad;
  if (last && chip > l.px(60)) {
    const WasteCategory* c = ctx.content.waste_category(last->right_bin);
    const ImU32 col = c ? color_from_hex(c->color) : t.accent;
    const ImVec2 cmin(x, y), cmax(x + chip, y + chip);
    fill_rounded_rect(canvas(), cmin, cmax, col, l.radius);
    draw_icon(canvas(), category_icon(last->right_bin), ImVec2(x + chip / 2, y + chip * 0.4f), chip * 0.45f,
              text_on(col));
    const std::string& name = bin_name(ctx, last->right_bin, ctx.lang);
    const ImVec2 ns = measure(ctx.fonts.body, name);
    if (ns.x < chip - l.px(12))
      text(ctx, ctx.fonts.body, ImVec2(std::floor(x + (chip - ns.x) / 2), y + chip * 0.72f), text_on(col),
           name);
    x += chip + l.px(32);
  }

  // Where it goes and why, in both languages: the language shown first.
  if (item && last) {
    const float width = max.x - pad - x;
    const float bottom = max.y - pad - button_h - l.px(12);
    // Large type on a classroom display; smaller where the room runs short.
    const bool roomy = bottom - y > l.px(400);
    ImFont* head = roomy ? ctx.fonts.title : ctx.fonts.large;
    ImFont* body = roomy ? ctx.fonts.large : ctx.fonts.body;
    for (Lang lang : {ctx.lang, ctx.lang == Lang::zh ? Lang::en : Lang::zh}) {
      const std::string sentence =
          fill(fill(ctx.content.strings.get("game.goes_in", lang), "{item}", item->name.in(lang)), "{bin}",
               bin_name(ctx, last->right_bin, lang));
      if (y + head->FontSize > bottom) break;
      y += paragraph(ctx, head, ImVec2(x, y), width, t.text, sentence, 2) + l.px(4);
      const std::string& tip = item->tip.in(lang);
      const int lines = static_cast<int>((bottom - y) / (body->FontSize * 1.3f));
      if (!tip.empty() && lines > 0)
        y += paragraph(ctx, body, ImVec2(x, y), width, t.text_muted, tip, std::min(lines, 3));
      y += l.px(30);
    }
  }

  const std::string& go_on = ctx.str("game.continue");
  const float bw = std::max(measure(ctx.fonts.large, go_on).x + l.px(80), l.px(260));
  const ImVec2 bmax(max.x - pad, max.y - pad), bmin(bmax.x - bw, bmax.y - button_h);
  if (button(ctx, "game.continue", go_on, bmin, bmax, ButtonStyle::primary))
    ctx.play({Move::Kind::next_item});
  const std::string& enter = ctx.str("game.or_enter");
  const ImVec2 es = measure(ctx.fonts.small, enter);
  text(ctx, ctx.fonts.small, ImVec2(bmin.x - l.px(16) - es.x, (bmin.y + bmax.y - es.y) / 2), t.text_muted,
       enter);
}

void draw_summary(UiContext& ctx, const SortingGame& game, const Areas& areas) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const ImVec2 min(a.x, areas.stage_top), max(b.x, areas.keys_y - l.px(12));
  std::string counts = with_number(ctx.str("game.right_count"), game.right()) + " · " +
                       with_number(ctx.str("game.wrong_count"), game.wrong());
  if (game.unsorted() > 0) counts += " · " + with_number(ctx.str("game.unsorted_count"), game.unsorted());
  const auto mistakes = game.mistakes();
  const auto review =
      draw_round_summary(ctx, min, max,
                         {.empty = "game.no_items",
                          .title = game.time_up() ? "game.time_up" : "game.all_sorted",
                          .score = game.score(),
                          .out_of = game.round_size(),
                          .counts = counts,
                          .again = "game.play_again",
                          .start = Move::Kind::start_game,
                          .perfect = mistakes.empty(),
                          // Time ran out before every item was sorted: no praise.
                          .perfect_text = game.unsorted() > 0 ? "game.none_wrong" : "game.perfect",
                          .review_heading = "game.review"});
  if (!review) return;

  // The items to review: each with its right bin and tip.
  const float pad = review->pad;
  const float rx = review->min.x;
  const float rw = max.x - pad - rx;
  float ry = review->min.y;
  const float row_h = ctx.fonts.large->FontSize + ctx.fonts.small->FontSize * 2.6f + l.px(20);
  for (const SortAnswer& m : mistakes) {
    if (ry + row_h > max.y - pad + l.px(10)) break;
    const WasteItem* item = item_at(ctx, m.item);
    const WasteCategory* c = ctx.content.waste_category(m.right_bin);
    const ImU32 col = c ? color_from_hex(c->color) : t.accent;
    const float chip = ctx.fonts.large->FontSize * 1.5f;
    fill_rounded_rect(canvas(), ImVec2(rx, ry), ImVec2(rx + chip, ry + chip), col, l.px(10));
    draw_icon(canvas(), category_icon(m.right_bin), ImVec2(rx + chip / 2, ry + chip / 2), chip * 0.7f,
              text_on(col));
    const float tx = rx + chip + l.px(18);
    const std::string line = item_in_bin(ctx, item, m.right_bin);
    text_fit(ctx, ctx.fonts.large, ImVec2(tx, ry), rx + rw - tx, t.text, line);
    if (item)
      paragraph(ctx, ctx.fonts.small, ImVec2(tx, ry + ctx.fonts.large->FontSize + l.px(6)), rx + rw - tx,
                t.text_muted, ctx.tr(item->tip), 2);
    ry += row_h;
  }
}

}  // namespace

void draw_game(UiContext& ctx) {
  const SortingGame& game = ctx.state.classroom.game;
  const Areas areas = header(ctx, game);
  auto sort_into = [&](int index) {  // keys 1-4: the bins in waste.toml's order
    const auto& cats = ctx.content.waste_categories;
    if (index >= static_cast<int>(cats.size())) return false;
    ctx.play({Move::Kind::sort, cats[static_cast<size_t>(index)].id});
    return true;
  };
  const bool started = run_round(ctx, {round_phase(game.phase()),
                                       {Move::Kind::start_game, Move::Kind::next_item},
                                       [&] { draw_playing(ctx, game, areas); },
                                       [&] { draw_explaining(ctx, game, areas); },
                                       [&] { draw_summary(ctx, game, areas); },
                                       sort_into});
  if (!started) return;
  const std::string& hint = ctx.str("game.keys");
  text_fit(ctx, ctx.fonts.small, ImVec2(ctx.layout.content_min.x, areas.keys_y), ctx.layout.content_width(),
           ctx.theme.text_muted, hint);
}

}  // namespace kiosk::ui
