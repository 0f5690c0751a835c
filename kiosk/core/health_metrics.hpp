// The kiosk's health as a Prometheus text-format file for node_exporter's textfile collector:
// fleets without a cloud scrape each Pi's node_exporter and see every kiosk in one place.
// Pure: the app gathers the numbers, this formats them; kiosk/app writes the file atomically.
// No sample carries a timestamp (node_exporter skips files that have them); times are values.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/snapshot.hpp"

namespace kiosk {

// Frame durations of the recent past (a ring), for percentiles.
class FrameTimes {
 public:
  explicit FrameTimes(std::size_t capacity = 600) : ring_(capacity, 0.0) {}
  void add(double seconds);
  // q in 0..1 over the frames kept; 0 when there are none.
  double percentile(double q) const;
  std::size_t count() const { return count_; }
  // Every frame since the start, for the summary's _sum and _count.
  double total_seconds() const { return total_seconds_; }
  std::uint64_t total_count() const { return total_count_; }

 private:
  std::vector<double> ring_;
  std::size_t next_ = 0;
  std::size_t count_ = 0;
  double total_seconds_ = 0;
  std::uint64_t total_count_ = 0;
};

struct SourceHealth {
  std::string id;
  SourceState state = SourceState::never_fetched;
  UnixTime last_success = 0;  // 0: never
  int consecutive_failures = 0;
  std::uint64_t failures_total = 0;  // failed fetches since the kiosk started
  double data_age_seconds = -1;      // age of the newest reading; -1: no reading
  double stale_seconds = 0;          // sources.toml's limit: older readings are shown as stale
  bool auth_failing = false;         // refused for its key or token (SourceStatus::auth_failing): to renew
};

struct HealthReport {
  std::string version;          // the kiosk build
  std::string content_version;  // kiosk.toml [kiosk] version
  double uptime_seconds = 0;
  UnixTime start_time = 0;  // wall clock at start
  std::uint64_t frames_drawn = 0;
  UnixTime last_frame_time = 0;                        // wall clock of the last frame drawn (0: none yet)
  double frame_p50 = 0, frame_p90 = 0, frame_p99 = 0;  // seconds, over the recent frames
  double frame_sum = 0;                                // seconds, every frame since the start
  std::uint64_t frame_count = 0;
  std::uint64_t resident_bytes = 0;  // 0: unknown (not written)
  bool worker_alive = true;
  bool screen_on = true;               // awake (the schedule or an admin), false when asleep
  bool schedule_paused = false;        // the admin view turned the schedule off
  std::string screen_power;            // how the screen is switched: drm, backlight, black-frame
  bool screen_switch_failed = false;   // the last switch of the panel failed (it may be dark)
  std::uint64_t content_rejected = 0;  // packs refused since the start (errors: the last good one stays)
  std::uint64_t clock_jumps = 0;       // wall clock jumps of over a minute since the start
  bool admin_available = true;         // false: no usable PIN (none, the demo's on a locked-down kiosk)
  std::string admin_unavailable_reason;
  std::vector<SourceHealth> sources;
};

// Health of each source in `snapshot` at wall time `now`; failures_total is left at 0.
std::vector<SourceHealth> source_health(const DataSnapshot& snapshot, UnixTime now);

// Counts failed fetches across snapshots (each new failed attempt once).
class FailureCounter {
 public:
  void observe(const DataSnapshot& snapshot);
  std::uint64_t total(const std::string& source) const;

 private:
  struct Seen {
    std::string id;
    UnixTime last_attempt = 0;
    int consecutive = 0;
    std::uint64_t total = 0;
  };
  std::vector<Seen> seen_;
};

std::string format_prometheus(const HealthReport& report);

}  // namespace kiosk
