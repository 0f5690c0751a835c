// Placing stations on the city map: corners, centre, and what happens outside the picture.
#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/core/geo.hpp"

namespace kiosk {
namespace {

// The demo city's map (content/kiosk.toml [map]).
const GeoBounds kCity{121.15, 121.62, 37.38, 37.66};

void expect_at(std::optional<MapPoint> p, double x, double y) {
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->x, x, 1e-9);
  EXPECT_NEAR(p->y, y, 1e-9);
}

TEST(MapProjection, CornersLandOnThePictureCorners) {
  expect_at(project(kCity, 37.66, 121.15), 0, 0);  // north-west: top left
  expect_at(project(kCity, 37.66, 121.62), 1, 0);  // north-east: top right
  expect_at(project(kCity, 37.38, 121.15), 0, 1);  // south-west: bottom left
  expect_at(project(kCity, 37.38, 121.62), 1, 1);  // south-east: bottom right
}

TEST(MapProjection, CentreIsTheMiddleOfThePicture) {
  expect_at(project(kCity, 37.52, 121.385), 0.5, 0.5);
}

TEST(MapProjection, NorthIsUpAndEastIsRight) {
  const auto harbour = project(kCity, 37.545, 121.385);  // stations.toml air-harbour
  const auto hills = project(kCity, 37.435, 121.330);    // air-hills, to its south-west
  ASSERT_TRUE(harbour && hills);
  EXPECT_LT(harbour->y, hills->y);
  EXPECT_GT(harbour->x, hills->x);
  expect_at(harbour, 0.5, (37.66 - 37.545) / 0.28);
}

TEST(MapProjection, PointOutsideTheBoundsIsHiddenNotClamped) {
  EXPECT_FALSE(project(kCity, 37.70, 121.40));  // north of the map
  EXPECT_FALSE(project(kCity, 37.30, 121.40));  // south
  EXPECT_FALSE(project(kCity, 37.50, 121.10));  // west
  EXPECT_FALSE(project(kCity, 37.50, 121.63));  // east
  EXPECT_FALSE(project(kCity, 0, 0));           // a station without a position
  EXPECT_TRUE(project(kCity, 37.66, 121.40));   // the edge itself is inside
}

TEST(MapProjection, InvalidBoundsHideEverything) {
  EXPECT_FALSE(project(GeoBounds{}, 0, 0));                                     // kiosk.toml without [map]
  EXPECT_FALSE(project(GeoBounds{121.62, 121.15, 37.38, 37.66}, 37.5, 121.4));  // west and east swapped
  EXPECT_FALSE(project(GeoBounds{121.15, 121.62, 37.66, 37.38}, 37.5, 121.4));  // south and north swapped
  EXPECT_FALSE(project(kCity, std::nan(""), 121.4));
}

}  // namespace
}  // namespace kiosk
