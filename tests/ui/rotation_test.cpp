// A panel mounted in portrait or upside down shows the picture turned (kiosk --rotate); a touch must
// land on what the finger is on in the upright picture.
#include <gtest/gtest.h>

#include "kiosk/render/display.hpp"

namespace kiosk {
namespace {

struct Point {
  int x, y;
};

Point upright(int rotation, Point panel) {
  render::turned_to_upright(rotation, 800, 480, panel.x, panel.y);
  return panel;
}

TEST(Rotation, NoneLeavesTouchesAlone) {
  const Point p = upright(0, {10, 20});
  EXPECT_EQ(p.x, 10);
  EXPECT_EQ(p.y, 20);
}

// Turned 90° clockwise, the 480x800 picture's top edge runs down the panel's right edge.
TEST(Rotation, QuarterTurnMapsCornersOfAPortraitPicture) {
  const Point top_left = upright(90, {799, 0});  // the picture's top-left is the panel's top-right
  EXPECT_NEAR(top_left.x, 0, 1);
  EXPECT_NEAR(top_left.y, 0, 1);
  const Point bottom_right = upright(90, {0, 479});
  EXPECT_NEAR(bottom_right.x, 479, 1);
  EXPECT_NEAR(bottom_right.y, 799, 1);
  const Point centre = upright(90, {400, 240});
  EXPECT_EQ(centre.x, 240);
  EXPECT_EQ(centre.y, 400);
}

TEST(Rotation, HalfTurnMirrorsBothAxes) {
  const Point p = upright(180, {0, 0});
  EXPECT_EQ(p.x, 799);
  EXPECT_EQ(p.y, 479);
}

TEST(Rotation, ThreeQuarterTurnIsTheOtherWayRound) {
  const Point top_left = upright(270, {0, 479});  // the picture's top-left is the panel's bottom-left
  EXPECT_NEAR(top_left.x, 0, 1);
  EXPECT_NEAR(top_left.y, 0, 1);
  const Point bottom_right = upright(270, {799, 0});
  EXPECT_NEAR(bottom_right.x, 479, 1);
  EXPECT_NEAR(bottom_right.y, 799, 1);
}

}  // namespace
}  // namespace kiosk
