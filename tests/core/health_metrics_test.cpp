// The health metrics file: the Prometheus text format node_exporter accepts, checked by promtool
// when it is installed (Debian package `prometheus`), and the numbers behind it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "kiosk/core/atomic_file.hpp"
#include "kiosk/core/health_metrics.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

HealthReport sample_report() {
  DataSnapshot snap;
  snap.sources.push_back({"city-air", SourceState::ok, 1'800'000'000, 1'800'000'000, "", 0});
  snap.sources.push_back({"bikes \"north\"", SourceState::failing, 1'799'990'000, 1'800'000'000,
                          "HTTP 503 from https://example.org/gbfs", 3});
  snap.sources.push_back({"never", SourceState::never_fetched});
  Reading r;
  r.source = "city-air";
  r.observed_at = 1'800'000'000 - 600;
  snap.latest.push_back(r);
  HealthReport h;
  h.version = "0.1.0";
  h.content_version = "2026.11-demo";
  h.uptime_seconds = 3600.5;
  h.start_time = 1'799'996'400;
  h.frames_drawn = 12345;
  h.frame_p50 = 0.004;
  h.frame_p90 = 0.009;
  h.frame_p99 = 0.021;
  h.frame_count = 12345;
  h.frame_sum = 61.7;
  h.resident_bytes = 48 * 1024 * 1024;
  h.screen_power = "backlight";
  h.sources = source_health(snap, 1'800'000'000);
  return h;
}

TEST(HealthMetrics, HasNoSampleTimestamps) {
  const std::string text = format_prometheus(sample_report());
  // node_exporter skips a whole file whose samples carry timestamps: every sample line is "name{labels}
  // value".
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t brace = line.rfind('}');
    const std::string tail = line.substr(brace == std::string::npos ? 0 : brace + 1);
    EXPECT_EQ(std::count(tail.begin(), tail.end(), ' '), 1) << "one value, no timestamp: " << line;
  }
}

TEST(HealthMetrics, SaysWhatAnOperatorNeeds) {
  const std::string text = format_prometheus(sample_report());
  EXPECT_NE(text.find("kiosk_build_info{version=\"0.1.0\",content_version=\"2026.11-demo\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("kiosk_frames_drawn_total 12345"), std::string::npos);
  EXPECT_NE(text.find("kiosk_source_last_success_time_seconds{source=\"city-air\"} 1800000000\n"),
            std::string::npos)
      << "epoch seconds in full, not 1.8e+09";
  EXPECT_NE(text.find("kiosk_frame_time_seconds{quantile=\"0.99\"} 0.021"), std::string::npos);
  EXPECT_NE(text.find("kiosk_frame_time_seconds_count 12345"), std::string::npos);
  EXPECT_NE(text.find("kiosk_source_up{source=\"city-air\"} 1"), std::string::npos);
  EXPECT_NE(text.find("kiosk_source_up{source=\"bikes \\\"north\\\"\"} 0"), std::string::npos)
      << "quotes escaped";
  EXPECT_NE(text.find("kiosk_source_consecutive_failures{source=\"bikes \\\"north\\\"\"} 3"),
            std::string::npos);
  EXPECT_NE(text.find("kiosk_source_data_age_seconds{source=\"city-air\"} 600"), std::string::npos);
  EXPECT_EQ(text.find("kiosk_source_data_age_seconds{source=\"never\"}"), std::string::npos)
      << "no reading, no age";
  EXPECT_EQ(text.find("HTTP 503"), std::string::npos) << "errors go to the log, not into label values";
}

TEST(HealthMetrics, AClockSetBackNeverGivesNegativeAges) {
  DataSnapshot snap;
  snap.sources.push_back({"a", SourceState::ok});
  Reading r;
  r.source = "a";
  r.observed_at = 2'000'000'000;
  snap.latest.push_back(r);
  auto health = source_health(snap, 1'000'000'000);
  ASSERT_EQ(health.size(), 1u);
  EXPECT_EQ(health[0].data_age_seconds, 0);
}

TEST(HealthMetrics, AnExpiredKeyShowsAsAuthFailingNotAnOutage) {
  DataSnapshot snap;
  SourceStatus key_expired{"air", SourceState::failing, 0, 100, "GET …: HTTP 401", 2};
  key_expired.last_http_status = 401;
  key_expired.auth_failing = true;  // the fetcher's class, which covers more than HTTP 401 and 403
  key_expired.stale_seconds = 5400;
  SourceStatus token_498{"gis", SourceState::failing, 0, 100, "ArcGIS error 498 (sent with HTTP 200)", 1};
  token_498.last_http_status = 200;
  token_498.auth_failing = true;
  SourceStatus outage{"bikes", SourceState::failing, 0, 100, "GET …: HTTP 503", 2};
  outage.last_http_status = 503;
  SourceStatus recovered{"water", SourceState::ok, 100, 100, "", 0};
  recovered.last_http_status = 200;
  snap.sources = {key_expired, outage, recovered, token_498};
  HealthReport h;
  h.sources = source_health(snap, 200);
  const std::string text = format_prometheus(h);
  EXPECT_NE(text.find("kiosk_source_auth_failing{source=\"air\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_source_auth_failing{source=\"bikes\"} 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_source_auth_failing{source=\"water\"} 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_source_auth_failing{source=\"gis\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_source_stale_seconds{source=\"air\"} 5400\n"), std::string::npos)
      << "the limit beside the age, so one alert rule serves every source";
}

TEST(HealthMetrics, SaysWhenTheLastFrameWasDrawnAndWhatWentWrong) {
  HealthReport h = sample_report();
  h.last_frame_time = 1'800'000'123;
  h.content_rejected = 2;
  h.clock_jumps = 1;
  h.screen_switch_failed = true;
  const std::string text = format_prometheus(h);
  EXPECT_NE(text.find("kiosk_last_frame_time_seconds 1800000123\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_content_rejected_total 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_clock_jumps_total 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("kiosk_screen_switch_failed 1\n"), std::string::npos) << text;
  const std::string calm = format_prometheus(sample_report());
  EXPECT_NE(calm.find("kiosk_content_rejected_total 0\n"), std::string::npos) << calm;
  EXPECT_NE(calm.find("kiosk_screen_switch_failed 0\n"), std::string::npos) << calm;
}

TEST(HealthMetrics, FailureCounterCountsEachFailedFetchOnce) {
  FailureCounter c;
  DataSnapshot snap;
  snap.sources.push_back({"a", SourceState::failing, 0, 100, "x", 1});
  c.observe(snap);
  c.observe(snap);  // the same snapshot again: nothing new
  snap.sources[0] = {"a", SourceState::failing, 0, 200, "x", 2};
  c.observe(snap);
  snap.sources[0] = {"a", SourceState::ok, 300, 300, "", 0};
  c.observe(snap);
  snap.sources[0] = {"a", SourceState::failing, 300, 400, "x", 1};
  c.observe(snap);
  EXPECT_EQ(c.total("a"), 3u);
}

TEST(HealthMetrics, FramePercentilesByNearestRank) {
  FrameTimes f(100);
  EXPECT_EQ(f.percentile(0.5), 0);
  for (int i = 1; i <= 100; ++i) f.add(i / 1000.0);
  EXPECT_DOUBLE_EQ(f.percentile(0.5), 0.050);
  EXPECT_DOUBLE_EQ(f.percentile(0.99), 0.099);
  for (int i = 0; i < 100; ++i) f.add(0.001);  // the ring forgets old frames
  EXPECT_DOUBLE_EQ(f.percentile(0.99), 0.001);
}

TEST(HealthMetrics, PromtoolAcceptsTheFile) {
  if (std::system("command -v promtool >/dev/null 2>&1") != 0)
    GTEST_SKIP()
        << "promtool is not installed (Debian package prometheus; platform/setup.sh test installs it)";
  test::TempDir dir;
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "kiosk.prom", format_prometheus(sample_report()), error)) << error;
  const std::string cmd =
      "promtool check metrics < " + (dir / "kiosk.prom") + " > " + (dir / "out.txt") + " 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << test::slurp(dir / "out.txt");
  EXPECT_EQ(test::slurp(dir / "out.txt"), "") << "promtool's lint found problems";
}

}  // namespace
}  // namespace kiosk
