// Dates after 2038 and caches that move between machines. Times are 64-bit seconds everywhere, also on
// 32-bit Pi OS (armhf), where this suite runs under qemu; and the SQLite cache written on one
// architecture opens on another (KIOSK_CACHE_EXCHANGE: a folder the native and the emulated suites
// share, each writing its own cache there and reading the others').
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>

#include "kiosk/data/cache.hpp"
#include "kiosk/data/http.hpp"
#include "loopback_server.hpp"
#include "support/temp_dir.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {
namespace fs = std::filesystem;

static_assert(sizeof(std::time_t) == 8, "time_t must be 64-bit: the build defines _TIME_BITS=64");
static_assert(sizeof(UnixTime) == 8);

#if defined(__x86_64__)
constexpr const char* kArch = "amd64";
#elif defined(__aarch64__)
constexpr const char* kArch = "arm64";
#elif defined(__arm__)
constexpr const char* kArch = "armhf";
#else
constexpr const char* kArch = "other";
#endif

// Past a signed 32-bit time_t (2038-01-19T03:14:08Z), a leap day, past an unsigned 32-bit one
// (2106-02-07T06:28:16Z), and the end of the 22nd century. Worked out independently of the code.
constexpr UnixTime kPast32Bit = 2147483648;
constexpr UnixTime kLeapDay2040 = 2214129600;  // 2040-02-29T12:00:00Z
constexpr UnixTime kPastUnsigned32Bit = 4294967296;
constexpr UnixTime kLastHour2199 = 7258114800;  // 2199-12-31T23:00:00Z

using test::TempDir;

// One source whose readings, status and history all sit after 2038; the same on every architecture.
struct FarFuture {
  UnixTime now = kLastHour2199 + 1800;
  std::vector<Reading> latest{
      {"air", "harbour", "pm25_1h", 12.5, "ug/m3", kPast32Bit, kPast32Bit + 5},
      {"air", "leap", "pm25_1h", 30.25, "ug/m3", kLeapDay2040, kLeapDay2040 + 5},
      // 0.1 has no exact binary form: it must come back bit for bit. (A negative value would not come
      // back at all: the cache drops what the metric table finds implausible.)
      {"air", "far", "o3_8h", 0.1, "ug/m3", kPastUnsigned32Bit, kPastUnsigned32Bit + 5},
      {"air", "last", "no2_1h", 1e-3, "ug/m3", kLastHour2199, kLastHour2199 + 5},
  };
  std::vector<Reading> history{
      {"air", "last", "no2_1h", 7.0, "ug/m3", kLastHour2199 - 2 * 3600 + 59, kLastHour2199},
      {"air", "last", "no2_1h", 8.0, "ug/m3", kLastHour2199, kLastHour2199},
  };
  StationInfo station{"air", "harbour", "港城", "Harbour", 37.5, 121.4, true};

  SourceStatus status() const {
    SourceStatus s;
    s.id = "air";
    s.state = SourceState::ok;
    s.last_success = kLastHour2199 + 5;
    s.last_attempt = kLastHour2199 + 6;
    return s;
  }

  bool write(const fs::path& dir, std::string& error) const {
    auto cache = data::Cache::open(dir, error);
    if (!cache) return false;
    return cache->save_success("air", "https://example.org/air", latest, {station}, history, status(),
                               {"\"2199\"", "Tue, 31 Dec 2199 23:00:00 GMT"}, now);
  }

  // Checks what `dir`'s cache holds against what write() put there; `from` names it in failures.
  void expect_in(const fs::path& dir, const std::string& from) const {
    SCOPED_TRACE("cache written on " + from);
    std::string error;
    auto cache = data::Cache::open(dir, error);
    ASSERT_TRUE(cache) << error;
    data::CacheContents c = cache->load(now);
    ASSERT_EQ(c.sources.count("air"), 1u);
    const auto& air = c.sources.at("air");
    ASSERT_EQ(air.latest.size(), latest.size());
    for (const Reading& want : latest) {
      auto got = std::find_if(air.latest.begin(), air.latest.end(),
                              [&](const Reading& r) { return r.station == want.station; });
      ASSERT_NE(got, air.latest.end()) << want.station;
      EXPECT_EQ(got->observed_at, want.observed_at) << want.station;
      EXPECT_EQ(got->fetched_at, want.fetched_at) << want.station;
      EXPECT_EQ(got->value, want.value) << want.station;  // REAL is IEEE 754 on every architecture
      EXPECT_EQ(got->metric, want.metric);
    }
    EXPECT_EQ(air.status.last_success, kLastHour2199 + 5);
    EXPECT_EQ(air.status.last_attempt, kLastHour2199 + 6);
    EXPECT_EQ(air.validators.last_modified, "Tue, 31 Dec 2199 23:00:00 GMT");
    ASSERT_EQ(air.stations.size(), 1u);
    EXPECT_EQ(air.stations[0].name_zh, "港城");
    EXPECT_EQ(air.stations[0].lat, 37.5);
    const auto& series = c.history.at({"last", "no2_1h"});
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series.begin()->first, kLastHour2199 - 2 * 3600);  // hour buckets after 2038 too
    EXPECT_EQ(series.rbegin()->first, kLastHour2199);
  }
};

TEST(Cache2038, ReadingsAfter2038RoundTripExactly) {
  TempDir dir;
  FarFuture data;
  std::string error;
  ASSERT_TRUE(data.write(dir.path(), error)) << error;
  data.expect_in(dir.path(), kArch);
}

TEST(Cache2038, TimestampsAfter2038ParseAndFormat) {
  EXPECT_EQ(test::at("2038-01-19T03:14:08Z"), kPast32Bit);
  EXPECT_EQ(test::at("2040-02-29T20:00:00+08:00"), kLeapDay2040);
  EXPECT_EQ(test::at("2106-02-07T06:28:16Z"), kPastUnsigned32Bit);
  EXPECT_EQ(format_iso_utc(kLastHour2199), "2199-12-31T23:00:00Z");
  EXPECT_EQ(format_iso_utc(kPast32Bit), "2038-01-19T03:14:08Z");
  // The C library's calendar (the screens' clock goes through gmtime_r) agrees past 2038 as well.
  std::time_t t = static_cast<std::time_t>(kLeapDay2040);
  std::tm tm{};
  ASSERT_NE(gmtime_r(&t, &tm), nullptr);
  EXPECT_EQ(tm.tm_year + 1900, 2040);
  EXPECT_EQ(tm.tm_mon + 1, 2);
  EXPECT_EQ(tm.tm_mday, 29);
  EXPECT_EQ(tm.tm_hour, 12);
  EXPECT_EQ(timegm(&tm), t);
}

// A server that is down for maintenance until 2040 says so as an HTTP date. libcurl's curl_getdate
// cannot read it on armhf: bookworm builds libcurl with a 32-bit time_t.
TEST(Cache2038, RetryAfterDateAfter2038) {
  test::LoopbackServer server;
  server.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "Sun, 01 Jan 2040 00:00:00 GMT");
    res.set_content("down for maintenance", "text/plain");
  });
  server.start();
  data::CurlTransport http;
  data::HttpRequest request;
  request.url = server.url("/busy");
  data::HttpResponse r = http.get(request);
  ASSERT_EQ(r.status, 503) << r.error;
  ASSERT_TRUE(r.retry_after);
  const double until_2040 = 2208988800.0 - static_cast<double>(std::time(nullptr));
  EXPECT_NEAR(*r.retry_after, until_2040, 3600);
}

// A cache written on amd64 opens on arm64 and armhf, and each the others': SQLite's file format is the
// same on every architecture, and the cache holds only INTEGER, REAL and TEXT columns.
TEST(Cache2038, OpensCachesWrittenOnOtherArchitectures) {
  const char* exchange = std::getenv("KIOSK_CACHE_EXCHANGE");
  if (!exchange || !*exchange)
    GTEST_SKIP() << "KIOSK_CACHE_EXCHANGE is not set (platform/setup.sh test sets it)";
  FarFuture data;
  const fs::path root = exchange, mine = root / kArch;
  std::error_code ec;
  fs::remove_all(mine, ec);
  fs::create_directories(mine);
  std::string error;
  ASSERT_TRUE(data.write(mine, error)) << error;

  int others = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string arch = entry.path().filename().string();
    if (arch == kArch || !fs::is_regular_file(entry.path() / "kiosk-cache.sqlite")) continue;
    // Read a copy: opening writes (WAL), and the file belongs to the other suite.
    TempDir copy;
    fs::copy_file(entry.path() / "kiosk-cache.sqlite", copy / "kiosk-cache.sqlite");
    data.expect_in(copy.path(), arch);
    ++others;
  }
  std::printf("[ kiosk    ] %s read the caches of %d other architecture(s) in %s\n", kArch, others, exchange);
}

}  // namespace
}  // namespace kiosk
