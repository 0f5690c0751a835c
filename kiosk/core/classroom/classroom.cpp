#include "kiosk/core/classroom/classroom.hpp"

#include "kiosk/core/classroom/shuffle.hpp"

namespace kiosk::classroom {

void Classroom::apply(const Move& move, const ContentPack& content, long long wall, double now) {
  switch (move.kind) {
    case Move::Kind::start_game: {
      std::vector<std::string> bins;
      for (const WasteCategory& c : content.waste_categories) bins.push_back(c.id);
      game.start(content.waste_items, bins, round_seed(wall, started++), now, game_rules);
      break;
    }
    case Move::Kind::sort:
      game.sort(move.bin, now);
      break;
    case Move::Kind::next_item:
      game.next(now);
      break;
    case Move::Kind::start_quiz:
      quiz.start(content.quiz, round_seed(wall, started++), quiz_rules);
      break;
    case Move::Kind::answer:
      quiz.answer(move.choice);
      break;
    case Move::Kind::next_question:
      quiz.next();
      break;
  }
}

}  // namespace kiosk::classroom
