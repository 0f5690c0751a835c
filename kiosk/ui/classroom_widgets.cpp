// The classroom round's shared phase switch, keys and summary card (see classroom_widgets.hpp).
#include "kiosk/ui/classroom_widgets.hpp"

#include <algorithm>

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

void round_keys(UiContext& ctx, const Round& round) {
  for (char c : ctx.typed) {
    if (c == 'r' || c == 'R') {
      ctx.play({round.moves.start});
      return;
    }
    if (round.phase == RoundPhase::waiting && c >= '1' && c <= '9' && round.pick(c - '1')) return;
  }
  if (ctx.enter && round.phase == RoundPhase::feedback) ctx.play({round.moves.next});
  if (ctx.enter && round.phase == RoundPhase::over) ctx.play({round.moves.start});
}

}  // namespace

float restart_button(UiContext& ctx, const char* key, classroom::Move::Kind start, float height) {
  const Layout& l = ctx.layout;
  const std::string& label = ctx.str(key);
  const float w = std::max(measure(ctx.fonts.large, label).x + l.px(64), l.px(240));
  const ImVec2 min(l.content_max.x - w, l.content_min.y), max(l.content_max.x, l.content_min.y + height);
  if (button(ctx, key, label, min, max)) ctx.play({start});
  return min.x;
}

std::optional<ReviewArea> draw_round_summary(UiContext& ctx, ImVec2 min, ImVec2 max,
                                             const RoundSummary& summary) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  if (summary.out_of == 0) {
    paragraph(ctx, ctx.fonts.large, min, max.x - min.x, t.text_muted, ctx.str(summary.empty));
    return std::nullopt;
  }
  card(ctx, min, max, t.surface);
  const float pad = l.px(36);
  const float left_w = std::min(l.px(560), (max.x - min.x) * 0.42f);
  const float x = min.x + pad;
  float y = min.y + pad;
  const std::string& title = ctx.str(summary.title);
  const std::string score = std::to_string(summary.score) + " / " + std::to_string(summary.out_of);
  const float bh = l.px(84);
  ImFont* big = max.y - min.y > l.px(520) ? ctx.fonts.huge : ctx.fonts.title;
  const float title_w = measure(ctx.fonts.title, title).x, gap = l.px(24);
  // A short card (the 7-inch screen) puts the score beside the title, so the counts keep two whole
  // lines above the button instead of losing the second behind it.
  const float counts_h = ctx.fonts.large->FontSize * 2.6f;
  const bool beside = big == ctx.fonts.title &&
                      y + 2 * big->FontSize + l.px(28) + counts_h > max.y - pad - bh &&
                      title_w + gap + measure(big, score).x <= left_w - pad;
  if (beside) {
    text(ctx, ctx.fonts.title, ImVec2(x, y), t.text, title);
    text(ctx, big, ImVec2(x + title_w + gap, y), t.accent, score);
    y += big->FontSize + l.px(16);
  } else {
    text_fit(ctx, ctx.fonts.title, ImVec2(x, y), left_w - pad, t.text, title);
    y += ctx.fonts.title->FontSize + l.px(16);
    text(ctx, big, ImVec2(x, y), t.accent, score);
    y += big->FontSize + l.px(12);
  }
  paragraph(ctx, ctx.fonts.large, ImVec2(x, y), left_w - pad, t.text, summary.counts, 2);

  const std::string& again = ctx.str(summary.again);
  const float bw = std::min(left_w - pad, std::max(l.px(300), measure(ctx.fonts.large, again).x + l.px(80)));
  if (button(ctx, summary.again, again, ImVec2(x, max.y - pad - bh), ImVec2(x + bw, max.y - pad),
             ButtonStyle::primary))
    ctx.play({summary.start});

  const float rx = min.x + left_w + pad;
  float ry = min.y + pad;
  canvas()->AddLine(ImVec2(rx - pad / 2, min.y + pad), ImVec2(rx - pad / 2, max.y - pad), t.border, l.px(2));
  if (summary.perfect) {
    check_mark(canvas(), ImVec2(rx + l.px(24), ry + ctx.fonts.large->FontSize / 2), l.px(40), kRight);
    text(ctx, ctx.fonts.large, ImVec2(rx + l.px(56), ry), t.text, ctx.str(summary.perfect_text));
    return std::nullopt;
  }
  text(ctx, ctx.fonts.large, ImVec2(rx, ry), t.text, ctx.str(summary.review_heading));
  ry += ctx.fonts.large->FontSize + l.px(18);
  return ReviewArea{ImVec2(rx, ry), pad};
}

bool run_round(UiContext& ctx, const Round& round) {
  switch (round.phase) {
    case RoundPhase::not_started:
      ctx.play({round.moves.start});
      return false;
    case RoundPhase::waiting:
      round.draw_waiting();
      break;
    case RoundPhase::feedback:
      round.draw_feedback();
      break;
    case RoundPhase::over:
      round.draw_over();
      break;
  }
  round_keys(ctx, round);
  return true;
}

}  // namespace kiosk::ui
