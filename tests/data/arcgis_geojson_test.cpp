// ArcGIS `query` with f=geojson against the loopback server: attributes under `properties`, GeoJSON point
// geometry, `exceededTransferLimit` inside the top-level `properties`, and a null geometry. Payloads are
// written here after Esri's documented query output (f=geojson) and RFC 7946; the values are made up.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;

const UnixTime kNow = test::at("2026-11-28T03:00:00Z");

SourceConfig arcgis_source(const std::string& url) {
  SourceConfig s = test::source("arc-geo", "arcgis", url);
  s.fields.layout = "wide";
  s.fields.station = "STATION_CODE";
  s.fields.name_en = "NAME";
  s.fields.observed_at = "OBS_TIME";
  s.fields.columns = {{"pm25_1h", "PM25"}};
  s.page_size = 2;
  return s;
}

data::SourceResult fetch(const SourceConfig& s) {
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.network.total_timeout_seconds = 10;
  return data::fetch_source(s, curl, settings, {}, kNow);
}

std::string feature(const std::string& code, const std::string& geometry, int pm25) {
  return R"({"type": "Feature", "id": 1, "geometry": )" + geometry + R"(, "properties": {"STATION_CODE": ")" +
         code + R"(", "NAME": "Station )" + code + R"(", "OBS_TIME": 1795834800000, "PM25": )" +
         std::to_string(pm25) + "}}";
}

TEST(ArcgisGeoJson, PropertiesPointGeometryPagingAndNullGeometry) {
  LoopbackServer loop;
  loop.server().Get("/FeatureServer/0/query", [&](const httplib::Request& req, httplib::Response& res) {
    EXPECT_EQ(req.get_param_value("f"), "geojson");  // the source URL's own f is kept
    const bool first = req.get_param_value("resultOffset") == "0";
    std::string body = R"({"type": "FeatureCollection", "features": [)";
    if (first) {
      body += feature("A1", R"({"type": "Point", "coordinates": [121.385, 37.545]})", 35) + "," +
              feature("A2", "null", 12);
      body += R"(], "properties": {"exceededTransferLimit": true}})";
    } else {
      body += feature("A3", R"({"type": "Point", "coordinates": [-122.4, 37.8]})", 8) + "]}";
    }
    res.set_content(body, "application/geo+json");
  });
  loop.start();
  data::SourceResult r = fetch(arcgis_source(loop.url("/FeatureServer/0/query?f=geojson")));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.requests, 2);
  ASSERT_EQ(r.batch.readings.size(), 3u);
  EXPECT_EQ(r.batch.readings[0].station, "A1");
  EXPECT_DOUBLE_EQ(r.batch.readings[0].value, 35);
  EXPECT_EQ(r.batch.readings[0].observed_at, test::at("2026-11-28T03:00:00Z"));
  ASSERT_EQ(r.batch.stations.size(), 3u);
  EXPECT_EQ(r.batch.stations[0].name_en, "Station A1");
  EXPECT_TRUE(r.batch.stations[0].has_position);
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lat, 37.545);  // coordinates are [lon, lat]
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lon, 121.385);
  EXPECT_EQ(r.batch.stations[1].id, "A2");  // null geometry: kept, without a position
  EXPECT_FALSE(r.batch.stations[1].has_position);
  EXPECT_DOUBLE_EQ(r.batch.stations[2].lon, -122.4);
}

TEST(ArcgisGeoJson, JsonFormatStillReadsAttributesAndXY) {
  LoopbackServer loop;
  loop.server().Get("/FeatureServer/0/query", [&](const httplib::Request& req, httplib::Response& res) {
    EXPECT_EQ(req.get_param_value("f"), "json");  // the kiosk's default
    res.set_content(
        R"({"features": [{"attributes": {"STATION_CODE": "B1", "NAME": "Station B1", "OBS_TIME": 1795834800000,)"
        R"( "PM25": 20}, "geometry": {"x": 2.35, "y": 48.85}}, {"attributes": {"STATION_CODE": "B2", "OBS_TIME": 1795834800000, "PM25": 9},)"
        R"( "geometry": null}]})",
        "application/json");
  });
  loop.start();
  data::SourceResult r = fetch(arcgis_source(loop.url("/FeatureServer/0/query")));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.stations.size(), 2u);
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lat, 48.85);
  EXPECT_DOUBLE_EQ(r.batch.stations[0].lon, 2.35);
  EXPECT_FALSE(r.batch.stations[1].has_position);
  EXPECT_EQ(r.batch.readings.size(), 2u);
}

}  // namespace
}  // namespace kiosk
