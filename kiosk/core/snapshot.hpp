// What the data layer hands to the screens: an immutable picture of every source's last good
// data, its health, and the recent history for trend charts. The fetch worker publishes a new
// snapshot (with a higher generation) after each fetch; the UI thread only reads snapshots.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "kiosk/core/reading.hpp"

namespace kiosk {

enum class SourceState { never_fetched, ok, failing };

struct SourceStatus {
  std::string id;
  SourceState state = SourceState::never_fetched;
  UnixTime last_success = 0;  // fetched_at of the last good response (0: never)
  UnixTime last_attempt = 0;
  std::string last_error;  // one line, no secrets
  int consecutive_failures = 0;
  double refresh_seconds = 600;
  double stale_seconds = 1200;  // a reading older than this is shown as stale
  bool demo = false;
  long last_http_status = 0;  // of the last attempt (0: none, or no HTTP answer)
  // The last attempt was refused for its key or token (HTTP 401/403, ArcGIS 498/499, CKAN "Authorization
  // Error"): an operator must renew it; retrying sooner would not help.
  bool auth_failing = false;
};

// One point of a trend series.
struct HistoryPoint {
  UnixTime t = 0;
  double value = 0;
};

struct SeriesKey {
  std::string station;
  std::string metric;
  auto operator<=>(const SeriesKey&) const = default;
};

struct DataSnapshot {
  std::uint64_t generation = 0;
  std::vector<Reading> latest;        // last good reading per (source, station, metric)
  std::vector<StationInfo> stations;  // stations as the sources describe them
  std::vector<SourceStatus> sources;
  std::map<SeriesKey, std::vector<HistoryPoint>> history;  // last 7 days, oldest first

  const Reading* find(const std::string& station, const std::string& metric) const {
    for (const auto& r : latest)
      if (r.station == station && r.metric == metric) return &r;
    return nullptr;
  }
  const SourceStatus* source(const std::string& id) const {
    for (const auto& s : sources)
      if (s.id == id) return &s;
    return nullptr;
  }
};

using SnapshotPtr = std::shared_ptr<const DataSnapshot>;

}  // namespace kiosk
