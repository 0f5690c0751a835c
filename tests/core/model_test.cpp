// The model tells the screens what is fresh: a reading older than its source's stale time is marked
// stale, and the model says when the next reading will turn stale, so the app builds it again then
// even if no new data comes (an old value must never go on being shown as current).
#include <gtest/gtest.h>

#include "kiosk/core/model.hpp"

namespace kiosk {
namespace {

constexpr UnixTime kObserved = 1795831200;  // 2026-11-28 10:00 China time

struct OneAirStation {
  ContentPack content;
  DataSnapshot data;
  OneAirStation() {
    Station s;
    s.id = "air-1";
    s.kind = "air";
    s.source = "air-feed";
    content.stations.push_back(s);
    SourceStatus status;
    status.id = "air-feed";
    status.state = SourceState::ok;
    status.stale_seconds = 3600;
    data.sources.push_back(status);
    data.latest.push_back({"air-feed", "air-1", "pm25_1h", 40, "ug/m3", kObserved, kObserved + 60});
  }
};

TEST(Model, AReadingWithinItsStaleTimeIsFresh) {
  OneAirStation f;
  const Model m = build_model(f.content, f.data, kObserved + 3600);
  ASSERT_EQ(m.air.size(), 1u);
  EXPECT_FALSE(m.air[0].freshness.stale);
  EXPECT_EQ(m.air[0].freshness.observed_at, kObserved);
}

TEST(Model, AReadingPastItsStaleTimeIsStale) {
  OneAirStation f;
  const Model m = build_model(f.content, f.data, kObserved + 3601);
  ASSERT_EQ(m.air.size(), 1u);
  EXPECT_TRUE(m.air[0].freshness.stale);
  EXPECT_TRUE(m.any_stale);
}

TEST(Model, SaysWhenTheNextReadingTurnsStale) {
  OneAirStation f;
  EXPECT_EQ(build_model(f.content, f.data, kObserved + 600).next_stale_at, kObserved + 3601);
  // Already stale: nothing more will turn.
  EXPECT_EQ(build_model(f.content, f.data, kObserved + 4000).next_stale_at, 0);
}

}  // namespace
}  // namespace kiosk
