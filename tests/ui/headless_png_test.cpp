// A headless frame written as PNG: the file holds the frame's colours, and the frame itself is left as
// it was (save_png packs it to RGB inside its own pixels while it encodes).
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

void expect_png_is_the_frame(bool opaque) {
  std::string error;
  auto display = render::HeadlessDisplay::create(37, 23, error);  // odd sizes: rows of unaligned RGB
  ASSERT_TRUE(display) << error;
  auto* surface = const_cast<SDL_Surface*>(display->surface());
  paint(*surface, opaque);
  const std::vector<unsigned char> before = frame_pixels(*surface);
  test::TempDir dir;
  ASSERT_TRUE(display->save_png(dir / "frame.png", error)) << error;
  EXPECT_EQ(frame_pixels(*surface), before) << "the frame is left as it was";
  const auto png = decode_picture(dir / "frame.png", 100, 100, error);
  ASSERT_TRUE(png) << error;
  ASSERT_EQ(png->width, 37);
  ASSERT_EQ(png->height, 23);
  for (size_t i = 0; i < before.size(); i += 4)
    for (size_t c = 0; c < 3; ++c) ASSERT_EQ(png->rgba[i + c], before[i + c]) << "byte " << i + c;
}

TEST(HeadlessPng, HoldsTheOpaqueFrameAndLeavesItAsItWas) {
  expect_png_is_the_frame(true);
}

TEST(HeadlessPng, LeavesAFrameWithTranslucentPixelsAsItWas) {
  expect_png_is_the_frame(false);
}

}  // namespace
}  // namespace kiosk
