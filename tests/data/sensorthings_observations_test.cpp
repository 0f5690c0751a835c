// SensorThings 1.1 Observations against the loopback server: one Datastream's Observations with the
// station and metric given as constants, paging by @iot.nextLink taken verbatim, no $expand the source
// did not ask for, the end of an interval phenomenonTime, and results under the detection limit kept as
// such. Payloads are written here after OGC 18-088 (SensorThings API Part 1: Sensing 1.1, §8.2.7
// Observation, §9.3.3.7 nextLink); the values are made up.
#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

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

SourceConfig observations_source(const std::string& url) {
  SourceConfig s = test::source("sta-pm25", "sensorthings", url);
  s.fields.constants = {{"station", "ST-42"}, {"metric", "pm25_1h"}};
  return s;
}

std::vector<const Reading*> readings_at(const data::SourceResult& r, UnixTime t) {
  std::vector<const Reading*> out;
  for (const auto& x : r.batch.readings)
    if (x.observed_at == t) out.push_back(&x);
  return out;
}

TEST(SensorThingsObservations, FixedStationAndMetricNextLinkVerbatimAndNoExpand) {
  LoopbackServer loop;
  std::mutex mu;
  std::vector<std::string> targets;  // path and query as the server received them
  loop.server().Get(R"(/FROST-Server/v1\.1/Datastreams\(7\)/Observations)", [&](const httplib::Request& req,
                                                                                httplib::Response& res) {
    {
      std::lock_guard lock(mu);
      targets.push_back(req.target);
    }
    if (req.has_param("$skip")) {
      res.set_content(R"({"value": [
          {"@iot.id": 3, "phenomenonTime": "2026-11-28T00:00:00Z", "result": 18}]})",
                      "application/json");
      return;
    }
    const std::string next =
        "http://127.0.0.1:" + std::to_string(loop.port()) +
        "/FROST-Server/v1.1/Datastreams(7)/Observations?$top=2&$skip=2&$orderby=phenomenonTime%20desc";
    res.set_content(R"({"@iot.count": 3, "value": [
          {"@iot.id": 1, "phenomenonTime": "2026-11-28T01:00:00Z/2026-11-28T02:00:00Z", "resultTime": "2026-11-28T02:05:00Z", "result": 35},
          {"@iot.id": 2, "phenomenonTime": "2026-11-28T00:00:00Z/2026-11-28T01:00:00Z", "result": "21.5"}],
        "@iot.nextLink": ")" +
                        next + R"("})",
                    "application/json");
  });
  loop.start();
  data::SourceResult r =
      fetch(observations_source(loop.url("/FROST-Server/v1.1/Datastreams(7)/Observations")));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0], "/FROST-Server/v1.1/Datastreams(7)/Observations");  // nothing added
  EXPECT_EQ(targets[1],
            "/FROST-Server/v1.1/Datastreams(7)/Observations?$top=2&$skip=2&$orderby=phenomenonTime%20desc");
  ASSERT_EQ(r.batch.readings.size(), 3u);
  for (const auto& x : r.batch.readings) {
    EXPECT_EQ(x.station, "ST-42");
    EXPECT_EQ(x.metric, "pm25_1h");
  }
  // An interval is read at its end.
  ASSERT_EQ(readings_at(r, test::at("2026-11-28T02:00:00Z")).size(), 1u);
  EXPECT_EQ(readings_at(r, test::at("2026-11-28T02:00:00Z"))[0]->value, 35);
  EXPECT_EQ(readings_at(r, test::at("2026-11-28T01:00:00Z"))[0]->value, 21.5);
}

TEST(SensorThingsObservations, ResultsUnderTheDetectionLimitAreKeptAsSuch) {
  LoopbackServer loop;
  loop.server().Get(R"(/v1\.1/Datastreams\(9\)/Observations)",
                    [&](const httplib::Request&, httplib::Response& res) {
                      res.set_content(R"({"value": [
      {"phenomenonTime": "2026-11-28T02:00:00Z", "result": "<LOD"},
      {"phenomenonTime": "2026-11-28T01:00:00Z", "result": "<0.5"},
      {"phenomenonTime": "2026-11-28T00:00:00Z", "result": "< 2"},
      {"phenomenonTime": "2026-11-27T23:00:00Z", "result": 0.8}]})",
                                      "application/json");
                    });
  loop.start();
  SourceConfig s = test::source("sta-nh3n", "sensorthings", loop.url("/v1.1/Datastreams(9)/Observations"));
  s.fields.constants = {{"station", "river-3"}, {"metric", "nh3n"}};
  s.fields.units = {{"nh3n", "mg/L"}};
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.rejected_count, 0u) << (r.batch.rejected.empty() ? "" : r.batch.rejected[0]);
  ASSERT_EQ(r.batch.readings.size(), 4u);
  const Reading* lod = readings_at(r, test::at("2026-11-28T02:00:00Z"))[0];
  EXPECT_TRUE(lod->below_detection());
  EXPECT_FALSE(lod->has_limit());
  const Reading* half = readings_at(r, test::at("2026-11-28T01:00:00Z"))[0];
  EXPECT_TRUE(half->below_detection());
  EXPECT_TRUE(half->has_limit());
  EXPECT_DOUBLE_EQ(half->value, 0.5);
  EXPECT_DOUBLE_EQ(readings_at(r, test::at("2026-11-28T00:00:00Z"))[0]->value, 2);
  const Reading* measured = readings_at(r, test::at("2026-11-27T23:00:00Z"))[0];
  EXPECT_TRUE(measured->measured());
  EXPECT_DOUBLE_EQ(measured->value, 0.8);
}

TEST(SensorThingsObservations, WithoutAStationOrMetricTheSourceSaysWhatToGive) {
  LoopbackServer loop;
  loop.server().Get(
      R"(/v1\.1/Datastreams\(7\)/Observations)", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"value": [{"phenomenonTime": "2026-11-28T02:00:00Z", "result": 3}]})",
                        "application/json");
      });
  loop.start();
  data::SourceResult r =
      fetch(test::source("sta", "sensorthings", loop.url("/v1.1/Datastreams(7)/Observations")));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("source 'sta' (sensorthings): an Observations URL is one Datastream"),
            std::string::npos)
      << r.error;
  EXPECT_NE(r.error.find("station = { value"), std::string::npos) << r.error;
}

TEST(SensorThingsObservations, ADatastreamsUrlStillGetsItsDefaultExpand) {
  LoopbackServer loop;
  std::string expand;
  loop.server().Get(R"(/v1\.1/Datastreams)", [&](const httplib::Request& req, httplib::Response& res) {
    expand = req.get_param_value("$expand");
    res.set_content(R"({"value": [{"Thing": {"@iot.id": "T1", "name": "Harbour"},
      "ObservedProperty": {"name": "PM2.5"}, "unitOfMeasurement": {"symbol": "ug/m3"},
      "Observations": [{"phenomenonTime": "2026-11-28T02:00:00Z", "result": "<1"}]}]})",
                    "application/json");
  });
  loop.start();
  data::SourceResult r = fetch(test::source("sta", "sensorthings", loop.url("/v1.1/Datastreams")));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_NE(expand.find("Observations("), std::string::npos) << expand;
  ASSERT_EQ(r.batch.readings.size(), 1u);
  EXPECT_TRUE(r.batch.readings[0].below_detection());
  EXPECT_DOUBLE_EQ(r.batch.readings[0].value, 1);
}

TEST(BelowDetection, OnlyALessThanSignBeforeANumberOrAWordCounts) {
  using data::parse_below_detection;
  EXPECT_FALSE(parse_below_detection("<LOD")->limit.has_value());
  EXPECT_FALSE(parse_below_detection("<LOQ")->limit.has_value());
  EXPECT_DOUBLE_EQ(*parse_below_detection("<0.5")->limit, 0.5);
  EXPECT_DOUBLE_EQ(*parse_below_detection(" < 0.02 ")->limit, 0.02);
  EXPECT_FALSE(parse_below_detection("0.5"));
  EXPECT_FALSE(parse_below_detection("<"));
  EXPECT_FALSE(parse_below_detection("<0"));    // no limit is zero
  EXPECT_FALSE(parse_below_detection("<-1"));   // nor negative
  EXPECT_FALSE(parse_below_detection("<br>"));  // markup, not a result
  EXPECT_FALSE(parse_below_detection("<0.5mg"));
}

}  // namespace
}  // namespace kiosk
