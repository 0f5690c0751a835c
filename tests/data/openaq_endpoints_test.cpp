// OpenAQ v3 endpoints against the loopback server: /locations paged while pages are full whatever
// meta.found says, /locations/{id}/latest, /parameters/{id}/latest and /sensors/{id}/measurements, null
// coordinates. Payloads are written here after the OpenAQ v3 API documentation (docs.openaq.org); the
// values are made up.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "support/fetch_once.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;

const UnixTime kNow = test::at("2026-11-28T03:00:00Z");

data::SourceResult fetch(const SourceConfig& s) {
  return test::fetch_once(s, kNow);
}

std::string location(int id, const std::string& coordinates) {
  return R"({"id": )" + std::to_string(id) + R"(, "name": "Site )" + std::to_string(id) +
         R"(", "coordinates": )" + coordinates + R"(, "sensors": [{"id": )" + std::to_string(id * 10) +
         R"(, "name": "pm25 µg/m³", "parameter": {"id": 2, "name": "pm25", "units": "µg/m³", "displayName": "PM2.5"}}]})";
}

std::string latest(int location, double value, const std::string& coordinates) {
  return R"({"datetime": {"utc": "2026-11-28T02:00:00Z", "local": "2026-11-28T10:00:00+08:00"}, "value": )" +
         std::to_string(value) + R"(, "coordinates": )" + coordinates + R"(, "sensorsId": )" +
         std::to_string(location * 10) + R"(, "locationsId": )" + std::to_string(location) + "}";
}

const std::string kPoint = R"({"latitude": 37.5, "longitude": 121.4})";

TEST(OpenAqEndpoints, LocationsPageWhileFullWhateverFoundSays) {
  LoopbackServer loop;
  std::atomic<int> pages{0};
  loop.server().Get("/v3/locations", [&](const httplib::Request& req, httplib::Response& res) {
    ++pages;
    EXPECT_EQ(req.get_param_value("limit"), "2");
    const int page = std::stoi(req.get_param_value("page"));
    std::string results;
    if (page == 1)
      results = location(1, kPoint) + "," + location(2, R"({"latitude": null, "longitude": null})");
    if (page == 2) results = location(3, "null") + "," + location(4, kPoint);
    if (page == 3) results = location(5, kPoint);
    // found undercounts (a number) on the first page and is a string on the others
    res.set_content(
        R"({"meta": {"name": "openaq-api", "page": )" + std::to_string(page) + R"(, "limit": 2, "found": )" +
            (page == 1 ? std::string("2") : std::string("\">4\"")) + R"(}, "results": [)" + results + "]}",
        "application/json");
  });
  loop.server().Get(
      R"(/v3/locations/(\d+)/latest)", [&](const httplib::Request& req, httplib::Response& res) {
        const int id = std::stoi(req.matches[1]);
        res.set_content(R"({"meta": {"found": 1}, "results": [)" + latest(id, id * 1.5, kPoint) + "]}",
                        "application/json");
      });
  loop.start();
  SourceConfig s = test::source("openaq", "openaq", loop.url("/v3/locations"));
  s.page_size = 2;
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(pages.load(), 3);  // 2 + 2 + 1
  ASSERT_EQ(r.batch.stations.size(), 5u);
  ASSERT_EQ(r.batch.readings.size(), 5u);
  EXPECT_EQ(r.batch.readings[0].metric, "pm25_1h");
  EXPECT_EQ(r.batch.readings[0].observed_at, test::at("2026-11-28T02:00:00Z"));  // datetime.utc
  EXPECT_TRUE(r.batch.stations[0].has_position);
  EXPECT_FALSE(r.batch.stations[1].has_position);  // null latitude and longitude: no position, not 0,0
  EXPECT_FALSE(r.batch.stations[2].has_position);  // null coordinates
  EXPECT_DOUBLE_EQ(r.batch.stations[3].lat, 37.5);
}

TEST(OpenAqEndpoints, OneLocationsLatest) {
  LoopbackServer loop;
  loop.server().Get("/v3/locations/7", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"meta": {"found": 1}, "results": [)" + location(7, kPoint) + "]}",
                    "application/json");
  });
  loop.server().Get("/v3/locations/7/latest", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"meta": {"found": 1}, "results": [)" + latest(7, 12, kPoint) + "]}",
                    "application/json");
  });
  loop.start();
  data::SourceResult r = fetch(test::source("openaq", "openaq", loop.url("/v3/locations/7/latest")));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.readings.size(), 1u);
  EXPECT_DOUBLE_EQ(r.batch.readings[0].value, 12);
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_EQ(r.batch.stations[0].name_en, "Site 7");
}

TEST(OpenAqEndpoints, ParametersLatestGivesEveryLocationsValue) {
  LoopbackServer loop;
  loop.server().Get("/v3/parameters/2", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        R"({"meta": {"found": 1}, "results": [{"id": 2, "name": "pm25", "units": "µg/m³", "displayName": "PM2.5"}]})",
        "application/json");
  });
  loop.server().Get("/v3/parameters/2/latest", [&](const httplib::Request& req, httplib::Response& res) {
    const int page = std::stoi(req.get_param_value("page"));
    std::string results =
        page == 1 ? latest(1, 10, kPoint) + "," + latest(2, 20, "null") : latest(3, 30, kPoint);
    res.set_content(R"({"meta": {"found": ">2"}, "results": [)" + results + "]}", "application/json");
  });
  loop.start();
  SourceConfig s = test::source("openaq", "openaq", loop.url("/v3/parameters/2/latest"));
  s.page_size = 2;
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.readings.size(), 3u);
  EXPECT_EQ(r.batch.readings[2].station, "3");
  EXPECT_EQ(r.batch.readings[2].metric, "pm25_1h");
  EXPECT_DOUBLE_EQ(r.batch.readings[2].value, 30);
  ASSERT_EQ(r.batch.stations.size(), 3u);
  EXPECT_FALSE(r.batch.stations[1].has_position);
  EXPECT_DOUBLE_EQ(r.batch.stations[2].lon, 121.4);
}

TEST(OpenAqEndpoints, SensorMeasurementsUseDatetimeUtcOrThePeriodsEnd) {
  LoopbackServer loop;
  loop.server().Get("/v3/sensors/3917/measurements", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        R"({"meta": {"found": 2}, "results": [)"
        R"({"value": 7.5, "parameter": {"id": 2, "name": "pm25", "units": "µg/m³"},)"
        R"( "period": {"label": "raw", "interval": "01:00:00",)"
        R"( "datetimeFrom": {"utc": "2026-11-28T00:00:00Z", "local": "2026-11-28T08:00:00+08:00"},)"
        R"( "datetimeTo": {"utc": "2026-11-28T01:00:00Z", "local": "2026-11-28T09:00:00+08:00"}},)"
        R"( "coordinates": null},)"
        R"({"value": 8.5, "parameter": {"id": 2, "name": "pm25", "units": "µg/m³"},)"
        R"( "datetime": {"utc": "2026-11-28T02:00:00Z", "local": "2026-11-28T10:00:00+08:00"},)"
        R"( "coordinates": null}]})",
        "application/json");
  });
  loop.start();
  SourceConfig s = test::source("openaq", "openaq", loop.url("/v3/sensors/3917/measurements"));
  s.station_ids = {{"3917", "air-harbour"}};
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.readings.size(), 2u);
  EXPECT_EQ(r.batch.readings[0].station, "air-harbour");
  EXPECT_EQ(r.batch.readings[0].observed_at, test::at("2026-11-28T01:00:00Z"));
  EXPECT_EQ(r.batch.readings[1].observed_at, test::at("2026-11-28T02:00:00Z"));
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_FALSE(r.batch.stations[0].has_position);
}

TEST(OpenAqEndpoints, AnUnknownEndpointSaysWhichAreRead) {
  data::SourceResult r = fetch(test::source("openaq", "openaq", "http://127.0.0.1:9/v3/countries"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("/v3/sensors/{id}/measurements"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace kiosk
