// The fetch worker: schedule, fetch, keep last good data, cache, publish (see fetch_worker.hpp).
#include "kiosk/data/fetch_worker.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "kiosk/data/cache.hpp"

namespace kiosk {

using data::Cache;
using data::SourceResult;

namespace {

UnixTime hour_of(UnixTime t) {
  return t - ((t % 3600) + 3600) % 3600;
}

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
    : options_(std::move(options)), clock_(clock), transport_(options_.transport) {
  if (!transport_) transport_ = std::make_shared<data::CurlTransport>();
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
  std::lock_guard fetch_lock(fetch_mu_);
  if (!cache_) {
    cache_ = Cache::open(options_.cache_dir, cache_error_);
    if (!cache_) return;
    cache_->history_days = options_.history_days;
  }
  UnixTime now = clock_.wall();
  data::CacheContents contents = cache_->load(now);
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
    if (c.url == data::redact_url(r.cfg.url) || c.url == r.cfg.url) r.validators = c.validators;  // validators belong to one URL
    // Fresh data from before a restart need not be fetched again at once (a fleet rebooting after a power
    // cut would otherwise all poll together); old or failed data is fetched soon.
    double age = static_cast<double>(now - r.status.last_success);
    if (r.status.state == SourceState::ok && age >= 0 && age < r.cfg.refresh_seconds)
      r.next_due = mono + jittered(r.cfg.refresh_seconds - age);
  }
  history_ = std::move(contents.history);
  publish();
}

void FetchWorker::start() {
  if (thread_.joinable()) return;
  stop_ = false;
  {
    std::lock_guard lock(state_mu_);
    // Spread the first fetches over a few seconds rather than firing them together.
    double mono = clock_.monotonic();
    std::uniform_real_distribution<double> d(0, 2.0);
    for (auto& r : runtimes_)
      if (r.next_due <= mono) r.next_due = mono + d(rng_);
  }
  thread_ = std::thread([this] { run(); });
}

void FetchWorker::stop() {
  if (!thread_.joinable()) return;
  stop_ = true;
  {
    std::lock_guard lock(wake_mu_);
    wake_ = true;
  }
  wake_cv_.notify_all();
  thread_.join();
}

void FetchWorker::run() {
  while (!stop_) {
    heartbeat_ = clock_.monotonic();
    std::string due;
    double wait = 1.0;
    {
      std::lock_guard lock(state_mu_);
      double now = clock_.monotonic();
      double soonest = 1e300;
      for (const auto& r : runtimes_)
        if (r.next_due < soonest) {
          soonest = r.next_due;
          if (r.next_due <= now) due = r.cfg.id;
        }
      if (due.empty() && soonest < 1e300) wait = std::clamp(soonest - now, 0.01, 1.0);
    }
    if (!due.empty()) {
      fetch_one(due);
      continue;
    }
    // Wake at least once a second: the heartbeat must tick and a simulated clock may have moved.
    std::unique_lock lock(wake_mu_);
    wake_cv_.wait_for(lock, std::chrono::duration<double>(wait), [this] { return wake_; });
    wake_ = false;
  }
}

void FetchWorker::fetch_one(const std::string& id) {
  std::lock_guard fetch_lock(fetch_mu_);
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
  SourceResult result = data::fetch_source(cfg, *transport_, options_.fetch, validators, now, &kept);
  heartbeat_ = clock_.monotonic();

  // Copies for the cache, written after the state lock is released.
  std::vector<Reading> fetched = std::move(result.batch.readings);
  std::vector<StationInfo> fetched_stations;
  if (options_.keep_fetched_readings) fetched_stations = result.batch.stations;
  std::vector<Reading> cache_latest;
  std::vector<StationInfo> cache_stations;
  SourceStatus cache_status;
  bool save_full = false;
  {
    std::lock_guard lock(state_mu_);
    auto it =
        std::find_if(runtimes_.begin(), runtimes_.end(), [&](const Runtime& r) { return r.cfg.id == id; });
    if (it == runtimes_.end() || it->cfg.url != cfg.url) return;  // removed or changed while fetching
    Runtime& r = *it;
    r.kept = std::move(kept);
    const double mono = clock_.monotonic();
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
    // Prune history once per fetch; the map is small enough that a full pass is cheap.
    const UnixTime oldest_hour = hour_of(now - static_cast<UnixTime>(options_.history_days * 86400));
    for (auto h = history_.begin(); h != history_.end();) {
      auto& points = h->second;
      points.erase(points.begin(), points.lower_bound(oldest_hour));
      h = points.empty() ? history_.erase(h) : std::next(h);
    }
    if (save_full) {
      cache_latest = r.latest;
      cache_stations = r.stations;
    }
    cache_status = r.status;
    publish();
  }
  if (cache_) {
    bool saved = save_full ? cache_->save_success(id, data::redact_url(cfg.url), cache_latest, cache_stations, fetched,
                                                  cache_status, result.validators, now)
                           : cache_->save_status(cache_status);
    std::lock_guard lock(state_mu_);
    cache_error_ = saved ? std::string() : cache_->last_error();
  }
  if (options_.keep_fetched_readings) {
    std::lock_guard lock(state_mu_);
    for (auto& r : runtimes_)
      if (r.cfg.id == id) {
        r.report.readings = std::move(fetched);
        r.report.stations = std::move(fetched_stations);
      }
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
  if (!thread_.joinable()) return true;  // not started: nothing can hang
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
