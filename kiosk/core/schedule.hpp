// When the screen should be on: hours per weekday (kiosk.toml [schedule]). Outside them the
// screen sleeps (dimmed or blank) until someone touches it.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/reading.hpp"

namespace kiosk {

struct DayHours {
  int on_minute = 0;         // minutes after local midnight
  int off_minute = 24 * 60;  // earlier than on_minute when the hours wrap past midnight ("22:00-06:00")
  bool always_off = false;
};

struct Schedule {
  bool enabled = false;            // no [schedule]: always on
  std::array<DayHours, 7> days{};  // 0 = Monday … 6 = Sunday
  std::string off_mode = "dim";    // dim | blank

  // Whether the screen should be on at `t` in a city `zone_offset_minutes` from UTC.
  bool on_at(UnixTime t, int zone_offset_minutes) const;
  const DayHours& days_of(int weekday) const { return days[static_cast<size_t>(weekday)]; }
};

// "07:00-22:00" (on from 7 to 22), "off" (all day off), "22:00-06:00" (on across midnight).
std::optional<DayHours> parse_day_hours(std::string_view text);

}  // namespace kiosk
