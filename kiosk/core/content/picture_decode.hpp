// Decoding a content picture into RGBA pixels, safely: the header is checked before any pixel is
// decoded (type, 4096x4096 and 10 MB limits), and the result is scaled down to what the screen can
// show, so a 4000-pixel photo costs a screen's worth of memory, not sixteen times that.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgba;  // width * height * 4 bytes, rows top to bottom
};

// Scales down (never up) to fit max_width x max_height, keeping the aspect ratio.
std::optional<Image> decode_picture(const std::filesystem::path& file, int max_width, int max_height,
                                    std::string& error);

}  // namespace kiosk
