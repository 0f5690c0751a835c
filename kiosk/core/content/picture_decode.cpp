#include "kiosk/core/content/picture_decode.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include <stb_image.h>

#include "kiosk/core/content/picture_check.hpp"
#include "kiosk/core/content/picture_scale.hpp"

namespace kiosk {

std::optional<Image> decode_picture(const std::filesystem::path& file, int max_width, int max_height,
                                    std::string& error) {
  // Type, header size and file size first; nothing is decoded from a picture that fails them.
  std::string problem = content::check_picture(file, false);
  if (!problem.empty()) {
    error = "picture '" + file.string() + "' " + problem;
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int w = 0, h = 0, n = 0;
  if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n)) n = 4;
  // Scaled pictures are read in their own channels when those are RGB or RGBA, and the scaler writes
  // RGBA: stb's conversion to RGBA takes as long as the decoding.
  const double scale = std::min({1.0, static_cast<double>(max_width) / std::max(w, 1),
                                 static_cast<double>(max_height) / std::max(h, 1)});
  const int channels = scale < 1.0 && (n == 3 || n == 4) ? n : 4;
  unsigned char* pixels =
      stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n, channels);
  if (!pixels) {
    error = "picture '" + file.string() + "' is corrupt (" + stbi_failure_reason() + ")";
    return std::nullopt;
  }
  Image image;
  if (scale < 1.0) {
    image.width = std::max(1, static_cast<int>(std::lround(w * scale)));
    image.height = std::max(1, static_cast<int>(std::lround(h * scale)));
    image.rgba = scale_down_rgba(pixels, channels, w, h, image.width, image.height);
  } else {
    image.width = w;
    image.height = h;
    image.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
  }
  stbi_image_free(pixels);
  return image;
}

}  // namespace kiosk
