// GBFS 2.3 and 3.0 against the loopback server: a station that is not installed, not renting or not
// returning is closed or limited (never "bikes available"), a virtual station has no docks, 3.0's
// vehicle fields are read, timestamps are POSIX seconds (2.x) or RFC 3339 (3.0), and each file is
// fetched as often as its own ttl says. Payloads are written here after the GBFS 2.3 and 3.0
// specifications (gbfs.md); the stations are made up.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "kiosk/data/fetch_worker.hpp"
#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;

const UnixTime kNow = test::at("2026-11-28T03:00:00Z");  // 1795834800

// A GBFS system on the loopback server: each file's body by name, and how often each was asked for.
struct BikeSystem {
  LoopbackServer loop;
  std::mutex mu;
  std::map<std::string, std::string> files;
  std::map<std::string, int> hits;

  void serve() {
    loop.server().Get(R"(/gbfs/(\w+)\.json)", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu);
      const std::string name = req.matches[1];
      ++hits[name];
      if (!files.count(name)) {
        res.status = 404;
        return;
      }
      res.set_content(files[name], "application/json");
    });
    loop.start();
  }
  int hits_of(const std::string& name) {
    std::lock_guard lock(mu);
    return hits[name];
  }
  void set(const std::string& name, std::string body) {
    std::lock_guard lock(mu);
    files[name] = std::move(body);
  }
  std::string url() { return loop.url("/gbfs/gbfs.json"); }
};

std::string discovery_v23(int ttl) {
  return R"({"last_updated": 1795834740, "ttl": )" + std::to_string(ttl) +
         R"(, "version": "2.3", "data": {"en": {"feeds": [
           {"name": "station_information", "url": "station_information.json"},
           {"name": "station_status", "url": "station_status.json"}]}}})";
}

std::string discovery_v30() {
  return R"({"last_updated": "2026-11-28T10:59:00+08:00", "ttl": 3600, "version": "3.0", "data": {"feeds": [
           {"name": "system_information", "url": "system_information.json"},
           {"name": "station_information", "url": "station_information.json"},
           {"name": "station_status", "url": "station_status.json"}]}})";
}

std::string information_v23(int ttl) {
  return R"({"last_updated": 1795834740, "ttl": )" + std::to_string(ttl) +
         R"(, "version": "2.3", "data": {"stations": [
    {"station_id": "open", "name": "Harbour Gate", "lat": 37.545, "lon": 121.385, "capacity": 12},
    {"station_id": "full", "name": "Pier Road", "lat": 37.546, "lon": 121.386, "capacity": 10},
    {"station_id": "broken", "name": "Old Town", "lat": 37.547, "lon": 121.387, "capacity": 10},
    {"station_id": "removed", "name": "Fair Ground", "lat": 37.548, "lon": 121.388, "capacity": 8},
    {"station_id": "shut", "name": "Night Market", "lat": 37.549, "lon": 121.389, "capacity": 8},
    {"station_id": "zone", "name": "Beach Zone", "lat": 37.550, "lon": 121.390, "is_virtual_station": true}]}})";
}

std::string status_v23(int ttl) {
  return R"({"last_updated": 1795834740, "ttl": )" + std::to_string(ttl) +
         R"(, "version": "2.3", "data": {"stations": [
    {"station_id": "open", "num_bikes_available": 6, "num_docks_available": 4, "is_installed": true,
     "is_renting": true, "is_returning": true, "last_reported": 1795834700},
    {"station_id": "full", "num_bikes_available": 9, "num_docks_available": 1, "is_installed": true,
     "is_renting": true, "is_returning": false, "last_reported": 1795834700},
    {"station_id": "broken", "num_bikes_available": 6, "num_docks_available": 4, "is_installed": true,
     "is_renting": false, "is_returning": true, "last_reported": 1795834700},
    {"station_id": "removed", "num_bikes_available": 3, "num_docks_available": 5, "is_installed": false,
     "is_renting": true, "is_returning": true, "last_reported": 1795834700},
    {"station_id": "shut", "num_bikes_available": 2, "num_docks_available": 6, "is_installed": true,
     "is_renting": false, "is_returning": false, "last_reported": 1795834700},
    {"station_id": "zone", "num_bikes_available": 5, "num_docks_available": 999, "is_installed": true,
     "is_renting": true, "is_returning": true, "last_reported": 1795834700}]}})";
}

data::SourceResult fetch(const SourceConfig& s, UnixTime now = kNow, data::KeptFeeds* kept = nullptr) {
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.network.total_timeout_seconds = 10;
  return data::fetch_source(s, curl, settings, {}, now, kept);
}

const StationInfo* station(const data::SourceResult& r, const std::string& id) {
  for (const auto& s : r.batch.stations)
    if (s.id == id) return &s;
  return nullptr;
}

const Reading* reading(const data::SourceResult& r, const std::string& station, const std::string& metric) {
  for (const auto& x : r.batch.readings)
    if (x.station == station && x.metric == metric) return &x;
  return nullptr;
}

TEST(GbfsStationState, StationsThatDoNotLendOrTakeBackAreClosedOrLimited) {
  BikeSystem sys;
  sys.set("gbfs", discovery_v23(86400));
  sys.set("station_information", information_v23(86400));
  sys.set("station_status", status_v23(0));
  sys.serve();
  data::SourceResult r = fetch(test::source("bikes", "gbfs", sys.url()));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.stations.size(), 6u);
  EXPECT_EQ(station(r, "open")->service, StationService::open);
  EXPECT_EQ(station(r, "full")->service, StationService::no_returns);
  EXPECT_EQ(station(r, "broken")->service, StationService::no_rentals);
  EXPECT_EQ(station(r, "removed")->service, StationService::closed);  // not installed
  EXPECT_EQ(station(r, "shut")->service, StationService::closed);     // neither renting nor returning
  EXPECT_FALSE(station(r, "broken")->renting());
  EXPECT_TRUE(station(r, "broken")->returning());
  // The counts stay what the station reports; the service says whether they can be used.
  EXPECT_EQ(reading(r, "broken", "bikes_available")->value, 6);
  EXPECT_EQ(reading(r, "removed", "bikes_available")->value, 3);
  EXPECT_EQ(reading(r, "open", "bikes_available")->observed_at, 1795834700);  // last_reported, POSIX seconds
}

TEST(GbfsStationState, AVirtualStationHasNoDocks) {
  BikeSystem sys;
  sys.set("gbfs", discovery_v23(86400));
  sys.set("station_information", information_v23(86400));
  sys.set("station_status", status_v23(0));
  sys.serve();
  data::SourceResult r = fetch(test::source("bikes", "gbfs", sys.url()));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(station(r, "zone")->is_virtual);
  EXPECT_EQ(reading(r, "zone", "bikes_available")->value, 5);
  EXPECT_EQ(reading(r, "zone", "docks_available"), nullptr);  // its 999 "docks" are not docks
  EXPECT_EQ(reading(r, "open", "docks_available")->value, 4);
}

TEST(GbfsStationState, V30VehicleFieldsAndRfc3339Times) {
  BikeSystem sys;
  sys.set("gbfs", discovery_v30());
  sys.set("station_information", R"({"last_updated": "2026-11-28T10:59:00+08:00", "ttl": 86400,
    "version": "3.0", "data": {"stations": [
    {"station_id": "A", "name": [{"text": "港城站", "language": "zh"}, {"text": "Harbour Town", "language": "en"}],
     "lat": 37.545, "lon": 121.385},
    {"station_id": "B", "name": [{"text": "Pier", "language": "en"}], "lat": 37.55, "lon": 121.39},
    {"station_id": "C", "name": [{"text": "Dune", "language": "en"}], "lat": 37.56, "lon": 121.40}]}})");
  sys.set("station_status", R"({"last_updated": "2026-11-28T10:58:30+08:00", "ttl": 0, "version": "3.0",
    "data": {"stations": [
    {"station_id": "A", "num_vehicles_available": 7, "num_docks_available": 3, "is_installed": true,
     "is_renting": true, "is_returning": true, "last_reported": "2026-11-28T10:58:00+08:00",
     "vehicle_types_available": [{"vehicle_type_id": "bike", "count": 5}, {"vehicle_type_id": "ebike", "count": 2}]},
    {"station_id": "B", "is_installed": true, "is_renting": true, "is_returning": true,
     "last_reported": "2026-11-28T02:57:00Z",
     "vehicle_types_available": [{"vehicle_type_id": "bike", "count": 1}, {"vehicle_type_id": "ebike", "count": 3}],
     "vehicle_docks_available": [{"vehicle_type_ids": ["bike", "ebike"], "count": 6}]},
    {"station_id": "C", "num_vehicles_available": 2, "num_docks_available": 8, "is_installed": true,
     "is_renting": false, "is_returning": true}]}})");
  sys.serve();
  data::SourceResult r = fetch(test::source("bikes3", "gbfs", sys.url()));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(reading(r, "A", "bikes_available")->value, 7);  // num_vehicles_available
  EXPECT_EQ(reading(r, "A", "bikes_available")->observed_at, test::at("2026-11-28T02:58:00Z"));
  EXPECT_EQ(reading(r, "B", "bikes_available")->value, 4);  // the sum of vehicle_types_available
  EXPECT_EQ(reading(r, "B", "docks_available")->value, 6);  // the sum of vehicle_docks_available
  EXPECT_EQ(reading(r, "B", "docks_available")->observed_at, test::at("2026-11-28T02:57:00Z"));
  // No last_reported: the file's last_updated, RFC 3339 with an offset.
  EXPECT_EQ(reading(r, "C", "bikes_available")->observed_at, test::at("2026-11-28T02:58:30Z"));
  EXPECT_EQ(station(r, "C")->service, StationService::no_rentals);
  EXPECT_EQ(station(r, "A")->name_zh, "港城站");
}

TEST(GbfsStationState, EachFileIsFetchedAsOftenAsItsOwnTtlSays) {
  BikeSystem sys;
  sys.set("gbfs", discovery_v23(3600));
  sys.set("station_information", information_v23(86400));
  sys.set("station_status", status_v23(0));
  sys.serve();
  const SourceConfig cfg = test::source("bikes", "gbfs", sys.url());
  data::KeptFeeds kept;

  data::SourceResult first = fetch(cfg, kNow, &kept);
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_EQ(sys.hits_of("gbfs"), 1);
  EXPECT_EQ(sys.hits_of("station_information"), 1);
  EXPECT_EQ(sys.hits_of("station_status"), 1);
  // Status ttl 0: every cycle. The information file's day does not set the source's interval.
  EXPECT_FALSE(first.max_age.has_value()) << *first.max_age;

  data::SourceResult minute_later = fetch(cfg, kNow + 60, &kept);
  ASSERT_TRUE(minute_later.ok) << minute_later.error;
  EXPECT_EQ(sys.hits_of("gbfs"), 1);
  EXPECT_EQ(sys.hits_of("station_information"), 1);
  EXPECT_EQ(sys.hits_of("station_status"), 2);
  EXPECT_EQ(minute_later.batch.stations.size(), 6u);  // names and positions from the kept file
  EXPECT_EQ(station(minute_later, "broken")->service, StationService::no_rentals);

  data::SourceResult hour_later = fetch(cfg, kNow + 3601, &kept);
  ASSERT_TRUE(hour_later.ok) << hour_later.error;
  EXPECT_EQ(sys.hits_of("gbfs"), 2);  // the discovery file's hour ran out
  EXPECT_EQ(sys.hits_of("station_information"), 1);
  EXPECT_EQ(sys.hits_of("station_status"), 3);

  data::SourceResult day_later = fetch(cfg, kNow + 86401, &kept);
  ASSERT_TRUE(day_later.ok) << day_later.error;
  EXPECT_EQ(sys.hits_of("station_information"), 2);  // daily
  EXPECT_EQ(sys.hits_of("station_status"), 4);
}

TEST(GbfsStationState, AFileWhoseTtlRanOutIsAskedForAgainWithItsEtag) {
  BikeSystem sys;
  std::atomic<int> unchanged{0};
  sys.loop.server().Get("/gbfs/station_information.json",
                        [&](const httplib::Request& req, httplib::Response& res) {
                          if (req.get_header_value("If-None-Match") == "\"info-1\"") {
                            ++unchanged;
                            res.status = 304;
                            return;
                          }
                          res.set_header("ETag", "\"info-1\"");
                          res.set_content(information_v23(600), "application/json");
                        });
  sys.set("gbfs", discovery_v23(86400));
  sys.set("station_status", status_v23(0));
  sys.serve();
  const SourceConfig cfg = test::source("bikes", "gbfs", sys.url());
  data::KeptFeeds kept;
  ASSERT_TRUE(fetch(cfg, kNow, &kept).ok);
  data::SourceResult later = fetch(cfg, kNow + 601, &kept);  // the information file's 600 s ran out
  ASSERT_TRUE(later.ok) << later.error;
  EXPECT_EQ(unchanged.load(), 1);
  EXPECT_FALSE(later.not_modified);               // the status is new: the fetch is not "not modified"
  EXPECT_EQ(later.batch.stations.size(), 6u);     // from the kept copy
  ASSERT_TRUE(fetch(cfg, kNow + 700, &kept).ok);  // kept for another 600 s after the 304
  EXPECT_EQ(unchanged.load(), 1);
  EXPECT_EQ(sys.hits_of("station_status"), 3);
}

TEST(GbfsStationState, TheStatusTtlAloneStretchesTheInterval) {
  BikeSystem sys;
  sys.set("gbfs", discovery_v23(60));
  sys.set("station_information", information_v23(86400));
  sys.set("station_status", status_v23(300));
  sys.serve();
  data::SourceResult r = fetch(test::source("bikes", "gbfs", sys.url()));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.max_age.value_or(0), 300);  // neither the discovery's 60 nor the information's 86400
}

TEST(GbfsStationState, TheWorkerFetchesStatusEveryCycleAndInformationDaily) {
  BikeSystem sys;
  sys.set("gbfs", discovery_v23(86400));
  sys.set("station_information", information_v23(86400));
  sys.set("station_status", status_v23(0));
  sys.serve();
  ManualClock clock(kNow);
  SourceConfig cfg = test::source("bikes", "gbfs", sys.url());
  cfg.refresh_seconds = 60;
  FetchOptions options;
  options.seed = 1;
  FetchWorker worker({cfg}, options, clock);
  worker.fetch_all_once();
  ASSERT_TRUE(worker.reports()[0].ok) << worker.reports()[0].error;
  EXPECT_LT(worker.seconds_until_due("bikes"), 60 * 1.11);  // not a day
  for (int i = 0; i < 3; ++i) {
    clock.advance(60);
    worker.fetch_all_once();
  }
  EXPECT_EQ(sys.hits_of("station_status"), 4);
  EXPECT_EQ(sys.hits_of("station_information"), 1);
  // A closed station stays closed in the snapshot the screens read.
  SnapshotPtr snap = worker.snapshot();
  bool seen = false;
  for (const auto& s : snap->stations)
    if (s.id == "shut") {
      seen = true;
      EXPECT_EQ(s.service, StationService::closed);
    }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace kiosk
