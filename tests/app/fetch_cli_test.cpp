// `kiosk fetch` as an integrator runs it: the built binary against the bundled demo pack and against a
// loopback server that speaks every supported platform, checking the JSON lines and the error lines.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

namespace {
namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fixture(const std::string& rel) {
  return read_text(fs::path(KIOSK_TEST_DATA) / "fixtures/api" / rel);
}

// Just enough HTTP/1.0 for the test: the first route whose text occurs in the request target answers.
class TinyServer {
 public:
  struct Route {
    std::string contains;
    int status;
    std::string body;
  };
  explicit TinyServer(std::vector<Route> routes) : routes_(std::move(routes)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(fd_, 16);
    thread_ = std::thread([this] { serve(); });
  }
  ~TinyServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  void serve() {
    while (!stop_) {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string request;
      char buf[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      std::string target = request.substr(0, request.find("\r\n"));
      const Route* route = nullptr;
      for (const auto& r : routes_)
        if (target.find(r.contains) != std::string::npos) {
          route = &r;
          break;
        }
      int status = route ? route->status : 404;
      std::string body = route ? route->body : "{\"message\": \"not found\"}";
      std::string head =
          "HTTP/1.0 " + std::to_string(status) +
          " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
          "\r\nConnection: close\r\n\r\n";
      std::string all = head + body;
      for (size_t sent = 0; sent < all.size();) {
        ssize_t n = ::send(c, all.data() + sent, all.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
      }
      ::close(c);
    }
  }
  std::vector<Route> routes_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

CliRun kiosk(const std::string& args) {
  static int n = 0;
  fs::path base = fs::temp_directory_path() /
                  ("kiosk-fetch-cli-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::string cmd =
      std::string(KIOSK_BINARY) + " " + args + " >" + base.string() + ".out 2>" + base.string() + ".err";
  int status = std::system(cmd.c_str());
  CliRun r{WEXITSTATUS(status), read_text(base.string() + ".out"), read_text(base.string() + ".err")};
  fs::remove(base.string() + ".out");
  fs::remove(base.string() + ".err");
  return r;
}

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::stringstream s(out);
  std::string line;
  while (std::getline(s, line)) v.push_back(nlohmann::json::parse(line));
  return v;
}

struct TempContent {
  kiosk::test::TempDir folder;
  fs::path dir{folder.path()};
  explicit TempContent(const std::string& sources) {
    for (const char* f : {"kiosk.toml", "strings.toml"})
      fs::copy_file(fs::path(KIOSK_CONTENT_DIR) / f, dir / f);
    std::ofstream(dir / "sources.toml") << sources;
  }
};

TEST(FetchCli, DemoSourcePrintsOneJsonLinePerReading) {
  CliRun r = kiosk("fetch --content " + std::string(KIOSK_CONTENT_DIR) + " --source demo-water --print");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto v = lines(r.out);
  ASSERT_EQ(v.size(), 4u * 168 * 7 + 168);  // 3 rivers × 7 metrics + the lake × 8, hourly for 7 days
  for (const char* key : {"source", "station", "metric", "value", "unit", "observed_at"})
    EXPECT_TRUE(v[0].contains(key)) << key;
  EXPECT_EQ(v[0]["source"], "demo-water");
  EXPECT_EQ(v[0]["observed_at"].get<std::string>().back(), 'Z');
  EXPECT_EQ(r.out.substr(0, 11), "{\"source\":\"");  // the documented key order
}

TEST(FetchCli, EveryPlatformThroughALoopbackServer) {
  const std::string gbfs =
      R"({"last_updated": 1640887163, "ttl": 60, "version": "2.3", "data": {"en": {"feeds": [
    {"name": "station_information", "url": "station_information.json"}, {"name": "station_status", "url": "station_status.json"}]}}})";
  TinyServer server({
      {"/feed.json", 200,
       R"({"kiosk_feed": 1, "readings": [{"station": "s1", "metric": "o3_8h", "value": 101, "unit": "ug/m3", "observed_at": "2024-01-01T10:00:00+08:00"}]})"},
      {"/ckan/", 200, fixture("ckan/own_cnemc_like_wide.json")},
      {"/resource/", 200, fixture("socrata/own_air_rows.json")},
      {"/ods/", 200, fixture("opendatasoft/own_v2.1_air_records.json")},
      {"resultOffset=2", 200, fixture("arcgis/own_air_query_page2.json")},
      {"/arcgis/", 200, fixture("arcgis/own_air_query_page1.json")},
      {"/sta/", 200, fixture("sensorthings/own_datastreams_expanded.json")},
      {"/v3/locations/2178/latest", 200, fixture("openaq/own_location_2178_latest.json")},
      {"/v3/locations", 200, fixture("openaq/own_locations.json")},
      {"/gbfs/gbfs.json", 200, gbfs},
      {"/gbfs/station_information.json", 200, fixture("gbfs/v2.3_station_information_virtual.json")},
      {"/gbfs/station_status.json", 200, fixture("gbfs/v2.3_station_status.json")},
  });
  TempContent content(R"(
[[source]]
id = "feed"
platform = "kiosk-feed"
url = ")" + server.url("/feed.json") +
                      R"("
[[source]]
id = "ckan"
platform = "ckan"
url = ")" + server.url("/ckan/datastore_search") +
                      R"("
[source.fields]
layout = "wide"
station = "stationcode"
observed_at = "timepoint"
[source.columns]
pm25_1h = "pm2_5"
[[source]]
id = "socrata"
platform = "socrata"
url = ")" + server.url("/resource/air1-2345.json") +
                      R"("
[source.fields]
station = "site_id"
metric = "parameter"
value = "value"
unit = "units"
observed_at = "sample_time"
[[source]]
id = "ods"
platform = "opendatasoft"
url = ")" + server.url("/ods/records") +
                      R"("
[source.fields]
station = "station_code"
metric = "measure"
value = "value"
unit = "unit"
observed_at = "date_time"
[[source]]
id = "arcgis"
platform = "arcgis"
url = ")" + server.url("/arcgis/rest/services/Air/FeatureServer/0/query") +
                      R"("
[source.fields]
layout = "wide"
station = "SITE"
observed_at = "OBS_TIME"
[source.columns]
pm25_1h = "PM25"
[[source]]
id = "sta"
platform = "sensorthings"
url = ")" + server.url("/sta/v1.1/Datastreams") +
                      R"("
[[source]]
id = "openaq"
platform = "openaq"
url = ")" + server.url("/v3/locations") +
                      R"("
[[source]]
id = "gbfs"
platform = "gbfs"
url = ")" + server.url("/gbfs/gbfs.json") +
                      R"("
)");
  CliRun r = kiosk("fetch --content " + content.dir.string() + " --print");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, int> per_source;
  for (const auto& j : lines(r.out)) ++per_source[j["source"].get<std::string>()];
  for (const char* id : {"feed", "ckan", "socrata", "ods", "arcgis", "sta", "openaq", "gbfs"})
    EXPECT_GT(per_source[id], 0) << id << "\n" << r.err;
  EXPECT_NE(r.err.find("warning: source 'ckan': record rejected: $.result.records[2].pm2_5: negative value"),
            std::string::npos)
      << r.err;
}

TEST(FetchCli, FailuresExitNonZeroWithOneLinePerProblem) {
  setenv("KIOSK_CLI_TEST_TOKEN", "tok-0123456789", 1);
  TinyServer server({{"/down", 500, "{\"message\": \"maintenance\"}"},
                     {"/ckan/", 200, fixture("ckan/own_cnemc_like_wide.json")}});
  TempContent content(R"(
[[source]]
id = "down"
platform = "socrata"
url = ")" + server.url("/down/resource/x.json") +
                      R"("
query = { "$$app_token" = { env = "KIOSK_CLI_TEST_TOKEN" } }
[source.fields]
station = "a"
metric = "b"
value = "c"
observed_at = "d"
[[source]]
id = "mapping"
platform = "ckan"
url = ")" + server.url("/ckan/datastore_search") +
                      R"("
[source.fields]
station = "station_code"
metric = "parameter"
value = "value"
observed_at = "timepoint"
[[source]]
id = "refused"
platform = "kiosk-feed"
url = "http://127.0.0.1:1/feed.json"
)");
  CliRun r = kiosk("fetch --content " + content.dir.string() + " --print --timeout 5");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("error: source 'down' (socrata): GET http://127.0.0.1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("HTTP 500: maintenance"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("tok-0123456789"), std::string::npos) << r.err;  // the token is never shown
  EXPECT_NE(r.err.find("error: source 'mapping' (ckan):"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("$.result.records[0].station_code"), std::string::npos) << r.err;
  EXPECT_NE(
      r.err.find("error: source 'refused' (kiosk-feed): GET http://127.0.0.1:1/feed.json: connection failed"),
      std::string::npos)
      << r.err;
  int error_lines = 0;
  std::stringstream s(r.err);
  for (std::string line; std::getline(s, line);) error_lines += line.rfind("error: ", 0) == 0;
  EXPECT_EQ(error_lines, 3);
}

TEST(FetchCli, OneBadSourceIsOneBadSource) {
  const std::string feed =
      R"({"kiosk_feed": 1, "readings": [{"station": "s1", "metric": "pm25_1h", "value": 12,
    "unit": "ug/m3", "observed_at": "2026-11-28T12:00:00+08:00"}]})";
  TinyServer server({{"/feed.json", 200, feed}});
  TempContent content(R"([[source]]
id = "good"
platform = "kiosk-feed"
url = ")" + server.url("/feed.json") +
                      R"("
[[source]]
id = "bad"
platform = "kiosk-feed"
url = ")" + server.url("/feed.json") +
                      R"("
zone = "Mars/Olympus"
)");
  CliRun r = kiosk("fetch --content " + content.dir.string() + " --print --timeout 5");
  EXPECT_EQ(r.exit_code, 1);  // a source failed…
  auto out = lines(r.out);    // …but the good one fetched
  ASSERT_EQ(out.size(), 1u) << r.out << r.err;
  EXPECT_EQ(out[0]["source"], "good");
  EXPECT_NE(r.err.find("sources.toml:9:8: warning: source 'bad' is off until fixed: 'zone'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: source 'bad' (kiosk-feed): off: sources.toml:9:8: error: 'zone'"),
            std::string::npos)
      << r.err;
}

TEST(FetchCli, StationsArePrintedWithIdNamesPositionAndSource) {
  // A GBFS 3.0 system (payloads after gbfs.md): localized names, one station closed, one virtual.
  TinyServer server({
      {"/gbfs/gbfs.json", 200,
       R"({"last_updated": "2026-11-28T10:59:00+08:00", "ttl": 0, "version": "3.0", "data": {"feeds": [
    {"name": "station_information", "url": "station_information.json"}, {"name": "station_status", "url": "station_status.json"}]}})"},
      {"/gbfs/station_information.json", 200,
       R"({"last_updated": "2026-11-28T10:59:00+08:00", "ttl": 86400, "version": "3.0", "data": {"stations": [
    {"station_id": "A", "name": [{"text": "港城站", "language": "zh-Hans"}, {"text": "Harbour Town", "language": "en"}], "lat": 37.545, "lon": 121.385},
    {"station_id": "Z", "name": [{"text": "Beach", "language": "en"}], "lat": 37.55, "lon": 121.39, "is_virtual_station": true}]}})"},
      {"/gbfs/station_status.json", 200,
       R"({"last_updated": "2026-11-28T10:59:00+08:00", "ttl": 0, "version": "3.0", "data": {"stations": [
    {"station_id": "A", "num_vehicles_available": 4, "num_docks_available": 6, "is_installed": true, "is_renting": false, "is_returning": false, "last_reported": "2026-11-28T10:58:00+08:00"},
    {"station_id": "Z", "num_vehicles_available": 2, "is_installed": true, "is_renting": true, "is_returning": true, "last_reported": "2026-11-28T10:58:00+08:00"}]}})"},
  });
  TempContent content(R"(
[[source]]
id = "bikes"
platform = "gbfs"
url = ")" + server.url("/gbfs/gbfs.json") +
                      R"("
station_prefix = "bike-"
)");
  CliRun r = kiosk("fetch --content " + content.dir.string() + " --source bikes --print --stations");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 5u) << r.out;  // two stations, then A's bikes and docks and Z's bikes
  EXPECT_EQ(r.out.substr(0, 11), "{\"source\":\"");
  EXPECT_EQ(out[0]["source"], "bikes");
  EXPECT_EQ(out[0]["station"], "bike-A");
  EXPECT_EQ(out[0]["name_zh"], "港城站");
  EXPECT_EQ(out[0]["name_en"], "Harbour Town");
  EXPECT_DOUBLE_EQ(out[0]["lat"].get<double>(), 37.545);  // named, so [lon, lat] order can be checked
  EXPECT_DOUBLE_EQ(out[0]["lon"].get<double>(), 121.385);
  EXPECT_EQ(out[0]["service"], "closed");
  EXPECT_EQ(out[1]["station"], "bike-Z");
  EXPECT_EQ(out[1]["virtual"], true);
  EXPECT_FALSE(out[2].contains("name_zh"));  // then the readings, as without --stations
  EXPECT_EQ(out[2]["metric"], "bikes_available");
  CliRun without = kiosk("fetch --content " + content.dir.string() + " --source bikes --stations");
  EXPECT_NE(without.exit_code, 0);  // --stations goes with --print
}

TEST(FetchCli, UnknownSourceAndBadSourcesFile) {
  CliRun r = kiosk("fetch --content " + std::string(KIOSK_CONTENT_DIR) + " --source nope");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no source 'nope'"), std::string::npos) << r.err;
  TempContent content("[[source]]\nid = \"x\"\nplatform = \"ckann\"\nurl = \"https://a.example/\"\n");
  r = kiosk("fetch --content " + content.dir.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("sources.toml:3:"), std::string::npos) << r.err;
}

}  // namespace
