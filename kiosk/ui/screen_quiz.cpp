// Classroom quiz: questions from content/quiz.toml one at a time, big touch-sized choices (or keys
// 1-4), the right answer and the explanation at once, and a summary at the end. The quiz itself
// lives in ScreenState (kiosk/core/classroom/quiz.hpp); this file draws it and asks for moves.
#include <algorithm>
#include <cmath>

#include "kiosk/ui/classroom_widgets.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

using classroom::Move;
using classroom::Quiz;
using classroom::QuizAnswer;

const QuizQuestion* question_at(const UiContext& ctx, int index) {
  const auto& quiz = ctx.content.quiz;
  return index >= 0 && index < static_cast<int>(quiz.size()) ? &quiz[static_cast<size_t>(index)] : nullptr;
}

// Title, score and the restart button; returns where the question area starts.
float header(UiContext& ctx, const Quiz& quiz) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min;
  const float h = l.px(80);
  const float restart_x = restart_button(ctx, "quiz.restart", Move::Kind::start_quiz, h);
  const std::string score = with_number(ctx.str("quiz.score"), quiz.score());
  const float sw = measure(ctx.fonts.large, score).x + l.px(48);
  const ImVec2 smin(restart_x - l.gap - sw, a.y), smax(restart_x - l.gap, a.y + h);
  card(ctx, smin, smax, t.surface);
  text_centered(ctx, ctx.fonts.large, smin, smax, t.text, score);
  text_fit(ctx, ctx.fonts.title, ImVec2(a.x, a.y + (h - ctx.fonts.title->FontSize) / 2), smin.x - l.gap - a.x,
           t.text, ctx.str("quiz.title"));
  return a.y + h + l.gap;
}

// One choice: a big button with its number, coloured once the question is answered.
void choice_button(UiContext& ctx, const Quiz& quiz, const QuizQuestion& q, int i, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const std::string& label = ctx.tr(q.choices[static_cast<size_t>(i)]);
  Press p = touch_area(ctx, "quiz.choice." + std::to_string(i), label, min, max);
  const QuizAnswer* last = quiz.phase() == Quiz::Phase::answered ? quiz.last() : nullptr;
  const bool is_right = last && i == last->right_choice;
  const bool is_wrong_pick = last && i == last->chosen && !last->right;
  ImU32 fill_col = p.held ? t.surface_pressed : t.surface, fg = t.text;
  if (is_right) fill_col = kRight, fg = IM_COL32(255, 255, 255, 255);
  if (is_wrong_pick) fill_col = kWrong, fg = IM_COL32(255, 255, 255, 255);
  if (last && !is_right && !is_wrong_pick) fg = t.text_muted;
  ImDrawList* dl = canvas();
  card(ctx, min, max, fill_col);
  if (!last) dl->AddRect(min, max, t.accent, l.radius, 0, l.px(3));

  // The number (the key that picks it), or the mark once answered.
  const float h = max.y - min.y;
  const float r = std::min(l.px(30), h * 0.32f);
  const ImVec2 c(min.x + l.px(24) + r, (min.y + max.y) / 2);
  if (is_right) {
    check_mark(dl, c, r * 1.8f, fg);
  } else if (is_wrong_pick) {
    cross_mark(dl, c, r * 1.8f, fg);
  } else {
    fill_circle(dl, c, r, last ? t.track : t.accent);
    text_centered(ctx, ctx.fonts.large, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r),
                  last ? t.text_muted : t.on_accent, std::to_string(i + 1));
  }
  const float x = c.x + r + l.px(22);
  ImFont* font = ctx.fonts.large;
  const float width = max.x - l.px(20) - x;
  const int lines = measure(font, label).x > width ? 2 : 1;
  const float text_h = font->FontSize * (lines == 2 ? 2.3f : 1.0f);
  paragraph(ctx, font, ImVec2(x, std::floor((min.y + max.y - text_h) / 2)), width, fg, label, 2);
  if (p.clicked && quiz.phase() == Quiz::Phase::asking) ctx.play({Move::Kind::answer, {}, i});
}

void draw_question(UiContext& ctx, const Quiz& quiz, float top) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const QuizQuestion* q = question_at(ctx, quiz.current_question());
  if (!q) return;
  const bool answered = quiz.phase() == Quiz::Phase::answered;

  // Question card.
  float y = top;
  const std::string progress =
      fill(with_number(ctx.str("quiz.progress"), quiz.number()), "{total}", std::to_string(quiz.size()));
  const float pad = l.px(28);
  const int n = static_cast<int>(q->choices.size());
  const int columns = n >= 2 ? 2 : 1;
  const int rows = (n + columns - 1) / columns;
  const float ch_min = std::max(l.touch, l.px(70));  // a finger, even on a short screen
  // The question at title size, or a step down when its card and the choices would not fit (large
  // text on a short screen, where the title role is a step up already).
  auto card_height = [&](const ImFont* f) {
    return pad * 2 + ctx.fonts.small->FontSize + l.px(10) + f->FontSize * 1.3f * 2;
  };
  ImFont* qfont = ctx.fonts.title;
  const float bottom = l.size.y - l.nav_height;  // the choices may use the content's margin, not the bar
  if (y + card_height(qfont) + static_cast<float>(rows) * (l.gap + ch_min) > bottom) qfont = ctx.fonts.large;
  const float qw = b.x - a.x - 2 * pad;
  const float qh = card_height(qfont);
  card(ctx, ImVec2(a.x, y), ImVec2(b.x, y + qh), t.surface);
  text(ctx, ctx.fonts.small, ImVec2(a.x + pad, y + pad * 0.7f), t.text_muted, progress);
  const std::string& keys_hint = ctx.str("quiz.keys");
  const float kw = measure(ctx.fonts.small, keys_hint).x;
  const float kx = b.x - pad - kw;
  if (kx > a.x + pad + measure(ctx.fonts.small, progress).x + l.px(40))
    text(ctx, ctx.fonts.small, ImVec2(kx, y + pad * 0.7f), t.text_muted, keys_hint);
  paragraph(ctx, qfont, ImVec2(a.x + pad, y + pad * 0.7f + ctx.fonts.small->FontSize + l.px(10)), qw, t.text,
            ctx.tr(q->question), 2);
  y += qh + l.gap;

  // Choices, two to a row.
  const float feedback_h =
      l.px(80) + ctx.fonts.large->FontSize * 1.3f * 3 + ctx.fonts.large->FontSize + l.px(70);
  // The choices stay where they are when the feedback comes in below them.
  const float spare = b.y - y - feedback_h - l.gap;
  float ch = std::clamp((spare - l.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), ch_min,
                        std::max(ch_min, l.px(130)));
  // Room around the label where the screen has it below the choices (large text leaves little spare
  // once the feedback's room is kept).
  const float to_bottom = (b.y - y - l.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  ch = std::max(ch, std::min(std::floor(ctx.fonts.large->FontSize * 1.6f), to_bottom));
  const float cw = (b.x - a.x - l.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  for (int i = 0; i < n; ++i) {
    const ImVec2 min(a.x + static_cast<float>(i % columns) * (cw + l.gap),
                     y + static_cast<float>(i / columns) * (ch + l.gap));
    choice_button(ctx, quiz, *q, i, min, ImVec2(min.x + cw, min.y + ch));
  }
  y += static_cast<float>(rows) * (ch + l.gap);
  if (!answered) return;

  // Feedback: right or not, the right answer, why, and on to the next question. On a short screen
  // it covers the question rather than falling off the bottom.
  const QuizAnswer* last = quiz.last();
  if (!last) return;
  if (b.y - y < feedback_h) y = std::max(top, b.y - feedback_h);
  const ImVec2 fmin(a.x, y), fmax(b.x, b.y);
  card(ctx, fmin, fmax, t.surface);
  const ImU32 mark = last->right ? kRight : kWrong;
  fill_rounded_rect(canvas(), fmin, ImVec2(fmin.x + l.px(14), fmax.y), mark, l.radius,
                    ImDrawFlags_RoundCornersLeft);
  float fy = fmin.y + pad * 0.8f;
  ImFont* large = ctx.fonts.large;
  const float mx = fmin.x + pad + large->FontSize / 2 + l.px(6);
  if (last->right)
    check_mark(canvas(), ImVec2(mx, fy + large->FontSize / 2), large->FontSize * 1.2f, mark);
  else
    cross_mark(canvas(), ImVec2(mx, fy + large->FontSize / 2), large->FontSize * 1.2f, mark);
  const float tx = mx + large->FontSize / 2 + l.px(22);
  std::string verdict = ctx.str(last->right ? "quiz.right" : "quiz.wrong");
  text(ctx, large, ImVec2(tx, fy), t.text, verdict);
  if (!last->right && last->right_choice >= 0 && last->right_choice < n) {
    const float vx = tx + measure(large, verdict).x + l.px(28);
    text_fit(
        ctx, large, ImVec2(vx, fy), fmax.x - pad - vx, t.text,
        labelled(ctx.str("quiz.answer_is"), ctx.tr(q->choices[static_cast<size_t>(last->right_choice)])));
  }
  fy += large->FontSize + l.px(14);
  const bool final_question = quiz.number() == quiz.size();
  const std::string& go_on = ctx.str(final_question ? "quiz.results" : "quiz.next");
  const float bw = std::max(measure(large, go_on).x + l.px(80), l.px(260));
  const float bh = l.px(80);
  const ImVec2 bmax(fmax.x - pad, fmax.y - pad * 0.7f), bmin(bmax.x - bw, bmax.y - bh);
  const float ew = bmin.x - l.px(28) - tx;
  const int lines =
      std::max(1, static_cast<int>((fmax.y - pad * 0.7f - fy) / (ctx.fonts.large->FontSize * 1.3f)));
  paragraph(ctx, ctx.fonts.large, ImVec2(tx, fy), ew, t.text, ctx.tr(q->explanation), lines);
  if (button(ctx, "quiz.next", go_on, bmin, bmax, ButtonStyle::primary))
    ctx.play({Move::Kind::next_question});
}

void draw_summary(UiContext& ctx, const Quiz& quiz, float top) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const ImVec2 min(a.x, top), max(b.x, b.y);
  const auto review =
      draw_round_summary(ctx, min, max,
                         {.empty = "quiz.no_questions",
                          .title = "quiz.over",
                          .score = quiz.score(),
                          .out_of = quiz.size(),
                          .counts = with_number(ctx.str("quiz.right_count"), quiz.score()) + " · " +
                                    with_number(ctx.str("quiz.wrong_count"), quiz.wrong()),
                          .again = "quiz.again",
                          .start = Move::Kind::start_quiz,
                          .perfect = quiz.wrong() == 0,
                          .perfect_text = "quiz.perfect",
                          .review_heading = "quiz.review"});
  if (!review) return;

  // The questions answered wrongly, each with its right answer.
  const float pad = review->pad;
  const float rx = review->min.x, ry = review->min.y;
  // Every wrong answer, whole, in a list that scrolls when they do not all fit: a count of nine must
  // show nine. At title size: a class reads them from the back of the room.
  ImFont* font = ctx.fonts.title;
  const float mark = std::round(font->FontSize * 0.8f), indent = mark + l.px(14);
  ScrollArea list(ctx, "quiz.review", ImVec2(rx, ry), ImVec2(max.x - pad / 2, max.y - pad));
  const float lx = list.origin().x, lw = list.width() - l.px(12);
  float ly = list.origin().y;
  for (const QuizAnswer& a_ : quiz.answers()) {
    if (a_.right) continue;
    const QuizQuestion* q = question_at(ctx, a_.question);
    if (!q) continue;
    ly += paragraph(ctx, font, ImVec2(lx, ly), lw, t.text, ctx.tr(q->question)) + l.px(4);
    if (a_.right_choice >= 0 && a_.right_choice < static_cast<int>(q->choices.size())) {
      check_mark(canvas(), ImVec2(lx + mark / 2, ly + font->FontSize / 2), mark, kRight);
      ly += paragraph(
          ctx, font, ImVec2(lx + indent, ly), lw - indent, t.accent,
          labelled(ctx.str("quiz.answer_is"), ctx.tr(q->choices[static_cast<size_t>(a_.right_choice)])));
    }
    ly += l.px(28);
  }
  list.set_content_height(ly - list.origin().y);
}

}  // namespace

void draw_quiz(UiContext& ctx) {
  const Quiz& quiz = ctx.state.classroom.quiz;
  const float top = header(ctx, quiz);
  auto draw = [&] { draw_question(ctx, quiz, top); };  // the feedback shows on the question
  auto answer = [&](int choice) {
    ctx.play({Move::Kind::answer, {}, choice});  // a choice the question lacks is ignored
    return true;
  };
  run_round(ctx, {round_phase(quiz.phase()),
                  {Move::Kind::start_quiz, Move::Kind::next_question},
                  draw,
                  draw,
                  [&] { draw_summary(ctx, quiz, top); },
                  answer});
}

}  // namespace kiosk::ui
