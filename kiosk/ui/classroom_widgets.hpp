// What the classroom sorting game and quiz share on screen: the right/wrong colours and the keys of a
// round (R starts again, a digit picks, Enter goes on).
#pragma once
#include <functional>

#include <imgui.h>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// Right and wrong, each always with its mark too (check_mark, cross_mark): never colour alone. Marks,
// strips and fills only (white text on them reads at 5:1 or more); other text stays in the theme's ink.
constexpr ImU32 kRight = IM_COL32(46, 125, 50, 255);
constexpr ImU32 kWrong = IM_COL32(176, 40, 40, 255);

// Where a round is, for the keys: the game and the quiz each map their phases onto it.
enum class RoundPhase { not_started, waiting, feedback, over };

// The game's and the quiz's own Phase list theirs in RoundPhase's order.
template <typename Phase>
constexpr RoundPhase round_phase(Phase p) {
  static_assert(static_cast<int>(Phase::over) == static_cast<int>(RoundPhase::over));
  return static_cast<RoundPhase>(p);
}

struct RoundMoves {
  classroom::Move::Kind start;  // R, and Enter once the round is over
  classroom::Move::Kind next;   // Enter while the feedback shows
};

// The button that starts a round again, at the top right of its header, `height` tall; `key` is its
// string and its id. Returns its left edge.
float restart_button(UiContext& ctx, const char* key, classroom::Move::Kind start, float height);

// One frame of a round, as the game or the quiz describes it.
struct Round {
  RoundPhase phase = RoundPhase::not_started;
  RoundMoves moves;
  std::function<void()> draw_waiting, draw_feedback, draw_over;
  // A digit 1-9 typed while waiting, as 0-8; says whether the digit meant something now.
  std::function<bool(int)> pick;
};

// Draws the round's phase and reads its keys: R starts again, a digit picks, Enter goes on from the
// feedback or starts again once over. A round not started yet starts now (the screen just opened);
// then nothing is drawn and it returns false.
bool run_round(UiContext& ctx, const Round& round);

}  // namespace kiosk::ui
