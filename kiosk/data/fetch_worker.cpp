// The fetch worker: schedule, fetch, keep last good data, cache, publish (see fetch_worker.hpp).
#include "kiosk/data/fetch_worker.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>

#include "kiosk/core/log.hpp"
#include "kiosk/data/cache.hpp"
#include "kiosk/data/json_walk.hpp"

namespace kiosk {

using data::Cache;
using data::SourceResult;

namespace {

UnixTime hour_of(UnixTime t) {
  return t - ((t % 3600) + 3600) % 3600;
}

// An injected transport (tests) is called by one worker at a time: test transports need not be
// thread-safe. The kiosk's own libcurl transport is one per worker, so its fetches run side by side.
class OneAtATime final : public data::Transport {
 public:
  explicit OneAtATime(std::shared_ptr<data::Transport> inner) : inner_(std::move(inner)) {}
  data::HttpResponse get(const data::HttpRequest& request) override {
    std::lock_guard lock(mu_);
    return inner_->get(request);
  }

 private:
  std::shared_ptr<data::Transport> inner_;
  std::mutex mu_;
};

// A cache that could not be opened (a read-only or full disk at start) is tried again this often.
constexpr double kCacheRetrySeconds = 60;

// The newest reading of each (station, metric): what the screens show as "now".
std::vector<Reading> newest_per_series(const std::vector<Reading>& readings) {
  std::map<std::pair<std::string, std::string>, const Reading*> newest;
  for (const auto& r : readings) {
    auto& slot = newest[{r.station, r.metric}];
    if (!slot || r.observed_at >= slot->observed_at) slot = &r;
  }
  std::vector<Reading> out;
  out.reserve(newest.size());
  for (const auto& [key, r] : newest) out.push_back(*r);
  return out;
}

}  // namespace

SourceStatus FetchWorker::initial_status(const SourceConfig& cfg) {
  SourceStatus s;
  s.id = cfg.id;
  s.refresh_seconds = cfg.refresh_seconds;
  s.stale_seconds = cfg.effective_stale_seconds();
  s.demo = cfg.demo;
  return s;
}

FetchWorker::FetchWorker(std::vector<SourceConfig> sources, FetchOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {
  if (options_.transport)
    transport_ = std::make_shared<OneAtATime>(options_.transport);
  else
    transport_ = std::make_shared<data::CurlTransport>();
  options_.fetch.cancel = &stop_;
  options_.fetch.on_progress = [this] { heartbeat_ = clock_.monotonic(); };
  rng_.seed(options_.seed ? options_.seed : std::random_device{}());
  heartbeat_ = clock_.monotonic();
  std::lock_guard lock(state_mu_);
  for (auto& cfg : sources) {
    Runtime r;
    r.status = initial_status(cfg);
    r.report.source = cfg.id;
    r.cfg = std::move(cfg);
    runtimes_.push_back(std::move(r));
  }
  publish();
}

FetchWorker::~FetchWorker() {
  stop();
}

double FetchWorker::jittered(double seconds) {
  std::uniform_real_distribution<double> d(1.0 - options_.jitter, 1.0 + options_.jitter);
  return seconds * d(rng_);
}

void FetchWorker::load_cache() {
  if (options_.cache_dir.empty()) return;
  std::lock_guard cache_lock(cache_mu_);
  if (!cache_) {
    std::string error;
    cache_ = Cache::open(options_.cache_dir, error);
    if (!cache_) {
      {
        std::lock_guard lock(state_mu_);
        cache_error_ = error;
        cache_failing_ = true;  // the caller logs this one; the first save that works says so
      }
      cache_retry_at_ = clock_.monotonic() + kCacheRetrySeconds;
      // A full or read-only disk still holds the last good data: show it, and write again once it can.
      std::unique_ptr<Cache> reader = Cache::open_to_read(options_.cache_dir);
      if (reader) {
        reader->history_days = options_.history_days;
        take_cached(reader->load(clock_.wall()));
      }
      return;
    }
    cache_->history_days = options_.history_days;
    cache_->max_history_rows = effective_history_rows(options_);
  }
  take_cached(cache_->load(clock_.wall()));
}

void FetchWorker::take_cached(data::CacheContents contents) {
  const UnixTime now = clock_.wall();
  std::lock_guard lock(state_mu_);
  double mono = clock_.monotonic();
  for (auto& r : runtimes_) {
    auto it = contents.sources.find(r.cfg.id);
    if (it == contents.sources.end()) continue;
    data::CachedSource& c = it->second;
    r.latest = std::move(c.latest);
    r.stations = std::move(c.stations);
    r.status.state = c.status.state;
    r.status.last_success = c.status.last_success;
    r.status.last_attempt = c.status.last_attempt;
    r.status.last_error = c.status.last_error;
    r.status.consecutive_failures = c.status.consecutive_failures;
    // Stored redacted (older caches hold the URL as written).
    if (c.url == data::redact_url(r.cfg.url) || c.url == r.cfg.url)
      r.validators = c.validators;  // validators belong to one URL
    // Fresh data from before a restart need not be fetched again at once (a fleet rebooting after a power
    // cut would otherwise all poll together); old or failed data is fetched soon.
    double age = static_cast<double>(now - r.status.last_success);
    if (r.status.state == SourceState::ok && age >= 0 && age < r.cfg.refresh_seconds)
      r.next_due = mono + jittered(r.cfg.refresh_seconds - age);
  }
  history_ = std::move(contents.history);
  prune_history(now);
  publish();
}

void FetchWorker::start() {
  if (!threads_.empty()) return;
  stop_ = false;
  {
    std::lock_guard lock(state_mu_);
    // Spread the first fetches over a few seconds rather than firing them together.
    double mono = clock_.monotonic();
    std::uniform_real_distribution<double> d(0, 2.0);
    for (auto& r : runtimes_)
      if (r.next_due <= mono) r.next_due = mono + d(rng_);
  }
  threads_.emplace_back([this] { run(false); });
  threads_.emplace_back([this] { run(true); });
}

void FetchWorker::stop() {
  if (threads_.empty()) return;
  stop_ = true;
  {
    std::lock_guard lock(wake_mu_);
    wake_ = true;
  }
  wake_cv_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void FetchWorker::run(bool quick_only) {
  std::shared_ptr<data::Transport> transport = transport_;
  if (!options_.transport) transport = std::make_shared<data::CurlTransport>();
  while (!stop_) {
    heartbeat_ = clock_.monotonic();
    std::string due;
    double wait = 1.0;
    {
      std::lock_guard lock(state_mu_);
      double now = clock_.monotonic();
      double soonest = 1e300;
      Runtime* pick = nullptr;
      for (auto& r : runtimes_) {
        if (r.in_flight || (quick_only && r.last_duration >= options_.quick_fetch_seconds)) continue;
        if (r.next_due < soonest) {
          soonest = r.next_due;
          pick = r.next_due <= now ? &r : nullptr;
        }
      }
      if (pick) {
        pick->in_flight = true;
        due = pick->cfg.id;
      } else if (soonest < 1e300) {
        wait = std::clamp(soonest - now, 0.01, 1.0);
      }
    }
    if (!due.empty()) {
      fetch_one(due, *transport);
      std::lock_guard lock(state_mu_);
      for (auto& r : runtimes_)
        if (r.cfg.id == due) r.in_flight = false;
      continue;
    }
    // Wake at least once a second: the heartbeat must tick and a simulated clock may have moved.
    std::unique_lock lock(wake_mu_);
    wake_cv_.wait_for(lock, std::chrono::duration<double>(wait), [this] { return wake_; });
    wake_ = false;
  }
}

void FetchWorker::fetch_one(const std::string& id) {
  fetch_one(id, *transport_);
}

void FetchWorker::fetch_one(const std::string& id, data::Transport& transport) {
  SourceConfig cfg;
  data::Validators validators;
  data::KeptFeeds kept;
  {
    std::lock_guard lock(state_mu_);
    auto it =
        std::find_if(runtimes_.begin(), runtimes_.end(), [&](const Runtime& r) { return r.cfg.id == id; });
    if (it == runtimes_.end()) return;
    cfg = it->cfg;
    validators = it->validators;
    kept = std::move(it->kept);
  }
  const UnixTime now = clock_.wall();
  const double started = clock_.monotonic();
  SourceResult result = data::fetch_source(cfg, transport, options_.fetch, validators, now, &kept);
  data::release_thread_parser();
  heartbeat_ = clock_.monotonic();

  // Copies for the cache, written after the state lock is released.
  std::vector<Reading> fetched = std::move(result.batch.readings);
  std::vector<StationInfo> fetched_stations;
  if (options_.keep_fetched_readings) fetched_stations = result.batch.stations;
  std::vector<Reading> cache_latest;
  std::vector<StationInfo> cache_stations;
  SourceStatus cache_status;
  bool save_full = false;
  std::vector<Reading> cache_history;     // the whole of history_, when a failed save left some off the disk
  std::uint64_t history_copy_covers = 0;  // the failures that copy covers
  {
    std::lock_guard lock(state_mu_);
    auto it =
        std::find_if(runtimes_.begin(), runtimes_.end(), [&](const Runtime& r) { return r.cfg.id == id; });
    if (it == runtimes_.end() || it->cfg.url != cfg.url) return;  // removed or changed while fetching
    Runtime& r = *it;
    r.kept = std::move(kept);
    const double mono = clock_.monotonic();
    r.last_duration = mono - started;
    r.status.last_attempt = now;
    r.report = FetchReport{};
    r.report.source = id;
    r.report.attempted = true;
    r.report.ok = result.ok;
    r.report.not_modified = result.not_modified;
    r.report.error = result.error;
    r.report.rejected = result.batch.rejected;
    r.report.rejected_count = result.batch.rejected_count;
    r.report.notes = result.batch.notes;
    if (result.ok) {
      if (!result.not_modified) {
        r.latest = newest_per_series(fetched);
        r.stations = std::move(result.batch.stations);
        const UnixTime oldest = now - static_cast<UnixTime>(options_.history_days * 86400);
        for (const auto& reading : fetched)
          if (reading.observed_at >= oldest && reading.measured())
            history_[{reading.station, reading.metric}][hour_of(reading.observed_at)] = reading.value;
        r.validators = result.validators;
        save_full = true;
      } else {
        // Unchanged data is current data: the readings were checked now.
        for (auto& reading : r.latest) reading.fetched_at = now;
      }
      r.status.state = SourceState::ok;
      r.status.last_success = now;
      r.status.last_error.clear();
      r.status.last_http_status = result.http_status;
      r.status.auth_failing = false;
      r.status.consecutive_failures = 0;
      double interval = r.cfg.refresh_seconds;
      if (result.max_age && *result.max_age > interval) interval = std::min(*result.max_age, 86400.0);
      r.next_due = mono + jittered(interval);
    } else {
      r.status.state = SourceState::failing;
      r.status.last_error = result.error;
      r.status.last_http_status = result.http_status;
      r.status.auth_failing = result.auth_failed;
      ++r.status.consecutive_failures;
      double backoff =
          options_.min_backoff_seconds * std::pow(2.0, std::min(r.status.consecutive_failures - 1, 20));
      backoff = std::min(backoff, options_.max_backoff_seconds);
      std::uniform_real_distribution<double> spread(0.5, 1.0);
      double delay = backoff * spread(rng_);
      // A refused key stays refused until an operator renews it: the long delay at once, not the
      // outage schedule (which would ask 7 times in the first hour, and may get the key locked).
      if (result.auth_failed) delay = options_.max_backoff_seconds;
      if (result.retry_after) delay = std::max(delay, std::min(*result.retry_after, 6 * 3600.0));
      r.next_due = mono + jittered(delay);
    }
    prune_history(now);
    if (save_full) {
      cache_latest = r.latest;
      cache_stations = r.stations;
      // Hours fetched while the disk was full or read-only are written with the next save that works,
      // so a restart after the fault still shows them.
      if (history_failures_ > history_failures_covered_) {
        history_copy_covers = history_failures_;
        for (const auto& [key, points] : history_)
          for (const auto& [hour, value] : points) {
            Reading h;
            h.station = key.station;
            h.metric = key.metric;
            h.observed_at = hour;
            h.value = value;
            cache_history.push_back(std::move(h));
          }
      }
    }
    cache_status = r.status;
    publish();
  }
  if (!options_.cache_dir.empty()) {
    std::lock_guard cache_lock(cache_mu_);
    if (!cache_ && clock_.monotonic() >= cache_retry_at_) {
      // Opening failed before (a read-only or full disk): the disk may be back. What is on screen now is
      // newer than what the cache held, so nothing is loaded from it; the next save writes it all.
      std::string error;
      cache_ = Cache::open(options_.cache_dir, error);
      if (cache_) {
        cache_->history_days = options_.history_days;
        cache_->max_history_rows = effective_history_rows(options_);
      } else {
        cache_retry_at_ = clock_.monotonic() + kCacheRetrySeconds;
      }
    }
    bool history_saved = false;
    if (cache_) {
      bool saved = save_full
                       ? cache_->save_success(id, data::redact_url(cfg.url), cache_latest, cache_stations,
                                              history_copy_covers ? cache_history : fetched, cache_status,
                                              result.validators, now)
                       : cache_->save_status(cache_status);
      history_saved = saved;
      note_cache_result(saved);
    }
    if (save_full) {
      std::lock_guard lock(state_mu_);
      if (!history_saved)
        ++history_failures_;
      else
        history_failures_covered_ = std::max(history_failures_covered_, history_copy_covers);
    }
  }
  if (options_.keep_fetched_readings) {
    std::lock_guard lock(state_mu_);
    for (auto& r : runtimes_)
      if (r.cfg.id == id) {
        r.report.readings = std::move(fetched);
        r.report.stations = std::move(fetched_stations);
        break;  // ids are unique: the readings are moved once
      }
  }
}

void FetchWorker::note_cache_result(bool saved) {
  std::lock_guard lock(state_mu_);
  cache_error_ = saved ? std::string() : cache_->last_error();
  // One line when saving starts to fail and one when it works again, however many fetches lie between:
  // a full disk must not flood the journal, and the screens keep the readings held in memory meanwhile.
  if (!saved && !cache_failing_)
    log::warning("cache: cannot save to " + cache_->path().string() + ": " + cache_error_ +
                 " (the screens keep the last good readings; saving is tried again on every fetch)");
  else if (saved && cache_failing_)
    log::info("cache: saving to " + cache_->path().string() + " works again");
  cache_failing_ = !saved;
}

void FetchWorker::prune_history(UnixTime now) {
  // By age, then by count: past the row ceiling the oldest hours go first, whole hours at a time (the
  // cache prunes the same way, so what a restart loads matches what was on screen).
  const UnixTime oldest_hour = hour_of(now - static_cast<UnixTime>(options_.history_days * 86400));
  std::map<UnixTime, std::size_t> per_hour;
  std::size_t rows = 0;
  for (auto h = history_.begin(); h != history_.end();) {
    auto& points = h->second;
    points.erase(points.begin(), points.lower_bound(oldest_hour));
    for (const auto& [hour, value] : points) ++per_hour[hour];
    rows += points.size();
    h = points.empty() ? history_.erase(h) : std::next(h);
  }
  const std::size_t max_rows = effective_history_rows(options_);
  if (rows <= max_rows) return;
  UnixTime cut = 0;  // every hour at or before it goes
  for (const auto& [hour, count] : per_hour) {
    cut = hour;
    rows -= count;
    if (rows <= max_rows) break;
  }
  for (auto h = history_.begin(); h != history_.end();) {
    auto& points = h->second;
    points.erase(points.begin(), points.upper_bound(cut));
    h = points.empty() ? history_.erase(h) : std::next(h);
  }
}

void FetchWorker::fetch_all_once() {
  std::vector<std::string> ids;
  {
    std::lock_guard lock(state_mu_);
    for (const auto& r : runtimes_) ids.push_back(r.cfg.id);
  }
  for (const auto& id : ids) fetch_one(id);
}

void FetchWorker::publish() {
  auto snap = std::make_shared<DataSnapshot>();
  snap->generation = ++generation_;
  for (const auto& r : runtimes_) {
    snap->latest.insert(snap->latest.end(), r.latest.begin(), r.latest.end());
    snap->stations.insert(snap->stations.end(), r.stations.begin(), r.stations.end());
    SourceStatus s = r.status;
    s.refresh_seconds = r.cfg.refresh_seconds;
    s.stale_seconds = r.cfg.effective_stale_seconds();
    s.demo = r.cfg.demo;
    snap->sources.push_back(std::move(s));
  }
  for (const auto& [key, points] : history_) {
    auto& out = snap->history[key];
    out.reserve(points.size());
    for (const auto& [t, v] : points) out.push_back({t, v});
  }
  std::lock_guard lock(snap_mu_);
  snap_ = std::move(snap);
}

SnapshotPtr FetchWorker::snapshot() const {
  std::lock_guard lock(snap_mu_);
  return snap_;
}

bool FetchWorker::alive(double max_silence_seconds) const {
  if (threads_.empty()) return true;  // not started: nothing can hang
  return clock_.monotonic() - heartbeat_.load() <= max_silence_seconds;
}

void FetchWorker::set_sources(std::vector<SourceConfig> sources) {
  {
    std::lock_guard lock(state_mu_);
    std::vector<Runtime> next;
    for (auto& cfg : sources) {
      auto it = std::find_if(runtimes_.begin(), runtimes_.end(),
                             [&](const Runtime& r) { return r.cfg.id == cfg.id; });
      Runtime r;
      if (it != runtimes_.end() && it->cfg.url == cfg.url && it->cfg.platform == cfg.platform) {
        r = std::move(*it);  // same source: keep its data, health and schedule
        // …but a refused key is tried again now: a reload is how an operator says it was renewed.
        if (r.status.auth_failing) r.next_due = clock_.monotonic();
      } else {
        r.status = initial_status(cfg);
        r.report.source = cfg.id;
        r.next_due = clock_.monotonic();
      }
      r.cfg = std::move(cfg);
      r.status.refresh_seconds = r.cfg.refresh_seconds;
      r.status.stale_seconds = r.cfg.effective_stale_seconds();
      r.status.demo = r.cfg.demo;
      next.push_back(std::move(r));
    }
    runtimes_ = std::move(next);
    publish();
  }
  {
    std::lock_guard lock(wake_mu_);
    wake_ = true;
  }
  wake_cv_.notify_all();
}

void FetchWorker::request_refresh() {
  {
    std::lock_guard lock(state_mu_);
    double now = clock_.monotonic();
    for (auto& r : runtimes_) r.next_due = now;
  }
  std::lock_guard lock(wake_mu_);
  wake_ = true;
  wake_cv_.notify_all();
}

void FetchWorker::wake() {
  std::lock_guard lock(wake_mu_);
  wake_ = true;
  wake_cv_.notify_all();
}

std::vector<FetchReport> FetchWorker::reports() const {
  std::lock_guard lock(state_mu_);
  std::vector<FetchReport> out;
  for (const auto& r : runtimes_) out.push_back(r.report);
  return out;
}

std::string FetchWorker::cache_error() const {
  std::lock_guard lock(state_mu_);
  return cache_error_;
}

double FetchWorker::seconds_until_due(const std::string& source) const {
  std::lock_guard lock(state_mu_);
  for (const auto& r : runtimes_)
    if (r.cfg.id == source) return r.next_due - clock_.monotonic();
  return 0;
}

}  // namespace kiosk
