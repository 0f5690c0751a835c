// Frames to PNG bytes with libpng, a row at a time (kiosk render, replay shots).
//
// stb_image_write filtered the whole frame into a second buffer before compressing it (6 MiB beside a
// 1920x1080 frame, at the moment memory peaked) and its deflate took about as long as drawing the frame.
// libpng takes the frame's rows as they are, drops the alpha byte itself and filters one row at a time.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace kiosk::render {

struct RgbaImage {
  const unsigned char* pixels = nullptr;  // R, G, B, A bytes per pixel
  int width = 0, height = 0;
  std::size_t pitch = 0;  // bytes from one row to the next
};

// RGB: a frame is opaque wherever it is seen, whatever alpha SDL's blending left in its pixels, and the
// files are a quarter smaller. Empty when libpng fails.
std::optional<std::string> encode_png_rgb(const RgbaImage& image);

}  // namespace kiosk::render
