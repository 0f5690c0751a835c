// What a hostile or broken portal can make the kiosk hold in one fetch is bounded by ceilings no content
// can raise (source_config.hpp): endless pages stop at the bytes ceiling, endless stations at the
// stations ceiling, each with "limit reached", and memory stays in budget.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>

#include "kiosk/data/source_fetch.hpp"
#include "loopback_server.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

// Peak resident memory of this process (VmHWM), in bytes.
std::size_t peak_resident() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6)) * 1024;
  return 0;
}

data::FetchSettings settings() {
  data::FetchSettings s;
  s.content_dir = KIOSK_CONTENT_DIR;
  s.network.connect_timeout_seconds = 2;
  s.network.total_timeout_seconds = 10;
  return s;
}

TEST(FetchBounds, EndlessPagesEndWithLimitReachedAndMemoryInBudget) {
  test::LoopbackServer server;
  std::atomic<int> pages{0};
  const std::string padding(1 << 20, ' ');  // each page is 1 MiB of JSON
  server.server().Get("/Things", [&](const httplib::Request& req, httplib::Response& res) {
    int page = ++pages;
    res.set_content(R"({"value": [], "@iot.nextLink": ")" +
                        server.url("/Things?page=" + std::to_string(page)) + "\"" + padding + "}",
                    "application/json");
    (void)req;
  });
  server.start();
  [[maybe_unused]] const std::size_t before = peak_resident();
  data::CurlTransport curl;
  SourceConfig cfg = test::source("endless", "sensorthings", server.url("/Things"));
  data::SourceResult r = data::fetch_source(cfg, curl, settings(), {}, test::at("2026-03-02T07:00:00Z"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("limit reached: over 64 MiB fetched (ceiling 64 MiB per fetch)"), std::string::npos)
      << r.error;
  EXPECT_LE(pages.load(), 66);  // stopped at the ceiling, not at max_pages (200)
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // Natively only: ASan keeps freed memory in quarantine, TSan has its shadow memory, and qemu-user's
  // resident memory includes the code it translates, so there it says nothing about what the fetch holds.
  if (!std::getenv("KIOSK_EMULATED")) {
    EXPECT_LT(peak_resident(), before + (48u << 20)) << "one page at a time is held, not the whole fetch";
  }
#endif
}

TEST(FetchBounds, ASlowPortalIsCutOffAtTheFetchDeadline) {
  test::LoopbackServer server;
  std::atomic<int> pages{0};
  server.server().Get("/Things", [&](const httplib::Request&, httplib::Response& res) {
    server.nap(0.3);  // slow, but each page well inside the request timeout
    res.set_content(
        R"({"value": [], "@iot.nextLink": ")" + server.url("/Things?page=" + std::to_string(++pages)) + "\"}",
        "application/json");
  });
  server.start();
  data::FetchSettings s = settings();
  s.max_fetch_seconds = 1;
  data::CurlTransport curl;
  const auto t0 = std::chrono::steady_clock::now();
  data::SourceResult r = data::fetch_source(test::source("slow", "sensorthings", server.url("/Things")), curl,
                                            s, {}, test::at("2026-03-02T07:00:00Z"));
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("limit reached: 1 s spent (ceiling 1 s per fetch)"), std::string::npos) << r.error;
  EXPECT_LT(took, 5) << "not max_pages (200) × 0.3 s";
}

TEST(FetchBounds, EndlessUniqueStationsEndWithLimitReached) {
  std::string stations = R"({"last_updated": 1640887163, "ttl": 0, "version": "2.3", "data": {"stations": [)";
  for (std::size_t i = 0; i <= kMaxStationsPerFetch; ++i)
    stations += std::string(i ? "," : "") + R"({"station_id": "s)" + std::to_string(i) +
                R"(", "name": "Unique name )" + std::to_string(i) + R"(", "lat": 37.5, "lon": 121.4})";
  stations += "]}}";
  test::CannedTransport t;
  t.on("gbfs.json", R"({"last_updated": 1640887163, "ttl": 60, "version": "2.3", "data": {"en": {"feeds": [
    {"name": "station_information", "url": "https://bikes.example.com/station_information.json"},
    {"name": "station_status", "url": "https://bikes.example.com/station_status.json"}]}}})");
  t.on("station_information.json", stations);
  t.on("station_status.json", test::fixture("gbfs/v2.3_station_status.json"));
  SourceConfig cfg = test::source("bikes", "gbfs", "https://bikes.example.com/gbfs.json");
  data::SourceResult r = data::fetch_source(cfg, t, settings(), {}, test::at("2021-12-30T18:00:00Z"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("limit reached: 5001 stations (ceiling 5000)"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace kiosk
