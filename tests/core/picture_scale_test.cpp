// Scaling pictures down to the screen by area averaging: colours stay exact, thin lines stay visible,
// and transparent pixels lend no colour to the edges beside them.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <utility>

#include "kiosk/core/content/picture_scale.hpp"

namespace kiosk {
namespace {

struct Rgba {
  std::vector<unsigned char> pixels;
  int width = 0;
  int height = 0;
  Rgba(int w, int h, std::array<unsigned char, 4> fill)
      : pixels(static_cast<size_t>(w) * h * 4), width(w), height(h) {
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = fill[i % 4];
  }
  unsigned char* at(int x, int y) { return &pixels[(static_cast<size_t>(y) * width + x) * 4]; }
};

const unsigned char* at(const std::vector<unsigned char>& out, int w, int x, int y) {
  return &out[(static_cast<size_t>(y) * w + x) * 4];
}

TEST(PictureScale, AFlatColourStaysExactlyThatColourAtAnyRatio) {
  Rgba flat(1600, 1000, {37, 140, 201, 255});
  for (auto [w, h] : {std::pair{496, 310}, {800, 500}, {333, 211}, {1, 1}}) {
    auto out = scale_down_rgba(flat.pixels.data(), 4, flat.width, flat.height, w, h);
    ASSERT_EQ(out.size(), static_cast<size_t>(w) * h * 4);
    for (size_t i = 0; i < out.size(); i += 4) {
      ASSERT_EQ(out[i], 37) << w << "x" << h << " at " << i / 4;
      ASSERT_EQ(out[i + 1], 140);
      ASSERT_EQ(out[i + 2], 201);
      ASSERT_EQ(out[i + 3], 255);
    }
  }
}

TEST(PictureScale, AnRgbPictureComesOutOpaqueRgba) {
  // Two columns: (10, 20, 30) and (30, 40, 50), three bytes a pixel, halved across.
  const std::vector<unsigned char> rgb = {10, 20, 30, 30, 40, 50};
  auto out = scale_down_rgba(rgb.data(), 3, 2, 1, 1, 1);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], 20);
  EXPECT_EQ(out[1], 30);
  EXPECT_EQ(out[2], 40);
  EXPECT_EQ(out[3], 255);
}

TEST(PictureScale, HalvingGivesTheMeanOfEachTwoByTwoBlock) {
  Rgba four(2, 2, {0, 0, 0, 255});
  four.at(0, 0)[0] = 100;
  four.at(1, 0)[0] = 200;
  four.at(0, 1)[0] = 0;
  four.at(1, 1)[0] = 101;
  auto out = scale_down_rgba(four.pixels.data(), 4, 2, 2, 1, 1);
  EXPECT_EQ(out[0], 100);  // (100 + 200 + 0 + 101) / 4 = 100.25
  EXPECT_EQ(out[3], 255);
}

TEST(PictureScale, AOnePixelLineOnAMapIsNeverSkipped) {
  // A black road one source pixel wide, at every column in turn: it always darkens its output column.
  for (int x = 0; x < 40; ++x) {
    Rgba map(40, 10, {255, 255, 255, 255});
    for (int y = 0; y < 10; ++y) map.at(x, y)[0] = map.at(x, y)[1] = map.at(x, y)[2] = 0;
    auto out = scale_down_rgba(map.pixels.data(), 4, 40, 10, 13, 3);
    int darkest = 255;
    for (int ox = 0; ox < 13; ++ox) darkest = std::min<int>(darkest, at(out, 13, ox, 1)[0]);
    // Its share of an output pixel is 13/40; split over two pixels, at least half of that in one.
    EXPECT_LE(darkest, 255 - 255 * 13 / (2 * 40)) << "road at column " << x;
  }
}

TEST(PictureScale, TransparentPixelsLendNoColourToTheEdgeBesideThem) {
  // Left half opaque red, right half fully transparent green: the shared pixel is half-transparent red.
  Rgba sign(4, 2, {0, 255, 0, 0});
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 2; ++x) {
      sign.at(x, y)[0] = 255;
      sign.at(x, y)[1] = 0;
      sign.at(x, y)[3] = 255;
    }
  auto out = scale_down_rgba(sign.pixels.data(), 4, 4, 2, 3, 1);
  const unsigned char* edge = at(out, 3, 1, 0);
  EXPECT_EQ(edge[0], 255);
  EXPECT_EQ(edge[1], 0);
  EXPECT_NEAR(edge[3], 128, 1);
  EXPECT_EQ(at(out, 3, 2, 0)[3], 0);
}

}  // namespace
}  // namespace kiosk
