// The systemd watchdog rule on a simulated clock: READY after the first frame, pings about every
// half interval while frames come and the worker lives, silence when either stops.
#include <gtest/gtest.h>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/clock_jump.hpp"
#include "kiosk/core/watchdog.hpp"

namespace kiosk {
namespace {

struct Loop {
  ManualClock clock{1'800'000'000};
  WatchdogPolicy policy{WatchdogConfig{30, 0}};
  std::uint64_t frames = 0;
  int pings = 0;
  int readies = 0;
  // Advances `seconds` in loop turns of 250 ms, drawing a frame each turn when `drawing`.
  void run(double seconds, bool drawing, bool worker_alive = true, bool asleep = false) {
    for (double t = 0; t < seconds; t += 0.25) {
      clock.advance(0.25);
      if (drawing) ++frames;
      NotifyMessage m = policy.observe(clock.monotonic(), frames, worker_alive, asleep);
      pings += m == NotifyMessage::watchdog;
      readies += m == NotifyMessage::ready;
    }
  }
};

TEST(Watchdog, ReadyOnlyAfterTheFirstFrame) {
  Loop r;
  r.run(5, false);
  EXPECT_EQ(r.readies, 0);
  EXPECT_FALSE(r.policy.ready_sent());
  r.run(1, true);
  EXPECT_EQ(r.readies, 1);
  r.run(60, true);
  EXPECT_EQ(r.readies, 1) << "READY is sent once";
}

TEST(Watchdog, PingsAboutEveryHalfIntervalWhileFramesCome) {
  Loop r;
  r.run(1, true);
  r.pings = 0;
  r.run(150, true);
  EXPECT_GE(r.pings, 9);  // 150 s / 15 s
  EXPECT_LE(r.pings, 10);
}

TEST(Watchdog, NoPingWhileFramesStall) {
  Loop r;
  r.run(1, true);
  r.pings = 0;
  r.run(120, false);  // the screen froze: main loop turns, nothing is drawn
  EXPECT_LE(r.pings, 1) << "at most the ping already due when the stall began";
  EXPECT_STREQ(r.policy.withheld_reason(), "no new frame");
  r.run(20, true);
  EXPECT_GE(r.pings, 1) << "pings resume once frames come again";
}

TEST(Watchdog, NoPingWhileTheFetchWorkerIsDead) {
  Loop r;
  r.run(1, true);
  r.pings = 0;
  r.run(120, true, /*worker_alive=*/false);
  EXPECT_EQ(r.pings, 0);
  EXPECT_STREQ(r.policy.withheld_reason(), "the fetch worker is not alive");
}

TEST(Watchdog, AScheduledSleepIsNotAStall) {
  Loop r;
  r.run(1, true);
  r.pings = 0;
  r.run(120, false, true, /*asleep=*/true);
  EXPECT_GE(r.pings, 7);
}

TEST(Watchdog, NoIntervalMeansNoPingsButStillReady) {
  WatchdogPolicy p{WatchdogConfig{0, 0}};
  EXPECT_EQ(p.observe(0, 1, true), NotifyMessage::ready);
  EXPECT_EQ(p.observe(100, 2, true), NotifyMessage::none);
  EXPECT_EQ(p.observe(1000, 3, true), NotifyMessage::none);
}

TEST(Watchdog, HeartbeatFramesComeWellInsideTheGap) {
  WatchdogPolicy p{WatchdogConfig{30, 0}};
  EXPECT_LT(p.heartbeat_frame_seconds(), 15);
  EXPECT_GT(p.heartbeat_frame_seconds(), 0);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST(ClockJump, NtpSettingTheClockBackIsNoticedOnce) {
  ClockJump jump;
  EXPECT_EQ(jump.observe(1'800'000'000, 10), 0);
  EXPECT_EQ(jump.observe(1'800'000'030, 40), 0) << "time passing is no jump";
  EXPECT_EQ(jump.observe(1'799'996'430, 70), -3630) << "the clock went back an hour";
  EXPECT_EQ(jump.observe(1'799'996'460, 100), 0) << "reported once";
  EXPECT_EQ(jump.observe(1'799'996'500, 130), 0) << "10 s of drift is below the threshold";
}

}  // namespace
}  // namespace kiosk
