// The platforms a source may name in sources.toml (`platform = "…"`), one row each: its name, whether
// its records need a [source.fields] mapping, and the source keys it reads beyond the common ones.
// The content reader checks sources against this table; the data layer binds each row to its fetch
// function (kiosk/data/platforms.cpp), and a test checks that both views list the same platforms.
// README.md ("How to add a platform") says what a new platform needs.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace kiosk {

struct PlatformInfo {
  std::string_view name;                   // sources.toml `platform`
  bool field_mapping = false;              // records have no fixed shape: [source.fields] is required
  std::span<const std::string_view> keys;  // keys it reads besides common_source_keys()
  std::string_view summary;                // one line for messages and documentation
  std::string_view example_url;            // the URL shape it expects (documentation, fuzzing)
};

// Every platform, in the order README.md lists them.
std::span<const PlatformInfo> platforms();
const PlatformInfo* find_platform(std::string_view name);

// Keys every [[source]] may have whatever its platform (id, url, query, headers, zone, …).
std::span<const std::string_view> common_source_keys();

// True when a source of this platform reads `key` (common or the platform's own).
bool accepts_key(const PlatformInfo& platform, std::string_view key);

// A SensorThings URL that names one Datastream's Observations (…/Datastreams(7)/Observations): its
// records carry no Thing, so the source itself must give the station (and, in the long layout, the
// metric). The content check and the adapter both ask this.
bool is_sensorthings_observations_url(std::string_view url);

// "kiosk-feed, ckan, …" for messages.
std::string platform_names();

}  // namespace kiosk
