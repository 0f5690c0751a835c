// A kiosk's writing half, for the kill -9 test: the same FetchWorker, SQLite cache and last-good content
// copy a running kiosk uses, writing as fast as it can, forever, until tests/kill/kill_test.cpp kills it.
//
//   kill_driver STATE_DIR CONTENT_DIR
//
// On start it does what a restarted kiosk does: opens the cache and publishes what it holds. Then, in a
// loop: fetches its source (an in-process portal whose every answer is one whole "generation": each
// reading's value is the generation number, observed ten minutes after the previous one), which saves
// the latest readings and their hourly history in one transaction; and every third round stamps the
// content pack with the generation (kiosk.toml version) and keeps it as the last good copy. After each
// commit it prints "cache G" or "content G" on standard output, so the test knows what was committed
// before the kill.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kill_common.hpp"
#include "kiosk/app/content_reloader.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/time_parse.hpp"
#include "kiosk/data/fetch_worker.hpp"

namespace {

using namespace kiosk;
namespace fs = std::filesystem;

// Answers every request with the next generation's feed.
class GenerationPortal final : public data::Transport {
 public:
  explicit GenerationPortal(long long first) : served(first - 1), next_(first) {}
  data::HttpResponse get(const data::HttpRequest&) override {
    data::HttpResponse r;
    r.transport_ok = true;
    r.status = 200;
    r.content_type = "application/json";
    r.body = test::generation_feed(next_);
    served = next_++;
    return r;
  }
  long long served;  // the generation last answered

 private:
  long long next_;
};

void report(const char* what, long long generation) {
  // One write per line: a line in the pipe is whole even when the process dies right after.
  char line[64];
  const int n = std::snprintf(line, sizeof line, "%s %lld\n", what, generation);
  if (::write(STDOUT_FILENO, line, static_cast<size_t>(n)) != n) std::_Exit(3);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: kill_driver STATE_DIR CONTENT_DIR\n");
    return 2;
  }
  log::set_quiet(true);
  const fs::path state = argv[1], content = argv[2];
  const fs::path cache_dir = state / "cache", last_good = state / "last-good-content";

  // A restart: the cache as the kiosk left it says which generation comes next.
  long long generation = 0;
  {
    ManualClock clock(test::kKillEpoch);
    FetchOptions options;
    options.cache_dir = cache_dir;
    FetchWorker reader({test::kill_source()}, options, clock);
    reader.load_cache();
    if (!reader.cache_error().empty()) {
      std::fprintf(stderr, "kill_driver: cache: %s\n", reader.cache_error().c_str());
      return 4;
    }
    for (const Reading& r : reader.snapshot()->latest)
      generation = std::max(generation, static_cast<long long>(r.value));
  }
  ++generation;

  ManualClock clock(test::observed_at(generation) + 60);
  auto portal = std::make_shared<GenerationPortal>(generation);
  FetchOptions options;
  options.cache_dir = cache_dir;
  options.transport = portal;
  options.history_days = 7;
  FetchWorker worker({test::kill_source()}, options, clock);
  worker.load_cache();
  std::string error;
  for (long long round = 0;; ++round) {
    clock.set_wall(test::observed_at(portal->served + 1) + 60);
    worker.fetch_all_once();
    if (!worker.cache_error().empty()) {
      std::fprintf(stderr, "kill_driver: cache: %s\n", worker.cache_error().c_str());
      return 5;
    }
    const std::vector<FetchReport> fetched = worker.reports();
    if (fetched.empty() || !fetched.front().ok) {
      std::fprintf(stderr, "kill_driver: generation %lld not taken: %s\n", portal->served,
                   fetched.empty() ? "no report" : fetched.front().error.c_str());
      return 8;
    }
    report("cache", portal->served);
    if (round % 3 == 0) {
      // The editor saves a new version of the pack (atomically, as editors' tools do); the kiosk keeps it.
      std::string settings = test::read_file(content / "kiosk.toml");
      const size_t at = settings.find("version = \"");
      if (at == std::string::npos) return 7;
      settings.replace(at, settings.find('\n', at) - at,
                       "version = \"kill-" + std::to_string(portal->served) + "\"");
      {
        std::ofstream out(content / "kiosk.toml.saving", std::ios::binary | std::ios::trunc);
        out << settings;
      }
      fs::rename(content / "kiosk.toml.saving", content / "kiosk.toml");
      if (!copy_folder_atomically(content, last_good, error)) {
        std::fprintf(stderr, "kill_driver: %s\n", error.c_str());
        return 6;
      }
      report("content", portal->served);
    }
  }
}
