// How far along a plan target is, and whether it is on track, by one rule the screens and the
// plan overview share.
//
// The rule (documented for residents in the README; tests in tests/core/targets_progress_test.cpp):
//  1. The target is *met* when the current value reaches it: up and count at >= target, down at
//     <= target (strictly > / < when `exclusive`), milestone at >= target (1 = done; a fraction
//     0..1 is "partly done"), level within `tolerance` of it (default 5 % of the target).
//  2. No current value or no target value: no_data.
//  3. After the deadline day (today > deadline): achieved if met, otherwise missed, judged on the
//     latest value (even if it was measured before the deadline).
//  4. Up to the deadline: a met target is achieved (a level target is on_track: it has to be held
//     until the deadline; outside its band it is at_risk).
//  5. Otherwise compare with the straight path from the baseline (its value at the end of
//     baseline_year; up, count and milestone start from 0 when no baseline is given) to the target
//     at the deadline, taken at the current value's date: on_track when the share of the way done
//     (percent) is at least the share of the time gone (expected_percent), at_risk when behind.
//     Without a baseline_year, a current_date, or (for down) a baseline, the pace cannot be judged:
//     no_data.
// percent: 0..100 of the way from baseline to target (100 once met); for level targets
// 100 x min(current, target) / max(current, target), 100 within the band.
#pragma once
#include <optional>
#include <string_view>

#include "kiosk/core/reading.hpp"
#include "kiosk/core/targets.hpp"

namespace kiosk {

enum class TargetStatus { no_data, on_track, at_risk, achieved, missed };

const char* status_key(TargetStatus status);  // "no_data", "on_track", "at_risk", "achieved", "missed"

struct TargetProgress {
  TargetStatus status = TargetStatus::no_data;
  std::optional<double> percent;           // 0..100; see above
  std::optional<double> expected_percent;  // 0..100: where the straight path is at current_date
  bool met = false;                        // the current value meets the target
  bool past_deadline = false;              // today is after the deadline day
};

// Days since 1970-01-01 of a "YYYY-MM-DD" date; nullopt when malformed or not a calendar date.
std::optional<int> parse_iso_date(std::string_view text);
// The local calendar date of a moment, as days since 1970-01-01 (zone offset in minutes, +480 = UTC+8).
int local_day(UnixTime t, int zone_offset_minutes);

// `today` as days since 1970-01-01 (parse_iso_date or local_day).
TargetProgress target_progress(const Target& target, int today);

}  // namespace kiosk
