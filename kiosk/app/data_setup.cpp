#include "kiosk/app/data_setup.hpp"

#include <cstdlib>

#include "kiosk/core/log.hpp"
#include "kiosk/data/fetch_worker.hpp"

namespace kiosk {
namespace {

class WorkerFeed final : public DataFeed {
 public:
  WorkerFeed(std::vector<SourceConfig> sources, FetchOptions options, const Clock& clock)
      : worker_(std::move(sources), std::move(options), clock) {}
  SnapshotPtr snapshot() const override { return worker_.snapshot(); }
  // The worker wakes at least every few seconds; a minute of silence means it is stuck.
  bool alive() const override { return worker_.alive(60); }
  void set_sources(const std::vector<SourceConfig>& sources) override { worker_.set_sources(sources); }
  FetchWorker& worker() { return worker_; }

 private:
  FetchWorker worker_;
};

}  // namespace

std::filesystem::path default_cache_dir() {
  if (const char* dir = std::getenv("CACHE_DIRECTORY"); dir && *dir) return dir;  // systemd CacheDirectory=
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "kiosk";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "kiosk";
  return {};
}

std::shared_ptr<DataFeed> make_data_feed(const ContentPack& content, FetchMode mode, const Clock& clock,
                                         const std::filesystem::path& cache_dir,
                                         const std::filesystem::path& secret_dir) {
  FetchOptions options;
  options.fetch.secret_dir = secret_dir;
  options.fetch.content_dir = content.dir;
  options.cache_dir = cache_dir;
  options.max_history_rows = static_cast<std::uint64_t>(content.settings.history_rows);
  auto feed = std::make_shared<WorkerFeed>(content.sources, options, clock);
  FetchWorker& worker = feed->worker();
  if (!cache_dir.empty()) {
    worker.load_cache();
    if (!worker.cache_error().empty()) log::warning("cache: " + worker.cache_error());
  }
  if (mode == FetchMode::once) {
    worker.fetch_all_once();
    for (const FetchReport& r : worker.reports())
      if (r.attempted && !r.ok) log::warning("source " + r.source + ": " + r.error);
  } else {
    worker.start();
  }
  return feed;
}

}  // namespace kiosk
