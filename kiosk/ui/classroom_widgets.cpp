// The classroom round's shared phase switch and keys (see classroom_widgets.hpp).
#include "kiosk/ui/classroom_widgets.hpp"

#include <algorithm>

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
