// Source zones: see time_zone.hpp for the rules of the repeated and the skipped hour.
#include "kiosk/core/time_zone.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <vector>

#include "kiosk/core/time_parse.hpp"

namespace kiosk {
namespace {

std::string folded(std::string_view s) {
  std::string out;
  for (char c : s) out += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view last_part(std::string_view s) {
  auto slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Zone names in the tz database's own areas come first: "Asia/Shanghai" rather than the old alias "PRC".
bool in_an_area(std::string_view name) {
  for (std::string_view area : {"Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/",
                                "Europe/", "Indian/", "Pacific/"})
    if (name.substr(0, area.size()) == area) return true;
  return false;
}

}  // namespace

TimeZone TimeZone::fixed(int seconds_east_of_utc) {
  TimeZone z;
  z.fixed_offset_ = seconds_east_of_utc;
  return z;
}

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  if (auto offset = parse_utc_offset(name)) return fixed(*offset);
  if (name.empty() || name == "localtime" || name == "posixrules") return std::nullopt;
  try {
    TimeZone z;
    z.iana_ = date::locate_zone(name);
    return z;
  } catch (const std::exception&) {  // not in the database, or no database (tzdata missing)
    return std::nullopt;
  }
}

UnixTime TimeZone::instant_from_local(UnixTime local) const {
  if (!iana_) return local - fixed_offset_;
  const date::local_info info = iana_->get_info(date::local_seconds{std::chrono::seconds{local}});
  // `first` is the period before a change: for a repeated wall time the earlier instant, for a skipped one
  // the offset that was in force when the clocks jumped.
  return local - static_cast<UnixTime>(info.first.offset.count());
}

std::optional<UnixTime> parse_timestamp(std::string_view text, const TimeZone& zone) {
  // Read as if the zone were UTC: a naive form gives its wall time, a form with an offset its instant.
  auto as_utc = parse_timestamp(text, 0);
  if (!as_utc) return std::nullopt;
  // The zone's offset at that wall time; a form that carries its own offset ignores the one given here.
  return parse_timestamp(text, static_cast<int>(*as_utc - zone.instant_from_local(*as_utc)));
}

std::string suggest_zone_name(std::string_view name) {
  std::vector<std::string> names;
  try {
    for (const date::time_zone& z : date::get_tzdb().zones) names.push_back(z.name());
  } catch (const std::exception&) {
    return {};
  }
  std::stable_partition(names.begin(), names.end(), [](const std::string& n) { return in_an_area(n); });
  const std::string key = folded(name);
  for (const auto& n : names)  // the name, but for capitals or spaces
    if (folded(n) == key) return n;
  for (const auto& n : names)  // the city alone, or under the wrong area
    if (folded(last_part(n)) == folded(last_part(key))) return n;
  // A typo: a distance of 1 for short names, up to 3 for long ones.
  const std::size_t allowed = std::clamp<std::size_t>(key.size() / 6, 1, 3);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const auto& n : names) {
    std::size_t d = edit_distance(key, folded(n));
    if (d < best_distance) {
      best = n;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace kiosk
