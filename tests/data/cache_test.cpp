// The SQLite cache: what the kiosk starts from when the network is cut. A kill -9 at any moment of a
// write must leave a readable database holding exactly the last committed data.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "kiosk/data/cache.hpp"
#include "support/temp_dir.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {
namespace fs = std::filesystem;

using test::TempDir;

std::vector<Reading> readings(const std::string& source, int count, double value, UnixTime t) {
  std::vector<Reading> out;
  for (int i = 0; i < count; ++i)
    out.push_back({source, "st" + std::to_string(i), "pm25_1h", value, "ug/m3", t, t});
  return out;
}

SourceStatus ok_status(const std::string& id, UnixTime t) {
  SourceStatus s;
  s.id = id;
  s.state = SourceState::ok;
  s.last_success = t;
  s.last_attempt = t;
  return s;
}

TEST(Cache, RoundTripsReadingsStationsStatusAndHistory) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  {
    std::string error;
    auto cache = data::Cache::open(dir.path(), error);
    ASSERT_TRUE(cache) << error;
    StationInfo st{"air", "st0", "港城", "Harbour", 37.5, 121.4, true};
    auto latest = readings("air", 3, 12.5, now - 600);
    std::vector<Reading> history = latest;
    history.push_back({"air", "st0", "pm25_1h", 99, "ug/m3", now - 3 * 3600 - 60, now});
    history.push_back({"air", "st0", "pm25_1h", 1, "ug/m3", now - 9 * 86400, now});  // older than 7 days
    ASSERT_TRUE(cache->save_success("air", "https://x/y", latest, {st}, history, ok_status("air", now),
                                    {"\"e1\"", ""}, now));
  }
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache) << error;
  data::CacheContents c = cache->load(now);
  ASSERT_EQ(c.sources.count("air"), 1u);
  const auto& air = c.sources.at("air");
  EXPECT_EQ(air.latest.size(), 3u);
  EXPECT_EQ(air.latest[0].value, 12.5);
  EXPECT_EQ(air.latest[0].observed_at, now - 600);
  ASSERT_EQ(air.stations.size(), 1u);
  EXPECT_EQ(air.stations[0].name_zh, "港城");
  EXPECT_EQ(air.status.state, SourceState::ok);
  EXPECT_EQ(air.validators.etag, "\"e1\"");
  EXPECT_EQ(air.url, "https://x/y");
  const auto& series = c.history.at({"st0", "pm25_1h"});
  EXPECT_EQ(series.size(), 2u);  // hourly buckets; the 9-day-old point was pruned
  EXPECT_EQ(series.begin()->first % 3600, 0);
}

TEST(Cache, FailureKeepsTheLastGoodReadings) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache);
  auto latest = readings("air", 2, 30, now);
  ASSERT_TRUE(cache->save_success("air", "u", latest, {}, latest, ok_status("air", now), {}, now));
  SourceStatus failing = ok_status("air", now);
  failing.state = SourceState::failing;
  failing.last_error = "source 'air': GET u: HTTP 500";
  failing.consecutive_failures = 3;
  ASSERT_TRUE(cache->save_status(failing));
  auto c = cache->load(now);
  EXPECT_EQ(c.sources.at("air").latest.size(), 2u);
  EXPECT_EQ(c.sources.at("air").status.consecutive_failures, 3);
  EXPECT_EQ(c.sources.at("air").status.last_error, "source 'air': GET u: HTTP 500");
}

TEST(Cache, ADamagedFileIsSetAsideNotFatal) {
  TempDir dir;
  {
    std::ofstream junk(dir / "kiosk-cache.sqlite", std::ios::binary);
    junk << std::string(8192, '\x5a');
  }
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache) << error;
  EXPECT_TRUE(fs::exists(dir / "kiosk-cache.sqlite.broken"));
  EXPECT_TRUE(cache->load(0).sources.empty());
}

TEST(Cache, ABusyCacheIsWaitedForNeverSetAside) {
  TempDir dir;
  std::string error;
  {
    auto cache = data::Cache::open(dir.path(), error);
    ASSERT_TRUE(cache) << error;
    ASSERT_TRUE(cache->save_success("air", "https://x", readings("air", 2, 10, 1000), {}, {},
                                    ok_status("air", 1000), {}, 1000));
  }
  // Another process holds the database locked for longer than one busy timeout (2 s).
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "kiosk-cache.sqlite").c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::thread release([other] {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(other);
  });
  auto cache = data::Cache::open(dir.path(), error);
  release.join();
  ASSERT_TRUE(cache) << error;
  EXPECT_FALSE(fs::exists(dir / "kiosk-cache.sqlite.broken"));
  EXPECT_EQ(cache->load(0).sources.size(), 1u);  // the readings are still there
}

TEST(Cache, KeepsBelowDetectionFlagsAndBikeStationService) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  {
    std::string error;
    auto cache = data::Cache::open(dir.path(), error);
    ASSERT_TRUE(cache) << error;
    std::vector<Reading> latest = readings("air", 2, 0.5, now - 600);
    latest[1].flag = ReadingFlag::below_detection;
    StationInfo shut{"air", "st0", "", "Pier", 37.5, 121.4, true};
    shut.service = StationService::no_rentals;
    StationInfo zone{"air", "st1", "", "Beach", 37.6, 121.5, true};
    zone.is_virtual = true;
    ASSERT_TRUE(cache->save_success("air", "https://x/y", latest, {shut, zone}, latest, ok_status("air", now),
                                    {}, now));
  }
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache) << error;
  data::CacheContents c = cache->load(now);
  const auto& air = c.sources.at("air");
  ASSERT_EQ(air.latest.size(), 2u);
  EXPECT_TRUE(air.latest[0].measured());
  EXPECT_TRUE(air.latest[1].below_detection());
  ASSERT_EQ(air.stations.size(), 2u);
  EXPECT_EQ(air.stations[0].service, StationService::no_rentals);
  EXPECT_TRUE(air.stations[1].is_virtual);
  // A limit is not a concentration: only the measured value went into the trend history.
  EXPECT_EQ(c.history.count({"st0", "pm25_1h"}), 1u);
  EXPECT_EQ(c.history.count({"st1", "pm25_1h"}), 0u);
}

TEST(Cache, NumbersThisBuildDoesNotKnowAreNotTakenAtFaceValue) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  {
    std::string error;
    auto cache = data::Cache::open(dir.path(), error);
    ASSERT_TRUE(cache) << error;
    StationInfo a{"air", "st0", "", "Pier", 37.5, 121.4, true};
    StationInfo b{"air", "st1", "", "Beach", 37.6, 121.5, true};
    ASSERT_TRUE(cache->save_success("air", "https://x/y", readings("air", 3, 12.5, now - 600), {a, b}, {},
                                    ok_status("air", now), {}, now));
  }
  {
    // As a newer build (or a damaged row) would leave them.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((fs::path(dir.path()) / "kiosk-cache.sqlite").c_str(), &db), SQLITE_OK);
    const char* newer = R"sql(
UPDATE latest SET flag = 7 WHERE station = 'st0';
UPDATE latest SET flag = -1 WHERE station = 'st1';
UPDATE station SET service = 4 WHERE id = 'st0';
UPDATE station SET service = -1 WHERE id = 'st1';
UPDATE source_state SET state = 3;
)sql";
    ASSERT_EQ(sqlite3_exec(db, newer, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache) << error;
  const data::CacheContents contents = cache->load(now);
  const auto& air = contents.sources.at("air");
  ASSERT_EQ(air.latest.size(), 1u);  // an unknown flag is not a measurement: dropped
  EXPECT_EQ(air.latest[0].station, "st2");
  ASSERT_EQ(air.stations.size(), 2u);
  EXPECT_EQ(air.stations[0].service, StationService::closed);
  EXPECT_EQ(air.stations[1].service, StationService::closed);
  EXPECT_EQ(air.status.state, SourceState::never_fetched);
}

TEST(Cache, ACacheFromBeforeTheFlagsGainsTheirColumns) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((fs::path(dir.path()) / "kiosk-cache.sqlite").c_str(), &db), SQLITE_OK);
    // The first release's tables, with one reading and one station in them.
    const char* old = R"sql(
CREATE TABLE latest (
  source TEXT NOT NULL, station TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
  observed_at INTEGER NOT NULL, fetched_at INTEGER NOT NULL, PRIMARY KEY (source, station, metric));
CREATE TABLE station (
  source TEXT NOT NULL, id TEXT NOT NULL, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, lat REAL NOT NULL,
  lon REAL NOT NULL, has_position INTEGER NOT NULL, PRIMARY KEY (source, id));
INSERT INTO latest VALUES ('bikes', 'b1', 'bikes_available', 6, 'count', 1772434800, 1772434800);
INSERT INTO station VALUES ('bikes', 'b1', '', 'Pier', 37.5, 121.4, 1);
)sql";
    ASSERT_EQ(sqlite3_exec(db, old, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache) << error;
  data::CacheContents c = cache->load(now);
  ASSERT_EQ(c.sources.count("bikes"), 1u);
  ASSERT_EQ(c.sources.at("bikes").latest.size(), 1u);
  EXPECT_TRUE(c.sources.at("bikes").latest[0].measured());
  ASSERT_EQ(c.sources.at("bikes").stations.size(), 1u);
  EXPECT_EQ(c.sources.at("bikes").stations[0].service, StationService::open);
  // And it takes new rows with the new columns.
  EXPECT_TRUE(cache->save_success("bikes", "https://x/y", readings("bikes", 1, 3, now), {}, {},
                                  ok_status("bikes", now), {}, now))
      << cache->last_error();
}

TEST(Cache, SchemaHasOnlyPortableColumnTypes) {
  TempDir dir;
  std::string error;
  ASSERT_TRUE(data::Cache::open(dir.path(), error));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "kiosk-cache.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT count(*) FROM sqlite_schema s, pragma_table_info(s.name) c "
                     "WHERE s.type = 'table' AND c.type NOT IN ('TEXT', 'INTEGER', 'REAL')",
                     -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 0);  // no BLOBs with host byte order or struct layout
  sqlite3_finalize(q);
  sqlite3_close(db);
}

// The child writes generation after generation; each transaction replaces all 50 readings with the
// generation number. It says when its first commit is done, and is killed a random moment after that,
// so every kill lands while it is writing. The parent must then find a database that passes
// integrity_check and holds one whole generation, never older than the last one it saw.
[[noreturn]] void write_forever(const fs::path& dir, int ready_fd) {
  std::string error;
  auto cache = data::Cache::open(dir, error);
  if (!cache) _exit(3);
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  double generation = 0;
  auto c = cache->load(now);
  if (c.sources.count("air") && !c.sources.at("air").latest.empty())
    generation = c.sources.at("air").latest[0].value;
  for (bool told = false;; told = true) {
    generation += 1;
    auto latest = readings("air", 50, generation, now);
    std::vector<Reading> history = latest;
    for (auto& h : history) h.observed_at = now - static_cast<UnixTime>(generation) % 100 * 3600;
    cache->save_success("air", "u", latest, {}, history, ok_status("air", now), {}, now);
    if (!told) {
      char byte = 1;
      if (::write(ready_fd, &byte, 1) != 1) _exit(4);
    }
  }
}

TEST(Cache, KillNineDuringWritesLeavesTheLastCommit) {
  TempDir dir;
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> pause_us(0, 30000);
  double last_seen = 0;
  const int rounds = 60;
  for (int round = 0; round < rounds; ++round) {
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(pipe_fds[0]);
      write_forever(dir.path(), pipe_fds[1]);
    }
    ::close(pipe_fds[1]);
    char byte = 0;
    ASSERT_EQ(::read(pipe_fds[0], &byte, 1), 1) << "the writer never committed (round " << round << ")";
    ::close(pipe_fds[0]);
    ::usleep(static_cast<useconds_t>(pause_us(rng)));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself (status " << status << ")";

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "kiosk-cache.sqlite").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "ok") << "round " << round;
    sqlite3_finalize(q);
    ASSERT_EQ(
        sqlite3_prepare_v2(db, "SELECT count(*), min(value), max(value) FROM latest WHERE source = 'air'", -1,
                           &q, nullptr),
        SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    int count = sqlite3_column_int(q, 0);
    double lo = sqlite3_column_double(q, 1), hi = sqlite3_column_double(q, 2);
    sqlite3_finalize(q);
    sqlite3_close(db);
    EXPECT_EQ(count, 50) << "round " << round;
    EXPECT_EQ(lo, hi) << "a half-written generation is visible in round " << round;
    EXPECT_GT(hi, last_seen) << "the committed generation went back in round " << round;
    last_seen = hi;
  }
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST(Cache, AnImplausibleValueCachedBeforeTheRuleIsNotShownAgain) {
  TempDir dir;
  const UnixTime now = test::at("2026-03-02T07:00:00Z");
  {
    std::string error;
    auto cache = data::Cache::open(dir.path(), error);
    ASSERT_TRUE(cache) << error;
    std::vector<Reading> latest = {{"air", "st0", "pm25_1h", 1e308, "ug/m3", now - 600, now},
                                   {"air", "st1", "pm25_1h", 35, "ug/m3", now - 600, now},
                                   {"air", "st1", "bikes_available", 1e10, "count", now - 600, now},
                                   {"air", "st1", "temperature", 1e308, "C", now - 600, now}};
    ASSERT_TRUE(
        cache->save_success("air", "https://x/y", latest, {}, latest, ok_status("air", now), {}, now));
  }
  std::string error;
  auto cache = data::Cache::open(dir.path(), error);
  ASSERT_TRUE(cache) << error;
  data::CacheContents c = cache->load(now);
  const auto& air = c.sources.at("air");
  ASSERT_EQ(air.latest.size(), 2u);  // PM2.5 35 and the metric the kiosk does not know
  EXPECT_EQ(air.latest[0].metric, "pm25_1h");
  EXPECT_EQ(air.latest[0].value, 35);
  EXPECT_EQ(c.history.count({"st0", "pm25_1h"}), 0u);
  EXPECT_EQ(c.history.count({"st1", "bikes_available"}), 0u);
  EXPECT_EQ(c.history.count({"st1", "pm25_1h"}), 1u);
}

}  // namespace
}  // namespace kiosk
