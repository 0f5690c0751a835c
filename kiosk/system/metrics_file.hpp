// The health metrics file (kiosk/core/health_metrics.hpp) on disk: rewritten atomically every
// interval, so node_exporter never reads half a file. A failed write (full disk, read-only root,
// missing folder) is logged once, not every interval, and the kiosk goes on.
#pragma once
#include <string>

#include "kiosk/core/health_metrics.hpp"

namespace kiosk::sys {

class MetricsFile {
 public:
  MetricsFile(std::string path, double interval_seconds)
      : path_(std::move(path)), interval_(interval_seconds) {}
  bool enabled() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  bool due(double now) const { return enabled() && (!written_once_ || now - last_ >= interval_); }
  // Writes the report; false when the write failed (logged on the first failure of a streak).
  bool write(const HealthReport& report, double now);
  bool failing() const { return failing_; }

 private:
  std::string path_;
  double interval_;
  double last_ = 0;
  bool written_once_ = false;
  bool failing_ = false;
};

}  // namespace kiosk::sys
