// Swipes versus taps, and the small parsers for sizes, durations and times.
#include <gtest/gtest.h>

#include "kiosk/core/gesture.hpp"
#include "kiosk/core/parse_util.hpp"
#include "kiosk/core/time_parse.hpp"

namespace kiosk {
namespace {

TEST(Gesture, QuickLongHorizontalMoveIsASwipe) {
  EXPECT_EQ(classify_swipe(-900, 20, 0.25f, 1920, 1080), Swipe::left);
  EXPECT_EQ(classify_swipe(900, -10, 0.25f, 1920, 1080), Swipe::right);
}

TEST(Gesture, ShortOrSlowOrDiagonalMoveIsNotASwipe) {
  EXPECT_EQ(classify_swipe(-60, 0, 0.1f, 1920, 1080), Swipe::none);     // too short
  EXPECT_EQ(classify_swipe(-900, 0, 2.0f, 1920, 1080), Swipe::none);    // too slow
  EXPECT_EQ(classify_swipe(-500, 450, 0.3f, 1920, 1080), Swipe::none);  // no clear direction
}

TEST(Gesture, VerticalSwipesAreRecognised) {
  EXPECT_EQ(classify_swipe(0, -500, 0.3f, 1920, 1080), Swipe::up);
}

TEST(Gesture, SmallWobbleStillCountsAsATap) {
  EXPECT_FALSE(moved_beyond_tap(5, 5, 24));
  EXPECT_TRUE(moved_beyond_tap(30, 0, 24));
}

TEST(ParseSize, AcceptsWidthByHeight) {
  auto s = parse_size("800x480");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->width, 800);
  EXPECT_EQ(s->height, 480);
}

TEST(ParseSize, RefusesZeroGarbageAndAbsurd) {
  EXPECT_FALSE(parse_size("0x0"));
  EXPECT_FALSE(parse_size("abc"));
  EXPECT_FALSE(parse_size("1920x"));
  EXPECT_FALSE(parse_size("1920x1080x3"));
  EXPECT_FALSE(parse_size("-1920x1080"));
  EXPECT_FALSE(parse_size("100000x100000"));
}

TEST(ParseInstant, HonoursTheOffset) {
  EXPECT_EQ(parse_instant("2026-03-01T00:00:00+08:00"), 1772294400);
  EXPECT_EQ(parse_instant("2026-02-28T16:00:00Z"), 1772294400);
  EXPECT_EQ(parse_instant("2026-02-28T16:00:00.250Z"), 1772294400);
}

TEST(ParseInstant, DatesAfter2038Work) {
  EXPECT_EQ(parse_instant("2040-01-01T00:00:00Z"), 2208988800LL);
}

TEST(ParseInstant, RefusesTimesWithoutZone) {
  EXPECT_FALSE(parse_instant("2026-03-01T00:00:00"));
  EXPECT_FALSE(parse_instant("yesterday"));
}

}  // namespace
}  // namespace kiosk
