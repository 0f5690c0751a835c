// One open-data source (sources.toml): where to fetch, how to ask, and how records map to readings.
// content/README.md ("Sources") and the integrators' section of README.md document every key.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/text.hpp"
#include "kiosk/core/time_zone.hpp"

namespace kiosk {

// A header or query value: literal, or a secret read at fetch time from an environment variable or a
// root-only file (owner root or the kiosk's own user, no group/other permission bits). Secret values
// are never logged, printed or stored in the cache; URLs shown to people have them replaced by "***".
struct SecretValue {
  std::string literal;
  std::string env;   // name of an environment variable
  std::string file;  // absolute path of a file holding the value (trailing newline dropped)
  bool secret() const { return !env.empty() || !file.empty(); }
};

struct NamedValue {
  std::string name;
  SecretValue value;
};

// How records map to readings. Paths are JSON-pointer-like, relative to one record, with "/" between
// levels and numbers for array elements ("datetime/utc", "Observations/0/result"); "/" rather than "."
// because real keys contain dots ("pm2.5" in Taiwan MOENV data).
struct FieldMap {
  std::string layout = "long";  // long: one record = one reading; wide: one column per metric
  std::string records;          // path of the records array in the response; empty: the platform's default
  std::string station;          // station id
  std::string name_zh, name_en;
  std::string lat, lon;
  std::string metric;       // long layout: the metric name (mapped through `metrics`)
  std::string value;        // long layout: the value
  std::string unit;         // the unit, when records carry one
  std::string observed_at;  // observation time (any form of time_parse.hpp)
  std::vector<std::pair<std::string, std::string>> columns;  // wide: canonical metric → column path
  std::map<std::string, std::string> metrics;  // long: the source's metric name → canonical metric
  std::map<std::string, std::string> units;    // canonical metric → unit the source uses when no unit field
  // A field may list several paths (`lat = ["geometry/coordinates/1", "location/latitude"]`): the first
  // present wins; the first path is in the field above, the rest here by field name ("lat").
  std::map<std::string, std::vector<std::string>> alternatives;
  // A constant in place of a field (`station = { value = "ST-42" }`), by field name.
  std::map<std::string, std::string> constants;
  // [source.filter]: keep a record only when every path holds its value (strings, numbers and booleans
  // compared as text: "true" matches true and "true"); records left out are counted, not reported.
  std::vector<std::pair<std::string, std::string>> filter;
};

// How the `json` platform asks for more records ([source.paging]).
struct Paging {
  std::string mode = "none";            // none | offset | next
  std::string offset_param = "offset";  // offset mode: the query parameter names
  std::string limit_param = "limit";
  std::string next;  // next mode: path of the next page's link in the response
};

// Hard ceilings no content can raise: what a hostile or broken portal can make the kiosk hold in one
// fetch of one source. The content check reports a setting above them; the fetcher stops a fetch that
// reaches one with "limit reached".
inline constexpr int kMaxPagesCeiling = 200;
inline constexpr std::uint64_t kMaxBodyBytesCeiling = 32u << 20;   // one response, decoded
inline constexpr std::uint64_t kMaxFetchBytesCeiling = 64u << 20;  // every page of one fetch together
inline constexpr std::size_t kMaxRecordsPerFetch = 200000;
inline constexpr std::size_t kMaxStationsPerFetch = 5000;
inline constexpr double kMaxFetchSecondsCeiling = 300;  // wall time of one fetch, every page together
// Hourly history points kept in memory and in the cache, every source together (about 50 MB at most).
inline constexpr std::uint64_t kMaxHistoryRowsCeiling = 500000;

struct SourceConfig {
  std::string id;
  std::string platform;  // a name from the platform table (kiosk/core/platforms.cpp)
  std::string url;       // http(s)://…, file://…, or a path inside the content folder (no scheme)
  std::vector<NamedValue> query;    // appended to the URL (after what the URL already has)
  std::vector<NamedValue> headers;  // e.g. X-App-Token from an environment variable
  double refresh_seconds = 600;
  double stale_seconds = 0;     // 0: twice the refresh interval
  std::string zone = "+08:00";  // for timestamps without an offset: "+08:00", "Z" or an IANA name
  TimeZone time_zone;           // `zone` looked up (once) by the reader
  bool demo = false;            // readings are demo data and are marked so on screen (see the demo rule)
  Text name;
  FieldMap fields;
  Paging paging;                                   // the json platform
  std::map<std::string, std::string> station_ids;  // the source's station id → the kiosk's (optional)
  std::string station_prefix;        // put before every station id the source reports (e.g. "bike:")
  std::string language;              // GBFS 2.x: which language's feed list to use (default: the first)
  std::string ca_file;               // extra CA bundle for TLS verification (never turns verification off)
  std::uint64_t max_body_bytes = 0;  // 0: the fetcher's default (16 MB); at most kMaxBodyBytesCeiling
  int page_size = 0;                 // 0: the platform's sensible default
  int max_pages = 200;               // a safety stop for paging loops; at most kMaxPagesCeiling
  std::vector<std::string> missing_values;  // extra no-value markers besides "", "-", "—", "NA", "ND", …
  std::string off;  // non-empty: sources.toml has a mistake here ("FILE:LINE:COL: error: …"), not fetched

  double effective_stale_seconds() const { return stale_seconds > 0 ? stale_seconds : 2 * refresh_seconds; }
};

}  // namespace kiosk
