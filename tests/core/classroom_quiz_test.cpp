// The classroom quiz: one question at a time, feedback with the explanation, the score, the
// summary and starting again.
#include <gtest/gtest.h>

#include "kiosk/core/classroom/classroom.hpp"

namespace kiosk::classroom {
namespace {

QuizQuestion question(const std::string& id, int choices, int answer) {
  QuizQuestion q;
  q.id = id;
  q.question = {id + "？", id + "?"};
  for (int i = 0; i < choices; ++i)
    q.choices.push_back({"选项" + std::to_string(i), "choice " + std::to_string(i)});
  q.answer = answer;
  q.explanation = {"因为", "because"};
  return q;
}

std::vector<QuizQuestion> questions() {
  return {question("a", 4, 3), question("b", 4, 1), question("c", 2, 0), question("d", 3, 2)};
}

int right_choice(const Quiz& quiz, const std::vector<QuizQuestion>& all) {
  EXPECT_GE(quiz.current_question(), 0) << "no question on screen";
  return quiz.current_question() < 0 ? -1 : all[static_cast<size_t>(quiz.current_question())].answer;
}

TEST(Quiz, AsksOneQuestionAtATime) {
  auto all = questions();
  Quiz quiz;
  quiz.start(all, 9);
  EXPECT_EQ(quiz.phase(), Quiz::Phase::asking);
  EXPECT_EQ(quiz.size(), 4);
  EXPECT_EQ(quiz.number(), 1);
  EXPECT_GE(quiz.current_question(), 0);
}

TEST(Quiz, RightAnswerScoresAndShowsFeedback) {
  auto all = questions();
  Quiz quiz;
  quiz.start(all, 9);
  const int q = quiz.current_question();
  quiz.answer(right_choice(quiz, all));
  EXPECT_EQ(quiz.phase(), Quiz::Phase::answered);
  EXPECT_EQ(quiz.score(), 1);
  EXPECT_EQ(quiz.current_question(), q) << "the feedback stays on the question just answered";
  ASSERT_NE(quiz.last(), nullptr);
  EXPECT_TRUE(quiz.last()->right);
}

TEST(Quiz, WrongAnswerShowsTheRightChoice) {
  auto all = questions();
  Quiz quiz;
  quiz.start(all, 9);
  const int right = right_choice(quiz, all);
  const int wrong = right == 0 ? 1 : 0;
  quiz.answer(wrong);
  EXPECT_EQ(quiz.score(), 0);
  EXPECT_EQ(quiz.wrong(), 1);
  ASSERT_NE(quiz.last(), nullptr);
  EXPECT_FALSE(quiz.last()->right);
  EXPECT_EQ(quiz.last()->chosen, wrong);
  EXPECT_EQ(quiz.last()->right_choice, right);
  quiz.answer(right);
  EXPECT_EQ(quiz.score(), 0) << "a question is answered once";
}

TEST(Quiz, AChoiceTheQuestionDoesNotHaveIsIgnored) {
  auto all = questions();
  Quiz quiz;
  quiz.start(all, 9);
  quiz.answer(7);
  quiz.answer(-1);
  EXPECT_EQ(quiz.phase(), Quiz::Phase::asking);
}

TEST(Quiz, EndsWithASummaryAndStartsAgain) {
  auto all = questions();
  Classroom room;
  ContentPack content;
  content.quiz = all;
  room.apply({Move::Kind::start_quiz}, content, 1'800'000'000, 0);
  Quiz& quiz = room.quiz;
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(quiz.number(), i + 1);
    const int right = right_choice(quiz, all);
    room.apply({Move::Kind::answer, {}, i == 2 ? (right + 1) % 2 : right}, content, 1'800'000'000, 0);
    room.apply({Move::Kind::next_question}, content, 1'800'000'000, 0);
  }
  EXPECT_EQ(quiz.phase(), Quiz::Phase::over);
  EXPECT_EQ(quiz.score(), 3);
  EXPECT_EQ(quiz.wrong(), 1);
  EXPECT_EQ(quiz.current_question(), -1);
  room.apply({Move::Kind::start_quiz}, content, 1'800'000'000, 0);
  EXPECT_EQ(quiz.phase(), Quiz::Phase::asking);
  EXPECT_EQ(quiz.score(), 0);
  EXPECT_TRUE(quiz.answers().empty());
}

TEST(Quiz, NextBeforeAnsweringDoesNothing) {
  auto all = questions();
  Quiz quiz;
  quiz.start(all, 9);
  const int q = quiz.current_question();
  quiz.next();
  EXPECT_EQ(quiz.current_question(), q);
  EXPECT_EQ(quiz.number(), 1);
}

TEST(Quiz, KeepsToTheQuestionsPerQuiz) {
  auto all = questions();
  Quiz quiz;
  quiz.start(all, 9, QuizRules{2});
  EXPECT_EQ(quiz.size(), 2);
}

TEST(Quiz, QuestionsWithABrokenAnswerAreLeftOut) {
  auto all = questions();
  all.push_back(question("broken", 3, 5));
  all.push_back(question("lonely", 1, 0));
  Quiz quiz;
  quiz.start(all, 9);
  EXPECT_EQ(quiz.size(), 4);
}

TEST(Quiz, NoQuestionsGoesStraightToTheEnd) {
  Quiz quiz;
  quiz.start({}, 9);
  EXPECT_EQ(quiz.phase(), Quiz::Phase::over);
  EXPECT_EQ(quiz.size(), 0);
}

}  // namespace
}  // namespace kiosk::classroom
