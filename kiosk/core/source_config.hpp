// One open-data source (sources.toml): where to fetch and how records map to readings.
#pragma once
#include <string>

#include "kiosk/core/text.hpp"

namespace kiosk {

struct SourceConfig {
  std::string id;
  std::string platform;  // kiosk-feed | ckan | socrata | opendatasoft | arcgis | sensorthings | openaq | gbfs
  std::string url;
  double refresh_seconds = 600;
  double stale_seconds = 0;  // 0: twice the refresh interval
  std::string zone = "+08:00";  // offset for timestamps without one
  bool demo = false;            // readings are demo data and are marked so on screen
  Text name;
};

}  // namespace kiosk
