// The fetcher against a real loopback HTTP server: every fault mode gives one clear line, keeps the last
// good data, and never crashes; caching headers drive the schedule; the UI never waits on the network.
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>

#include "kiosk/data/fetch_worker.hpp"
#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;

std::string feed_body(UnixTime t, double value = 21) {
  return std::string(
             R"({"kiosk_feed": 1, "stations": [{"id": "s1", "name_zh": "一号", "name_en": "One", "lat": 37.5, "lon": 121.4}],)") +
         R"("readings": [{"station": "s1", "metric": "pm25_1h", "value": )" + std::to_string(value) +
         R"(, "unit": "ug/m3", "observed_at": ")" + format_iso_utc(t) + R"("}]})";
}

// A server whose /switch/feed.json behaves as `mode` says, plus fixed fault routes.
struct FaultServer {
  std::mutex mu;
  std::string mode = "ok";
  UnixTime observed = test::at("2026-03-02T06:00:00Z");
  std::atomic<int> hits{0};
  std::string last_if_none_match_;
  std::string last_accept_encoding_;
  LoopbackServer loop;  // last: destroyed (and its thread joined) before the state handlers touch

  void set_mode(const std::string& m) {
    std::lock_guard lock(mu);
    mode = m;
  }
  std::string last_if_none_match() {
    std::lock_guard lock(mu);
    return last_if_none_match_;
  }
  std::string last_accept_encoding() {
    std::lock_guard lock(mu);
    return last_accept_encoding_;
  }

  FaultServer() {
    auto& s = loop.server();
    s.Get("/switch/feed.json", [this](const httplib::Request& req, httplib::Response& res) {
      ++hits;
      std::string m;
      {
        std::lock_guard lock(mu);
        m = mode;
        last_if_none_match_ = req.get_header_value("If-None-Match");
        last_accept_encoding_ = req.get_header_value("Accept-Encoding");
      }
      serve(m, req, res);
    });
    s.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
    s.Get("/doh", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    s.Get("/hang", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/json", [this](size_t, httplib::DataSink& sink) {
        sink.write("{", 1);
        loop.nap(30);
        return false;
      });
    });
    s.Get("/ckan/datastore_search", [](const httplib::Request& req, httplib::Response& res) {
      // 12,345 records, served a page at a time as the request's offset/limit say.
      const long total = 12345;
      long offset = std::stol(req.get_param_value("offset"));
      long limit = std::stol(req.get_param_value("limit"));
      std::string body = R"({"success": true, "result": {"records": [)";
      for (long i = offset; i < std::min(total, offset + limit); ++i) {
        if (i > offset) body += ',';
        long hour = i / 500 % 24;
        body += R"({"_id": )" + std::to_string(i + 1) + R"(, "site": "S)" + std::to_string(i % 500) +
                R"(", "pm": ")" + std::to_string(10 + i % 90) + R"(", "t": "2026-03-02T)" +
                (hour < 10 ? "0" : "") + std::to_string(hour) + R"(:00:00"})";
      }
      body += R"(], "total": )" + std::to_string(total) + R"(, "_links": {"next": "/x"}}})";
      res.set_content(body, "application/json");
    });
    loop.start();
  }

  void serve(const std::string& m, const httplib::Request& req, httplib::Response& res) {
    std::string body = feed_body(observed);
    if (m == "ok") {
      res.set_content(body, "application/json");
    } else if (m == "etag") {
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
      } else {
        res.set_header("ETag", "\"v1\"");
        res.set_content(body, "application/json");
      }
    } else if (m == "maxage") {
      res.set_header("Cache-Control", "public, max-age=7200");
      res.set_content(body, "application/json");
    } else if (m == "500") {
      res.status = 500;
      res.set_content("{\"message\": \"database is down\"}", "application/json");
    } else if (m == "429") {
      res.status = 429;
      res.set_header("Retry-After", "120");
      res.set_content("{\"detail\": \"Too many requests\"}", "application/json");
    } else if (m == "503") {
      res.status = 503;
      res.set_header("Retry-After", "300");
      res.set_content("<html>maintenance</html>", "text/html");
    } else if (m == "html") {
      res.set_content("<!DOCTYPE html><html><body>Please log in</body></html>", "text/html");
    } else if (m == "wrong-type") {
      res.set_content(body, "text/plain");  // JSON all the same: accepted
    } else if (m == "truncated") {
      const size_t full = body.size();
      res.set_content_provider(full, "application/json",
                               [body, full](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset == 0) sink.write(body.data(), full / 2);
                                 return false;  // the connection drops mid-body
                               });
    } else if (m == "truncated-json") {
      res.set_content(body.substr(0, body.size() / 2), "application/json");
    } else if (m == "big") {
      // Announced with Content-Length, so libcurl refuses it before reading; an uncompressible type so
      // the server does not spend seconds compressing it first.
      res.set_content(std::string(3 << 20, ' ') + body, "application/octet-stream");
    } else if (m == "big-chunked") {
      // No length announced: the cap must cut it while receiving. Not a compressible type, so the
      // server sends it as it is.
      res.set_chunked_content_provider("application/octet-stream",
                                       [this](size_t offset, httplib::DataSink& sink) {
                                         if (offset >= (64u << 20) || loop.stopping) {
                                           sink.done();
                                           return true;
                                         }
                                         std::string block(64 << 10, ' ');
                                         sink.write(block.data(), block.size());
                                         return true;
                                       });
    } else if (m == "delay") {
      loop.nap(3);
      res.set_content(body, "application/json");
    } else if (m == "drip") {
      res.set_chunked_content_provider("application/json",
                                       [this, body](size_t offset, httplib::DataSink& sink) {
                                         if (offset >= body.size()) {
                                           sink.done();
                                           return true;
                                         }
                                         sink.write(body.data() + offset, 1);
                                         loop.nap(1.0);
                                         return !loop.stopping.load();
                                       });
    } else if (m == "empty") {
      res.set_content(R"({"kiosk_feed": 1, "stations": [], "readings": []})", "application/json");
    } else if (m == "gzip") {
      std::string large =
          R"({"kiosk_feed": 1, "pad": ")" + std::string(200000, 'a') +
          R"(", "readings": [{"station": "s1", "metric": "pm25_1h", "value": 33, "unit": "ug/m3", "observed_at": ")" +
          format_iso_utc(observed) + R"("}]})";
      res.set_content(large, "application/json");  // httplib compresses for a client that accepts gzip
    } else if (m == "redirect") {
      res.set_redirect("/loop");
    }
  }
};

data::FetchSettings quick_settings() {
  data::FetchSettings s;
  s.content_dir = KIOSK_CONTENT_DIR;
  s.network.connect_timeout_seconds = 2;
  s.network.total_timeout_seconds = 2;
  s.network.low_speed_bytes = 64;
  s.network.low_speed_seconds = 1;
  s.network.max_body_bytes = 1 << 20;
  return s;
}

data::SourceResult fetch_once(const std::string& url,
                              const data::FetchSettings& settings = quick_settings()) {
  data::CurlTransport curl;
  return data::fetch_source(test::source("live", "kiosk-feed", url), curl, settings, {},
                            test::at("2026-03-02T07:00:00Z"));
}

// --- one fetch, one clear line per fault --------------------------------------------------------

struct FaultCase {
  std::string mode;
  std::string expected;  // part of the error line
};

class Fault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(Fault, ClearErrorAndLastGoodDataKept) {
  FaultServer server;
  ManualClock clock(test::at("2026-03-02T07:00:00Z"));
  FetchOptions options;
  options.fetch.content_dir = KIOSK_CONTENT_DIR;
  options.fetch.network.connect_timeout_seconds = 2;
  options.fetch.network.total_timeout_seconds = 2;
  options.fetch.network.low_speed_seconds = 1;
  options.fetch.network.max_body_bytes = 1 << 20;
  options.seed = 7;
  options.fetch.network.doh_url = server.loop.url("/doh");
  SourceConfig cfg = test::source("live", "kiosk-feed", server.loop.url("/switch/feed.json"));
  FetchWorker worker({cfg}, options, clock);

  worker.fetch_all_once();
  SnapshotPtr good = worker.snapshot();
  ASSERT_NE(good->find("s1", "pm25_1h"), nullptr) << good->sources[0].last_error;

  server.set_mode(GetParam().mode);
  clock.advance(600);
  auto started = std::chrono::steady_clock::now();
  worker.fetch_all_once();
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(took, 8.0);

  SnapshotPtr after = worker.snapshot();
  EXPECT_GT(after->generation, good->generation);
  const SourceStatus* st = after->source("live");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->state, SourceState::failing);
  EXPECT_EQ(st->consecutive_failures, 1);
  EXPECT_NE(st->last_error.find("source 'live'"), std::string::npos) << st->last_error;
  EXPECT_NE(st->last_error.find(GetParam().expected), std::string::npos) << st->last_error;
  EXPECT_EQ(st->last_error.find('\n'), std::string::npos);
  const Reading* kept = after->find("s1", "pm25_1h");
  ASSERT_NE(kept, nullptr);  // a failing source keeps its last good reading
  EXPECT_EQ(kept->value, 21);
  EXPECT_EQ(st->last_success, test::at("2026-03-02T07:00:00Z"));
}

INSTANTIATE_TEST_SUITE_P(
    Loopback, Fault,
    ::testing::Values(FaultCase{"500", "HTTP 500: database is down"},
                      FaultCase{"429", "HTTP 429: Too many requests"},
                      FaultCase{"503", "HTTP 503: an HTML page without a title"},
                      FaultCase{"html", "HTTP 200 but the response is an HTML or XML page"},
                      FaultCase{"truncated", "curl error 18"}, FaultCase{"truncated-json", "JSON error"},
                      FaultCase{"big", "larger than the 1 MB cap"},
                      FaultCase{"big-chunked", "larger than the 1 MB cap"}, FaultCase{"delay", "timed out"},
                      FaultCase{"drip", "timed out"}, FaultCase{"redirect", "more than 5 redirects"},
                      FaultCase{"empty", "no records"}),
    [](const ::testing::TestParamInfo<FaultCase>& info) {
      std::string name;
      for (char c : info.param.mode) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return name;
    });

TEST(Loopback, DnsFailureIsNamed) {
  FaultServer server;
  data::FetchSettings s = quick_settings();
  s.network.doh_url = server.loop.url("/doh");  // a resolver that fails, so no query leaves the machine
  data::SourceResult r = fetch_once("http://air.example.invalid/feed.json", s);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("DNS lookup failed"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("http://air.example.invalid/feed.json"), std::string::npos) << r.error;
}

TEST(Loopback, ConnectionRefusedIsNamed) {
  data::SourceResult r = fetch_once("http://127.0.0.1:" + std::to_string(test::closed_port()) + "/feed.json");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("connection failed"), std::string::npos) << r.error;
}

TEST(Loopback, TlsFailureIsNamed) {
  FaultServer server;
  std::string url = server.loop.url("/switch/feed.json");
  url.replace(0, 4, "https");  // TLS to a plain-HTTP server
  data::SourceResult r = fetch_once(url);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("TLS failure"), std::string::npos) << r.error;
}

TEST(Loopback, WrongContentTypeButJsonBodyIsRead) {
  FaultServer server;
  server.set_mode("wrong-type");
  data::SourceResult r = fetch_once(server.loop.url("/switch/feed.json"));
  EXPECT_TRUE(r.ok) << r.error;
}

TEST(Loopback, CompressedResponseIsDecoded) {
  FaultServer server;
  server.set_mode("gzip");
  data::CurlTransport curl;
  data::HttpRequest rq;
  rq.url = server.loop.url("/switch/feed.json");
  data::HttpResponse raw = curl.get(rq);
  ASSERT_TRUE(raw.transport_ok) << raw.error;
  EXPECT_GT(raw.body.size(), 200000u);
  EXPECT_LT(raw.wire_bytes, raw.body.size() / 20);  // it came compressed …
  EXPECT_NE(server.last_accept_encoding().find("gzip"), std::string::npos);
  data::SourceResult r = fetch_once(server.loop.url("/switch/feed.json"));
  ASSERT_TRUE(r.ok) << r.error;  // … and parses like any other
  EXPECT_EQ(r.batch.readings.at(0).value, 33);
}

TEST(Loopback, CapAppliesToTheDecodedBody) {
  FaultServer server;
  server.set_mode("gzip");
  data::FetchSettings s = quick_settings();
  s.network.max_body_bytes = 100000;  // the compressed body is far smaller, the decoded one is not
  data::SourceResult r = fetch_once(server.loop.url("/switch/feed.json"), s);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("cap"), std::string::npos) << r.error;
}

TEST(Loopback, CkanPaginationOverTwelveThousandRecords) {
  FaultServer server;
  SourceConfig cfg = test::source("big", "ckan", server.loop.url("/ckan/datastore_search"));
  cfg.fields.station = "site";
  cfg.fields.observed_at = "t";
  cfg.fields.layout = "wide";
  cfg.fields.columns = {{"pm25_1h", "pm"}};
  // This test is about paging, not speed: the fault tests' one-second limits would cut off a page the
  // loopback server builds slowly (under qemu-user, or on a busy machine).
  data::FetchSettings settings = quick_settings();
  settings.network.total_timeout_seconds = 60;
  settings.network.low_speed_seconds = 20;
  data::CurlTransport curl;
  data::SourceResult r = data::fetch_source(cfg, curl, settings, {}, test::at("2026-03-03T00:00:00Z"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.readings.size(), 12345u);
  EXPECT_EQ(r.requests, 13);  // 12 full pages of 1000 and one of 345; stopped by total
  EXPECT_EQ(r.batch.stations.size(), 500u);
}

// --- schedule -----------------------------------------------------------------------------------

struct WorkerFixture {
  FaultServer server;
  ManualClock clock{test::at("2026-03-02T07:00:00Z")};
  std::unique_ptr<FetchWorker> worker;
  explicit WorkerFixture(double refresh = 600) {
    FetchOptions options;
    options.fetch.content_dir = KIOSK_CONTENT_DIR;
    options.fetch.network.total_timeout_seconds = 5;
    options.seed = 42;
    SourceConfig cfg = test::source("live", "kiosk-feed", server.loop.url("/switch/feed.json"));
    cfg.refresh_seconds = refresh;
    worker = std::make_unique<FetchWorker>(std::vector<SourceConfig>{cfg}, options, clock);
  }
};

TEST(Schedule, EveryDelayHasTenPercentJitter) {
  WorkerFixture f;
  std::vector<double> dues;
  for (int i = 0; i < 20; ++i) {
    f.worker->fetch_all_once();
    dues.push_back(f.worker->seconds_until_due("live"));
  }
  auto [lo, hi] = std::minmax_element(dues.begin(), dues.end());
  EXPECT_GE(*lo, 540);
  EXPECT_LE(*hi, 660);
  EXPECT_GT(*hi - *lo, 20);  // really spread, not a constant
}

TEST(Schedule, BackoffGrowsAfterEachFailureAndResetsOnSuccess) {
  WorkerFixture f;
  f.server.set_mode("500");
  std::vector<double> dues;
  for (int i = 0; i < 5; ++i) {
    f.worker->fetch_all_once();
    dues.push_back(f.worker->seconds_until_due("live"));
  }
  // 30 s doubling per failure, randomised down by up to half, ±10 %.
  EXPECT_LE(dues[0], 33);
  EXPECT_GE(dues[4], 30 * 16 * 0.5 * 0.9);
  EXPECT_LE(dues[4], 30 * 16 * 1.1);
  EXPECT_EQ(f.worker->snapshot()->sources[0].consecutive_failures, 5);
  f.server.set_mode("ok");
  f.worker->fetch_all_once();
  EXPECT_EQ(f.worker->snapshot()->sources[0].consecutive_failures, 0);
  EXPECT_GE(f.worker->seconds_until_due("live"), 540);
}

TEST(Schedule, RetryAfterIsHonoured) {
  WorkerFixture f;
  f.server.set_mode("429");
  f.worker->fetch_all_once();
  EXPECT_GE(f.worker->seconds_until_due("live"), 120 * 0.9);
}

TEST(Schedule, CacheControlMaxAgeStretchesTheInterval) {
  WorkerFixture f;
  f.server.set_mode("maxage");
  f.worker->fetch_all_once();
  EXPECT_GE(f.worker->seconds_until_due("live"), 7200 * 0.9);
}

TEST(Schedule, EtagGives304AndKeepsTheReadings) {
  WorkerFixture f;
  f.server.set_mode("etag");
  f.worker->fetch_all_once();
  f.clock.advance(600);
  f.worker->fetch_all_once();
  EXPECT_EQ(f.server.last_if_none_match(), "\"v1\"");
  auto reports = f.worker->reports();
  EXPECT_TRUE(reports[0].ok);
  EXPECT_TRUE(reports[0].not_modified);
  SnapshotPtr s = f.worker->snapshot();
  EXPECT_EQ(s->sources[0].state, SourceState::ok);
  EXPECT_EQ(s->sources[0].last_success, test::at("2026-03-02T07:10:00Z"));
  ASSERT_NE(s->find("s1", "pm25_1h"), nullptr);
}

// --- the UI thread never waits ------------------------------------------------------------------

TEST(UiThread, SnapshotStaysInstantWhileASourceHangs) {
  FaultServer server;
  SystemClock clock;
  FetchOptions options;
  options.fetch.content_dir = KIOSK_CONTENT_DIR;
  options.fetch.network.total_timeout_seconds = 30;
  options.fetch.network.low_speed_seconds = 30;
  SourceConfig hang = test::source("hang", "kiosk-feed", server.loop.url("/hang"));
  SourceConfig ok = test::source("ok", "kiosk-feed", server.loop.url("/switch/feed.json"));
  auto worker = std::make_unique<FetchWorker>(std::vector<SourceConfig>{hang, ok}, options, clock);
  worker->start();
  // Frames at ~60 Hz for 3 seconds while "hang" never finishes.
  double worst = 0;
  std::uint64_t frames = 0;
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::steady_clock::now() < end) {
    auto t0 = std::chrono::steady_clock::now();
    SnapshotPtr s = worker->snapshot();
    worst = std::max(worst, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    ASSERT_NE(s, nullptr);
    ++frames;
    std::this_thread::sleep_for(std::chrono::milliseconds(16));
  }
  EXPECT_GT(frames, 100u);
  EXPECT_LT(worst, 0.1);          // a mutex and a pointer copy; the margin is for a loaded CI machine
  EXPECT_TRUE(worker->alive(5));  // the hung transfer still ticks the heartbeat
  auto stopping = std::chrono::steady_clock::now();
  worker.reset();  // stops and joins, aborting the hung transfer
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - stopping).count(), 5.0);
}

}  // namespace
}  // namespace kiosk
