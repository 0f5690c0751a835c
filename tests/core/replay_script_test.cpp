// The replay language: every action parses, and a bad line is refused with its line number.
#include <gtest/gtest.h>

#include "kiosk/core/replay_script.hpp"

namespace kiosk {
namespace {

using K = ReplayStep::Kind;

TEST(ReplayScript, ParsesEveryAction) {
  ReplayScript s = parse_replay(
      "# a comment\n"
      "tap 10 20\n"
      "tap \"空气\"\n"
      "swipe left\n"
      "drag 1 2 3 4 250\n"
      "type kqsp\n"
      "key escape\n"
      "wait 2.5s\n"
      "shot home-zh\n"
      "expect screen air\n"
      "expect text \"PM2.5 \\\"x\\\"\"  # trailing comment\n");
  ASSERT_EQ(s.error, "");
  ASSERT_EQ(s.steps.size(), 10u);
  EXPECT_EQ(s.steps[0].kind, K::tap_at);
  EXPECT_EQ(s.steps[0].line, 2);
  EXPECT_FLOAT_EQ(s.steps[0].y1, 20);
  EXPECT_EQ(s.steps[1].kind, K::tap_label);
  EXPECT_EQ(s.steps[1].text, "空气");
  EXPECT_EQ(s.steps[2].text, "left");
  EXPECT_DOUBLE_EQ(s.steps[3].seconds, 0.25);
  EXPECT_EQ(s.steps[4].text, "kqsp");
  EXPECT_DOUBLE_EQ(s.steps[6].seconds, 2.5);
  EXPECT_EQ(s.steps[7].text, "home-zh");
  EXPECT_EQ(s.steps[8].kind, K::expect_screen);
  EXPECT_EQ(s.steps[9].text, "PM2.5 \"x\"");
}

TEST(ReplayScript, ExpectIntentTakesANameOrANameWithItsPayload) {
  const ReplayScript s =
      parse_replay("expect intent select_station\nexpect intent \"set_air_view list 7d\"\n");
  ASSERT_EQ(s.error, "");
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].kind, ReplayStep::Kind::expect_intent);
  EXPECT_EQ(s.steps[0].text, "select_station");
  EXPECT_EQ(s.steps[1].text, "set_air_view list 7d");
}

TEST(ReplayScript, WaitAcceptsUnits) {
  EXPECT_DOUBLE_EQ(parse_replay("wait 300ms").steps.at(0).seconds, 0.3);
  EXPECT_DOUBLE_EQ(parse_replay("wait 2m").steps.at(0).seconds, 120);
  EXPECT_DOUBLE_EQ(parse_replay("wait 4").steps.at(0).seconds, 4);
}

TEST(ReplayScript, BadLinesAreRefusedWithTheirLineNumber) {
  EXPECT_EQ(parse_replay("tap 1 2\njump 3\n").error,
            "2: unknown action 'jump' (tap, swipe, drag, type, key, wait, shot, expect)");
  EXPECT_EQ(parse_replay("swipe sideways").error, "1: swipe needs left, right, up or down");
  EXPECT_EQ(parse_replay("tap \"unclosed").error, "1: a quoted text is not closed with \"");
  EXPECT_EQ(parse_replay("tap ten 20").error, "1: tap needs X Y or a quoted \"LABEL\"");
  EXPECT_EQ(parse_replay("wait soon").error, "1: wait needs a duration such as 2.5s, 300ms or 1m");
  EXPECT_EQ(parse_replay("shot ../evil").error,
            "1: shot needs a file name made of letters, digits, '-', '_' and '.'");
  EXPECT_EQ(parse_replay("key f13").error,
            "1: unknown key 'f13' (known: escape, left, right, backspace, enter, a letter or a digit)");
  EXPECT_EQ(parse_replay("expect text unquoted").error,
            "1: expect needs 'screen NAME', 'text \"TEXT\"' or 'intent NAME'");
  EXPECT_EQ(parse_replay("drag 1 2 3").error, "1: drag needs X1 Y1 X2 Y2 MS");
}

TEST(ReplayScript, BlankLinesAndCommentsAreIgnored) {
  ReplayScript s = parse_replay("\n   \n# only a comment\n\ttap 1 1\n");
  ASSERT_EQ(s.error, "");
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].line, 4);
}

}  // namespace
}  // namespace kiosk
