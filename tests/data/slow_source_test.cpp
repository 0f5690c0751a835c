// A source whose portal drips its answers must not starve the others: the worker's second thread takes only
// sources that answered quickly last time, so a quick source keeps its schedule however many sources are
// slow (loopback portals, the real clock).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "kiosk/data/fetch_worker.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

std::string one_reading_feed() {
  return R"({"kiosk_feed": 1, "readings": [{"station": "s1", "metric": "pm25_1h", "value": 12, "unit": "ug/m3",
             "observed_at": "2026-03-02T06:00:00Z"}]})";
}

SourceConfig every(const std::string& id, const std::string& url, double refresh_seconds) {
  SourceConfig s = test::source(id, "kiosk-feed", url);
  s.refresh_seconds = refresh_seconds;
  return s;
}

TEST(SlowSources, TwoDrippingPortalsDoNotStarveAQuickSource) {
  test::LoopbackServer server;
  std::atomic<int> quick_hits{0}, slow_hits{0};
  server.server().Get("/quick.json", [&](const httplib::Request&, httplib::Response& res) {
    ++quick_hits;
    res.set_content(one_reading_feed(), "application/json");
  });
  server.server().Get(R"(/slow-\d\.json)", [&](const httplib::Request&, httplib::Response& res) {
    ++slow_hits;
    server.nap(3);  // each answer takes 3 s: a portal on a bad day
    res.set_content(one_reading_feed(), "application/json");
  });
  server.start();

  SystemClock clock;
  FetchOptions options;
  options.jitter = 0;
  options.quick_fetch_seconds = 1;
  // Every source is due all the time: with one worker the quick one would wait behind each slow fetch.
  FetchWorker worker(
      {every("slow-1", server.url("/slow-1.json"), 0.2), every("slow-2", server.url("/slow-2.json"), 0.2),
       every("quick", server.url("/quick.json"), 0.2)},
      options, clock);
  worker.start();
  std::this_thread::sleep_for(std::chrono::seconds(8));
  worker.stop();
  server.stopping = true;
  std::printf("quick source fetched %d times in 8 s\n", quick_hits.load());

  // The first 3 s may go to a slow source's first fetch on either worker; after that, one fetch each
  // 0.2 s. One worker manages about one a slow fetch (5 or 6 in all).
  EXPECT_GE(quick_hits.load(), 12) << "the quick source waited behind the slow ones";
  EXPECT_GE(slow_hits.load(), 2) << "the slow sources are still fetched";
  // Its last fetch may be the one stop() cancelled; what counts is that it succeeded on time.
  const SourceStatus* quick = worker.snapshot()->source("quick");
  ASSERT_NE(quick, nullptr);
  EXPECT_GT(quick->last_success, 0) << quick->last_error;
}

}  // namespace
}  // namespace kiosk
