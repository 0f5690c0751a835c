// Placing stations on the city map: a picture whose edges are given in degrees (kiosk.toml [map]).
// Pure arithmetic, no pictures and no pixels: screens multiply the fractions by the rectangle the
// picture is drawn in.
#pragma once
#include <optional>

namespace kiosk {

// The geographic edges of a map picture, in degrees (east and north positive).
struct GeoBounds {
  double west = 0, east = 0;    // longitude of the left and right edges
  double south = 0, north = 0;  // latitude of the bottom and top edges
  // West of east and south of north, within the Earth's ranges; a map across the 180° meridian is
  // not supported (no city kiosk needs one).
  bool valid() const;
};

// A point on the map picture as fractions of its size: x from the left edge (0) to the right (1),
// y from the top edge (0) down to the bottom (1).
struct MapPoint {
  double x = 0, y = 0;
};

// Where a position falls on the map. Longitude and latitude run linearly across the picture (a plain
// degree grid, as the demo map is drawn); a Web Mercator city map differs from this by less than
// 0.1 % of its height over the 0.3° of latitude a city spans.
// A position outside the bounds is hidden (nullopt), never clamped to the edge: a marker pinned to
// the border would show the station where it is not. Positions on the edges are inside. Invalid
// bounds hide everything.
std::optional<MapPoint> project(const GeoBounds& bounds, double lat, double lon);

}  // namespace kiosk
