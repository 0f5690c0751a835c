#include "kiosk/core/target_progress.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/time_parse.hpp"

namespace kiosk {
namespace {

double clamp_percent(double p) {
  return std::clamp(p, 0.0, 100.0);
}

bool is_met(const Target& t, double current, double target) {
  const std::string& dir = t.direction;
  if (dir == "down") return t.exclusive ? current < target : current <= target;
  if (dir == "level") {
    double band = t.tolerance.value_or(std::abs(target) * 0.05);
    return std::abs(current - target) <= band;
  }
  return t.exclusive ? current > target : current >= target;  // up, count, milestone
}

}  // namespace

const char* status_key(TargetStatus status) {
  switch (status) {
    case TargetStatus::no_data:
      return "no_data";
    case TargetStatus::on_track:
      return "on_track";
    case TargetStatus::at_risk:
      return "at_risk";
    case TargetStatus::achieved:
      return "achieved";
    case TargetStatus::missed:
      return "missed";
  }
  return "no_data";
}

std::optional<int> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto number = [&](size_t from, size_t len) -> std::optional<int> {
    int v = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  auto day = civil_day(*y, *m, *d);
  if (!day) return std::nullopt;
  return static_cast<int>(day->time_since_epoch().count());
}

int local_day(UnixTime t, int zone_offset_minutes) {
  UnixTime local = t + static_cast<UnixTime>(zone_offset_minutes) * 60;
  UnixTime day = local / 86400;
  if (local % 86400 < 0) --day;  // floor for times before 1970
  return static_cast<int>(day);
}

TargetProgress target_progress(const Target& t, int today) {
  TargetProgress out;
  std::optional<double> target = t.target;
  if (!target && t.direction == "milestone") target = 1.0;
  if (!t.current || !target) return out;
  const double current = *t.current;
  auto deadline = parse_iso_date(t.deadline);
  out.met = is_met(t, current, *target);
  out.past_deadline = deadline && today > *deadline;

  // Percent of the way.
  const bool level = t.direction == "level";
  std::optional<double> start = t.baseline;
  if (!start && (t.direction == "up" || t.direction == "count" || t.direction == "milestone")) start = 0.0;
  if (level) {
    double hi = std::max(std::abs(current), std::abs(*target));
    out.percent =
        out.met ? 100.0 : (hi > 0 ? 100.0 * std::min(std::abs(current), std::abs(*target)) / hi : 100.0);
  } else if (out.met) {
    out.percent = 100.0;
  } else if (start) {
    double way = *target - *start;
    out.percent = way == 0 ? 0.0 : clamp_percent(100.0 * (current - *start) / way);
  }

  // Where the straight path is at the current value's date.
  auto current_day = parse_iso_date(t.current_date);
  const auto baseline_end = civil_day(t.baseline_year, 12, 31);
  if (t.baseline_year > 0 && baseline_end && current_day && deadline) {
    const int from = static_cast<int>(baseline_end->time_since_epoch().count());
    double span = *deadline - from;
    out.expected_percent = span <= 0 ? 100.0 : clamp_percent(100.0 * (*current_day - from) / span);
  }

  if (out.past_deadline) {
    out.status = out.met ? TargetStatus::achieved : TargetStatus::missed;
  } else if (level) {
    out.status = out.met ? TargetStatus::on_track : TargetStatus::at_risk;
  } else if (out.met) {
    out.status = TargetStatus::achieved;
  } else if (out.percent && out.expected_percent) {
    // A hair of slack so a value exactly on the path is not called behind by rounding.
    out.status =
        *out.percent + 1e-9 >= *out.expected_percent ? TargetStatus::on_track : TargetStatus::at_risk;
  } else {
    out.status = TargetStatus::no_data;
  }
  return out;
}

}  // namespace kiosk
