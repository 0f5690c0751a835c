// The soak's open-data portal: a loopback HTTP server (cpp-httplib) serving the kiosk's four sources
// (air, rivers, sea as kiosk feeds; bikes as GBFS 2.3) with data observed "now" on the simulated clock,
// and every fault of the open-data issue injected at random: delay, drip, 500, 429 with Retry-After,
// truncated bodies, HTML, JSON under the wrong content type, gzip, huge bodies (announced and chunked),
// redirect loops; 304 whenever the client's ETag is current; and outages (the server stopped, so
// connections are refused) switched by the test. Everything served is counted per fault.
#pragma once
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/time_parse.hpp"

namespace kiosk::test {

// The faults, with how often each is chosen when a request gets one. Drip and delay cost real seconds
// (libcurl's low-speed cut-off works in whole seconds), so they come less often.
enum class Fault {
  none,
  delay,
  drip,
  status_500,
  status_429,
  truncated,
  html,
  text_plain,
  gzip,
  huge_announced,
  huge_chunked,
  redirect_loop,
};
constexpr const char* kFaultNames[] = {"none", "delay",          "drip",         "500",
                                       "429",  "truncated",      "html",         "text-plain",
                                       "gzip", "huge-announced", "huge-chunked", "redirect-loop"};

struct SoakStation {
  std::string id;
  std::string kind;  // air | river | lake | sea
};

class FaultServer {
 public:
  // `fault_rate`: the share of requests that get a fault.
  FaultServer(const Clock& clock, std::vector<SoakStation> stations, double fault_rate, std::uint64_t seed)
      : clock_(clock), stations_(std::move(stations)), fault_rate_(fault_rate), rng_(seed) {}
  ~FaultServer() { stop(); }
  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;

  // Listens on 127.0.0.1: a port of the system's choosing the first time, the same port after an outage.
  bool start() {
    auto server = std::make_unique<httplib::Server>();
    // One request per connection: no idle keep-alive sockets, so the kiosk's open files are countable.
    server->set_keep_alive_max_count(1);
    routes(*server);
    const int port = port_ == 0                                 ? server->bind_to_any_port("127.0.0.1")
                     : server->bind_to_port("127.0.0.1", port_) ? port_
                                                                : -1;
    if (port <= 0) return false;
    port_ = port;
    stopping_ = false;
    server_ = std::move(server);
    thread_ = std::thread([s = server_.get()] { s->listen_after_bind(); });
    for (int i = 0; i < 400 && !server_->is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return server_->is_running();
  }
  // An outage: connections are refused until start().
  void stop() {
    stopping_ = true;
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }
  bool running() const { return server_ != nullptr; }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  std::map<std::string, long> served() const {
    std::lock_guard lock(mu_);
    return served_;
  }

  // Observation times as the portal reports them: kiosk feeds hourly, bikes every five minutes.
  static UnixTime feed_hour(UnixTime t) { return t / 3600 * 3600; }
  static UnixTime bikes_slot(UnixTime t) { return t / 300 * 300; }

 private:
  Fault pick() {
    std::lock_guard lock(mu_);
    if (std::uniform_real_distribution<double>(0, 1)(rng_) >= fault_rate_) return Fault::none;
    // Weights, in enum order after `none`.
    static const std::vector<double> weights{1, 1, 4, 4, 4, 4, 4, 4, 3, 3, 4};
    std::discrete_distribution<int> d(weights.begin(), weights.end());
    return static_cast<Fault>(1 + d(rng_));
  }
  void count(const std::string& what) {
    std::lock_guard lock(mu_);
    ++served_[what];
  }
  // Real-time sleep that ends early when the server stops.
  void nap(double seconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!stopping_ && std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  static std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }

  std::string feed(const std::string& source_kind, UnixTime observed, const std::string& padding) const {
    struct Metric {
      const char* key;
      const char* unit;
      double base;
    };
    static const std::vector<Metric> air{{"pm25_1h", "ug/m3", 35}, {"pm10_1h", "ug/m3", 60},
                                         {"o3_1h", "ug/m3", 90},   {"no2_1h", "ug/m3", 30},
                                         {"so2_1h", "ug/m3", 8},   {"co_1h", "mg/m3", 0.7}};
    static const std::vector<Metric> river{{"ph", "pH", 7.4},     {"do", "mg/L", 7.5}, {"codmn", "mg/L", 4},
                                           {"nh3n", "mg/L", 0.4}, {"tp", "mg/L", 0.1}, {"tn", "mg/L", 1.1}};
    static const std::vector<Metric> sea{{"ph", "pH", 8.1},           {"do", "mg/L", 6.8},
                                         {"cod", "mg/L", 1.5},        {"din", "mg/L", 0.2},
                                         {"phosphate", "mg/L", 0.02}, {"oil", "mg/L", 0.03}};
    std::string body = R"({"kiosk_feed": 1, "generated_at": ")" + format_iso_utc(observed) + "\",";
    if (!padding.empty()) body += R"( "note": ")" + padding + "\",";
    body += R"( "readings": [)";
    bool first = true;
    const double wave = static_cast<double>((observed / 3600) % 24) / 24.0;  // values drift over the day
    for (const SoakStation& s : stations_) {
      const bool match = source_kind == "air"   ? s.kind == "air"
                         : source_kind == "sea" ? s.kind == "sea"
                                                : (s.kind == "river" || s.kind == "lake");
      if (!match) continue;
      const auto& metrics = s.kind == "air" ? air : s.kind == "sea" ? sea : river;
      for (const Metric& m : metrics) {
        body += std::string(first ? "" : ",") + R"({"station": ")" + s.id + R"(", "metric": ")" + m.key +
                R"(", "value": )" + number(m.base * (0.8 + 0.4 * wave)) + R"(, "unit": ")" + m.unit +
                R"(", "observed_at": ")" + format_iso_utc(observed) + "\"}";
        first = false;
      }
    }
    return body + "]}";
  }

  std::string gbfs(const std::string& file, UnixTime now) const {
    const std::string head =
        R"({"last_updated": )" + std::to_string(now) + R"(, "ttl": 60, "version": "2.3", "data": )";
    if (file == "gbfs.json")
      return head + R"({"zh": {"feeds": [{"name": "station_information", "url": ")" +
             url("/gbfs/station_information.json") + R"("}, {"name": "station_status", "url": ")" +
             url("/gbfs/station_status.json") + R"("}]}}})";
    std::string list;
    for (int i = 0; i < 12; ++i) {
      const std::string id = "s" + std::to_string(i);
      if (file == "station_information.json")
        list += std::string(i ? "," : "") + R"({"station_id": ")" + id + R"(", "name": "海滨公园)" +
                std::to_string(i + 1) + R"(号", "lat": )" + number(37.5 + i * 0.005) + R"(, "lon": )" +
                number(121.3 + i * 0.01) + R"(, "capacity": 20})";
      else
        list += std::string(i ? "," : "") + R"({"station_id": ")" + id + R"(", "num_bikes_available": )" +
                std::to_string((now / 300 + i) % 21) + R"(, "num_docks_available": )" +
                std::to_string(20 - (now / 300 + i) % 21) +
                R"(, "is_installed": true, "is_renting": true, "is_returning": true, "last_reported": )" +
                std::to_string(bikes_slot(now)) + "}";
    }
    return head + R"({"stations": [)" + list + "]}}";
  }

  // Serves `body` (ETag `etag`) with fault `f`.
  void serve(Fault f, const std::string& etag, const httplib::Request& req, httplib::Response& res,
             const std::string& body) {
    count(kFaultNames[static_cast<int>(f)]);
    switch (f) {
      case Fault::none:
      case Fault::gzip:  // the body carries a long compressible note; httplib gzips it for curl
        if (req.get_header_value("If-None-Match") == etag) {
          count("304");
          res.status = 304;
          return;
        }
        res.set_header("ETag", etag);
        res.set_content(body, "application/json");
        return;
      case Fault::delay:
        nap(0.3);
        res.set_header("ETag", etag);
        res.set_content(body, "application/json");
        return;
      case Fault::drip:  // a byte every 50 ms: slower than the kiosk's low-speed limit, cut off
        res.set_chunked_content_provider("application/json",
                                         [this, body](size_t offset, httplib::DataSink& sink) {
                                           if (offset >= body.size() || stopping_) {
                                             sink.done();
                                             return true;
                                           }
                                           sink.write(body.data() + offset, 1);
                                           nap(0.05);
                                           return !stopping_.load();
                                         });
        return;
      case Fault::status_500:
        res.status = 500;
        res.set_content(R"({"message": "database is down"})", "application/json");
        return;
      case Fault::status_429:
        res.status = 429;
        res.set_header("Retry-After", "900");
        res.set_content(R"({"detail": "Too many requests"})", "application/json");
        return;
      case Fault::truncated: {
        const size_t full = body.size();
        res.set_content_provider(full, "application/json",
                                 [body, full](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset == 0) sink.write(body.data(), full / 2);
                                   return false;  // the connection drops mid-body
                                 });
        return;
      }
      case Fault::html:
        res.set_content("<!DOCTYPE html><html><body>Portal maintenance</body></html>", "text/html");
        return;
      case Fault::text_plain:  // JSON all the same: accepted
        res.set_header("ETag", etag);
        res.set_content(body, "text/plain");
        return;
      case Fault::huge_announced:  // a Content-Length over the kiosk's cap: refused before reading
        res.set_content(std::string(3u << 20, ' ') + body, "application/octet-stream");
        return;
      case Fault::huge_chunked:  // no length: cut by the cap while receiving
        res.set_chunked_content_provider("application/octet-stream",
                                         [this](size_t offset, httplib::DataSink& sink) {
                                           if (offset >= (64u << 20) || stopping_) {
                                             sink.done();
                                             return true;
                                           }
                                           static const std::string block(64 << 10, ' ');
                                           sink.write(block.data(), block.size());
                                           return true;
                                         });
        return;
      case Fault::redirect_loop:
        res.set_redirect("/loop");
        return;
    }
  }

  void routes(httplib::Server& s) {
    s.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
    for (const char* kind : {"air", "water", "sea"}) {
      s.Get(std::string("/") + kind + ".json",
            [this, kind = std::string(kind)](const httplib::Request& req, httplib::Response& res) {
              const UnixTime hour = feed_hour(clock_.wall());
              const Fault f = pick();
              const std::string padding = f == Fault::gzip ? std::string(200000, 'z') : std::string();
              serve(f, "\"" + kind + "-" + std::to_string(hour) + "\"", req, res, feed(kind, hour, padding));
            });
    }
    s.Get(R"(/gbfs/([a-z_]+\.json))", [this](const httplib::Request& req, httplib::Response& res) {
      const UnixTime now = clock_.wall();
      const std::string file = req.matches[1];
      const Fault f = pick();
      std::string body = gbfs(file, now);
      if (f == Fault::gzip) body.insert(1, R"("note": ")" + std::string(200000, 'z') + "\", ");
      serve(f, "\"" + file + "-" + std::to_string(bikes_slot(now)) + "\"", req, res, body);
    });
  }

  const Clock& clock_;
  std::vector<SoakStation> stations_;
  double fault_rate_;
  mutable std::mutex mu_;
  std::mt19937_64 rng_;
  std::map<std::string, long> served_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  int port_ = 0;
};

}  // namespace kiosk::test
