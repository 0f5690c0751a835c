#include "kiosk/core/classroom/quiz.hpp"

#include <algorithm>

#include "kiosk/core/classroom/shuffle.hpp"

namespace kiosk::classroom {

void Quiz::start(const std::vector<QuizQuestion>& questions, std::uint64_t seed, const QuizRules& rules) {
  order_.clear();
  answers_.clear();
  for (size_t i = 0; i < questions.size(); ++i) {
    const QuizQuestion& q = questions[i];
    const int n = static_cast<int>(q.choices.size());
    if (n >= 2 && q.answer >= 0 && q.answer < n) order_.push_back({static_cast<int>(i), q.answer, n});
  }
  SeededRandom random(seed);
  shuffle(order_, random);
  if (order_.size() > static_cast<size_t>(std::max(0, rules.questions_per_quiz)))
    order_.resize(static_cast<size_t>(std::max(0, rules.questions_per_quiz)));
  phase_ = order_.empty() ? Phase::over : Phase::asking;
}

void Quiz::answer(int choice) {
  if (phase_ != Phase::asking) return;
  const Asked& q = order_[answers_.size()];
  if (choice < 0 || choice >= q.choices) return;
  answers_.push_back({q.question, choice, q.answer, choice == q.answer});
  phase_ = Phase::answered;
}

void Quiz::next() {
  if (phase_ != Phase::answered) return;
  phase_ = answers_.size() == order_.size() ? Phase::over : Phase::asking;
}

int Quiz::current_question() const {
  if (phase_ == Phase::asking) return order_[answers_.size()].question;
  if (phase_ == Phase::answered) return answers_.back().question;
  return -1;
}

int Quiz::number() const {
  if (phase_ == Phase::asking) return static_cast<int>(answers_.size()) + 1;
  if (phase_ == Phase::answered) return static_cast<int>(answers_.size());
  return 0;
}

int Quiz::score() const {
  return static_cast<int>(
      std::count_if(answers_.begin(), answers_.end(), [](const QuizAnswer& a) { return a.right; }));
}

}  // namespace kiosk::classroom
