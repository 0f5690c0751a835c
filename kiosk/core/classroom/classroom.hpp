// Classroom mode's state as the app keeps it between frames: the sorting game and the quiz, and
// the moves screens ask for (as intents) that change them.
#pragma once
#include <string>

#include "kiosk/core/classroom/game.hpp"
#include "kiosk/core/classroom/quiz.hpp"
#include "kiosk/core/content/content_pack.hpp"

namespace kiosk::classroom {

struct Move {
  enum class Kind {
    start_game,     // a fresh round (also the teacher's reset)
    sort,           // `bin`: where the current item goes
    next_item,      // carry on after a mistake was explained
    start_quiz,     // a fresh quiz (also "start again")
    answer,         // `choice`: index into the question's choices
    next_question,  // after the feedback
  };
  Kind kind = Kind::start_game;
  std::string bin;
  int choice = -1;
};

struct Classroom {
  SortingGame game;
  Quiz quiz;
  GameRules game_rules;
  QuizRules quiz_rules;
  int started = 0;  // rounds and quizzes started, so each gets its own order

  // `wall` (seconds since the epoch) seeds new rounds: a real classroom gets a new order each
  // time, a replay with a fixed --now the same one. `now` is monotonic seconds for the timer.
  void apply(const Move& move, const ContentPack& content, long long wall, double now);
  void tick(double now) { game.tick(now); }
  bool due(double now) const { return game.due(now); }
};

}  // namespace kiosk::classroom
