// sources.toml: every key read, every mistake reported with file, line and column.
#include <gtest/gtest.h>

#include <toml++/toml.h>

#include "kiosk/core/content/files.hpp"

namespace kiosk {
namespace {

struct Read {
  ContentPack pack;
  Diagnostics diags;
  std::string all() const {
    std::string out;
    for (const auto& d : diags.items()) out += d.format() + "\n";
    return out;
  }
};

Read read(const std::string& text) {
  Read r;
  toml::table root = toml::parse(text, std::string_view("sources.toml"));
  content::FileCtx ctx{"sources.toml", KIOSK_CONTENT_DIR, r.diags, {}};
  content::read_sources(root, ctx, r.pack);
  return r;
}

TEST(SourcesFile, EveryKeyOfAMappedSource) {
  Read r = read(R"(
[[source]]
id = "city-air"
platform = "ckan"
url = "https://data.example.gov.cn/api/3/action/datastore_search"
query = { resource_id = "abc", limit = 500, api_key = { env = "CITY_KEY" } }
headers = { Authorization = { file = "/etc/kiosk/ckan.token" }, Accept-Language = "zh" }
refresh_seconds = 900
stale_seconds = 3600
zone = "+08:00"
ca_file = "/etc/kiosk/city-ca.pem"
max_body_bytes = 4194304
page_size = 500
max_pages = 40
missing_values = ["<DL"]
station_prefix = "c-"
name = { zh = "市空气", en = "City air" }
[source.fields]
layout = "wide"
station = "stationcode"
name_zh = "positionname"
observed_at = "timepoint"
lat = "latitude"
lon = "longitude"
[source.columns]
pm25_1h = "pm2_5"
co_1h = "co"
[source.units]
co_1h = "mg/m3"
[source.stations]
"1001A" = "air-harbour"
)");
  ASSERT_FALSE(r.diags.has_errors()) << r.all();
  ASSERT_EQ(r.pack.sources.size(), 1u);
  const SourceConfig& s = r.pack.sources[0];
  EXPECT_EQ(s.query.size(), 3u);
  EXPECT_EQ(s.query[1].name, "limit");
  EXPECT_EQ(s.query[1].value.literal, "500");
  EXPECT_EQ(s.query[0].value.env, "CITY_KEY");
  EXPECT_TRUE(s.query[0].value.secret());
  EXPECT_EQ(s.headers[1].value.file, "/etc/kiosk/ckan.token");
  EXPECT_EQ(s.time_zone.instant_from_local(8 * 3600), 0);  // +08:00
  EXPECT_EQ(s.effective_stale_seconds(), 3600);
  EXPECT_EQ(s.max_body_bytes, 4194304u);
  EXPECT_EQ(s.fields.layout, "wide");
  ASSERT_EQ(s.fields.columns.size(), 2u);
  EXPECT_EQ(s.fields.columns[1].first, "pm25_1h");  // sorted by metric
  EXPECT_EQ(s.fields.columns[1].second, "pm2_5");
  EXPECT_EQ(s.fields.units.at("co_1h"), "mg/m3");
  EXPECT_EQ(s.station_ids.at("1001A"), "air-harbour");
  EXPECT_EQ(s.missing_values.at(0), "<DL");
}

TEST(SourcesFile, MistakesArePositioned) {
  Read r = read(R"([[source]]
id = "x"
platform = "socrata"
url = "ftp://example.org/data"
zone = "Asia/Shangai"
refresh_secs = 60
[source.fields]
station = "id"
[source.columns]
pm25 = "pm25"
)");
  std::string all = r.all();
  const std::string off = "warning: source 'x' is off until fixed: ";
  EXPECT_NE(all.find("sources.toml:4:7: " + off + "'url': scheme 'ftp' is not supported"), std::string::npos)
      << all;
  EXPECT_NE(
      all.find("sources.toml:5:8: " + off +
               "'zone' is 'Asia/Shangai', which is not a time zone in the system's tzdata; did you mean "
               "'Asia/Shanghai'?"),
      std::string::npos)
      << all;
  EXPECT_NE(all.find("sources.toml:6:1: " + off + "unknown key 'refresh_secs' in [[source]]"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("sources.toml:10:1: warning: 'columns.pm25' is not a kiosk metric"), std::string::npos)
      << all;
  EXPECT_NE(
      all.find(off + "source 'x' (socrata) needs a field mapping; missing in [source.fields]: observed_at "
                     "value metric"),
      std::string::npos)
      << all;
  ASSERT_EQ(r.pack.sources.size(), 1u);
  EXPECT_EQ(r.pack.sources[0].off,
            "sources.toml:4:7: error: 'url': scheme 'ftp' is not supported; use https://, "
            "http:// or a path inside the content folder");
}

TEST(SourcesFile, OneBadSourceIsOffAndTheOthersStayOn) {
  Read r = read(R"([[source]]
id = "good"
platform = "kiosk-feed"
url = "demo/air.json"
[[source]]
id = "bad"
platform = "kiosk-feed"
url = "demo/air.json"
refresh_seconds = "often"
[[source]]
id = "good2"
platform = "gbfs"
url = "https://bikes.example.com/gbfs/gbfs.json"
)");
  EXPECT_FALSE(r.diags.has_errors()) << r.all();
  EXPECT_NE(r.all().find("sources.toml:9:19: warning: source 'bad' is off until fixed: "), std::string::npos)
      << r.all();
  ASSERT_EQ(r.pack.sources.size(), 3u);
  EXPECT_EQ(r.pack.sources[0].off, "");
  EXPECT_EQ(r.pack.sources[1].off.rfind("sources.toml:9:19: error: ", 0), 0u) << r.pack.sources[1].off;
  EXPECT_EQ(r.pack.sources[2].off, "");
}

// An Observations URL names one Datastream: a source without its own station cannot work, and says
// so where it is written, before any fetch.
TEST(SourcesFile, AnObservationsUrlWithoutAStationIsOffUntilItHasOne) {
  Read r = read(R"([[source]]
id = "buoy"
platform = "sensorthings"
url = "https://sta.example.org/v1.1/Datastreams(7)/Observations"
[[source]]
id = "buoy2"
platform = "sensorthings"
url = "https://sta.example.org/v1.1/Datastreams(8)/Observations?$top=10"
[source.fields]
station = { value = "buoy-8" }
metric = { value = "wtemp" }
)");
  EXPECT_NE(r.all().find("sources.toml:4:7: warning: source 'buoy' is off until fixed: source 'buoy': an "
                         "Observations URL is one Datastream; give its station and metric"),
            std::string::npos)
      << r.all();
  ASSERT_EQ(r.pack.sources.size(), 2u);
  EXPECT_NE(r.pack.sources[0].off, "");
  EXPECT_EQ(r.pack.sources[1].off, "") << r.all();
}

TEST(SourcesFile, AMappingToNoKioskMetricIsAWarningNotAnError) {
  Read r = read(R"([[source]]
id = "temps"
platform = "ckan"
url = "https://data.example.gov.cn/api/3/action/datastore_search"
[source.fields]
layout = "wide"
station = "site"
observed_at = "time"
[source.columns]
temperature = "temp"
[source.metrics]
"Temperature" = "air_temp"
)");
  EXPECT_FALSE(r.diags.has_errors()) << r.all();
  EXPECT_NE(r.all().find("sources.toml:10:1: warning: 'columns.temperature' is not a kiosk metric"),
            std::string::npos)
      << r.all();
  EXPECT_NE(r.all().find("maps no kiosk metric"), std::string::npos) << r.all();
  EXPECT_NE(r.all().find(
                "'Temperature' maps to 'air_temp', which is not a kiosk metric, so its values are ignored"),
            std::string::npos)
      << r.all();
  ASSERT_EQ(r.pack.sources.size(), 1u);
  EXPECT_EQ(r.pack.sources[0].off, "");
  EXPECT_EQ(r.pack.sources[0].fields.metrics.at("Temperature"), "");
}

TEST(SourcesFile, UnknownPlatformListsTheTable) {
  Read r = read(R"([[source]]
id = "x"
platform = "ckan2"
url = "https://example.org/"
)");
  EXPECT_NE(r.all().find("sources.toml:3:12: warning: source 'x' is off until fixed: 'platform' is 'ckan2'; "
                         "expected one of: kiosk-feed, ckan, "
                         "socrata, opendatasoft, arcgis, sensorthings, openaq, gbfs, json"),
            std::string::npos)
      << r.all();
}

TEST(SourcesFile, AKeyAnotherPlatformReadsIsAWarning) {
  Read r = read(R"([[source]]
id = "bikes"
platform = "gbfs"
url = "https://bikes.example.com/gbfs/gbfs.json"
page_size = 100
language = "en"
)");
  EXPECT_FALSE(r.diags.has_errors()) << r.all();
  EXPECT_NE(r.all().find("sources.toml:5:13: warning: 'page_size' is not used by platform 'gbfs'"),
            std::string::npos)
      << r.all();
  EXPECT_EQ(r.all().find("'language' is not used"), std::string::npos) << r.all();
}

TEST(SourcesFile, JsonPlatformPaging) {
  Read r = read(R"([[source]]
id = "geo"
platform = "json"
url = "https://env.example.gov.cn/open/air.geojson"
[source.fields]
records = "features"
station = "properties/stationcode"
observed_at = "properties/timepoint"
metric = "properties/parameter"
value = "properties/value"
[source.paging]
mode = "offset"
offset = "start"
limit = "rows"
[[source]]
id = "geo2"
platform = "json"
url = "https://env.example.gov.cn/open/air.geojson"
[source.fields]
station = "id"
observed_at = "t"
metric = "m"
value = "v"
[source.paging]
mode = "next"
)");
  ASSERT_EQ(r.pack.sources.size(), 2u);
  EXPECT_EQ(r.pack.sources[0].off, "") << r.all();
  EXPECT_EQ(r.pack.sources[0].paging.mode, "offset");
  EXPECT_EQ(r.pack.sources[0].paging.offset_param, "start");
  EXPECT_EQ(r.pack.sources[0].paging.limit_param, "rows");
  EXPECT_NE(r.pack.sources[1].off.find("mode = \"next\" needs next = "), std::string::npos) << r.all();
}

TEST(SourcesFile, FilterValuesAreReadAsText) {
  Read r = read(R"([[source]]
id = "f"
platform = "socrata"
url = "https://data.example.org/resource/abcd-1234.json"
[source.fields]
station = "site"
observed_at = "t"
metric = "m"
value = "v"
[source.filter]
ispublish = "true"
is_valid = true
level = 2
)");
  ASSERT_EQ(r.pack.sources.size(), 1u);
  EXPECT_EQ(r.pack.sources[0].off, "") << r.all();
  const auto& f = r.pack.sources[0].fields.filter;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], (std::pair<std::string, std::string>{"is_valid", "true"}));  // toml++ sorts keys
  EXPECT_EQ(f[1], (std::pair<std::string, std::string>{"ispublish", "true"}));
  EXPECT_EQ(f[2], (std::pair<std::string, std::string>{"level", "2"}));
}

TEST(SourcesFile, SeveralPathsAndConstantsForFields) {
  Read r = read(R"([[source]]
id = "alt"
platform = "json"
url = "https://env.example.gov.cn/open/air.geojson"
[source.fields]
station = { value = "ST-42" }
metric = { value = "pm25_1h" }
value = "v"
observed_at = "t"
lat = ["geometry/coordinates/1", "location/latitude"]
)");
  ASSERT_EQ(r.pack.sources.size(), 1u);
  const SourceConfig& s = r.pack.sources[0];
  EXPECT_EQ(s.off, "") << r.all();
  EXPECT_EQ(s.fields.constants.at("station"), "ST-42");
  EXPECT_EQ(s.fields.constants.at("metric"), "pm25_1h");
  EXPECT_EQ(s.fields.lat, "geometry/coordinates/1");
  EXPECT_EQ(s.fields.alternatives.at("lat"), std::vector<std::string>{"location/latitude"});
}

TEST(SourcesFile, ContentPathsMustStayInside) {
  Read r = read(R"([[source]]
id = "x"
platform = "kiosk-feed"
url = "../secrets.json"
[[source]]
id = "y"
platform = "kiosk-feed"
url = "file:///etc/passwd"
[[source]]
id = "z"
platform = "kiosk-feed"
url = "demo/air.json"
headers = { X-Token = { env = "A", file = "/b" } }
)");
  std::string all = r.all();
  EXPECT_NE(all.find("leaves the content folder"), std::string::npos) << all;
  EXPECT_NE(all.find("file:// URLs are not allowed"), std::string::npos) << all;
  EXPECT_NE(all.find("needs exactly one of env"), std::string::npos) << all;
}

TEST(SourcesFile, ContentCannotRaiseTheFetchCeilings) {
  Read r = read(R"([[source]]
id = "greedy"
platform = "kiosk-feed"
url = "demo/air.json"
max_pages = 100000
max_body_bytes = 1000000000
)");
  std::string all = r.all();
  EXPECT_NE(all.find("'max_pages' must be between 1 and 200 (the kiosk's ceiling)"), std::string::npos)
      << all;
  EXPECT_NE(all.find("'max_body_bytes' must be at most 33554432"), std::string::npos) << all;
}

TEST(SourcesFile, BundledSourcesAreClean) {
  toml::table root = toml::parse_file(std::string(KIOSK_CONTENT_DIR) + "/sources.toml");
  Diagnostics diags;
  ContentPack pack;
  content::FileCtx ctx{"sources.toml", KIOSK_CONTENT_DIR, diags, {}};
  content::read_sources(root, ctx, pack);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(pack.sources.size(), 4u);
}

}  // namespace
}  // namespace kiosk
