#include "kiosk/core/schedule.hpp"

#include <charconv>

namespace kiosk {
namespace {

std::optional<int> minute_of(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  if (std::from_chars(hhmm.data(), hhmm.data() + 2, h).ec != std::errc() ||
      std::from_chars(hhmm.data() + 3, hhmm.data() + 5, m).ec != std::errc())
    return std::nullopt;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

std::optional<DayHours> parse_day_hours(std::string_view text) {
  if (text == "off") return DayHours{0, 0, true};
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto on = minute_of(text.substr(0, dash)), off = minute_of(text.substr(dash + 1));
  if (!on || !off || *on == *off) return std::nullopt;
  return DayHours{*on, *off, false};
}

bool Schedule::on_at(UnixTime t, int zone_offset_minutes) const {
  if (!enabled) return true;
  const long long local = t + zone_offset_minutes * 60LL;
  long long days = local / 86400;
  long long minute = (local % 86400) / 60;
  if (minute < 0) {
    minute += 1440;
    --days;
  }
  // 1970-01-01 was a Thursday (index 3 when Monday is 0).
  const int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);
  const DayHours& today = days_of(weekday);
  const DayHours& yesterday = days_of((weekday + 6) % 7);
  // Hours that wrap past midnight ("22:00-06:00") continue into the next morning.
  if (!yesterday.always_off && yesterday.off_minute < yesterday.on_minute && minute < yesterday.off_minute)
    return true;
  if (today.always_off) return false;
  if (today.on_minute < today.off_minute) return minute >= today.on_minute && minute < today.off_minute;
  return minute >= today.on_minute;
}

}  // namespace kiosk
