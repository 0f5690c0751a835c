// Naive timestamps read in a source's IANA zone, against the loopback server: Socrata floating timestamps
// (SODA 2 "floating_timestamp", ISO 8601 without an offset, e.g. "2026-03-08T01:30:00.000") in Los Angeles
// across the spring-forward night, and CKAN DataStore zone-less "timestamp" values in Paris across the
// fall-back night, with sources.toml's `zone` read from the file. Payloads are written here after the
// platforms' documentation; the stations and values are made up.
#include <gtest/gtest.h>

#include <toml++/toml.h>

#include "kiosk/core/content/files.hpp"
#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;

const UnixTime kNow = test::at("2026-11-02T00:00:00Z");

// One source from a sources.toml text, as the content reader makes it (zone looked up there).
SourceConfig read_source(const std::string& text) {
  ContentPack pack;
  Diagnostics diags;
  toml::table root = toml::parse(text, std::string_view("sources.toml"));
  content::FileCtx ctx{"sources.toml", KIOSK_CONTENT_DIR, diags, {}};
  content::read_sources(root, ctx, pack);
  EXPECT_EQ(pack.sources.size(), 1u);
  EXPECT_EQ(pack.sources.at(0).off, "");
  return pack.sources.at(0);
}

data::SourceResult fetch(const SourceConfig& s) {
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.network.total_timeout_seconds = 10;
  return data::fetch_source(s, curl, settings, {}, kNow);
}

std::vector<std::string> times_of(const data::SourceResult& r) {
  std::vector<std::string> out;
  for (const Reading& reading : r.batch.readings) out.push_back(format_iso_utc(reading.observed_at));
  return out;
}

std::string soda_row(const char* time, const char* value) {
  return std::string(R"({"site_id": "LA-DOWNTOWN", "parameter": "PM2.5", "value": ")") + value +
         R"(", "units": "ug/m3", "sample_time": ")" + time + R"("})";
}

TEST(SourceZones, SocrataFloatingTimestampsInLosAngelesAcrossSpringForward) {
  LoopbackServer loop;
  loop.server().Get("/resource/air1-2345.json", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("[" + soda_row("2026-03-08T01:30:00.000", "10") + "," +
                        soda_row("2026-03-08T02:30:00.000", "11") + "," +  // never on a clock that night
                        soda_row("2026-03-08T03:30:00.000", "12") + "," +
                        soda_row("2026-07-01T12:00:00.000", "9") + "]",
                    "application/json");
  });
  loop.start();
  SourceConfig s = read_source(R"([[source]]
id = "soda-la"
platform = "socrata"
url = ")" + loop.url("/resource/air1-2345.json") +
                               R"("
zone = "America/Los_Angeles"
[source.fields]
station = "site_id"
metric = "parameter"
value = "value"
unit = "units"
observed_at = "sample_time"
)");
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  // 01:30 PST; 02:30 read with PST (it is 03:30 PDT); 03:30 PDT; summer is PDT.
  EXPECT_EQ(times_of(r), (std::vector<std::string>{"2026-03-08T09:30:00Z", "2026-03-08T10:30:00Z",
                                                   "2026-03-08T10:30:00Z", "2026-07-01T19:00:00Z"}));
}

std::string ckan_record(const char* time, const char* pm25) {
  return std::string(R"({"_id": 1, "stationcode": "PARIS-18", "timepoint": ")") + time + R"(", "pm2_5": ")" +
         pm25 + R"("})";
}

TEST(SourceZones, CkanZonelessTimestampsInParisAcrossFallBack) {
  LoopbackServer loop;
  loop.server().Get("/api/3/action/datastore_search", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"help": "…", "success": true, "result": {"resource_id": "a1b2", "fields": [
        {"id": "stationcode", "type": "text"}, {"id": "timepoint", "type": "timestamp"},
        {"id": "pm2_5", "type": "text"}], "records": [)" +
                        ckan_record("2026-10-25T01:30:00", "20") + "," +
                        ckan_record("2026-10-25T02:30:00", "21") + "," +
                        ckan_record("2026-10-25T03:30:00", "22") + R"(], "total": 3}})",
                    "application/json");
  });
  loop.start();
  SourceConfig s = read_source(R"([[source]]
id = "ckan-paris"
platform = "ckan"
url = ")" + loop.url("/api/3/action/datastore_search") +
                               R"("
query = { resource_id = "a1b2" }
zone = "Europe/Paris"
[source.fields]
layout = "wide"
station = "stationcode"
observed_at = "timepoint"
[source.columns]
pm25_1h = "pm2_5"
)");
  data::SourceResult r = fetch(s);
  ASSERT_TRUE(r.ok) << r.error;
  // 01:30 CEST; 02:30 is lived twice and read as the earlier, CEST; 03:30 CET.
  EXPECT_EQ(times_of(r), (std::vector<std::string>{"2026-10-24T23:30:00Z", "2026-10-25T00:30:00Z",
                                                   "2026-10-25T02:30:00Z"}));
}

TEST(SourceZones, ShanghaiByNameReadsLikeTheFixedOffset) {
  LoopbackServer loop;
  loop.server().Get("/api/3/action/datastore_search", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"success": true, "result": {"records": [)" +
                        ckan_record("2026-07-01 10:00:00", "35") + R"(], "total": 1}})",
                    "application/json");
  });
  loop.start();
  const std::string head = R"([[source]]
id = "ckan-city"
platform = "ckan"
url = ")" + loop.url("/api/3/action/datastore_search") +
                           R"("
)";
  const std::string mapping = R"(
[source.fields]
layout = "wide"
station = "stationcode"
observed_at = "timepoint"
[source.columns]
pm25_1h = "pm2_5"
)";
  data::SourceResult by_name = fetch(read_source(head + "zone = \"Asia/Shanghai\"" + mapping));
  data::SourceResult by_offset = fetch(read_source(head + "zone = \"+08:00\"" + mapping));
  ASSERT_TRUE(by_name.ok) << by_name.error;
  ASSERT_TRUE(by_offset.ok) << by_offset.error;
  EXPECT_EQ(times_of(by_name), (std::vector<std::string>{"2026-07-01T02:00:00Z"}));
  EXPECT_EQ(times_of(by_offset), times_of(by_name));
}

}  // namespace
}  // namespace kiosk
