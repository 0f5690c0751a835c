#include "kiosk/core/content/picture_check.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include <stb_image.h>

namespace kiosk::content {

PictureProblem picture_problem(const std::filesystem::path& file, bool decode) {
  const PictureProblem unreadable{"cannot be read", "无法读取"};
  auto too_large = [](unsigned long w, unsigned long h) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    return PictureProblem{"is " + size + " pixels; pictures must be at most 4096x4096",
                          "有 " + size + " 像素；图片最大 4096x4096，请缩小到约 1920 像素宽"};
  };
  auto corrupt = [] {
    return PictureProblem{std::string("is corrupt (") + stbi_failure_reason() + ")",
                          "图片文件不完整或已损坏（可能没有复制完）", true};
  };
  std::error_code ec;
  auto bytes = std::filesystem::file_size(file, ec);
  if (ec) return unreadable;
  if (bytes > kMaxPictureBytes)
    return {"is " + std::to_string(bytes >> 20) + " MB; pictures must be at most 10 MB",
            "有 " + std::to_string(bytes >> 20) + " MB；图片不能超过 10 MB，请缩小后另存为 JPEG"};
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> data(bytes);
  if (!in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(bytes))) return unreadable;
  const bool png = bytes >= 8 && data[0] == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
  const bool jpeg = bytes >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
  if (!png && !jpeg) return {"is not a PNG or JPEG file", "不是 PNG 或 JPEG 文件：请另存为 PNG 或 JPEG"};
  int w = 0, h = 0, n = 0;
  // Header first: a picture claiming 60000x60000 is refused before any pixel is decoded. stb itself
  // refuses such PNGs only as "unknown image type", so read the PNG's IHDR size directly.
  if (png && bytes >= 24 && std::memcmp(data.data() + 12, "IHDR", 4) == 0) {
    auto be32 = [&](size_t at) {
      return (static_cast<unsigned long>(data[at]) << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) |
             data[at + 3];
    };
    const unsigned long pw = be32(16), ph = be32(20);
    if (pw > kMaxPictureSide || ph > kMaxPictureSide) return too_large(pw, ph);
  }
  if (!stbi_info_from_memory(data.data(), static_cast<int>(bytes), &w, &h, &n)) return corrupt();
  if (w > kMaxPictureSide || h > kMaxPictureSide)
    return too_large(static_cast<unsigned long>(w), static_cast<unsigned long>(h));
  PictureProblem fine;
  fine.width = w;
  fine.height = h;
  if (!decode) return fine;
  // In the file's own channels: converting to RGBA would take as long again, and shows nothing more.
  unsigned char* pixels = stbi_load_from_memory(data.data(), static_cast<int>(bytes), &w, &h, &n, 0);
  if (!pixels) return corrupt();
  stbi_image_free(pixels);
  return fine;
}

std::string check_picture(const std::filesystem::path& file, bool decode) {
  return picture_problem(file, decode).en;
}

}  // namespace kiosk::content
