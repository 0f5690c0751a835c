// Each platform adapter against real (or same-shape) responses: what readings come out, in which unit
// and at which UTC time, and what an integrator is told when the response is not what the mapping expects.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "kiosk/data/source_fetch.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using data::fetch_source;
using data::SourceResult;
using test::CannedTransport;
using test::fixture;

const UnixTime kNow = test::at("2026-03-02T07:00:00Z");

SourceResult run(const SourceConfig& cfg, CannedTransport& t, UnixTime now = kNow) {
  data::FetchSettings settings;
  settings.content_dir = KIOSK_CONTENT_DIR;
  return fetch_source(cfg, t, settings, {}, now);
}

const Reading* find(const SourceResult& r, const std::string& station, const std::string& metric) {
  for (const auto& x : r.batch.readings)
    if (x.station == station && x.metric == metric) return &x;
  return nullptr;
}

bool any_rejected_contains(const SourceResult& r, const std::string& text) {
  return std::any_of(r.batch.rejected.begin(), r.batch.rejected.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

// --- kiosk feed -------------------------------------------------------------------------------

TEST(KioskFeed, DemoAirFeedGivesEveryStationSevenDaysShiftedToNow) {
  SourceConfig cfg = test::source("demo-air", "kiosk-feed", "demo/air.json");
  cfg.demo = true;
  CannedTransport unused;
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.content_dir = KIOSK_CONTENT_DIR;
  const UnixTime now = test::at("2027-01-15T09:41:00Z");
  SourceResult r = fetch_source(cfg, curl, settings, {}, now);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.stations.size(), 5u);
  EXPECT_EQ(r.batch.readings.size(), 5u * 9 * 168);
  UnixTime newest = 0, oldest = now;
  for (const auto& x : r.batch.readings) {
    newest = std::max(newest, x.observed_at);
    oldest = std::min(oldest, x.observed_at);
  }
  EXPECT_EQ(format_iso_utc(newest), "2027-01-15T09:00:00Z");  // the demo rule
  EXPECT_EQ(newest - oldest, 167 * 3600);
  EXPECT_EQ(r.batch.rejected_count, 0u);
}

TEST(KioskFeed, RealSourceTimesAreNotShifted) {
  CannedTransport t;
  t.on(
      "feed.json",
      R"({"kiosk_feed": 1, "stations": [{"id": "s1", "name_zh": "一", "name_en": "One", "lat": 37.5, "lon": 121.4}],
    "readings": [{"station": "s1", "metric": "pm25_1h", "value": 12, "unit": "ug/m3", "observed_at": "2026-03-02T14:00:00+08:00"},
                 {"station": "s1", "metric": "co_1h", "value": 900, "unit": "µg/m³", "observed_at": "2026-03-02T14:00:00+08:00"}]})");
  SourceResult r = run(test::source("city", "kiosk-feed", "https://example.org/feed.json"), t);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.readings.size(), 2u);
  EXPECT_EQ(format_iso_utc(r.batch.readings[0].observed_at), "2026-03-02T06:00:00Z");
  EXPECT_DOUBLE_EQ(r.batch.readings[1].value, 0.9);  // µg/m³ → mg/m³ for CO
  EXPECT_EQ(r.batch.readings[1].unit, "mg/m3");
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_EQ(r.batch.stations[0].name_en, "One");
  EXPECT_TRUE(r.batch.stations[0].has_position);
}

TEST(KioskFeed, AnotherPlatformsJsonIsNotAFeed) {
  CannedTransport t;
  t.on("feed.json", fixture("ckan/own_cnemc_like_wide.json"));
  SourceResult r = run(test::source("city", "kiosk-feed", "https://example.org/feed.json"), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("not a kiosk feed"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("source 'city'"), std::string::npos);
}

// --- CKAN ------------------------------------------------------------------------------------

SourceConfig cnemc_like_ckan() {
  SourceConfig cfg =
      test::source("ckan-air", "ckan", "https://data.example.org/api/3/action/datastore_search");
  cfg.query = {{"resource_id", {"5f0c2d7e", "", ""}}};
  cfg.fields.layout = "wide";
  cfg.fields.station = "stationcode";
  cfg.fields.name_zh = "positionname";
  cfg.fields.observed_at = "timepoint";
  cfg.fields.lat = "latitude";
  cfg.fields.lon = "longitude";
  cfg.fields.columns = {{"pm25_1h", "pm2_5"}, {"pm25_24h", "pm2_5_24h"}, {"pm10_1h", "pm10"},
                        {"so2_1h", "so2"},    {"no2_1h", "no2"},         {"co_1h", "co"},
                        {"o3_1h", "o3"},      {"o3_8h", "o3_8h"}};
  cfg.fields.units = {{"co_1h", "mg/m3"}};
  cfg.station_ids = {{"2801A", "air-harbour"}};
  return cfg;
}

TEST(Ckan, WideCnemcLikeRecordsBecomeReadingsInUtc) {
  CannedTransport t;
  t.on("datastore_search", fixture("ckan/own_cnemc_like_wide.json"));
  SourceResult r = run(cnemc_like_ckan(), t);
  ASSERT_TRUE(r.ok) << r.error;
  const Reading* pm = find(r, "air-harbour", "pm25_1h");
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(pm->value, 38);
  EXPECT_EQ(format_iso_utc(pm->observed_at), "2026-03-02T06:00:00Z");  // naive Beijing time, zone +08:00
  const Reading* co = find(r, "air-harbour", "co_1h");
  ASSERT_NE(co, nullptr);
  EXPECT_DOUBLE_EQ(co->value, 0.62);
  EXPECT_EQ(co->unit, "mg/m3");
  EXPECT_EQ(find(r, "2802A", "pm25_1h"), nullptr);          // "—" is no value, not zero
  EXPECT_EQ(find(r, "2802A", "pm25_24h"), nullptr);         // "-;" likewise
  EXPECT_DOUBLE_EQ(find(r, "2803A", "no2_1h")->value, 15);  // "1.5e1"
  EXPECT_EQ(find(r, "2803A", "pm25_1h"), nullptr);
  EXPECT_TRUE(any_rejected_contains(r, "$.result.records[2].pm2_5: negative value")) << r.batch.rejected[0];
  EXPECT_TRUE(any_rejected_contains(
      r, "$.result.records[2].pm2_5_24h: station '2803A': pm25_24h value \"NaN\" is not a finite number"));
  EXPECT_TRUE(any_rejected_contains(r, "$.result.records[2].pm10: value \"abc\" is not a number"));
  ASSERT_EQ(r.batch.stations.size(), 3u);
  EXPECT_EQ(r.batch.stations[0].id, "air-harbour");
  EXPECT_EQ(r.batch.stations[0].name_zh, "港城");
  EXPECT_NEAR(r.batch.stations[0].lat, 37.545, 1e-9);
}

TEST(Ckan, StopsAtTotalAndIgnoresLinksNext) {
  CannedTransport t;
  t.on("datastore_search", fixture("ckan/own_cnemc_like_wide.json"));
  SourceResult r = run(cnemc_like_ckan(), t);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(t.requests.size(), 1u);  // total 3 < limit: one page, though _links.next points further
  EXPECT_NE(t.requests[0].find("resource_id=5f0c2d7e"), std::string::npos);
  EXPECT_NE(t.requests[0].find("offset=0"), std::string::npos);
}

TEST(Ckan, EmptyResultIsAClearFailure) {
  CannedTransport t;
  t.on("datastore_search", fixture("ckan/d4c_larochelle_empty_q_search.json"));
  SourceResult r = run(cnemc_like_ckan(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("no records (an empty result)"), std::string::npos) << r.error;
}

TEST(Ckan, AuthorizationErrorNamesStatusAndMessage) {
  CannedTransport t;
  t.on("datastore_search", fixture("ckan/ckan_docs_authorization_error.json"), 403);
  SourceResult r = run(cnemc_like_ckan(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 403"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("Access denied"), std::string::npos) << r.error;
}

// Found by the adapter fuzz targets: an error quoting what the server sent kept its line breaks and
// broken UTF-8, so one failure made several lines in the journal.
TEST(Ckan, AnErrorQuotingTheServerStaysOneReadableLine) {
  CannedTransport t;
  t.on("datastore_search",
       "{\"success\": false,\n \"error\": {\"message\": \"Access denied\",\n \"__type\": \"Authorization "
       "Error\"\n   LL }\n}");
  SourceResult r = run(cnemc_like_ckan(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.find('\n'), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("Access denied"), std::string::npos) << r.error;
}

TEST(Socrata, AJsonStringAnswerIsQuotedOnOneLineWithBrokenBytesReplaced) {
  CannedTransport t;
  t.on("resource", std::string("\"H\n,{\xff\""));
  SourceResult r =
      run(test::source("counts", "socrata", "https://data.example.org/resource/abcd-1234.json"), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("JSON string, not data: \"H\\n,{\xef\xbf\xbd\""), std::string::npos) << r.error;
}

TEST(Ckan, SuccessFalseWithStatus200IsAnError) {
  CannedTransport t;
  t.on("datastore_search", fixture("ckan/own_validation_error_409.json"));
  SourceResult r = run(cnemc_like_ckan(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("offset=0: CKAN Validation Error: limit: Must be a natural number"),
            std::string::npos)
      << r.error;
  EXPECT_FALSE(r.auth_failed);
}

TEST(Ckan, ArcgisJsonIsNotMistakenForCkan) {
  CannedTransport t;
  t.on("datastore_search", fixture("arcgis/own_air_query_page2.json"));
  SourceResult r = run(cnemc_like_ckan(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("not a CKAN datastore_search response"), std::string::npos) << r.error;
}

TEST(Ckan, TruncatedJsonNamesWhereItBroke) {
  std::string body = fixture("ckan/own_cnemc_like_wide.json");
  body.resize(body.size() / 2);
  CannedTransport t;
  t.on("datastore_search", body);
  SourceResult r = run(cnemc_like_ckan(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("JSON error"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("datastore_search?resource_id=5f0c2d7e"), std::string::npos) << r.error;
}

TEST(Ckan, MoenvLikeResponseWithoutEnvelope) {
  SourceConfig cfg = test::source("moenv", "ckan", "https://data.example.org/api/v2/aqx_p_432");
  cfg.query = {{"api_key", {"", "KIOSK_TEST_MOENV_KEY", ""}}};
  setenv("KIOSK_TEST_MOENV_KEY", "s3cr3t-key", 1);
  cfg.fields.records = "records";
  cfg.fields.layout = "wide";
  cfg.fields.station = "siteid";
  cfg.fields.name_zh = "sitename";
  cfg.fields.observed_at = "publishtime";
  cfg.fields.columns = {{"pm25_1h", "pm2.5"}, {"so2_1h", "so2"}, {"co_1h", "co"}, {"pm10_1h", "pm10"}};
  cfg.fields.units = {{"so2_1h", "ppb"}, {"co_1h", "ppm"}};
  CannedTransport t;
  t.on("aqx_p_432", fixture("china/own_moenv_like_no_envelope.json"));
  SourceResult r = run(cfg, t, test::at("2026-04-28T02:30:00Z"));
  ASSERT_TRUE(r.ok) << r.error;
  const Reading* pm = find(r, "901", "pm25_1h");
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(format_iso_utc(pm->observed_at), "2026-04-28T02:00:00Z");
  EXPECT_NEAR(find(r, "901", "so2_1h")->value, 1.2 * 64.066 / 24.45, 1e-9);
  EXPECT_NEAR(find(r, "901", "co_1h")->value, 0.31 * 28.010 / 24.45, 1e-9);
  EXPECT_NE(find(r, "902", "pm25_1h"), nullptr);
  EXPECT_EQ(find(r, "902", "so2_1h"), nullptr);  // "ND"
  EXPECT_EQ(find(r, "902", "co_1h"), nullptr);   // "x"
  EXPECT_EQ(r.batch.rejected_count, 0u);
  EXPECT_NE(t.requests[0].find("api_key=s3cr3t-key"), std::string::npos);  // the secret is sent …
}

TEST(Ckan, SecretsNeverAppearInErrors) {
  SourceConfig cfg =
      test::source("moenv", "ckan", "https://user:pw@data.example.org/api/v2/aqx_p_432?token=abc123");
  cfg.query = {{"api_key", {"", "KIOSK_TEST_MOENV_KEY", ""}}};
  cfg.headers = {{"Authorization", {"", "KIOSK_TEST_MOENV_KEY", ""}}};
  setenv("KIOSK_TEST_MOENV_KEY", "s3cr3t-key", 1);
  cfg.fields.records = "records";
  cfg.fields.station = "siteid";
  cfg.fields.metric = "m";
  cfg.fields.value = "v";
  cfg.fields.observed_at = "t";
  CannedTransport t;
  t.on("aqx_p_432", "<html>502 Bad Gateway</html>", 502);
  SourceResult r = run(cfg, t);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.find("s3cr3t"), std::string::npos) << r.error;  // … and never shown
  EXPECT_EQ(r.error.find("abc123"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find("pw@"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("api_key=***"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("HTTP 502: an HTML page without a title"), std::string::npos) << r.error;
  ASSERT_FALSE(t.headers.empty());
  EXPECT_EQ(t.headers[0][0], "Authorization: s3cr3t-key");
}

TEST(Ckan, UnsetSecretVariableIsNamedNotGuessed) {
  SourceConfig cfg = cnemc_like_ckan();
  cfg.headers = {{"Authorization", {"", "KIOSK_TEST_UNSET_VARIABLE", ""}}};
  unsetenv("KIOSK_TEST_UNSET_VARIABLE");
  CannedTransport t;
  SourceResult r = run(cfg, t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("environment variable KIOSK_TEST_UNSET_VARIABLE is not set"), std::string::npos)
      << r.error;
  EXPECT_TRUE(t.requests.empty());
}

// --- Socrata ---------------------------------------------------------------------------------

TEST(Socrata, PagesUntilAShortPageWithStringNumbers) {
  SourceConfig cfg = test::source("counts", "socrata", "https://data.example.org/resource/abcd-1234.json");
  cfg.zone = "-07:00";
  cfg.time_zone = TimeZone::fixed(-7 * 3600);
  cfg.fields.layout = "wide";
  cfg.fields.station = "id";
  cfg.fields.observed_at = "date";
  cfg.fields.columns = {{"bikes_available", "counts"}};
  CannedTransport t;
  t.on("%24offset=1000", fixture("socrata/sodapy_bike_counts_page_2.json"));
  t.on("%24offset=0", fixture("socrata/sodapy_bike_counts_page_1.json"));
  SourceResult r = run(cfg, t, test::at("2017-01-01T00:00:00Z"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.readings.size(), 1001u);
  ASSERT_EQ(t.requests.size(), 2u);
  EXPECT_NE(t.requests[0].find("%24order=%3Aid"), std::string::npos) << t.requests[0];
  EXPECT_NE(t.requests[1].find("%24limit=1000&%24offset=1000"), std::string::npos) << t.requests[1];
  EXPECT_EQ(r.batch.readings[0].value, 100);
  EXPECT_EQ(format_iso_utc(r.batch.readings[0].observed_at), "2016-09-21T22:45:00Z");  // floating, -07:00
}

TEST(Socrata, LongRowsConvertUnitsAndRejectPerRecord) {
  SourceConfig cfg = test::source("soda-air", "socrata", "https://data.example.org/resource/air1-2345.json");
  cfg.fields.station = "site_id";
  cfg.fields.name_en = "site_name";
  cfg.fields.metric = "parameter";
  cfg.fields.value = "value";
  cfg.fields.unit = "units";
  cfg.fields.observed_at = "sample_time";
  CannedTransport t;
  t.on("air1-2345", fixture("socrata/own_air_rows.json"));
  SourceResult r = run(cfg, t);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_DOUBLE_EQ(find(r, "A1", "pm25_1h")->value, 35.5);
  EXPECT_NEAR(find(r, "A1", "no2_1h")->value, 21 * 46.006 / 24.45, 1e-9);  // ppb → µg/m³ at 25 °C
  EXPECT_NEAR(find(r, "A1", "co_1h")->value, 0.4 * 28.010 / 24.45, 1e-9);  // ppm → mg/m³
  EXPECT_EQ(find(r, "A2", "pm25_1h"), nullptr);  // Socrata dropped the null key: no value, not zero
  EXPECT_EQ(r.batch.ignored_count, 1u);          // TEMP is not a kiosk metric
  EXPECT_TRUE(any_rejected_contains(r, "$[5].value: negative value"));
  EXPECT_EQ(r.batch.missing_count, 1u);
}

TEST(Socrata, LoginErrorIsReported) {
  SourceConfig cfg = test::source("counts", "socrata", "https://data.example.org/resource/abcd-1234.json");
  cfg.fields.station = "id";
  CannedTransport t;
  t.on("abcd-1234", fixture("socrata/sodapy_403_error.json"), 403);
  SourceResult r = run(cfg, t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 403: You must be logged in"), std::string::npos) << r.error;
}

// --- Opendatasoft ----------------------------------------------------------------------------

SourceConfig ods_config() {
  SourceConfig cfg = test::source("ods", "opendatasoft",
                                  "https://city.example.com/api/explore/v2.1/catalog/datasets/air/records");
  cfg.fields.station = "station_code";
  cfg.fields.name_en = "station_name";
  cfg.fields.metric = "measure";
  cfg.fields.value = "value";
  cfg.fields.unit = "unit";
  cfg.fields.observed_at = "date_time";
  cfg.fields.lat = "geo_point_2d/lat";
  cfg.fields.lon = "geo_point_2d/lon";
  return cfg;
}

TEST(Opendatasoft, V21FlatResults) {
  CannedTransport t;
  t.on("records", fixture("opendatasoft/own_v2.1_air_records.json"));
  SourceResult r = run(ods_config(), t);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.readings.size(), 2u);  // the null NO2 is no reading
  EXPECT_DOUBLE_EQ(find(r, "S01", "pm25_1h")->value, 18.2);
  EXPECT_EQ(format_iso_utc(find(r, "S01", "o3_1h")->observed_at), "2026-03-02T06:00:00Z");
  EXPECT_NEAR(r.batch.stations[0].lon, 121.385, 1e-9);
  EXPECT_NE(t.requests[0].find("limit=100&offset=0"), std::string::npos) << t.requests[0];
}

TEST(Opendatasoft, V20NestedRecordFields) {
  CannedTransport t;
  t.on("records", fixture("opendatasoft/own_v2.0_air_records.json"));
  SourceResult r = run(ods_config(), t);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(find(r, "S02", "pm10_1h")->value, 25);
}

TEST(Opendatasoft, SingleRecordLookupIsNotARecordsList) {
  CannedTransport t;
  t.on("records", fixture("opendatasoft/ods_v2.0_record_lookup_paris_docs.json"));
  SourceResult r = run(ods_config(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("not an Opendatasoft Explore response"), std::string::npos) << r.error;
}

TEST(Opendatasoft, EscapedKeysAreReadAsTheirText) {
  CannedTransport t;
  t.on("records", R"({"total_count": 1, "results": [{"station_\u0063ode": "S01", "measure": "pm25", )"
                  R"("value": 18.2, "unit": "ug/m3", "date_\u0074ime": "2026-03-02T06:00:00+00:00"}]})");
  SourceResult r = run(ods_config(), t);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_DOUBLE_EQ(find(r, "S01", "pm25_1h")->value, 18.2);
}

// Found by fuzz_adapter_opendatasoft: a key's broken \u escape was read past the key's end.
TEST(Opendatasoft, ABrokenEscapeInAKeyIsAJsonErrorNotAReadPastIt) {
  CannedTransport t;
  t.on("records", R"({"aresultgmu/025b\ut": 37.545]})");
  SourceResult r = run(ods_config(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("JSON error"), std::string::npos) << r.error;
}

TEST(Opendatasoft, QueryErrorMessage) {
  CannedTransport t;
  t.on("records", fixture("opendatasoft/own_error_400_odsql.json"), 400);
  SourceResult r = run(ods_config(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 400: ODSQLError: ODSQL query is malformed"), std::string::npos) << r.error;
}

// --- ArcGIS ----------------------------------------------------------------------------------

SourceConfig arcgis_config() {
  SourceConfig cfg =
      test::source("arc", "arcgis", "https://gis.example.org/arcgis/rest/services/Air/FeatureServer/0/query");
  cfg.fields.layout = "wide";
  cfg.fields.station = "SITE";
  cfg.fields.name_zh = "SITE_NAME";
  cfg.fields.observed_at = "OBS_TIME";
  cfg.fields.columns = {{"pm25_1h", "PM25"}, {"no2_1h", "NO2"}};
  return cfg;
}

TEST(Arcgis, PagesWhileTransferLimitExceeded) {
  CannedTransport t;
  t.on("resultOffset=2", fixture("arcgis/own_air_query_page2.json"));
  t.on("resultOffset=0", fixture("arcgis/own_air_query_page1.json"));
  SourceResult r = run(arcgis_config(), t);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(t.requests.size(), 2u);
  EXPECT_NE(t.requests[0].find("f=json"), std::string::npos);
  EXPECT_NE(t.requests[0].find("outSR=4326"), std::string::npos);
  EXPECT_EQ(r.batch.stations.size(), 3u);
  const Reading* pm = find(r, "H1", "pm25_1h");
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(format_iso_utc(pm->observed_at), "2026-03-02T06:00:00Z");  // epoch milliseconds
  EXPECT_EQ(find(r, "U1", "pm25_1h"), nullptr);
  EXPECT_NEAR(r.batch.stations[0].lat, 37.545, 1e-9);  // from geometry.y
  EXPECT_EQ(r.batch.stations[2].name_zh, "西郊");
}

TEST(Arcgis, ErrorBodyWithStatus200) {
  CannedTransport t;
  t.on("query", fixture("arcgis/pyesridump_error_400_kent.json"));
  SourceResult r = run(arcgis_config(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("ArcGIS error 400 (sent with HTTP 200): Unable to complete operation."),
            std::string::npos)
      << r.error;
}

TEST(Arcgis, TokenRequired) {
  CannedTransport t;
  t.on("query", fixture("arcgis/koop_template_error_499_token_required.json"));
  SourceResult r = run(arcgis_config(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("499"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("Token Required"), std::string::npos) << r.error;
}

TEST(Arcgis, RealFeaturesWithAWrongMappingSayWhichFieldIsMissing) {
  SourceConfig cfg = arcgis_config();
  cfg.fields.station = "OBJECTID";
  cfg.fields.columns = {{"bikes_available", "HOUSENO"}};
  cfg.fields.observed_at = "OBS_TIME";  // the address layer has no such field
  CannedTransport t;
  t.on("query", fixture("arcgis/pyesridump_query_points_columbia.json"));
  SourceResult r = run(cfg, t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("43 rejected"), std::string::npos) << r.error;
  EXPECT_NE(
      r.error.find("$.features[0].attributes.OBS_TIME: observation time nothing (the field is missing)"),
      std::string::npos)
      << r.error;
  EXPECT_EQ(r.batch.stations.size(), 43u);
}

// --- SensorThings ----------------------------------------------------------------------------

TEST(SensorThings, ExpandedDatastreamsWithIntervalsAndStringResults) {
  CannedTransport t;
  t.on("Datastreams", fixture("sensorthings/own_datastreams_expanded.json"));
  SourceConfig cfg =
      test::source("sta", "sensorthings", "https://sta.example.org/FROST-Server/v1.1/Datastreams");
  SourceResult r = run(cfg, t);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_NE(t.requests[0].find("%24expand="), std::string::npos);
  const Reading* pm = find(r, "harbour", "pm25_1h");
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(format_iso_utc(pm->observed_at), "2026-03-02T06:00:00Z");  // end of the interval
  EXPECT_NEAR(find(r, "harbour", "o3_1h")->value, 40 * 47.997 / 24.45, 1e-9);
  EXPECT_EQ(r.batch.ignored_count, 1u);  // temperature
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_NEAR(r.batch.stations[0].lat, 37.545, 1e-9);
  EXPECT_NEAR(r.batch.stations[0].lon, 121.385, 1e-9);
}

TEST(SensorThings, FollowsNextLinkVerbatim) {
  CannedTransport t;
  t.on("$skip=14", R"({"value": []})");
  t.on("Things", fixture("sensorthings/frostclient_things_expand_datastreams_nextlink.json"));
  SourceConfig cfg =
      test::source("frost", "sensorthings", "https://server.de/SensorThingsService/v1.0/Things");
  cfg.fields.station = "@iot.id";
  cfg.fields.name_en = "name";
  cfg.fields.metric = "Datastreams/0/name";
  cfg.fields.value = "Datastreams/0/Observations/0/result";
  cfg.fields.observed_at = "Datastreams/0/phenomenonTime";
  cfg.fields.metrics = {{"Air Temperature Recoaro 1000", "pm25_1h"}};
  SourceResult r = run(cfg, t, test::at("2020-01-01T00:00:00Z"));
  ASSERT_EQ(t.requests.size(), 2u);
  EXPECT_EQ(t.requests[1],
            "https://server.de/SensorThingsService/v1.0/"
            "Things?$top=2&$skip=14&$expand=Datastreams%28%24top%3D2%3B%24count%3Dtrue%29");
  ASSERT_TRUE(r.ok) << r.error;
  const Reading* x = find(r, "19", "pm25_1h");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->value, 0.0);
  EXPECT_EQ(format_iso_utc(x->observed_at), "2019-01-13T06:00:00Z");
}

// --- OpenAQ ----------------------------------------------------------------------------------

TEST(OpenAq, LocationsThenLatestJoinedBySensor) {
  CannedTransport t;
  t.on("/locations/2178/latest", fixture("openaq/own_location_2178_latest.json"));
  t.on("/v3/locations", fixture("openaq/own_locations.json"));
  SourceConfig cfg = test::source("openaq", "openaq", "https://api.openaq.org/v3/locations");
  cfg.query = {{"coordinates", {"37.5,121.4", "", ""}}, {"radius", {"25000", "", ""}}};
  cfg.headers = {{"X-API-Key", {"literal-key", "", ""}}};
  cfg.station_ids = {{"2178", "air-harbour"}};
  SourceResult r = run(cfg, t);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(t.requests.size(), 2u);  // one short page of locations, then its latest
  EXPECT_NE(t.requests[0].find("coordinates=37.5%2C121.4&radius=25000&limit=100&page=1"), std::string::npos)
      << t.requests[0];
  EXPECT_EQ(t.requests[1], "https://api.openaq.org/v3/locations/2178/latest?limit=1000");
  EXPECT_NEAR(find(r, "air-harbour", "no2_1h")->value, 0.012 * 1000 * 46.006 / 24.45, 1e-9);
  EXPECT_NEAR(find(r, "air-harbour", "co_1h")->value, 0.5 * 28.010 / 24.45, 1e-9);
  EXPECT_DOUBLE_EQ(find(r, "air-harbour", "pm25_1h")->value, 17.3);
  EXPECT_EQ(r.batch.ignored_count, 1u);  // NO
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_EQ(r.batch.stations[0].name_en, "Demo North");
}

TEST(OpenAq, ErrorDetail) {
  CannedTransport t;
  t.on("/v3/locations", R"({"detail":"Invalid credentials"})", 401);
  SourceResult r = run(test::source("openaq", "openaq", "https://api.openaq.org/v3/locations"), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 401: Invalid credentials"), std::string::npos) << r.error;
}

// --- GBFS ------------------------------------------------------------------------------------

TEST(Gbfs, V23DiscoveryRelativeLinksAndStatus) {
  CannedTransport t;
  t.on("gbfs/en/gbfs.json", fixture("gbfs/own_v2.3_gbfs_with_status.json"));
  t.on("gbfs/en/station_information.json", fixture("gbfs/v2.3_station_information_virtual.json"));
  t.on("gbfs/en/station_status.json", fixture("gbfs/v2.3_station_status.json"));
  SourceConfig cfg = test::source("bikes", "gbfs", "https://bikes.example.com/gbfs/en/gbfs.json");
  cfg.station_prefix = "bike-";
  SourceResult r = run(cfg, t, test::at("2021-12-30T18:00:00Z"));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(t.requests.size(), 3u);
  EXPECT_EQ(t.requests[1], "https://bikes.example.com/gbfs/en/station_information.json");
  const Reading* bikes = find(r, "bike-station1", "bikes_available");
  ASSERT_NE(bikes, nullptr);
  EXPECT_EQ(bikes->value, 1);
  EXPECT_EQ(bikes->unit, "count");
  EXPECT_EQ(bikes->observed_at, 1609866125);  // last_reported, POSIX seconds
  EXPECT_EQ(find(r, "bike-station2", "docks_available")->value, 8);
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_EQ(r.batch.stations[0].id, "bike-station12");
  EXPECT_EQ(r.batch.stations[0].name_en, "SE Belmont & SE 10 th");
  // station_status's ttl 0 is "every cycle": the discovery file's 60 does not set the interval.
  EXPECT_FALSE(r.max_age.has_value());
}

TEST(Gbfs, V30VehiclesAndLocalizedNames) {
  CannedTransport t;
  t.on("gbfs/3/gbfs", fixture("gbfs/own_v3.0_gbfs_with_status.json"));
  t.on("gbfs/3/station_information", fixture("gbfs/v3.0_station_information_physical.json"));
  t.on("gbfs/3/station_status", fixture("gbfs/v3.0_station_status.json"));
  SourceResult r = run(test::source("bikes3", "gbfs", "https://bikes.example.com/gbfs/3/gbfs"), t,
                       test::at("2023-07-18T00:00:00Z"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(find(r, "station2", "bikes_available")->value, 6);  // num_vehicles_available
  EXPECT_EQ(format_iso_utc(find(r, "station1", "docks_available")->observed_at), "2023-07-17T11:34:13Z");
  ASSERT_EQ(r.batch.stations.size(), 1u);
  EXPECT_EQ(r.batch.stations[0].name_en, "Parking garage A");
}

TEST(Gbfs, DiscoveryWithoutStatusFeedIsNamed) {
  CannedTransport t;
  t.on("gbfs.json", fixture("gbfs/v2.3_gbfs.json"));
  SourceConfig cfg = test::source("bikes", "gbfs", "https://www.example.com/gbfs/1/gbfs.json");
  cfg.language = "fr";
  SourceResult r = run(cfg, t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("lists no 'station_status' feed"), std::string::npos) << r.error;
}

TEST(Gbfs, DemoSystemReadsFilesInsideTheContentFolder) {
  SourceConfig cfg = test::source("demo-bikes", "gbfs", "demo/gbfs/gbfs.json");
  cfg.demo = true;
  cfg.station_prefix = "bike-";
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.content_dir = KIOSK_CONTENT_DIR;
  const UnixTime now = test::at("2027-05-01T08:20:00Z");
  SourceResult r = fetch_source(cfg, curl, settings, {}, now);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.stations.size(), 8u);
  EXPECT_EQ(r.batch.readings.size(), 16u);
  for (const auto& s : r.batch.stations) {
    EXPECT_GE(s.lat, 37.45);
    EXPECT_LE(s.lat, 37.58);
    EXPECT_GE(s.lon, 121.22);
    EXPECT_LE(s.lon, 121.50);
    EXPECT_FALSE(s.name_zh.empty());
  }
  UnixTime newest = 0;
  for (const auto& x : r.batch.readings) newest = std::max(newest, x.observed_at);
  EXPECT_EQ(format_iso_utc(newest), "2027-05-01T08:00:00Z");
}

// --- Payload sniffing common to all ----------------------------------------------------------

TEST(AnyPlatform, HtmlPageWithStatus200) {
  CannedTransport t;
  data::HttpResponse page;
  page.transport_ok = true;
  page.status = 200;
  page.content_type = "text/html; charset=utf-8";
  page.body = "\n<!DOCTYPE html><html><body>Login required</body></html>";
  t.on("query", page);
  SourceResult r = run(arcgis_config(), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 200 but the response is an HTML or XML page"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("content type text/html"), std::string::npos) << r.error;
}

TEST(AnyPlatform, ContentFileOutsideTheFolderIsRefused) {
  CannedTransport t;
  SourceResult r = run(test::source("x", "kiosk-feed", "../etc/passwd"), t);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("must stay inside the content folder"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace kiosk
