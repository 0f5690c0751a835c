// Wrong PINs lock the keypad for a while, longer each time; the hidden gesture needs the taps and the hold.
#include <gtest/gtest.h>

#include "kiosk/core/pin_guard.hpp"

namespace kiosk {
namespace {

TEST(PinGuard, FiveWrongPinsLockForAMinute) {
  PinGuard g;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(g.record_failure(10), 0);
  EXPECT_EQ(g.locked_for(10), 0);
  EXPECT_EQ(g.record_failure(10), 60);
  EXPECT_EQ(g.locked_for(10), 60);
  EXPECT_EQ(g.locked_for(69), 1);
  EXPECT_EQ(g.locked_for(70), 0);
}

TEST(PinGuard, TriesDuringALockDoNotCountOrExtendIt) {
  PinGuard g;
  for (int i = 0; i < 5; ++i) g.record_failure(0);
  for (int i = 0; i < 20; ++i) g.record_failure(30);
  EXPECT_EQ(g.locked_for(30), 30);
  EXPECT_EQ(g.failures(), 0);
}

TEST(PinGuard, EachFurtherLockLastsTwiceAsLongUpToTheCap) {
  PinGuard g;
  double now = 0;
  double expected[] = {60, 120, 240, 480, 900, 900};
  for (double lock : expected) {
    for (int i = 0; i < 4; ++i) g.record_failure(now);
    EXPECT_EQ(g.record_failure(now), lock);
    now += lock;
  }
}

TEST(PinGuard, TheRightPinClearsEverything) {
  PinGuard g;
  for (int i = 0; i < 5; ++i) g.record_failure(0);
  g.record_success();
  EXPECT_EQ(g.locked_for(0), 0);
  EXPECT_EQ(g.lockouts(), 0);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(g.record_failure(1), 0);
  EXPECT_EQ(g.record_failure(1), 60) << "back to the first, short lock";
}

// Drives the gesture at 60 frames a second: `held` for `seconds`.
double feed(AdminGesture& g, double now, bool held, double seconds, bool* fired = nullptr) {
  for (double t = 0; t < seconds; t += 1.0 / 60) {
    now += 1.0 / 60;
    if (g.update(now, held) && fired) *fired = true;
  }
  return now;
}

double tap(AdminGesture& g, double now) {
  now = feed(g, now, true, 0.1);
  return feed(g, now, false, 0.15);
}

TEST(AdminGesture, ThreeTapsThenAHoldOpens) {
  AdminGesture g;
  double now = 0;
  for (int i = 0; i < 3; ++i) now = tap(g, now);
  bool fired = false;
  now = feed(g, now, true, 1.9, &fired);
  EXPECT_FALSE(fired) << "not before the hold is long enough";
  now = feed(g, now, true, 0.3, &fired);
  EXPECT_TRUE(fired);
  bool again = false;
  feed(g, now, true, 5, &again);
  EXPECT_FALSE(again) << "one hold opens once";
}

TEST(AdminGesture, ALongPressAloneDoesNothing) {
  AdminGesture g;
  bool fired = false;
  feed(g, 0, true, 10, &fired);
  EXPECT_FALSE(fired);
}

TEST(AdminGesture, TwoTapsAreNotEnough) {
  AdminGesture g;
  double now = tap(g, 0);
  now = tap(g, now);
  bool fired = false;
  feed(g, now, true, 3, &fired);
  EXPECT_FALSE(fired);
}

TEST(AdminGesture, SlowTapsDoNotCount) {
  AdminGesture g;
  double now = 0;
  for (int i = 0; i < 3; ++i) {
    now = tap(g, now);
    now = feed(g, now, false, 1.0);  // a second apart: the hold starts too late
  }
  bool fired = false;
  feed(g, now, true, 3, &fired);
  EXPECT_FALSE(fired);
}

}  // namespace
}  // namespace kiosk
