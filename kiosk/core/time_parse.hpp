// Timestamps as open-data platforms send them, turned into UnixTime (UTC seconds). Core logic with no
// I/O so the content reader, the adapters and the tests share one set of rules.
//
// Accepted forms (api-formats.md, "Timestamps come in at least six forms"):
//   2024-09-25T22:00:00Z, 2024-09-25T16:00:00-06:00, …+0800, …+08, fractional seconds of any length
//   2018-02-20T07:00:00 and 2018-02-20 07:00 (naive: the source's zone applies)
//   2026/04/28 10:00:00 (Taiwan MOENV; naive)
//   2019-03-26 (a date: midnight in the source's zone)
//   start/end ISO 8601 intervals (SensorThings): the end is used, as it closes the averaging period
//   1640887163 and 1640887163000 as numbers or digit strings (POSIX seconds, epoch milliseconds)
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/reading.hpp"

namespace kiosk {

// "+08:00", "-0530", "+8", "Z", "UTC" → seconds east of UTC. IANA names are time_zone.hpp's.
std::optional<int> parse_utc_offset(std::string_view text);

// A timestamp as written: the wall-clock time it names, and the offset when the text carries one.
// Naive forms leave `offset` empty; whoever knows the source's zone turns `local` into an instant.
struct WrittenTime {
  std::chrono::local_seconds local;
  std::optional<int> offset;  // seconds east of UTC
};

// A text timestamp in any form above, as written.
std::optional<WrittenTime> parse_written_time(std::string_view text);

// A text timestamp in any form above; `zone_offset` (seconds east of UTC) applies to naive forms.
std::optional<UnixTime> parse_timestamp(std::string_view text, int zone_offset);

// A timestamp that must carry its own offset ("2026-11-28T10:00:00+08:00", "…Z"): settings, alerts,
// command lines. Naive forms are refused, as nothing says which zone they mean.
std::optional<UnixTime> parse_instant(std::string_view text);

// A calendar date that exists (not 2025-02-29) as a point in time at UTC midnight.
std::optional<std::chrono::sys_days> civil_day(int year, int month, int day);

// A numeric timestamp: values above 1e11 are epoch milliseconds (1e11 s is the year 5138), others seconds.
std::optional<UnixTime> timestamp_from_number(double value);

// "2024-09-25T22:00:00Z".
std::string format_iso_utc(UnixTime t);

}  // namespace kiosk
