// Idle reset, attract mode, sleep outside the schedule, and alerts, on a simulated clock.
#include <gtest/gtest.h>

#include "kiosk/core/attention.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/core/time_parse.hpp"

namespace kiosk {
namespace {

TEST(Attention, IdleResetComesOnceAfterTheIdleTime) {
  AttentionState a(0, {60, 20});
  EXPECT_FALSE(a.tick(59, true, false).reset);
  EXPECT_TRUE(a.tick(60, true, false).reset);
  EXPECT_FALSE(a.tick(61, true, false).reset);
  EXPECT_EQ(a.state(), Attention::active);
}

TEST(Attention, AttractRotatesScreensAfterTheResetAndEveryAttractPeriod) {
  AttentionState a(0, {60, 20});
  a.tick(60, true, false);
  auto s = a.tick(80, true, false);
  EXPECT_EQ(a.state(), Attention::attract);
  EXPECT_TRUE(s.next_screen);
  EXPECT_FALSE(a.tick(99, true, false).next_screen);
  EXPECT_TRUE(a.tick(100, true, false).next_screen);
}

TEST(Attention, FirstTouchInAttractIsSwallowedTheNextIsNot) {
  AttentionState a(0, {60, 20});
  a.tick(60, true, false);
  a.tick(80, true, false);
  EXPECT_TRUE(a.touch(85));
  EXPECT_EQ(a.state(), Attention::active);
  EXPECT_FALSE(a.touch(86));
}

TEST(Attention, TouchesKeepTheKioskActive) {
  AttentionState a(0, {60, 20});
  a.touch(50);
  EXPECT_FALSE(a.tick(100, true, false).reset);
  EXPECT_TRUE(a.tick(110, true, false).reset);
}

TEST(Attention, OutsideTheScheduleItSleepsInsteadOfRotating) {
  AttentionState a(0, {60, 20});
  a.tick(60, false, false);
  auto s = a.tick(80, false, false);
  EXPECT_EQ(a.state(), Attention::asleep);
  EXPECT_FALSE(s.next_screen);
  EXPECT_TRUE(a.touch(90));  // waking touch is swallowed
  EXPECT_EQ(a.state(), Attention::active);
}

TEST(Attention, AnAlertWakesTheScreenAndHoldsItStill) {
  AttentionState a(0, {60, 20});
  a.tick(60, false, false);
  a.tick(80, false, false);
  ASSERT_EQ(a.state(), Attention::asleep);
  auto s = a.tick(81, false, true);
  EXPECT_EQ(a.state(), Attention::active);
  EXPECT_TRUE(s.reset);
  for (double t = 82; t < 400; t += 1) EXPECT_FALSE(a.tick(t, true, true).next_screen);
}

TEST(Schedule, DayHoursParse) {
  auto h = parse_day_hours("07:00-22:30");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->on_minute, 7 * 60);
  EXPECT_EQ(h->off_minute, 22 * 60 + 30);
  EXPECT_TRUE(parse_day_hours("off")->always_off);
  EXPECT_FALSE(parse_day_hours("7-22"));
  EXPECT_FALSE(parse_day_hours("25:00-26:00"));
  EXPECT_FALSE(parse_day_hours("08:00-08:00"));
}

TEST(Schedule, OnlyWithinTheHoursOfThatWeekday) {
  Schedule s;
  s.enabled = true;
  for (auto& d : s.days) d = *parse_day_hours("07:00-22:00");
  s.days[6] = *parse_day_hours("off");  // Sunday
  const int zone = 480;
  // 2026-11-28 is a Saturday.
  EXPECT_TRUE(s.on_at(*parse_instant("2026-11-28T07:00:00+08:00"), zone));
  EXPECT_FALSE(s.on_at(*parse_instant("2026-11-28T06:59:00+08:00"), zone));
  EXPECT_FALSE(s.on_at(*parse_instant("2026-11-28T22:00:00+08:00"), zone));
  EXPECT_FALSE(s.on_at(*parse_instant("2026-11-29T12:00:00+08:00"), zone));  // Sunday off
}

TEST(Schedule, HoursCanWrapPastMidnight) {
  Schedule s;
  s.enabled = true;
  for (auto& d : s.days) d = *parse_day_hours("18:00-02:00");
  EXPECT_TRUE(s.on_at(*parse_instant("2026-11-28T23:30:00+08:00"), 480));
  EXPECT_TRUE(s.on_at(*parse_instant("2026-11-29T01:30:00+08:00"), 480));
  EXPECT_FALSE(s.on_at(*parse_instant("2026-11-29T03:00:00+08:00"), 480));
}

TEST(Schedule, NoScheduleMeansAlwaysOn) {
  Schedule s;
  EXPECT_TRUE(s.on_at(0, 480));
}

}  // namespace
}  // namespace kiosk
