// A source's secrets stay with the origin of its configured URL. Two loopback servers stand for the
// portal and for "another host": redirects, GBFS feed URLs and next links that point at the second one
// never deliver the key, https never falls back to http, and every error line is redacted.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "support/temp_dir.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using test::LoopbackServer;

constexpr const char* kKey = "k3y-SECRET-4242";

// Remembers every X-API-Key header and query string a server saw.
struct Witness {
  std::mutex mu;
  std::vector<std::string> keys, queries;
  void saw(const httplib::Request& req) {
    std::lock_guard lock(mu);
    keys.push_back(req.get_header_value("X-API-Key"));
    std::string q;
    for (const auto& [k, v] : req.params) q += k + "=" + v + "&";
    queries.push_back(q);
  }
  bool got_key() {
    std::lock_guard lock(mu);
    for (const auto& k : keys)
      if (k.find(kKey) != std::string::npos) return true;
    for (const auto& q : queries)
      if (q.find(kKey) != std::string::npos) return true;
    return false;
  }
  std::size_t hits() {
    std::lock_guard lock(mu);
    return keys.size();
  }
};

std::string feed_body() {
  return R"({"kiosk_feed": 1, "stations": [{"id": "s1", "name_zh": "一号", "name_en": "One", "lat": 37.5, "lon": 121.4}],
            "readings": [{"station": "s1", "metric": "pm25_1h", "value": 21, "unit": "ug/m3", "observed_at": "2026-03-02T06:00:00Z"}]})";
}

data::FetchSettings settings() {
  data::FetchSettings s;
  s.content_dir = KIOSK_CONTENT_DIR;
  s.network.connect_timeout_seconds = 2;
  s.network.total_timeout_seconds = 3;
  return s;
}

SourceConfig keyed(const std::string& platform, const std::string& url) {
  setenv("KIOSK_TEST_ORIGIN_KEY", kKey, 1);
  SourceConfig cfg = test::source("keyed", platform, url);
  cfg.headers = {{"X-API-Key", {"", "KIOSK_TEST_ORIGIN_KEY", ""}}};
  return cfg;
}

data::SourceResult fetch(const SourceConfig& cfg, const data::FetchSettings& s = settings()) {
  data::CurlTransport curl;
  return data::fetch_source(cfg, curl, s, {}, test::at("2026-03-02T07:00:00Z"));
}

// The portal (A) and another host (B), both on loopback, each recording what reached it.
struct TwoHosts {
  Witness a_saw, b_saw;
  LoopbackServer a, b;  // last: stopped before the witnesses go
  TwoHosts() {
    b.server().Get("/feed.json", [this](const httplib::Request& req, httplib::Response& res) {
      b_saw.saw(req);
      res.set_content(feed_body(), "application/json");
    });
    b.server().Get("/gbfs/(.*)", [this](const httplib::Request& req, httplib::Response& res) {
      b_saw.saw(req);
      std::string name = req.matches[1];
      std::string file = name == "station_information.json" ? "gbfs/v2.3_station_information_virtual.json"
                                                            : "gbfs/v2.3_station_status.json";
      res.set_content(test::fixture(file), "application/json");
    });
    a.server().Get("/moved.json", [this](const httplib::Request& req, httplib::Response& res) {
      a_saw.saw(req);
      res.set_redirect(b.url("/feed.json"));
    });
    a.server().Get("/moved-with-query.json", [this](const httplib::Request& req, httplib::Response& res) {
      a_saw.saw(req);
      res.set_redirect(b.url("/feed.json?api_key=" + req.get_param_value("api_key")));
    });
    a.server().Get("/gbfs.json", [this](const httplib::Request& req, httplib::Response& res) {
      a_saw.saw(req);
      res.set_content(R"({"last_updated": 1640887163, "ttl": 60, "version": "2.3", "data": {"en": {"feeds": [
        {"name": "station_information", "url": ")" +
                          b.url("/gbfs/station_information.json") + R"("},
        {"name": "station_status", "url": ")" +
                          b.url("/gbfs/station_status.json") + R"("}]}}})",
                      "application/json");
    });
    a.server().Get("/Things", [this](const httplib::Request& req, httplib::Response& res) {
      a_saw.saw(req);
      res.set_content(R"({"value": [], "@iot.nextLink": ")" + b.url("/Things?$skip=100") + R"("})",
                      "application/json");
    });
    b.server().Get("/Things", [this](const httplib::Request& req, httplib::Response& res) {
      b_saw.saw(req);
      res.set_content(R"({"value": []})", "application/json");
    });
    a.server().Get("/denied.json", [this](const httplib::Request& req, httplib::Response& res) {
      a_saw.saw(req);
      res.status = 401;
      res.set_content(R"({"message": "invalid key )" + req.get_header_value("X-API-Key") + R"("})",
                      "application/json");
    });
    a.start();
    b.start();
  }
};

TEST(SecretOrigin, RedirectToAnotherHostArrivesWithoutTheKey) {
  TwoHosts hosts;
  data::SourceResult r = fetch(keyed("kiosk-feed", hosts.a.url("/moved.json")));
  ASSERT_TRUE(r.ok) << r.error;        // the data needed no key …
  EXPECT_TRUE(hosts.a_saw.got_key());  // … the portal got it …
  EXPECT_EQ(hosts.b_saw.hits(), 1u);
  EXPECT_FALSE(hosts.b_saw.got_key());  // … the other host did not
}

TEST(SecretOrigin, RedirectThatWouldCarryAQueryKeyElsewhereIsRefused) {
  TwoHosts hosts;
  setenv("KIOSK_TEST_ORIGIN_KEY", kKey, 1);
  SourceConfig cfg = test::source("keyed", "kiosk-feed", hosts.a.url("/moved-with-query.json"));
  cfg.query = {{"api_key", {"", "KIOSK_TEST_ORIGIN_KEY", ""}}};
  data::SourceResult r = fetch(cfg);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("would carry the source's secret to another host; refused"), std::string::npos)
      << r.error;
  EXPECT_EQ(hosts.b_saw.hits(), 0u);
  EXPECT_EQ(r.error.find(kKey), std::string::npos) << r.error;
}

TEST(SecretOrigin, GbfsFeedsOnAnotherHostArriveWithoutTheKey) {
  TwoHosts hosts;
  data::SourceResult r = fetch(keyed("gbfs", hosts.a.url("/gbfs.json")));
  EXPECT_TRUE(hosts.a_saw.got_key());
  EXPECT_EQ(hosts.b_saw.hits(), 2u) << r.error;  // station_information and station_status
  EXPECT_FALSE(hosts.b_saw.got_key());
}

TEST(SecretOrigin, SensorThingsNextLinkToAnotherHostArrivesWithoutTheKey) {
  TwoHosts hosts;
  data::SourceResult r = fetch(keyed("sensorthings", hosts.a.url("/Things")));
  EXPECT_TRUE(hosts.a_saw.got_key());
  EXPECT_GE(hosts.b_saw.hits(), 1u) << r.error;
  EXPECT_FALSE(hosts.b_saw.got_key());
}

TEST(SecretOrigin, NextLinkCarryingTheKeyToAnotherHostIsRefused) {
  test::CannedTransport t;
  t.on("portal.example.org/Things",
       R"({"value": [], "@iot.nextLink": "https://elsewhere.example.net/Things?token=)" + std::string(kKey) +
           R"("})");
  setenv("KIOSK_TEST_ORIGIN_KEY", kKey, 1);
  SourceConfig cfg = test::source("keyed", "sensorthings", "https://portal.example.org/Things");
  cfg.query = {{"token", {"", "KIOSK_TEST_ORIGIN_KEY", ""}}};
  data::SourceResult r = data::fetch_source(cfg, t, settings(), {}, test::at("2026-03-02T07:00:00Z"));
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(t.requests.size(), 1u);  // the link was never requested
  EXPECT_NE(r.error.find("leaves https://portal.example.org:443"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find(kKey), std::string::npos) << r.error;
}

TEST(SecretOrigin, UpstreamBodyEchoingTheKeyIsPrintedAsStars) {
  TwoHosts hosts;
  data::SourceResult r = fetch(keyed("kiosk-feed", hosts.a.url("/denied.json")));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("HTTP 401: invalid key ***"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find(kKey), std::string::npos) << r.error;
}

TEST(SecretOrigin, SecretOverPlainHttpIsRefusedBeforeAnyRequest) {
  test::CannedTransport t;
  data::SourceResult r = data::fetch_source(keyed("kiosk-feed", "http://portal.example.org/feed.json"), t,
                                            settings(), {}, test::at("2026-03-02T07:00:00Z"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("a source with secrets must use https://"), std::string::npos) << r.error;
  EXPECT_TRUE(t.requests.empty());
}

TEST(SecretOrigin, LinkFromHttpsSourceToPlainHttpIsRefused) {
  test::CannedTransport t;
  t.on("portal.example.org/Things",
       R"({"value": [], "@iot.nextLink": "http://portal.example.org/Things?$skip=1"})");
  data::SourceResult r =
      data::fetch_source(test::source("open", "sensorthings", "https://portal.example.org/Things"), t,
                         settings(), {}, test::at("2026-03-02T07:00:00Z"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("from an https source to plain http is refused"), std::string::npos) << r.error;
  EXPECT_EQ(t.requests.size(), 1u);
}

// An https portal on loopback with a certificate made for the test (openssl, as the package's CI has it).
struct TlsPortal {
  test::TempDir folder;
  fs::path dir{folder.path()};
  std::unique_ptr<httplib::SSLServer> server;
  std::thread thread;
  int port = 0;
  explicit TlsPortal(const std::string& redirect_to) {
    std::string cmd =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1"
        " -addext subjectAltName=IP:127.0.0.1 -keyout " +
        (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return;
    server = std::make_unique<httplib::SSLServer>((dir / "cert.pem").c_str(), (dir / "key.pem").c_str());
    server->Get("/moved.json", [redirect_to](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(redirect_to);
    });
    port = server->bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server->listen_after_bind(); });
    for (int i = 0; i < 200 && !server->is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~TlsPortal() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }
  std::string url(const std::string& path) const {
    return "https://127.0.0.1:" + std::to_string(port) + path;
  }
};

TEST(SecretOrigin, HttpsNeverFollowsARedirectToPlainHttp) {
  TwoHosts hosts;
  TlsPortal portal(hosts.b.url("/feed.json"));
  ASSERT_TRUE(portal.server) << "openssl could not make a test certificate";
  data::FetchSettings s = settings();
  s.network.ca_file = (portal.dir / "cert.pem").string();
  data::SourceResult r = fetch(keyed("kiosk-feed", portal.url("/moved.json")), s);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("a redirect from https to plain http (http://127.0.0.1:"), std::string::npos)
      << r.error;
  EXPECT_EQ(hosts.b_saw.hits(), 0u);
}

TEST(SecretOrigin, OriginsCompareSchemeHostAndPort) {
  EXPECT_EQ(data::url_origin("https://API.example.org/x?y=1"), "https://api.example.org:443");
  EXPECT_EQ(data::url_origin("https://user:pw@api.example.org:443/"), "https://api.example.org:443");
  EXPECT_EQ(data::url_origin("http://[::1]:8080/a"), "http://[::1]:8080");
  EXPECT_NE(data::url_origin("https://api.example.org/"), data::url_origin("https://api.example.org:8443/"));
  EXPECT_NE(data::url_origin("https://api.example.org/"), data::url_origin("http://api.example.org/"));
  EXPECT_NE(data::url_origin("https://api.example.org/"),
            data::url_origin("https://api.example.org.evil.net/"));
  EXPECT_EQ(data::url_origin("file:///etc/passwd"), "");
}

TEST(SecretOrigin, StoredUrlsHideLiteralTokens) {
  EXPECT_EQ(data::redact_url("https://u:pw@portal.example.org/d?token=abc123&limit=5"),
            "https://***@portal.example.org/d?token=***&limit=5");
}

// --- secret files -------------------------------------------------------------------------------

struct SecretFolder {
  test::TempDir folder;
  fs::path root{folder.path()};
  SecretFolder() {
    std::ofstream(root / "portal.key") << kKey << "\n";
    fs::permissions(root / "portal.key", fs::perms::owner_read | fs::perms::owner_write);
  }
};

TEST(SecretFile, UnderTheOperatorFolderIsRead) {
  SecretFolder folder;
  data::FetchSettings s = settings();
  s.secret_dir = folder.root;
  EXPECT_EQ(
      data::read_secret({"", "", (folder.root / "portal.key").string()}, "header 'X-API-Key'", s.secret_dir),
      kKey);
}

TEST(SecretFile, ElsewhereIsRefusedAndNamed) {
  SecretFolder folder;
  try {
    data::read_secret({"", "", (folder.root / "portal.key").string()}, "header 'X-API-Key'", "/etc/kiosk");
    FAIL() << "a secret file outside /etc/kiosk was read";
  } catch (const data::SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("is not under /etc/kiosk"), std::string::npos) << e.what();
  }
  // ".." cannot climb out of the folder either.
  fs::path climb = folder.root / ".." / fs::path(folder.root).filename() / ".." / "x.key";
  EXPECT_THROW(data::read_secret({"", "", climb.string()}, "header", folder.root), data::SourceError);
}

}  // namespace
}  // namespace kiosk
