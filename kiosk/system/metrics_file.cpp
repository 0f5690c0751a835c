#include "kiosk/system/metrics_file.hpp"

#include "kiosk/core/atomic_file.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk::sys {

bool MetricsFile::write(const HealthReport& report, double now) {
  if (!enabled()) return true;
  last_ = now;
  written_once_ = true;
  std::string error;
  if (!write_file_atomically(path_, format_prometheus(report), error)) {
    if (!failing_) log::warning("metrics: " + error + "; the kiosk goes on and tries again every interval");
    failing_ = true;
    return false;
  }
  if (failing_) log::info("metrics: " + path_ + " is written again");
  failing_ = false;
  return true;
}

}  // namespace kiosk::sys
