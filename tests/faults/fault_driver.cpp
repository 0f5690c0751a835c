// A kiosk's writing half for the fault-injection test (fault_test.cpp), run under fault_shim.so: the same
// FetchWorker, SQLite cache and history, and last good content copy a running kiosk uses, stepped by its
// arguments. Log lines go to standard error as the kiosk's do; one line a step goes to standard output.
//
//   fault_driver STATE_DIR CONTENT_DIR CONTROL_FILE STEP…
//
//   fetch                  an hour passes, the source answers with the next generation (every
//                          reading's value is the generation); prints "fetch G shown S history H":
//                          G the generation served, S the newest value on screen, H the history points
//   fault ERRNO OPS PART   writes that rule to CONTROL_FILE (the shim fails those calls from now on)
//   clear                  empties CONTROL_FILE: nothing fails any more
//   content                the editor saves version N of the pack; the kiosk keeps it as the last good
//                          copy; prints "content N kept K", K the version the last good copy holds
//   restart                a kiosk started now: a new worker shows what the cache holds; prints
//                          "restart shown S history H"
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "kill/kill_common.hpp"
#include "kiosk/app/content_reloader.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/data/fetch_worker.hpp"

namespace {

using namespace kiosk;
namespace fs = std::filesystem;

// Generation G observed at hour G: every fetch adds one history point per series.
UnixTime observed_at(long long generation) {
  return test::kKillEpoch + generation * 3600;
}

std::string hourly_feed(long long generation) {
  const std::string when = format_iso_utc(observed_at(generation));
  std::string body = R"({"kiosk_feed": 1, "readings": [)";
  for (int s = 0; s < test::kKillStations; ++s)
    for (const char* metric : test::kKillMetrics)
      body += std::string(body.back() == '[' ? "" : ",") + R"({"station": "air-)" + std::to_string(s) +
              R"(", "metric": ")" + metric + R"(", "value": )" + std::to_string(generation) +
              R"(, "unit": "ug/m3", "observed_at": ")" + when + "\"}";
  return body + "]}";
}

class GenerationPortal final : public data::Transport {
 public:
  data::HttpResponse get(const data::HttpRequest&) override {
    data::HttpResponse r;
    r.transport_ok = true;
    r.status = 200;
    r.content_type = "application/json";
    r.body = hourly_feed(++served);
    return r;
  }
  long long served = 0;
};

long long shown(const FetchWorker& worker) {
  long long newest = 0;
  for (const Reading& r : worker.snapshot()->latest)
    newest = std::max(newest, static_cast<long long>(r.value));
  return newest;
}

std::size_t history_points(const FetchWorker& worker) {
  std::size_t n = 0;
  for (const auto& [key, points] : worker.snapshot()->history) n += points.size();
  return n;
}

std::string pack_version(const fs::path& pack) {
  const std::string settings = test::read_file(pack / "kiosk.toml");
  const size_t at = settings.find("version = \"");
  if (at == std::string::npos) return "none";
  const size_t start = at + 11;
  return settings.substr(start, settings.find('"', start) - start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: fault_driver STATE_DIR CONTENT_DIR CONTROL_FILE STEP…\n");
    return 2;
  }
  const fs::path state = argv[1], content = argv[2], control = argv[3];
  const fs::path cache_dir = state / "cache", last_good = state / "last-good-content";
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

  ManualClock clock(test::kKillEpoch);
  auto portal = std::make_shared<GenerationPortal>();
  FetchOptions options;
  options.cache_dir = cache_dir;
  options.transport = portal;
  auto worker = std::make_unique<FetchWorker>(std::vector<SourceConfig>{test::kill_source()}, options, clock);
  worker->load_cache();
  if (!worker->cache_error().empty()) std::fprintf(stderr, "cache: %s\n", worker->cache_error().c_str());
  ContentReloader reloader(content, last_good);
  int content_version = 0;

  for (int i = 4; i < argc; ++i) {
    const std::string step = argv[i];
    if (step == "fetch") {
      clock.advance(3600);
      clock.set_wall(observed_at(portal->served + 1) + 60);
      worker->fetch_all_once();
      std::printf("fetch %lld shown %lld history %zu\n", portal->served, shown(*worker),
                  history_points(*worker));
    } else if (step == "fault" && i + 3 < argc) {
      std::ofstream(control, std::ios::trunc)
          << argv[i + 1] << ' ' << argv[i + 2] << ' ' << argv[i + 3] << '\n';
      i += 3;
    } else if (step == "clear") {
      std::ofstream(control, std::ios::trunc).flush();
    } else if (step == "content") {
      std::string settings = test::read_file(content / "kiosk.toml");
      const size_t at = settings.find("version = \"");
      if (at == std::string::npos) return 7;
      settings.replace(at, settings.find('\n', at) - at,
                       "version = \"v" + std::to_string(++content_version) + "\"");
      std::ofstream(content / "kiosk.toml", std::ios::trunc) << settings;
      reloader.keep_as_last_good(content);
      std::printf("content v%d kept %s\n", content_version, pack_version(last_good).c_str());
    } else if (step == "restart") {
      worker.reset();  // the old kiosk is gone before the new one opens the cache
      worker = std::make_unique<FetchWorker>(std::vector<SourceConfig>{test::kill_source()}, options, clock);
      worker->load_cache();
      if (!worker->cache_error().empty()) std::fprintf(stderr, "cache: %s\n", worker->cache_error().c_str());
      std::printf("restart shown %lld history %zu\n", shown(*worker), history_points(*worker));
    } else {
      std::fprintf(stderr, "fault_driver: unknown step '%s'\n", step.c_str());
      return 2;
    }
  }
  return 0;
}
