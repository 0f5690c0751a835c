// The data layer's face to the app: fetches every source on its schedule on a worker thread (never the
// UI thread), keeps each source's last good readings when it fails, writes them and hourly history to
// the SQLite cache, and publishes immutable snapshots the UI reads every frame.
//
// Two worker threads share the sources, so one slow source cannot starve the others: the second worker
// takes only sources whose last fetch was quick (under quick_fetch_seconds), so however many sources drip,
// the quick ones still refresh on time, and no more than two fetches (each within the fetch ceilings) are
// ever held in memory at once. A new source counts as quick until its first fetch says otherwise.
//
// Scheduling: each source every refresh_seconds, or later when the server asks (Cache-Control max-age,
// GBFS ttl); every delay gets ±10 % jitter so a fleet of kiosks never polls in lockstep. After a failure:
// exponential backoff from min_backoff_seconds, doubled per failure up to max_backoff_seconds, randomised
// down by up to half; a 429/503 Retry-After is honoured when it asks for longer. A source refused for its
// key or token (SourceResult::auth_failed) waits max_backoff_seconds at once.
#pragma once
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/snapshot.hpp"
#include "kiosk/core/source_config.hpp"
#include "kiosk/data/http.hpp"
#include "kiosk/data/source_fetch.hpp"

namespace kiosk {

namespace data {
class Cache;
struct CacheContents;
}  // namespace data

struct FetchOptions {
  data::FetchSettings fetch;                // content folder, network settings, secret folder
  std::filesystem::path cache_dir;          // empty: no cache (kiosk fetch, tests)
  double history_days = 7;                  // history kept for trend charts
  std::uint64_t max_history_rows = 100000;  // history points kept, oldest hours pruned first (ceiling below)
  double quick_fetch_seconds = 10;  // a fetch this long or longer makes its source wait for the first worker
  double min_backoff_seconds = 30;  // first retry after a failure
  double max_backoff_seconds = 3600;   // retries never wait longer than this (unless Retry-After); the
                                       // wait after an authentication failure
  double jitter = 0.10;                // ± fraction on every scheduled delay
  std::uint64_t seed = 0;              // jitter seed; 0: random
  bool keep_fetched_readings = false;  // keep every reading of the last fetch in reports() (kiosk fetch)
  std::shared_ptr<data::Transport>
      transport;  // null: libcurl; tests inject their own (called by one thread at a time)
};

// What the last fetch of a source found, for `kiosk fetch` and the admin view.
struct FetchReport {
  std::string source;
  bool attempted = false;
  bool ok = false;
  bool not_modified = false;
  std::string error;                  // one line, no secrets
  std::vector<std::string> rejected;  // first rejected records, one line each (JSON path + index)
  std::size_t rejected_count = 0;
  std::vector<std::string> notes;
  std::vector<Reading> readings;      // every normalised reading of that fetch, when keep_fetched_readings
  std::vector<StationInfo> stations;  // and every station it described
};

// History points a kiosk keeps: the setting, never above the ceiling (nor under one row).
inline std::size_t effective_history_rows(const FetchOptions& options) {
  return static_cast<std::size_t>(
      std::clamp<std::uint64_t>(options.max_history_rows, 1, kMaxHistoryRowsCeiling));
}

class FetchWorker {
 public:
  FetchWorker(std::vector<SourceConfig> sources, FetchOptions options, const Clock& clock);
  ~FetchWorker();  // stops and joins
  FetchWorker(const FetchWorker&) = delete;
  FetchWorker& operator=(const FetchWorker&) = delete;

  void load_cache();      // synchronous: publish a snapshot from the SQLite cache (before the first frame)
  void start();           // background threads: fetch on schedule, publish snapshots
  void stop();            // stops and joins them (the destructor calls it)
  void fetch_all_once();  // synchronous: fetch every source once (kiosk render, kiosk fetch, tests)
  SnapshotPtr snapshot() const;                         // thread-safe and cheap
  bool alive(double max_silence_seconds) const;         // worker heartbeat, for the systemd watchdog
  void set_sources(std::vector<SourceConfig> sources);  // content reload
  void request_refresh();                               // wake the worker now: every source is fetched again
  // A simulated clock moved (tests, the soak): look at the schedule now rather than within a second.
  void wake();

  std::vector<FetchReport> reports() const;  // the last fetch of each source, in source order
  std::string cache_error() const;           // why the cache could not be used (empty: fine or none)
  // Seconds until the source's next scheduled fetch (negative: due); for tests and the admin view.
  double seconds_until_due(const std::string& source) const;

 private:
  struct Runtime {
    SourceConfig cfg;
    SourceStatus status;
    std::vector<Reading> latest;
    std::vector<StationInfo> stations;
    data::Validators validators;
    data::KeptFeeds kept;  // feed files reused until their own ttl (GBFS discovery and information)
    double next_due = 0;   // clock monotonic
    FetchReport report;
    bool in_flight = false;    // a worker is fetching it
    double last_duration = 0;  // seconds its last fetch took (monotonic clock)
  };

  void run(bool quick_only);
  void take_cached(data::CacheContents contents);  // publishes what the cache held
  void fetch_one(const std::string& id, data::Transport& transport);
  void note_cache_result(bool saved);  // one log line when saving starts failing, one when it works again
  void prune_history(UnixTime now);    // needs state_mu_ held
  void fetch_one(const std::string& id);
  void publish();  // needs state_mu_ held
  double jittered(double seconds);
  static SourceStatus initial_status(const SourceConfig& cfg);

  FetchOptions options_;
  const Clock& clock_;
  std::shared_ptr<data::Transport>
      transport_;        // fetch_all_once's; each worker thread has its own libcurl handle
  std::mutex cache_mu_;  // the SQLite connection is used by one thread at a time
  std::unique_ptr<data::Cache> cache_;
  double cache_retry_at_ = 0;   // monotonic: when to try opening a cache that could not be opened
  std::string cache_error_;     // state_mu_
  bool cache_failing_ = false;  // state_mu_: a line was logged; the next save that works says so
  // state_mu_: history that a failed save (or an unopened cache) left off the disk. Failures count up;
  // a save that wrote the whole of history_ covers every failure counted before it copied history_.
  std::uint64_t history_failures_ = 0, history_failures_covered_ = 0;

  mutable std::mutex state_mu_;
  std::vector<Runtime> runtimes_;
  std::map<SeriesKey, std::map<UnixTime, double>> history_;  // hour → value
  std::mt19937_64 rng_;
  std::uint64_t generation_ = 0;

  mutable std::mutex snap_mu_;
  SnapshotPtr snap_;

  std::vector<std::thread> threads_;
  std::atomic<bool> stop_{false};
  std::mutex wake_mu_;
  std::condition_variable wake_cv_;
  bool wake_ = false;
  std::atomic<double> heartbeat_{0};
};

}  // namespace kiosk
