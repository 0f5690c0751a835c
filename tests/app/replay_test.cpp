// Replay scripts drive the kiosk headless through the same input path as real touches. Each
// script in tests/replay must pass; broken scripts fail with the line and what was seen.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
const std::string kContent = KIOSK_CONTENT_DIR;
const std::string kScripts = std::string(KIOSK_TEST_DATA) + "/replay";

class ReplayScript : public ::testing::TestWithParam<std::string> {};

TEST_P(ReplayScript, Passes) {
  TempDir out;
  CommandResult r =
      run_kiosk({"replay", kScripts + "/" + GetParam() + ".replay", "--out", out.path(), "--content",
                 kContent, "--size", "1280x800", "--now", "2026-11-28T10:00:00+08:00"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

INSTANTIATE_TEST_SUITE_P(Scripts, ReplayScript,
                         ::testing::Values("navigation", "swipe", "language", "keys", "map", "admin",
                                           "search", "search_english", "search_card", "search_nothing",
                                           "idle", "city_air", "plan", "chart", "stale", "intents"));

// Classroom mode's scripts run with --classroom (the game and the quiz are in the navigation).
class ClassroomReplayScript : public ::testing::TestWithParam<std::string> {};

TEST_P(ClassroomReplayScript, Passes) {
  TempDir out;
  CommandResult r =
      run_kiosk({"replay", kScripts + "/" + GetParam() + ".replay", "--out", out.path(), "--content",
                 kContent, "--size", "1280x800", "--now", "2026-11-28T10:00:00+08:00", "--classroom"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

INSTANTIATE_TEST_SUITE_P(Scripts, ClassroomReplayScript, ::testing::Values("game", "quiz"));

CommandResult replay_text(const std::string& script, const TempDir& dir,
                          const std::string& size = "1280x800") {
  std::ofstream(dir / "t.replay") << script;
  return run_kiosk({"replay", dir / "t.replay", "--out", dir / "out", "--content", kContent, "--size", size});
}

TEST(Replay, ShotWritesAPicture) {
  TempDir dir;
  CommandResult r = replay_text("tap \"空气\"\nshot air-after-tap\n", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/air-after-tap.png"));
}

TEST(Replay, FailedExpectationNamesTheLineAndWhatWasSeen) {
  TempDir dir;
  CommandResult r = replay_text("tap \"空气\"\nexpect screen water\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("t.replay:2: expected screen 'water', but the screen is 'air'"), std::string::npos)
      << r.err;
}

TEST(Replay, MissingIntentNamesWhatWasCarriedOut) {
  TempDir dir;
  CommandResult r = replay_text("tap \"空气\"\nexpect intent select_station\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("t.replay:2: expected intent 'select_station', but the intents carried out since the "
                       "last one expected were: go_to air"),
            std::string::npos)
      << r.err;
  r = replay_text("expect intent fly\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("t.replay:1: expect intent: 'fly' is not an intent (go_to, "), std::string::npos)
      << r.err;
}

TEST(Replay, UnknownLabelListsWhatIsTappable) {
  TempDir dir;
  CommandResult r = replay_text("tap \"Nowhere\"\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(
      r.err.find("t.replay:1: tap \"Nowhere\": nothing tappable is labelled so on screen 'home'; tappable: "),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("\"空气\""), std::string::npos) << r.err;
}

TEST(Replay, MissingTextSaysWhatIsVisible) {
  TempDir dir;
  CommandResult r = replay_text("expect text \"Weather forecast\"\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("t.replay:1: expected text \"Weather forecast\" is not on screen 'home'; visible: "),
            std::string::npos)
      << r.err;
}

TEST(Replay, MalformedLineStopsBeforeRunning) {
  TempDir dir;
  CommandResult r = replay_text("tap \"空气\"\nfly away\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("t.replay:2: unknown action 'fly'"), std::string::npos) << r.err;
}

TEST(Replay, TapAtCoordinatesUsesTheSamePathAsAFinger) {
  TempDir dir;
  // The navigation bar spans the bottom; "Air" is the second of six items at 1280x800.
  CommandResult r = replay_text("tap 320 760\nexpect screen air\n", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Replay, TypeNeedsTheOnScreenKeyboard) {
  TempDir dir;
  CommandResult r = replay_text("type kqsp\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("t.replay:1: type: there is no on-screen keyboard on screen 'home'"),
            std::string::npos)
      << r.err;
}

TEST(Replay, TypeSaysWhichCharacterHasNoKey) {
  TempDir dir;
  CommandResult r = replay_text("tap \"垃圾分类\"\ntype kq矿\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("t.replay:2: type: the on-screen keyboard has no key for '矿'"), std::string::npos)
      << r.err;
}

TEST(Replay, ADragThatEndsOnAButtonDoesNotPressIt) {
  TempDir dir;
  // Start on "Air" in the navigation, drag sideways (too short for a swipe) and lift: no tap fires.
  CommandResult r = replay_text("drag 320 760 440 760 400\nexpect screen home\n", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Classroom, APublicKioskShowsNoGameOrQuiz) {
  TempDir dir;
  CommandResult r = replay_text("tap \"分类游戏\"\n", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing tappable is labelled so"), std::string::npos) << r.err;
  r = replay_text("tap \"知识问答\"\n", dir);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Classroom, RenderingTheGameAsksForClassroomMode) {
  TempDir dir;
  CommandResult r = run_kiosk(
      {"render", "--out", dir / "out", "--content", kContent, "--size", "800x480", "--screen", "quiz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("--screen 'quiz' is shown in classroom mode only; add --classroom"), std::string::npos)
      << r.err;
  r = run_kiosk({"render", "--out", dir / "out", "--content", kContent, "--size", "800x480", "--screen",
                 "quiz", "--classroom"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/quiz.png"));
}

}  // namespace
}  // namespace kiosk::test
