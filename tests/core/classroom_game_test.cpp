// The classroom sorting game: rounds, scoring, the explanation after a mistake, the round's
// clock and the teacher's reset, on times passed in by hand.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/core/classroom/classroom.hpp"
#include "kiosk/core/classroom/shuffle.hpp"

namespace kiosk::classroom {
namespace {

const std::vector<std::string> kBins = {"recyclable", "hazardous", "kitchen", "other"};

WasteItem item(const std::string& id, const std::string& category) {
  WasteItem w;
  w.id = id;
  w.name = {id, id};
  w.category = category;
  w.tip = {"提示 " + id, "tip " + id};
  return w;
}

std::vector<WasteItem> items() {
  return {item("newspaper", "recyclable"), item("bottle", "recyclable"),  item("can", "recyclable"),
          item("battery", "hazardous"),    item("medicine", "hazardous"), item("peel", "kitchen"),
          item("leftovers", "kitchen"),    item("fish-bone", "kitchen"),  item("tissue", "other"),
          item("shell", "other"),          item("ceramic", "other"),      item("cigarette", "other")};
}

// The bin the waiting item belongs in, and one it does not.
std::string right_bin(const SortingGame& g, const std::vector<WasteItem>& all) {
  EXPECT_GE(g.current_item(), 0) << "no item waits to be sorted";
  return g.current_item() < 0 ? std::string() : all[static_cast<size_t>(g.current_item())].category;
}
std::string wrong_bin(const SortingGame& g, const std::vector<WasteItem>& all) {
  return right_bin(g, all) == "other" ? "kitchen" : "other";
}

class Game : public ::testing::Test {
 protected:
  void SetUp() override { game.start(all, kBins, 42, 0.0, rules); }
  std::vector<WasteItem> all = items();
  GameRules rules{5, 60};
  SortingGame game;
};

TEST_F(Game, ARoundStartsWithAnItemWaitingAndTheFullTime) {
  EXPECT_EQ(game.phase(), SortingGame::Phase::playing);
  EXPECT_EQ(game.round_size(), 5);
  EXPECT_GE(game.current_item(), 0);
  EXPECT_EQ(game.score(), 0);
  EXPECT_DOUBLE_EQ(game.seconds_left(), 60);
}

TEST_F(Game, RightBinScoresAPoint) {
  const int first = game.current_item();
  game.sort(right_bin(game, all), 3.0);
  EXPECT_EQ(game.score(), 1);
  EXPECT_EQ(game.right(), 1);
  EXPECT_EQ(game.wrong(), 0);
  EXPECT_EQ(game.phase(), SortingGame::Phase::playing);
  EXPECT_NE(game.current_item(), first);  // straight on to the next item
  ASSERT_NE(game.last(), nullptr);
  EXPECT_TRUE(game.last()->right);
}

TEST_F(Game, WrongBinShowsTheTip) {
  const int first = game.current_item();
  const std::string wrong = wrong_bin(game, all);
  game.sort(wrong, 3.0);
  EXPECT_EQ(game.score(), 0);
  EXPECT_EQ(game.wrong(), 1);
  EXPECT_EQ(game.phase(), SortingGame::Phase::explaining);
  ASSERT_NE(game.last(), nullptr);
  // The explanation names the item (whose tip the screen shows), the right bin and the bin chosen.
  EXPECT_EQ(game.last()->item, first);
  EXPECT_EQ(game.last()->right_bin, all[static_cast<size_t>(first)].category);
  EXPECT_EQ(game.last()->chosen, wrong);
  EXPECT_EQ(game.current_item(), -1);  // nothing to sort until the player carries on
  game.sort("recyclable", 4.0);
  EXPECT_EQ(game.position(), 1) << "sorting during the explanation is ignored";
  game.next(5.0);
  EXPECT_EQ(game.phase(), SortingGame::Phase::playing);
  EXPECT_GE(game.current_item(), 0);
}

TEST_F(Game, TheClockStopsWhileAMistakeIsExplained) {
  game.sort(wrong_bin(game, all), 10.0);  // 50 s left
  game.tick(40.0);                        // half a minute reading the tip
  EXPECT_DOUBLE_EQ(game.seconds_left(), 50);
  game.next(40.0);
  game.tick(45.0);
  EXPECT_DOUBLE_EQ(game.seconds_left(), 45);
}

TEST_F(Game, RoundEndsWhenTimeIsUp) {
  game.sort(right_bin(game, all), 5.0);
  game.tick(59.5);
  EXPECT_EQ(game.phase(), SortingGame::Phase::playing);
  EXPECT_TRUE(game.due(60.0));
  game.tick(60.0);
  EXPECT_EQ(game.phase(), SortingGame::Phase::over);
  EXPECT_TRUE(game.time_up());
  EXPECT_DOUBLE_EQ(game.seconds_left(), 0);
  EXPECT_EQ(game.score(), 1);
  EXPECT_EQ(game.unsorted(), 4);
  game.sort("kitchen", 61.0);  // no item waits any more
  EXPECT_EQ(game.score(), 1);
}

TEST_F(Game, ALateSortDoesNotCountAfterTheTimeRanOut) {
  // No frame ticked at the deadline (a busy display): the sort at 70 s still finds the time up.
  game.sort(right_bin(game, all), 70.0);
  EXPECT_EQ(game.phase(), SortingGame::Phase::over);
  EXPECT_EQ(game.score(), 0);
}

TEST_F(Game, RoundEndsWhenEveryItemIsSorted) {
  for (int i = 0; i < 5; ++i) {
    if (i % 2 == 0) {
      game.sort(right_bin(game, all), i + 1.0);
    } else {
      game.sort(wrong_bin(game, all), i + 1.0);
      game.next(i + 1.5);
    }
  }
  EXPECT_EQ(game.phase(), SortingGame::Phase::over);
  EXPECT_FALSE(game.time_up());
  EXPECT_EQ(game.score(), 3);
  EXPECT_EQ(game.wrong(), 2);
  EXPECT_EQ(game.unsorted(), 0);
  // The summary's items to review are the two mistakes, in the order they came.
  ASSERT_EQ(game.mistakes().size(), 2u);
  EXPECT_EQ(game.mistakes()[0].item, game.answers()[1].item);
  EXPECT_EQ(game.mistakes()[1].item, game.answers()[3].item);
}

TEST_F(Game, AMistakeOnTheLastItemIsExplainedBeforeTheSummary) {
  for (int i = 0; i < 4; ++i) game.sort(right_bin(game, all), 1.0);
  game.sort(wrong_bin(game, all), 2.0);
  EXPECT_EQ(game.phase(), SortingGame::Phase::explaining);
  game.next(3.0);
  EXPECT_EQ(game.phase(), SortingGame::Phase::over);
}

TEST_F(Game, TheCountdownAsksForAFrameOncePerSecond) {
  game.tick(0.2);
  EXPECT_FALSE(game.due(0.5));  // still "1:00" on screen
  EXPECT_TRUE(game.due(1.1));   // "0:59"
  game.tick(1.1);
  EXPECT_FALSE(game.due(1.9));
  game.sort(wrong_bin(game, all), 2.0);
  EXPECT_FALSE(game.due(30.0)) << "a stopped clock needs no frames";
}

TEST_F(Game, EveryBinComesUpInARound) {
  for (std::uint64_t seed = 1; seed < 30; ++seed) {
    game.start(all, kBins, seed, 0.0, rules);
    std::set<std::string> bins;
    while (game.phase() != SortingGame::Phase::over) {
      bins.insert(right_bin(game, all));
      game.sort(right_bin(game, all), 1.0);
    }
    EXPECT_EQ(bins.size(), 4u) << "seed " << seed;
  }
}

TEST_F(Game, TheSameSeedGivesTheSameRoundAndAnotherSeedAnother) {
  auto order = [&](std::uint64_t seed) {
    SortingGame g;
    g.start(all, kBins, seed, 0.0, GameRules{12, 60});
    std::vector<int> out;
    while (g.phase() == SortingGame::Phase::playing) {
      out.push_back(g.current_item());
      g.sort(right_bin(g, all), 1.0);
    }
    return out;
  };
  EXPECT_EQ(order(7), order(7));
  EXPECT_NE(order(7), order(8));
  std::vector<int> sorted = order(7);
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})) << "each item exactly once";
}

TEST_F(Game, ItemsOfAnUnknownCategoryStayOut) {
  all.push_back(item("mystery", "bulky"));
  game.start(all, kBins, 3, 0.0, GameRules{20, 60});
  EXPECT_EQ(game.round_size(), 12);
}

TEST_F(Game, NoItemsMeansNoRound) {
  game.start({}, kBins, 3, 0.0, rules);
  EXPECT_EQ(game.phase(), SortingGame::Phase::over);
  EXPECT_EQ(game.round_size(), 0);
  EXPECT_EQ(game.current_item(), -1);
}

TEST(Classroom, TeacherResetStartsAFreshRound) {
  ContentPack content;
  for (const char* bin : {"recyclable", "hazardous", "kitchen", "other"})
    content.waste_categories.push_back({bin, {}, {}, "#000000", {}});
  content.waste_items = items();
  Classroom room;
  room.apply({Move::Kind::start_game}, content, 1'800'000'000, 0.0);
  const auto& all = content.waste_items;
  room.apply({Move::Kind::sort, right_bin(room.game, all)}, content, 1'800'000'010, 10.0);
  room.apply({Move::Kind::sort, wrong_bin(room.game, all)}, content, 1'800'000'020, 20.0);
  ASSERT_EQ(room.game.position(), 2);
  std::vector<int> before;
  for (const SortAnswer& a : room.game.answers()) before.push_back(a.item);

  room.apply({Move::Kind::start_game}, content, 1'800'000'020, 20.0);  // the same second
  EXPECT_EQ(room.game.phase(), SortingGame::Phase::playing);
  EXPECT_EQ(room.game.score(), 0);
  EXPECT_EQ(room.game.position(), 0);
  EXPECT_TRUE(room.game.mistakes().empty());
  EXPECT_DOUBLE_EQ(room.game.seconds_left(), room.game_rules.round_seconds);
  std::vector<int> after;
  while (room.game.phase() == SortingGame::Phase::playing && after.size() < 2) {
    after.push_back(room.game.current_item());
    room.apply({Move::Kind::sort, right_bin(room.game, all)}, content, 1'800'000'021, 21.0);
  }
  EXPECT_NE(after, before) << "a fresh round draws its items anew";
}

TEST(Shuffle, BelowStaysInRangeAndReachesEveryValue) {
  SeededRandom r(1);
  std::set<std::size_t> seen;
  for (int i = 0; i < 200; ++i) {
    std::size_t v = r.below(6);
    ASSERT_LT(v, 6u);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 6u);
}

}  // namespace
}  // namespace kiosk::classroom
