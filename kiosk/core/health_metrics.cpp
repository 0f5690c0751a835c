#include "kiosk/core/health_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace kiosk {

void FrameTimes::add(double seconds) {
  if (ring_.empty()) return;
  ring_[next_] = seconds;
  next_ = (next_ + 1) % ring_.size();
  count_ = std::min(count_ + 1, ring_.size());
  total_seconds_ += seconds;
  ++total_count_;
}

double FrameTimes::percentile(double q) const {
  if (count_ == 0) return 0;
  std::vector<double> v(ring_.begin(), ring_.begin() + static_cast<std::ptrdiff_t>(count_));
  // Nearest rank: the smallest value with at least q of the frames at or below it.
  const auto rank =
      static_cast<std::size_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(count_)));
  const std::size_t k = rank == 0 ? 0 : rank - 1;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

std::vector<SourceHealth> source_health(const DataSnapshot& snapshot, UnixTime now) {
  std::vector<SourceHealth> out;
  for (const SourceStatus& s : snapshot.sources) {
    SourceHealth h;
    h.id = s.id;
    h.state = s.state;
    h.last_success = s.last_success;
    h.consecutive_failures = s.consecutive_failures;
    UnixTime newest = 0;
    for (const Reading& r : snapshot.latest)
      if (r.source == s.id) newest = std::max(newest, r.observed_at);
    // A clock set back makes readings look as if from the future: their age is 0, never negative.
    if (newest > 0) h.data_age_seconds = static_cast<double>(std::max<UnixTime>(0, now - newest));
    h.stale_seconds = s.stale_seconds;
    h.auth_failing = s.state == SourceState::failing && s.auth_failing;
    out.push_back(std::move(h));
  }
  return out;
}

void FailureCounter::observe(const DataSnapshot& snapshot) {
  for (const SourceStatus& s : snapshot.sources) {
    auto it = std::find_if(seen_.begin(), seen_.end(), [&](const Seen& x) { return x.id == s.id; });
    if (it == seen_.end()) {
      seen_.push_back(
          {s.id, s.last_attempt, s.consecutive_failures, static_cast<std::uint64_t>(s.consecutive_failures)});
      continue;
    }
    if (s.last_attempt != it->last_attempt || s.consecutive_failures != it->consecutive) {
      // New attempts since the last look: the growth of the failure streak, or the whole new streak.
      if (s.consecutive_failures > it->consecutive)
        it->total += static_cast<std::uint64_t>(s.consecutive_failures - it->consecutive);
      else if (s.consecutive_failures < it->consecutive && s.consecutive_failures > 0)
        it->total += static_cast<std::uint64_t>(s.consecutive_failures);
      it->last_attempt = s.last_attempt;
      it->consecutive = s.consecutive_failures;
    }
  }
}

std::uint64_t FailureCounter::total(const std::string& source) const {
  for (const Seen& s : seen_)
    if (s.id == source) return s.total;
  return 0;
}

namespace {

// Label values escape backslash, double quote and newline (exposition format).
std::string label_value(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  char buf[40];
  // Whole numbers (epoch seconds, counts, bytes) in full: "%g" would round 1800000000 to 1.8e+09.
  if (v == std::floor(v) && std::abs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

class Writer {
 public:
  void family(const char* name, const char* type, const char* help) {
    out_ += "# HELP ";
    out_ += name;
    out_ += ' ';
    out_ += help;
    out_ += "\n# TYPE ";
    out_ += name;
    out_ += ' ';
    out_ += type;
    out_ += '\n';
  }
  void sample(const char* name, const std::string& labels, double value) {
    out_ += name;
    if (!labels.empty()) out_ += "{" + labels + "}";
    out_ += ' ';
    out_ += number(value);
    out_ += '\n';
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

const char* state_name(SourceState s) {
  switch (s) {
    case SourceState::never_fetched:
      return "never_fetched";
    case SourceState::ok:
      return "ok";
    case SourceState::failing:
      return "failing";
  }
  return "never_fetched";
}

std::string source_label(const SourceHealth& s) {
  return "source=\"" + label_value(s.id) + "\"";
}

// A family with one sample per source; a source whose `value` gives nothing has no sample.
template <typename Value>
void per_source(Writer& w, const std::vector<SourceHealth>& sources, const char* name, const char* type,
                const char* help, Value value) {
  w.family(name, type, help);
  for (const auto& s : sources)
    if (const std::optional<double> v = value(s)) w.sample(name, source_label(s), *v);
}

}  // namespace

std::string format_prometheus(const HealthReport& r) {
  Writer w;
  w.family("kiosk_build_info", "gauge", "Kiosk build and content versions (always 1).");
  w.sample(
      "kiosk_build_info",
      "version=\"" + label_value(r.version) + "\",content_version=\"" + label_value(r.content_version) + "\"",
      1);
  w.family("kiosk_start_time_seconds", "gauge", "When the kiosk started, in seconds since the epoch.");
  w.sample("kiosk_start_time_seconds", "", static_cast<double>(r.start_time));
  w.family("kiosk_uptime_seconds", "gauge", "Seconds since the kiosk started (monotonic).");
  w.sample("kiosk_uptime_seconds", "", r.uptime_seconds);
  w.family("kiosk_frames_drawn_total", "counter", "Frames drawn since the kiosk started.");
  w.sample("kiosk_frames_drawn_total", "", static_cast<double>(r.frames_drawn));
  w.family("kiosk_last_frame_time_seconds", "gauge",
           "When the last frame was drawn, in seconds since the epoch (0: none yet).");
  w.sample("kiosk_last_frame_time_seconds", "", static_cast<double>(r.last_frame_time));
  w.family("kiosk_frame_time_seconds", "summary",
           "Time to build and present a frame (quantiles over the last 600 frames).");
  w.sample("kiosk_frame_time_seconds", "quantile=\"0.5\"", r.frame_p50);
  w.sample("kiosk_frame_time_seconds", "quantile=\"0.9\"", r.frame_p90);
  w.sample("kiosk_frame_time_seconds", "quantile=\"0.99\"", r.frame_p99);
  w.sample("kiosk_frame_time_seconds_sum", "", r.frame_sum);
  w.sample("kiosk_frame_time_seconds_count", "", static_cast<double>(r.frame_count));
  if (r.resident_bytes > 0) {
    w.family("kiosk_resident_memory_bytes", "gauge", "Resident memory of the kiosk process.");
    w.sample("kiosk_resident_memory_bytes", "", static_cast<double>(r.resident_bytes));
  }
  w.family("kiosk_fetch_worker_alive", "gauge", "1 while the data fetch worker is alive.");
  w.sample("kiosk_fetch_worker_alive", "", r.worker_alive ? 1 : 0);
  w.family("kiosk_screen_on", "gauge", "1 when the screen should be on (schedule or admin), 0 when asleep.");
  w.sample("kiosk_screen_on", "method=\"" + label_value(r.screen_power) + "\"", r.screen_on ? 1 : 0);
  w.family("kiosk_schedule_paused", "gauge", "1 when an admin turned the screen schedule off.");
  w.sample("kiosk_schedule_paused", "", r.schedule_paused ? 1 : 0);
  w.family("kiosk_screen_switch_failed", "gauge",
           "1 when the last switch of the panel on or off failed (see the journal).");
  w.sample("kiosk_screen_switch_failed", "", r.screen_switch_failed ? 1 : 0);
  w.family("kiosk_content_rejected_total", "counter",
           "Content packs refused for errors since the start (the last good pack stays on screen).");
  w.sample("kiosk_content_rejected_total", "", static_cast<double>(r.content_rejected));
  w.family("kiosk_clock_jumps_total", "counter", "Wall clock jumps of over a minute since the start.");
  w.sample("kiosk_clock_jumps_total", "", static_cast<double>(r.clock_jumps));
  w.family("kiosk_admin_available", "gauge",
           "1 when the admin view can be opened; 0 with the reason (no PIN, the demo PIN on a locked-down "
           "kiosk).");
  w.sample("kiosk_admin_available",
           r.admin_available ? std::string() : "reason=\"" + label_value(r.admin_unavailable_reason) + "\"",
           r.admin_available ? 1 : 0);

  if (!r.sources.empty()) {
    per_source(w, r.sources, "kiosk_source_up", "gauge", "1 when the source's last fetch succeeded.",
               [](const SourceHealth& s) { return s.state == SourceState::ok ? 1 : 0; });
    w.family("kiosk_source_state", "gauge", "The source's state (1 for the current one).");
    for (const auto& s : r.sources)
      for (SourceState st : {SourceState::never_fetched, SourceState::ok, SourceState::failing})
        w.sample("kiosk_source_state", source_label(s) + ",state=\"" + state_name(st) + "\"",
                 s.state == st ? 1 : 0);
    per_source(w, r.sources, "kiosk_source_last_success_time_seconds", "gauge",
               "When the source last answered well, in seconds since the epoch (0: never).",
               [](const SourceHealth& s) { return static_cast<double>(s.last_success); });
    per_source(w, r.sources, "kiosk_source_consecutive_failures", "gauge",
               "Failed fetches of the source in a row.",
               [](const SourceHealth& s) { return s.consecutive_failures; });
    per_source(w, r.sources, "kiosk_source_failures_total", "counter",
               "Failed fetches of the source since the kiosk started.",
               [](const SourceHealth& s) { return static_cast<double>(s.failures_total); });
    per_source(w, r.sources, "kiosk_source_data_age_seconds", "gauge",
               "Age of the source's newest reading (absent: none).", [](const SourceHealth& s) {
                 return s.data_age_seconds >= 0 ? std::optional(s.data_age_seconds) : std::nullopt;
               });
    per_source(w, r.sources, "kiosk_source_stale_seconds", "gauge",
               "Age past which the source's readings are shown as stale (sources.toml).",
               [](const SourceHealth& s) { return s.stale_seconds; });
    per_source(w, r.sources, "kiosk_source_auth_failing", "gauge",
               "1 when the source's last fetch was refused for its key or token (HTTP 401/403, ArcGIS "
               "498/499, CKAN Authorization Error): a key or token to renew.",
               [](const SourceHealth& s) { return s.auth_failing ? 1 : 0; });
  }
  return w.take();
}

}  // namespace kiosk
