// FetchWorker as the app sees it: starting offline from the cache, history for trend charts, content
// reloads, and the demo pack fetched through the real code path.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/data/fetch_worker.hpp"
#include "support/temp_dir.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {
namespace fs = std::filesystem;

using test::TempDir;

std::string feed(const std::vector<std::pair<UnixTime, double>>& points) {
  std::string out =
      R"({"kiosk_feed": 1, "stations": [{"id": "s1", "name_zh": "一", "name_en": "One", "lat": 37.5, "lon": 121.4}], "readings": [)";
  for (std::size_t i = 0; i < points.size(); ++i)
    out +=
        std::string(i ? "," : "") + R"({"station": "s1", "metric": "pm25_1h", "unit": "ug/m3", "value": )" +
        std::to_string(points[i].second) + R"(, "observed_at": ")" + format_iso_utc(points[i].first) + "\"}";
  return out + "]}";
}

FetchOptions options_with(std::shared_ptr<data::Transport> t, const fs::path& cache = {}) {
  FetchOptions o;
  o.fetch.content_dir = KIOSK_CONTENT_DIR;
  o.cache_dir = cache;
  o.transport = std::move(t);
  o.seed = 1;
  return o;
}

TEST(Worker, StartsOfflineWithTheCachedValuesAndTheirAge) {
  TempDir dir;
  const UnixTime t0 = test::at("2026-03-02T07:00:00Z");
  ManualClock clock(t0);
  SourceConfig cfg = test::source("air", "kiosk-feed", "https://data.example.org/feed.json");
  {
    auto online = std::make_shared<test::CannedTransport>();
    online->on("feed.json", feed({{t0 - 7200, 40}, {t0 - 3600, 44}}));
    FetchWorker worker({cfg}, options_with(online, dir.path()), clock);
    worker.load_cache();
    worker.fetch_all_once();
    ASSERT_TRUE(worker.reports()[0].ok) << worker.reports()[0].error;
    EXPECT_TRUE(worker.cache_error().empty()) << worker.cache_error();
  }
  clock.advance(2 * 86400);  // two days later, the network is cut
  auto offline = std::make_shared<test::CannedTransport>();
  offline->on("feed.json",
              data::HttpResponse{false, 0, "DNS lookup failed (curl error 6: Could not resolve host)"});
  FetchWorker worker({cfg}, options_with(offline, dir.path()), clock);
  worker.load_cache();
  SnapshotPtr s = worker.snapshot();
  const Reading* r = s->find("s1", "pm25_1h");
  ASSERT_NE(r, nullptr);  // before any fetch: the cached value …
  EXPECT_EQ(r->value, 44);
  EXPECT_EQ(r->observed_at, t0 - 3600);  // … with its observation time, so the screen shows its age
  EXPECT_EQ(s->source("air")->last_success, t0);
  ASSERT_EQ(s->history.count({"s1", "pm25_1h"}), 1u);
  EXPECT_EQ(s->history.at({"s1", "pm25_1h"}).size(), 2u);
  ASSERT_EQ(s->stations.size(), 1u);
  worker.fetch_all_once();
  s = worker.snapshot();
  EXPECT_EQ(s->source("air")->state, SourceState::failing);
  EXPECT_NE(s->source("air")->last_error.find("DNS lookup failed"), std::string::npos);
  ASSERT_NE(s->find("s1", "pm25_1h"), nullptr);  // still shown, never blank, never zero
}

TEST(Worker, HistoryIsHourlyOldestFirstAndPrunedToSevenDays) {
  const UnixTime now = test::at("2026-03-10T00:30:00Z");
  ManualClock clock(now);
  std::vector<std::pair<UnixTime, double>> points;
  for (int h = 0; h < 10 * 24; ++h) points.push_back({now - h * 3600, static_cast<double>(h)});
  auto t = std::make_shared<test::CannedTransport>();
  t->on("feed.json", feed(points));
  FetchWorker worker({test::source("air", "kiosk-feed", "https://x.example/feed.json")}, options_with(t),
                     clock);
  worker.fetch_all_once();
  SnapshotPtr s = worker.snapshot();
  const auto& series = s->history.at({"s1", "pm25_1h"});
  EXPECT_GE(series.size(), 168u);
  EXPECT_LE(series.size(), 170u);
  EXPECT_TRUE(std::is_sorted(series.begin(), series.end(),
                             [](const HistoryPoint& a, const HistoryPoint& b) { return a.t < b.t; }));
  EXPECT_GE(series.front().t, now - 7 * 86400 - 3600);
  EXPECT_EQ(series.back().value, 0);  // the newest point
  EXPECT_EQ(s->find("s1", "pm25_1h")->value, 0);
}

TEST(Worker, HistoryPastTheRowLimitLosesItsOldestHoursOnScreenAndInTheCache) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-08T07:00:00Z");
  ManualClock clock(now);
  std::vector<std::pair<UnixTime, double>> hours;  // 150 hourly points, all inside the seven days
  for (int h = 150; h >= 1; --h) hours.push_back({now - h * 3600, static_cast<double>(h)});
  auto t = std::make_shared<test::CannedTransport>();
  t->on("feed.json", feed(hours));
  FetchOptions options = options_with(t, dir.path());
  options.max_history_rows = 100;
  const SeriesKey series{"s1", "pm25_1h"};
  {
    FetchWorker worker({test::source("air", "kiosk-feed", "https://x.example/feed.json")}, options, clock);
    worker.load_cache();
    worker.fetch_all_once();
    const auto& points = worker.snapshot()->history.at(series);
    ASSERT_EQ(points.size(), 100u);
    EXPECT_EQ(points.front().t, now - 100 * 3600) << "the oldest fifty hours went";
    EXPECT_EQ(points.back().t, now - 3600);
  }
  FetchWorker restarted({test::source("air", "kiosk-feed", "https://x.example/feed.json")}, options, clock);
  restarted.load_cache();
  const auto& cached = restarted.snapshot()->history.at(series);
  ASSERT_EQ(cached.size(), 100u) << "the cache keeps no more rows than the screens";
  EXPECT_EQ(cached.front().t, now - 100 * 3600);
}

TEST(Worker, HistoryRowLimitNeverPassesTheCeiling) {
  FetchOptions options;
  options.max_history_rows = 1u << 30;
  EXPECT_EQ(effective_history_rows(options), kMaxHistoryRowsCeiling);
  options.max_history_rows = 0;
  EXPECT_EQ(effective_history_rows(options), 1u);
}

TEST(Worker, StationThatNeverReportedHasNoReading) {
  ManualClock clock(test::at("2026-03-02T07:00:00Z"));
  auto t = std::make_shared<test::CannedTransport>();
  t->on("feed.json", feed({{test::at("2026-03-02T06:00:00Z"), 10}}));
  FetchWorker worker({test::source("air", "kiosk-feed", "https://x.example/feed.json")}, options_with(t),
                     clock);
  worker.fetch_all_once();
  EXPECT_EQ(worker.snapshot()->find("s2", "pm25_1h"), nullptr);
  EXPECT_EQ(worker.snapshot()->find("s1", "pm10_1h"), nullptr);
}

TEST(Worker, ContentReloadKeepsDataOfUnchangedSources) {
  ManualClock clock(test::at("2026-03-02T07:00:00Z"));
  auto t = std::make_shared<test::CannedTransport>();
  t->on("feed.json", feed({{test::at("2026-03-02T06:00:00Z"), 10}}));
  SourceConfig a = test::source("air", "kiosk-feed", "https://x.example/feed.json");
  FetchWorker worker({a}, options_with(t), clock);
  worker.fetch_all_once();
  SourceConfig b = test::source("more", "kiosk-feed", "https://y.example/other.json");
  a.stale_seconds = 99;
  worker.set_sources({a, b});
  SnapshotPtr s = worker.snapshot();
  ASSERT_EQ(s->sources.size(), 2u);
  EXPECT_EQ(s->source("air")->state, SourceState::ok);
  EXPECT_EQ(s->source("air")->stale_seconds, 99);
  EXPECT_EQ(s->source("more")->state, SourceState::never_fetched);
  EXPECT_NE(s->find("s1", "pm25_1h"), nullptr);
  EXPECT_EQ(s->source("more")->stale_seconds, 1200);  // default: twice the 600 s refresh
}

TEST(Worker, DemoPackRunsThroughTheSamePath) {
  ContentLoad load = load_content(KIOSK_CONTENT_DIR);
  ASSERT_FALSE(load.pack.sources.empty());
  for (const auto& d : load.diags.items()) EXPECT_NE(d.file, "sources.toml") << d.format();
  const UnixTime now = test::at("2027-02-03T04:05:06Z");
  ManualClock clock(now);
  FetchOptions o;
  o.fetch.content_dir = KIOSK_CONTENT_DIR;
  FetchWorker worker(load.pack.sources, o, clock);
  worker.fetch_all_once();
  SnapshotPtr s = worker.snapshot();
  for (const auto& src : s->sources) {
    EXPECT_EQ(src.state, SourceState::ok) << src.id << ": " << src.last_error;
    EXPECT_TRUE(src.demo) << src.id;
  }
  // Every station in stations.toml has a current value for every metric its kind shows.
  std::map<std::string, std::vector<std::string>> metrics = {
      {"air", {"pm25_1h", "pm10_1h", "so2_1h", "no2_1h", "co_1h", "o3_1h", "o3_8h", "pm25_24h", "pm10_24h"}},
      {"river", {"ph", "do", "codmn", "cod", "bod5", "nh3n", "tp"}},
      {"lake", {"ph", "do", "codmn", "cod", "bod5", "nh3n", "tp", "tn"}},
      {"sea", {"ph", "do", "cod", "din", "phosphate", "oil"}}};
  for (const auto& st : load.pack.stations)
    for (const auto& m : metrics.at(st.kind)) {
      const Reading* r = s->find(st.id, m);
      ASSERT_NE(r, nullptr) << st.id << " " << m;
      EXPECT_EQ(r->observed_at, test::at("2027-02-03T04:00:00Z")) << st.id << " " << m;
      EXPECT_GE(s->history.at({st.id, m}).size(), 168u) << st.id << " " << m;
    }
  std::size_t bikes = 0;
  for (const auto& st : s->stations) bikes += st.source == "demo-bikes";
  EXPECT_EQ(bikes, 8u);
}

TEST(Worker, AliveWhileIdleAndAfterStop) {
  ManualClock clock(test::at("2026-03-02T07:00:00Z"));
  auto t = std::make_shared<test::CannedTransport>();
  t->on("feed.json", feed({{test::at("2026-03-02T06:00:00Z"), 10}}));
  FetchWorker worker({test::source("air", "kiosk-feed", "https://x.example/feed.json")}, options_with(t),
                     clock);
  worker.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(worker.alive(5));
  clock.advance(3);  // the worker ticks at least once a second of real time
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_TRUE(worker.alive(2));
  worker.stop();
}

}  // namespace
}  // namespace kiosk
