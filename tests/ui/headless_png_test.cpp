// A headless frame written as PNG: the file holds the frame's colours (RGB, whatever alpha blending
// left), and the frame itself is left as it was.
#include <gtest/gtest.h>

#include <vector>

#include "kiosk/core/content/picture_decode.hpp"
#include "kiosk/render/display.hpp"
#include "support/temp_dir.hpp"

namespace kiosk {
namespace {

std::vector<unsigned char> frame_pixels(const SDL_Surface& s) {
  std::vector<unsigned char> out;
  for (int y = 0; y < s.h; ++y) {
    const auto* row = static_cast<const unsigned char*>(s.pixels) + static_cast<size_t>(y) * s.pitch;
    out.insert(out.end(), row, row + static_cast<size_t>(s.w) * 4);
  }
  return out;
}

// Every pixel a different colour; translucent below the first row unless `opaque`.
void paint(SDL_Surface& s, bool opaque) {
  for (int y = 0; y < s.h; ++y) {
    auto* row = static_cast<unsigned char*>(s.pixels) + static_cast<size_t>(y) * s.pitch;
    for (int x = 0; x < s.w; ++x) {
      row[x * 4 + 0] = static_cast<unsigned char>(x * 7 + y);
      row[x * 4 + 1] = static_cast<unsigned char>(y * 5 + x * 3);
      row[x * 4 + 2] = static_cast<unsigned char>(x ^ y);
      row[x * 4 + 3] = opaque || y == 0 ? 255 : static_cast<unsigned char>(x + y);
    }
  }
}

// Colours no compressor can shrink, so the file spans several IDAT chunks.
void noise(SDL_Surface& s) {
  unsigned state = 12345;
  for (int y = 0; y < s.h; ++y) {
    auto* row = static_cast<unsigned char*>(s.pixels) + static_cast<size_t>(y) * s.pitch;
    for (int x = 0; x < s.w * 4; ++x) {
      state = state * 1103515245u + 12345u;
      row[x] = static_cast<unsigned char>(state >> 16);
    }
  }
}

void expect_png_is_the_frame(bool opaque, int width = 37, int height = 23, bool noisy = false) {
  std::string error;
  auto display = render::HeadlessDisplay::create(width, height, error);  // odd sizes: unaligned RGB rows
  ASSERT_TRUE(display) << error;
  auto* surface = const_cast<SDL_Surface*>(display->surface());
  if (noisy)
    noise(*surface);
  else
    paint(*surface, opaque);
  const std::vector<unsigned char> before = frame_pixels(*surface);
  test::TempDir dir;
  ASSERT_TRUE(display->save_png(dir / "frame.png", error)) << error;
  EXPECT_EQ(frame_pixels(*surface), before) << "the frame is left as it was";
  const auto png = decode_picture(dir / "frame.png", width, height, error);
  ASSERT_TRUE(png) << error;
  ASSERT_EQ(png->width, width);
  ASSERT_EQ(png->height, height);
  for (size_t i = 0; i < before.size(); i += 4)
    for (size_t c = 0; c < 3; ++c) ASSERT_EQ(png->rgba[i + c], before[i + c]) << "byte " << i + c;
}

TEST(HeadlessPng, HoldsTheOpaqueFrameAndLeavesItAsItWas) {
  expect_png_is_the_frame(true);
}

TEST(HeadlessPng, LeavesAFrameWithTranslucentPixelsAsItWas) {
  expect_png_is_the_frame(false);
}

TEST(HeadlessPng, HoldsAFrameTooNoisyForOneChunk) {
  expect_png_is_the_frame(false, 640, 480, true);
}

}  // namespace
}  // namespace kiosk
