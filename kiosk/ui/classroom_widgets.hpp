// What the classroom sorting game and quiz share on screen: the right/wrong colours, the keys of a
// round (R starts again, a digit picks, Enter goes on) and the summary card at its end.
#pragma once
#include <functional>
#include <optional>
#include <string>

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

// A finished round as its summary card shows it. The const char* are string keys; `again` is the
// play-again button's id too.
struct RoundSummary {
  const char* empty = "";  // shown instead of the card when the round had nothing in it
  const char* title = "";
  int score = 0, out_of = 0;
  std::string counts;  // "3 right · 7 wrong", already filled in
  const char* again = "";
  classroom::Move::Kind start = classroom::Move::Kind::start_game;
  bool perfect = false;  // nothing to review
  const char* perfect_text = "";
  const char* review_heading = "";
};

// Where a screen lists what to review: from `min`, under the heading, to the card's edge less `pad`
// (a scroll bar may sit in the padding).
struct ReviewArea {
  ImVec2 min;
  float pad = 0;
};

// The summary card between `min` and `max`: on the left the title, the score, the counts and the
// button that plays again; on the right a check and the perfect text, or the review heading. Returns
// where the screen's own review list goes, or nothing when there is none to draw (no items, perfect).
std::optional<ReviewArea> draw_round_summary(UiContext& ctx, ImVec2 min, ImVec2 max,
                                             const RoundSummary& summary);

// Draws the round's phase and reads its keys: R starts again, a digit picks, Enter goes on from the
// feedback or starts again once over. A round not started yet starts now (the screen just opened);
// then nothing is drawn and it returns false.
bool run_round(UiContext& ctx, const Round& round);

}  // namespace kiosk::ui
