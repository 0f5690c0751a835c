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
  unsigned char* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n, 4);
  if (!pixels) {
    error = "picture '" + file.string() + "' is corrupt (" + stbi_failure_reason() + ")";
    return std::nullopt;
  }
  Image image;
  const double scale =
      std::min({1.0, static_cast<double>(max_width) / w, static_cast<double>(max_height) / h});
  if (scale < 1.0) {
    image.width = std::max(1, static_cast<int>(std::lround(w * scale)));
    image.height = std::max(1, static_cast<int>(std::lround(h * scale)));
    image.rgba = scale_down_rgba(pixels, w, h, image.width, image.height);
  } else {
    image.width = w;
    image.height = h;
    image.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
  }
  stbi_image_free(pixels);
  return image;
}

}  // namespace kiosk
