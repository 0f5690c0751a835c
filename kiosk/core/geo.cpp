#include "kiosk/core/geo.hpp"

#include <cmath>

namespace kiosk {

bool GeoBounds::valid() const {
  const bool finite =
      std::isfinite(west) && std::isfinite(east) && std::isfinite(south) && std::isfinite(north);
  return finite && west < east && south < north && west >= -180 && east <= 180 && south >= -90 && north <= 90;
}

std::optional<MapPoint> project(const GeoBounds& bounds, double lat, double lon) {
  if (!bounds.valid() || !std::isfinite(lat) || !std::isfinite(lon)) return std::nullopt;
  if (lon < bounds.west || lon > bounds.east || lat < bounds.south || lat > bounds.north) return std::nullopt;
  return MapPoint{(lon - bounds.west) / (bounds.east - bounds.west),
                  (bounds.north - lat) / (bounds.north - bounds.south)};
}

}  // namespace kiosk
