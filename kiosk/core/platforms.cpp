// The platform table (see platforms.hpp).
#include "kiosk/core/platforms.hpp"

#include <algorithm>

namespace kiosk {
namespace {

constexpr std::string_view kCommon[] = {
    "id",      "platform", "url",  "query",   "headers",        "refresh_seconds", "stale_seconds",
    "zone",    "demo",     "name", "ca_file", "max_body_bytes", "missing_values",  "station_prefix",
    "stations"};

// The keys each kind of platform reads besides the common ones.
constexpr std::string_view kPagedMapped[] = {"fields", "columns",   "metrics",
                                             "units",  "page_size", "max_pages"};
constexpr std::string_view kLinkedMapped[] = {"fields", "columns", "metrics", "units", "filter", "max_pages"};
constexpr std::string_view kOpenAq[] = {"metrics", "page_size", "max_pages"};
constexpr std::string_view kGbfs[] = {"language"};
constexpr std::string_view kJson[] = {"fields", "columns",   "metrics",  "units",
                                      "paging", "page_size", "max_pages"};

constexpr PlatformInfo kPlatforms[] = {
    {"kiosk-feed",
     false,
     {},
     "the kiosk's own JSON feed (a static file)",
     "https://env.example.gov.cn/kiosk/air.json"},
    {"ckan", true, kPagedMapped, "CKAN DataStore datastore_search",
     "https://data.example.gov.cn/api/3/action/datastore_search"},
    {"socrata", true, kPagedMapped, "Socrata SODA 2 resource",
     "https://data.example.org/resource/abcd-1234.json"},
    {"opendatasoft", true, kPagedMapped, "Opendatasoft Explore v2.0/v2.1 records",
     "https://city.example.com/api/explore/v2.1/catalog/datasets/air-quality/records"},
    {"arcgis", true, kPagedMapped, "ArcGIS REST FeatureServer/MapServer query",
     "https://gis.example.org/arcgis/rest/services/Air/FeatureServer/0/query"},
    {"sensorthings", false, kLinkedMapped,
     "OGC SensorThings API 1.1 (Datastreams expanded, or one Datastream's Observations)",
     "https://sta.example.org/FROST-Server/v1.1/Datastreams"},
    {"openaq", false, kOpenAq, "OpenAQ v3 locations and their latest values",
     "https://api.openaq.org/v3/locations"},
    {"gbfs", false, kGbfs, "GBFS 2.x/3.0 bike share (discovery file)",
     "https://bikes.example.com/gbfs/gbfs.json"},
    {"json", true, kJson, "any JSON or GeoJSON document or API, mapped by [source.fields]",
     "https://env.example.gov.cn/open/air-stations.geojson"},
};

}  // namespace

std::span<const PlatformInfo> platforms() {
  return kPlatforms;
}

const PlatformInfo* find_platform(std::string_view name) {
  for (const PlatformInfo& p : kPlatforms)
    if (p.name == name) return &p;
  return nullptr;
}

std::span<const std::string_view> common_source_keys() {
  return kCommon;
}

bool accepts_key(const PlatformInfo& platform, std::string_view key) {
  auto has = [key](std::span<const std::string_view> keys) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  return has(kCommon) || has(platform.keys);
}

bool is_sensorthings_observations_url(std::string_view url) {
  return url.substr(0, url.find_first_of("?#")).ends_with("/Observations");
}

std::string platform_names() {
  std::string out;
  for (const PlatformInfo& p : kPlatforms) out += (out.empty() ? "" : ", ") + std::string(p.name);
  return out;
}

}  // namespace kiosk
