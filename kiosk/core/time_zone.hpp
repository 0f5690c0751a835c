// A source's `zone`: the rule that turns a naive local time (no offset, as Socrata's floating timestamps
// and CKAN's zone-less ones come) into an instant. Either a fixed UTC offset ("+08:00", "Z") or an IANA
// name ("Asia/Shanghai", "America/Los_Angeles") with its daylight-saving changes, read from the system's
// tzdata through Debian's date-tz (GCC 12's <chrono> has no tzdb). A name is looked up once, when
// sources.toml is read; each timestamp then costs a search in that zone's transitions.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/reading.hpp"

namespace date {
class time_zone;
}

namespace kiosk {

class TimeZone {
 public:
  TimeZone() = default;  // UTC+8, the kiosk's first market
  static TimeZone fixed(int seconds_east_of_utc);
  // "+08:00", "-0530", "Z", "UTC" or an IANA name; nullopt when it is neither (or the system's tzdata lacks
  // the name). "localtime" is refused: it is whatever the machine is set to, not the source's zone.
  static std::optional<TimeZone> find(std::string_view name);

  // The instant a wall-clock time names, `local` being that wall time counted as if it were UTC seconds.
  // Rules for the two hours a year where wall time and instants do not pair up:
  //   repeated hour (clocks go back): the earlier instant, the first time the hour was lived;
  //   skipped hour (clocks go forward): read with the offset before the change, so 02:30 in a
  //   02:00 → 03:00 gap is the instant the clocks call 03:30 (as RFC 5545 and java.time do).
  UnixTime instant_from_local(UnixTime local) const;
  bool is_fixed() const { return iana_ == nullptr; }

 private:
  int fixed_offset_ = 8 * 3600;
  const date::time_zone* iana_ = nullptr;  // owned by date-tz's database, which lives as long as the process
};

// A text timestamp in any form of time_parse.hpp; forms without an offset are read in `zone`.
std::optional<UnixTime> parse_timestamp(std::string_view text, const TimeZone& zone);

// The zone name someone probably meant ("asia/shanghai", "Shanghai", "America/Los_Angles" →
// "Asia/Shanghai", …); empty when nothing is close.
std::string suggest_zone_name(std::string_view name);

}  // namespace kiosk
