// Error lines an integrator can act on, against the loopback server: one line naming the source and its
// platform, with an HTML page's <title>, CKAN's __type and field messages, ArcGIS's code, message and
// details; authentication failures classed apart (and backed off to the long delay by the worker); every
// line redacted. Payloads are written here after the platforms' documentation (CKAN Action API "Making an
// API request" error objects; ArcGIS REST API "Error handling" and its 498/499 token codes).
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/data/fetch_worker.hpp"
#include "kiosk/data/portal_error.hpp"
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

SourceConfig ckan(const std::string& url) {
  SourceConfig s = test::source("city-air", "ckan", url);
  s.fields.layout = "wide";
  s.fields.station = "stationcode";
  s.fields.observed_at = "timepoint";
  s.fields.columns = {{"pm25_1h", "pm2_5"}};
  return s;
}

SourceConfig arcgis(const std::string& url) {
  SourceConfig s = test::source("gis-air", "arcgis", url);
  s.fields.layout = "wide";
  s.fields.station = "SITE";
  s.fields.observed_at = "OBS_TIME";
  s.fields.columns = {{"pm25_1h", "PM25"}};
  return s;
}

// A loopback portal answering `path` with `status` and `body`.
struct Portal {
  LoopbackServer loop;
  Portal(const std::string& path, int status, std::string body, std::string type = "application/json") {
    loop.server().Get(path, [=](const httplib::Request&, httplib::Response& res) {
      res.status = status;
      res.set_content(body, type);
    });
    loop.start();
  }
};

TEST(PortalErrors, MaintenancePageGivesStatusTitleAndPlatform) {
  Portal p("/api/3/action/datastore_search", 503,
           "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<TITLE>\n   Scheduled   maintenance &amp; "
           "upgrade &#8211; back at 06:00\n</TITLE></head><body><h1>Sorry</h1></body></html>",
           "text/html");
  const std::string url = p.loop.url("/api/3/action/datastore_search");
  data::SourceResult r = fetch(ckan(url));
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.auth_failed);  // an outage: retried on the outage schedule
  EXPECT_EQ(r.error,
            "source 'city-air' (ckan): GET " + url +
                "?limit=1000&offset=0: HTTP 503: an HTML page titled \"Scheduled maintenance & upgrade – "
                "back at 06:00\"");
}

TEST(PortalErrors, ALongTitleIsCutAndAPageWithoutOneSaysSo) {
  const std::string words(300, 'w');
  EXPECT_EQ(data::html_title("<html><title>" + words + "</title>"), std::string(120, 'w') + "…");
  EXPECT_EQ(data::html_title("<html><title>no end in sight"), "no end in sight");
  EXPECT_EQ(data::html_title("<html><titlebar>x</titlebar></html>"), "");
  EXPECT_EQ(data::html_title("<title>&lt;b&gt; &#x4E2D;&#25991; &bogus; &quot;q&quot;</title>"),
            "<b> 中文 &bogus; \"q\"");
  Portal p("/gbfs.json", 502, "<html><body>502 Bad Gateway</body></html>", "text/html");
  data::SourceResult r = fetch(test::source("bikes", "kiosk-feed", p.loop.url("/gbfs.json")));
  EXPECT_NE(r.error.find("source 'bikes' (kiosk-feed): GET "), std::string::npos) << r.error;
  EXPECT_NE(r.error.find(": HTTP 502: an HTML page without a title"), std::string::npos) << r.error;
}

TEST(PortalErrors, ALoginPageSentWithStatus200ShowsItsTitle) {
  Portal p("/feed.json", 200, "<html><head><title>Sign in · City SSO</title></head></html>", "text/html");
  data::SourceResult r = fetch(test::source("feed", "kiosk-feed", p.loop.url("/feed.json")));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 200 but the response is an HTML or XML page, not JSON (an error or login page "
                         "from a proxy?), titled \"Sign in · City SSO\""),
            std::string::npos)
      << r.error;
}

TEST(PortalErrors, CkanValidationErrorNamesTypeFieldsAndMessages) {
  Portal p("/api/3/action/datastore_search", 409,
           R"({"help": "http://127.0.0.1/api/3/action/help_show?name=datastore_search", "success": false,
               "error": {"__type": "Validation Error", "limit": ["Must be a natural number"],
                         "resource_id": ["Missing value", "Not found: Resource"]}})");
  data::SourceResult r = fetch(ckan(p.loop.url("/api/3/action/datastore_search")));
  EXPECT_FALSE(r.auth_failed);
  EXPECT_NE(r.error.find(": HTTP 409: CKAN Validation Error: limit: Must be a natural number; resource_id: "
                         "Missing value, Not found: Resource"),
            std::string::npos)
      << r.error;
}

TEST(PortalErrors, CkanAuthorizationErrorIsAnAuthenticationFailure) {
  const std::string denied =
      R"({"help": "…", "success": false, "error": {"__type": "Authorization Error",
          "message": "Access denied: User  not authorized to read resource 5f0c2d7e"}})";
  Portal with_403("/api/3/action/datastore_search", 403, denied);
  data::SourceResult r = fetch(ckan(with_403.loop.url("/api/3/action/datastore_search")));
  EXPECT_TRUE(r.auth_failed);
  EXPECT_NE(r.error.find(": HTTP 403: CKAN Authorization Error: Access denied: User  not authorized"),
            std::string::npos)
      << r.error;
  // Some CKAN front ends answer 200 with success:false: the same class.
  Portal with_200("/api/3/action/datastore_search", 200, denied);
  r = fetch(ckan(with_200.loop.url("/api/3/action/datastore_search")));
  EXPECT_TRUE(r.auth_failed);
  EXPECT_NE(r.error.find("offset=0: CKAN Authorization Error: Access denied"), std::string::npos) << r.error;
}

TEST(PortalErrors, ArcgisExpiredTokenGivesCodeMessageDetailsAndIsAnAuthenticationFailure) {
  Portal p("/arcgis/rest/services/Air/FeatureServer/0/query", 200,
           R"({"error": {"code": 498, "message": "Invalid token.", "details": ["Token has expired."]}})");
  data::SourceResult r = fetch(arcgis(p.loop.url("/arcgis/rest/services/Air/FeatureServer/0/query")));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.auth_failed);
  EXPECT_EQ(r.http_status, 200);
  EXPECT_NE(r.error.find("source 'gis-air' (arcgis): GET "), std::string::npos) << r.error;
  EXPECT_NE(r.error.find(": ArcGIS error 498 (sent with HTTP 200): Invalid token. (Token has expired.)"),
            std::string::npos)
      << r.error;
}

TEST(PortalErrors, ArcgisOtherErrorsAreOutagesWithTheirDetails) {
  Portal p("/arcgis/rest/services/Air/FeatureServer/0/query", 200,
           R"({"error": {"code": 400, "message": "Unable to complete operation.",
               "details": ["Unable to perform query operation.", "Invalid query parameters."]}})");
  data::SourceResult r = fetch(arcgis(p.loop.url("/arcgis/rest/services/Air/FeatureServer/0/query")));
  EXPECT_FALSE(r.auth_failed);
  EXPECT_NE(r.error.find("ArcGIS error 400 (sent with HTTP 200): Unable to complete operation. (Unable to "
                         "perform query operation., Invalid query parameters.)"),
            std::string::npos)
      << r.error;
  // The same object sent with an HTTP error status (a 499 token required behind a proxy).
  Portal q("/arcgis/rest/services/Air/FeatureServer/0/query", 400,
           R"({"error": {"code": 499, "message": "Token Required", "details": []}})");
  r = fetch(arcgis(q.loop.url("/arcgis/rest/services/Air/FeatureServer/0/query")));
  EXPECT_TRUE(r.auth_failed);
  EXPECT_NE(r.error.find(": HTTP 400: ArcGIS error 499: Token Required"), std::string::npos) << r.error;
}

TEST(PortalErrors, Http401And403AreAuthenticationFailuresOnAnyPlatform) {
  Portal p("/resource/abcd-1234.json", 401,
           R"({"code": "authentication_required", "error": true, "message": "Invalid app_token specified"})");
  SourceConfig s = test::source("counts", "socrata", p.loop.url("/resource/abcd-1234.json"));
  s.fields.station = "id";
  s.fields.metric = "m";
  s.fields.value = "v";
  s.fields.observed_at = "t";
  data::SourceResult r = fetch(s);
  EXPECT_TRUE(r.auth_failed);
  EXPECT_NE(r.error.find("source 'counts' (socrata): GET "), std::string::npos) << r.error;
  EXPECT_NE(r.error.find(": HTTP 401: authentication_required: Invalid app_token specified"),
            std::string::npos)
      << r.error;
}

TEST(PortalErrors, ErrorLinesKeepSecretsOut) {
  setenv("KIOSK_TEST_ARCGIS_TOKEN", "tok-9f8e7d6c5b4a", 1);
  // A server that quotes the token back in its details.
  Portal p(
      "/arcgis/rest/services/Air/FeatureServer/0/query", 200,
      R"({"error": {"code": 498, "message": "Invalid token.", "details": ["token tok-9f8e7d6c5b4a expired"]}})");
  SourceConfig s = arcgis(p.loop.url("/arcgis/rest/services/Air/FeatureServer/0/query"));
  s.query = {{"token", {"", "KIOSK_TEST_ARCGIS_TOKEN", ""}}};
  data::SourceResult r = fetch(s);
  unsetenv("KIOSK_TEST_ARCGIS_TOKEN");
  EXPECT_TRUE(r.auth_failed);
  EXPECT_EQ(r.error.find("tok-9f8e7d6c5b4a"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("token=***"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("(token *** expired)"), std::string::npos) << r.error;
}

// The worker: a refused key waits the long delay at once and shows as auth_failing; an outage does not.
TEST(PortalErrors, AnAuthenticationFailureBacksOffToTheLongDelay) {
  std::atomic<int> status{498};
  LoopbackServer loop;
  loop.server().Get("/query", [&](const httplib::Request&, httplib::Response& res) {
    if (status == 498)
      res.set_content(R"({"error": {"code": 498, "message": "Invalid token.", "details": []}})",
                      "application/json");
    else {
      res.status = 503;
      res.set_content("<html><title>Down for maintenance</title></html>", "text/html");
    }
  });
  loop.start();
  ManualClock clock(kNow);
  FetchOptions options;
  options.fetch.content_dir = KIOSK_CONTENT_DIR;
  options.fetch.network.total_timeout_seconds = 5;
  options.seed = 7;
  FetchWorker worker({arcgis(loop.url("/query"))}, options, clock);
  worker.fetch_all_once();
  const SourceStatus* s = worker.snapshot()->source("gis-air");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->state, SourceState::failing);
  EXPECT_TRUE(s->auth_failing);
  EXPECT_GE(worker.seconds_until_due("gis-air"), options.max_backoff_seconds * 0.9);  // not 30 s
  // The operator renews the key and reloads the content: tried again at once.
  worker.set_sources({arcgis(loop.url("/query"))});
  EXPECT_LE(worker.seconds_until_due("gis-air"), 0);
  status = 503;
  worker.fetch_all_once();
  s = worker.snapshot()->source("gis-air");
  EXPECT_FALSE(s->auth_failing);
  EXPECT_LE(worker.seconds_until_due("gis-air"),
            options.min_backoff_seconds * 4 * 1.1);  // the outage schedule
  EXPECT_NE(s->last_error.find("HTTP 503: an HTML page titled \"Down for maintenance\""), std::string::npos)
      << s->last_error;
}

}  // namespace
}  // namespace kiosk
