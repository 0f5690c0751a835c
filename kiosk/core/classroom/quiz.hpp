// The classroom quiz: questions from the content, one at a time, each answered once with
// immediate feedback, a score and a summary at the end. Pure logic, tested without a window.
#pragma once
#include <cstdint>
#include <vector>

#include "kiosk/core/content/content_pack.hpp"

namespace kiosk::classroom {

struct QuizRules {
  int questions_per_quiz = 10;  // fewer when the content has fewer questions
};

struct QuizAnswer {
  int question = -1;  // index into ContentPack::quiz
  int chosen = -1;    // index into the question's choices
  int right_choice = -1;
  bool right = false;
};

class Quiz {
 public:
  enum class Phase {
    not_started,
    asking,    // the current question waits for an answer
    answered,  // feedback and the explanation show until next()
    over,      // the summary
  };

  // A fresh quiz in an order set by `seed`, forgetting any earlier one. Questions without a
  // valid answer are left out.
  void start(const std::vector<QuizQuestion>& questions, std::uint64_t seed, const QuizRules& rules = {});
  // Ignored unless asking, and for a choice the question does not have.
  void answer(int choice);
  void next();

  Phase phase() const { return phase_; }
  // Index into the content's questions of the question on screen (asked or just answered); -1 when none.
  int current_question() const;
  int number() const;  // 1-based number of the question on screen
  int size() const { return static_cast<int>(order_.size()); }
  int score() const;  // a point for each right answer
  int wrong() const { return static_cast<int>(answers_.size()) - score(); }
  const std::vector<QuizAnswer>& answers() const { return answers_; }
  const QuizAnswer* last() const { return answers_.empty() ? nullptr : &answers_.back(); }

 private:
  struct Asked {
    int question = -1;
    int answer = 0;
    int choices = 0;
  };
  std::vector<Asked> order_;
  std::vector<QuizAnswer> answers_;
  Phase phase_ = Phase::not_started;
};

}  // namespace kiosk::classroom
