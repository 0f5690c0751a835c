// Binds each platform of core's table to its adapter (kiosk/data/adapters/NAME.cpp).
#include "kiosk/data/platforms.hpp"

namespace kiosk::data {

// Adapters: one file each in kiosk/data/adapters/.
void fetch_kiosk_feed(Session& s);
void fetch_ckan(Session& s);
void fetch_socrata(Session& s);
void fetch_opendatasoft(Session& s);
void fetch_arcgis(Session& s);
void fetch_sensorthings(Session& s);
void fetch_openaq(Session& s);
void fetch_gbfs(Session& s);
void fetch_json(Session& s);

namespace {

constexpr PlatformFetch kFetchers[] = {
    {"kiosk-feed", fetch_kiosk_feed},
    {"ckan", fetch_ckan},
    {"socrata", fetch_socrata},
    {"opendatasoft", fetch_opendatasoft},
    {"arcgis", fetch_arcgis},
    {"sensorthings", fetch_sensorthings},
    {"openaq", fetch_openaq},
    {"gbfs", fetch_gbfs},
    {"json", fetch_json},
};

}  // namespace

std::span<const PlatformFetch> platform_fetchers() {
  return kFetchers;
}

FetchFn find_fetch(std::string_view name) {
  for (const PlatformFetch& p : kFetchers)
    if (p.name == name) return p.fetch;
  return nullptr;
}

}  // namespace kiosk::data
