// Parse + normalise speed and peak extra memory of each adapter on a 10,000-record response, served from
// memory so only the adapter's work is timed. Goal (issue 3): ≥ 200 MB/s and extra memory ≤ 2× the
// response. Memory is counted by replacing global operator new/delete: "extra" is the peak bytes
// allocated during one fetch beyond the response body itself (which the fetch holds either way).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "kiosk/data/source_fetch.hpp"

namespace {

std::atomic<long long> g_current{0};
std::atomic<long long> g_peak{0};

void note_alloc(std::size_t n) {
  long long now = g_current += static_cast<long long>(n);
  long long peak = g_peak.load();
  while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
  }
}

}  // namespace

// Each block carries its size in front so delete can count it.
void* operator new(std::size_t n) {
  auto* p = static_cast<std::size_t*>(std::malloc(n + 16));
  if (!p) throw std::bad_alloc();
  *p = n;
  note_alloc(n);
  return reinterpret_cast<char*>(p) + 16;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  auto* base = reinterpret_cast<std::size_t*>(static_cast<char*>(p) - 16);
  g_current -= static_cast<long long>(*base);
  std::free(base);
}
void operator delete(void* p, std::size_t) noexcept {
  operator delete(p);
}
void* operator new[](std::size_t n) {
  return operator new(n);
}
void operator delete[](void* p) noexcept {
  operator delete(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  operator delete(p);
}

namespace {

using namespace kiosk;

constexpr int kRecords = 10000;

class MemoryTransport : public data::Transport {
 public:
  std::vector<std::pair<std::string, std::string>> routes;  // URL fragment → body
  data::HttpResponse get(const data::HttpRequest& request) override {
    data::HttpResponse r;
    r.transport_ok = true;
    r.status = 200;
    for (const auto& [fragment, body] : routes)
      if (request.url.find(fragment) != std::string::npos) {
        r.body.reserve(body.size() + 64);  // as libcurl's write callback leaves it: with padding room
        r.body = body;
        return r;
      }
    r.status = 404;
    return r;
  }
  std::size_t bytes() const {
    std::size_t n = 0;
    for (const auto& [f, b] : routes) n += b.size();
    return n;
  }
};

std::string ts(int i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "2026-03-0%dT%02d:00:00", 1 + i / 2400 % 5, i / 100 % 24);
  return buf;
}

struct Case {
  SourceConfig cfg;
  MemoryTransport transport;
};

Case make(const std::string& platform) {
  Case c;
  SourceConfig& cfg = c.cfg;
  cfg.id = "bench";
  cfg.platform = platform;
  cfg.page_size = 50000;
  std::string b;
  b.reserve(kRecords * 200);
  auto long_fields = [&](const std::string& prefix = "") {
    cfg.fields.station = prefix + "site";
    cfg.fields.metric = prefix + "parameter";
    cfg.fields.value = prefix + "value";
    cfg.fields.unit = prefix + "unit";
    cfg.fields.observed_at = prefix + "time";
  };
  auto record = [&](int i, bool strings) {
    static const char* params[] = {"pm25", "pm10", "no2", "o3", "so2", "co"};
    static const char* units[] = {"µg/m³", "µg/m³", "ppb", "ppb", "µg/m³", "ppm"};
    std::string v = std::to_string(5 + i % 80) + "." + std::to_string(i % 10);
    return std::string(R"({"_id":)") + std::to_string(i) + R"(,"site":"S)" + std::to_string(i % 600) +
           R"(","name":"Station )" + std::to_string(i % 600) + R"(","parameter":")" + params[i % 6] +
           R"(","value":)" + (strings ? "\"" + v + "\"" : v) + R"(,"unit":")" + units[i % 6] +
           R"(","time":")" + ts(i) + R"(","lat":37.5,"lon":121.4})";
  };
  if (platform == "kiosk-feed") {
    cfg.url = "https://x/feed.json";
    b = R"({"kiosk_feed":1,"readings":[)";
    for (int i = 0; i < kRecords; ++i)
      b += std::string(i ? "," : "") + R"({"station":"S)" + std::to_string(i % 600) +
           R"(","metric":"pm25_1h","value":)" + std::to_string(5 + i % 80) +
           R"(,"unit":"ug/m3","observed_at":")" + ts(i) + R"(+08:00"})";
    b += "]}";
    c.transport.routes = {{"feed", b}};
  } else if (platform == "ckan" || platform == "socrata" || platform == "opendatasoft") {
    long_fields();
    cfg.url = "https://x/api";
    bool strings = platform != "opendatasoft";
    for (int i = 0; i < kRecords; ++i) b += (i ? "," : "") + record(i, strings);
    if (platform == "ckan")
      b = R"({"success":true,"result":{"records":[)" + b + R"(],"total":)" + std::to_string(kRecords) + "}}";
    else if (platform == "socrata")
      b = "[" + b + "]";
    else
      b = R"({"total_count":)" + std::to_string(kRecords) + R"(,"results":[)" + b + "]}";
    c.transport.routes = {{"api", b}};
  } else if (platform == "arcgis") {
    long_fields();
    cfg.url = "https://x/query";
    b = R"({"objectIdFieldName":"OBJECTID","features":[)";
    for (int i = 0; i < kRecords; ++i)
      b += std::string(i ? "," : "") + R"({"attributes":)" + record(i, false) +
           R"(,"geometry":{"x":121.4,"y":37.5}})";
    b += "]}";
    c.transport.routes = {{"query", b}};
  } else if (platform == "sensorthings") {
    cfg.url = "https://x/v1.1/Datastreams";
    b = R"({"value":[)";
    static const char* names[] = {"PM2.5", "PM10", "NO2", "O3"};
    for (int i = 0; i < kRecords; ++i)
      b += std::string(i ? "," : "") + R"({"@iot.id":)" + std::to_string(i) +
           R"(,"unitOfMeasurement":{"symbol":"µg/m³"},)" + R"("ObservedProperty":{"name":")" + names[i % 4] +
           R"("},"Thing":{"@iot.id":)" + std::to_string(i % 600) +
           R"(,"name":"T","Locations":[{"location":{"type":"Point","coordinates":[121.4,37.5]}}]},)" +
           R"("Observations":[{"phenomenonTime":")" + ts(i) + R"(Z","result":)" + std::to_string(3 + i % 70) +
           "}]}";
    b += "]}";
    c.transport.routes = {{"Datastreams", b}};
  } else if (platform == "openaq") {
    cfg.url = "https://x/v3/locations/1";
    std::string loc =
        R"({"meta":{"found":1},"results":[{"id":1,"name":"L","coordinates":{"latitude":37.5,"longitude":121.4},"sensors":[)";
    for (int s = 0; s < 6; ++s)
      loc += std::string(s ? "," : "") + R"({"id":)" + std::to_string(s) + R"(,"parameter":{"name":")" +
             std::vector<std::string>{"pm25", "pm10", "no2", "o3", "so2", "co"}[s] + R"(","units":"µg/m³"}})";
    loc += "]}]}";
    b = R"({"meta":{"found":10000},"results":[)";
    for (int i = 0; i < kRecords; ++i)
      b += std::string(i ? "," : "") + R"({"datetime":{"utc":")" + ts(i) + R"(Z","local":")" + ts(i) +
           R"(+08:00"},"value":)" + std::to_string(4 + i % 60) + R"(,"coordinates":null,"sensorsId":)" +
           std::to_string(i % 6) + R"(,"locationsId":1})";
    b += "]}";
    c.transport.routes = {{"/latest", b}, {"/locations/1", loc}};
  } else if (platform == "gbfs") {
    cfg.url = "https://x/gbfs.json";
    std::string info = R"({"last_updated":1640887163,"ttl":60,"version":"2.3","data":{"stations":[)";
    b = R"({"last_updated":1640887163,"ttl":60,"version":"2.3","data":{"stations":[)";
    for (int i = 0; i < kRecords / 2; ++i) {
      info += std::string(i ? "," : "") + R"({"station_id":"s)" + std::to_string(i) +
              R"(","name":"Station )" + std::to_string(i) + R"(","lat":37.5,"lon":121.4,"capacity":20})";
      b += std::string(i ? "," : "") + R"({"station_id":"s)" + std::to_string(i) +
           R"(","num_bikes_available":)" + std::to_string(i % 20) + R"(,"num_docks_available":)" +
           std::to_string(20 - i % 20) +
           R"(,"is_installed":true,"is_renting":true,"is_returning":true,"last_reported":1640887100})";
    }
    info += "]}}";
    b += "]}}";
    std::string disc =
        R"({"last_updated":1640887163,"ttl":60,"version":"2.3","data":{"en":{"feeds":[{"name":"station_information","url":"station_information.json"},{"name":"station_status","url":"station_status.json"}]}}})";
    c.transport.routes = {{"station_status", b}, {"station_information", info}, {"gbfs.json", disc}};
  }
  return c;
}

void BM_Adapter(benchmark::State& state, const std::string& platform) {
  Case c = make(platform);
  data::FetchSettings settings;
  const UnixTime now = 1773000000;  // 2026-03-08, after every generated observation
  long long worst_extra = 0;
  std::size_t readings = 0;
  for (auto _ : state) {
    long long before = g_current.load();
    g_peak = before;
    data::SourceResult r = data::fetch_source(c.cfg, c.transport, settings, {}, now);
    long long extra = g_peak.load() - before - static_cast<long long>(c.transport.bytes());
    worst_extra = std::max(worst_extra, extra);
    if (!r.ok) state.SkipWithError(r.error.c_str());
    readings = r.batch.readings.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(c.transport.bytes()));
  state.counters["response_MB"] = static_cast<double>(c.transport.bytes()) / 1e6;
  state.counters["readings"] = static_cast<double>(readings);
  state.counters["extra_mem_x"] = static_cast<double>(worst_extra) / static_cast<double>(c.transport.bytes());
}

}  // namespace

BENCHMARK_CAPTURE(BM_Adapter, kiosk_feed, std::string("kiosk-feed"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, ckan, std::string("ckan"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, socrata, std::string("socrata"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, opendatasoft, std::string("opendatasoft"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, arcgis, std::string("arcgis"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, sensorthings, std::string("sensorthings"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, openaq, std::string("openaq"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Adapter, gbfs, std::string("gbfs"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
