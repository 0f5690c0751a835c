// The `json` platform against the loopback server: a CNEMC-style GeoJSON document, a top-level array,
// offset/limit paging with the source's own parameter names, and next-link paging. Payloads are written
// here after RFC 7946 (GeoJSON); the station values are made up.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;

const UnixTime kNow = test::at("2026-11-28T03:00:00Z");

// One GeoJSON feature as a Chinese city portal publishes its air stations: all strings, naive Beijing time.
std::string feature(const std::string& code, const std::string& pm25, double lon, double lat) {
  return R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [)" + std::to_string(lon) +
         ", " + std::to_string(lat) + R"(]}, "properties": {"stationcode": ")" + code +
         R"(", "positionname": "港城站", "timepoint": "2026-11-28 10:00:00", "pm2_5": ")" + pm25 +
         R"(", "co": "0.6"}})";
}

SourceConfig geojson_source(const std::string& url) {
  SourceConfig s = test::source("city-geo", "json", url);
  FieldMap& f = s.fields;
  f.layout = "wide";
  f.records = "features";
  f.station = "properties/stationcode";
  f.name_zh = "properties/positionname";
  f.observed_at = "properties/timepoint";
  f.lat = "geometry/coordinates/1";
  f.lon = "geometry/coordinates/0";
  f.columns = {{"co_1h", "properties/co"}, {"pm25_1h", "properties/pm2_5"}};
  f.units = {{"co_1h", "mg/m3"}};
  return s;
}

data::SourceResult fetch(const SourceConfig& s) {
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.network.total_timeout_seconds = 10;
  return data::fetch_source(s, curl, settings, {}, kNow);
}

TEST(JsonPlatform, GeoJsonStationsWithPositionsAndNaiveLocalTimes) {
  LoopbackServer loop;
  std::atomic<int> hits{0};
  loop.server().Get("/air.geojson", [&](const httplib::Request& req, httplib::Response& res) {
    ++hits;
    EXPECT_FALSE(req.has_param("limit"));  // a static document gets no paging parameters
    res.set_content(R"({"type": "FeatureCollection", "features": [)" +
                        feature("1001A", "35", 121.385, 37.545) + "," + feature("1002A", "—", 121.40, 37.50) +
                        "]}",
                    "application/geo+json");
  });
  loop.start();
  data::SourceResult r = fetch(geojson_source(loop.url("/air.geojson")));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(hits.load(), 1);
  ASSERT_EQ(r.batch.readings.size(), 3u);  // 1002A's PM2.5 is a no-value marker
  EXPECT_EQ(r.batch.readings[0].station, "1001A");
  EXPECT_EQ(r.batch.readings[0].metric, "co_1h");
  EXPECT_DOUBLE_EQ(r.batch.readings[0].value, 0.6);
  EXPECT_EQ(r.batch.readings[1].metric, "pm25_1h");
  EXPECT_DOUBLE_EQ(r.batch.readings[1].value, 35);
  EXPECT_EQ(r.batch.readings[1].observed_at, test::at("2026-11-28T02:00:00Z"));  // zone +08:00
  ASSERT_EQ(r.batch.stations.size(), 2u);
  EXPECT_EQ(r.batch.stations[0].name_zh, "港城站");
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lat, 37.545);  // GeoJSON is [lon, lat]
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lon, 121.385);
}

TEST(JsonPlatform, TopLevelArrayPagedByOffsetWithItsOwnParameterNames) {
  LoopbackServer loop;
  loop.server().Get("/api/readings", [&](const httplib::Request& req, httplib::Response& res) {
    EXPECT_EQ(req.get_param_value("rows"), "2");
    const int from = std::stoi(req.get_param_value("start"));
    std::string body = "[";
    for (int i = from; i < std::min(from + 2, 5); ++i)
      body += std::string(i > from ? "," : "") + R"({"site": "S)" + std::to_string(i) +
              R"(", "param": "pm10", "val": 40, "t": "2026-11-28T10:00:00+08:00"})";
    res.set_content(body + "]", "application/json");
  });
  loop.start();
  SourceConfig s = test::source("plain", "json", loop.url("/api/readings"));
  s.fields.records = "$";
  s.fields.station = "site";
  s.fields.metric = "param";
  s.fields.value = "val";
  s.fields.observed_at = "t";
  s.page_size = 2;
  s.paging.mode = "offset";
  s.paging.offset_param = "start";
  s.paging.limit_param = "rows";
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.requests, 3);  // 2 + 2 + 1: the short page ends it
  ASSERT_EQ(r.batch.readings.size(), 5u);
  EXPECT_EQ(r.batch.readings[4].station, "S4");
  EXPECT_EQ(r.batch.readings[4].metric, "pm10_1h");
}

TEST(JsonPlatform, NextLinkPagingFollowsRelativeLinksUntilThereIsNone) {
  LoopbackServer loop;
  loop.server().Get("/v1/stations", [&](const httplib::Request& req, httplib::Response& res) {
    const bool second = req.get_param_value("cursor") == "b";
    std::string next = second ? "null" : R"("/v1/stations?cursor=b")";
    res.set_content(R"({"type": "FeatureCollection", "links": {"next": )" + next + R"(}, "features": [)" +
                        feature(second ? "2" : "1", "20", 121.0, 37.0) + "]}",
                    "application/json");
  });
  loop.start();
  SourceConfig s = geojson_source(loop.url("/v1/stations"));
  s.paging.mode = "next";
  s.paging.next = "links/next";
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.requests, 2);
  ASSERT_EQ(r.batch.stations.size(), 2u);
  EXPECT_EQ(r.batch.stations[1].id, "2");
}

TEST(JsonPlatform, FilterKeepsOnlyPublishedValidRecordsAndCountsTheRest) {
  LoopbackServer loop;
  loop.server().Get("/rows.json", [&](const httplib::Request&, httplib::Response& res) {
    // CNEMC-style "ispublish" as a string, Socrata-style "is_valid" as a boolean
    res.set_content(R"([
      {"site": "A", "param": "pm10", "val": 40, "t": "2026-11-28 10:00:00", "ispublish": "true", "is_valid": true},
      {"site": "B", "param": "pm10", "val": 41, "t": "2026-11-28 10:00:00", "ispublish": "false", "is_valid": true},
      {"site": "C", "param": "pm10", "val": 42, "t": "2026-11-28 10:00:00", "ispublish": "true", "is_valid": false},
      {"site": "D", "param": "pm10", "val": 43, "t": "2026-11-28 10:00:00", "is_valid": true}])",
                    "application/json");
  });
  loop.start();
  SourceConfig s = test::source("filtered", "json", loop.url("/rows.json"));
  s.fields.station = "site";
  s.fields.metric = "param";
  s.fields.value = "val";
  s.fields.observed_at = "t";
  s.fields.filter = {{"ispublish", "true"}, {"is_valid", "true"}};
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.readings.size(), 1u);
  EXPECT_EQ(r.batch.readings[0].station, "A");
  EXPECT_EQ(r.batch.filtered_count, 3u);
  EXPECT_EQ(r.batch.rejected_count, 0u);  // counted, not warned about
  EXPECT_TRUE(r.batch.rejected.empty());
}

TEST(JsonPlatform, FirstPresentPathWinsAndAConstantStandsInForAField) {
  LoopbackServer loop;
  loop.server().Get("/mixed.json", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"([
      {"geometry": {"type": "Point", "coordinates": [121.1, 37.1]}, "pm": 10, "t": "2026-11-28T10:00:00+08:00"},
      {"location": {"latitude": 37.2, "longitude": 121.2}, "pm": 11, "t": "2026-11-28T10:00:00+08:00"}])",
                    "application/json");
  });
  loop.start();
  SourceConfig s = test::source("mixed", "json", loop.url("/mixed.json"));
  s.fields.constants = {{"station", "ST-42"}, {"metric", "pm25_1h"}};
  s.fields.value = "pm";
  s.fields.observed_at = "t";
  s.fields.lat = "geometry/coordinates/1";
  s.fields.lon = "geometry/coordinates/0";
  s.fields.alternatives = {{"lat", {"location/latitude"}}, {"lon", {"location/longitude"}}};
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.readings.size(), 2u);
  EXPECT_EQ(r.batch.readings[0].station, "ST-42");
  EXPECT_EQ(r.batch.readings[1].metric, "pm25_1h");
  ASSERT_EQ(r.batch.stations.size(), 1u);  // the first description of a station wins
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lat, 37.1);
}

TEST(JsonPlatform, AlternativePathIsUsedWhenTheFirstIsMissing) {
  LoopbackServer loop;
  loop.server().Get("/legacy.json", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"([{"id": "L1", "location": {"latitude": 37.2, "longitude": 121.2}, "pm": 11,
                         "t": "2026-11-28T10:00:00+08:00"}])",
                    "application/json");
  });
  loop.start();
  SourceConfig s = test::source("legacy", "json", loop.url("/legacy.json"));
  s.fields.station = "id";
  s.fields.constants = {{"metric", "pm25_1h"}};
  s.fields.value = "pm";
  s.fields.observed_at = "t";
  s.fields.lat = "geometry/coordinates/1";
  s.fields.lon = "geometry/coordinates/0";
  s.fields.alternatives = {{"lat", {"location/latitude"}}, {"lon", {"location/longitude"}}};
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_TRUE(r.batch.stations[0].has_position);
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lat, 37.2);
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lon, 121.2);
}

TEST(JsonPlatform, AWrongRecordsPathSaysWhatToWrite) {
  LoopbackServer loop;
  loop.server().Get("/x.json", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"data": []})", "application/json");
  });
  loop.start();
  data::SourceResult r = fetch(geojson_source(loop.url("/x.json")));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("no records array at 'features'"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("\"$\" for a top-level array"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace kiosk
