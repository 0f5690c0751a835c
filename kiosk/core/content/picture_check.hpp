// Validates a picture file for the content pack: PNG or JPEG, not corrupt, within size limits.
#pragma once
#include <filesystem>
#include <string>

namespace kiosk::content {

constexpr int kMaxPictureSide = 4096;
constexpr std::uintmax_t kMaxPictureBytes = 10u << 20;

// What is wrong with a picture, phrased to follow "picture 'x' " (en) and "图片 'x' " (zh).
struct PictureProblem {
  std::string en;
  std::string zh;
  bool corrupt = false;       // cut short or damaged: en carries the decoder's words, for logs only
  int width = 0, height = 0;  // from the header, when it could be read
};

// Empty when the picture is usable; otherwise what is wrong, phrased to follow "picture 'x' ".
// decode: also decode every pixel, to find corruption past the header.
std::string check_picture(const std::filesystem::path& file, bool decode = true);
// The same, in both languages.
PictureProblem picture_problem(const std::filesystem::path& file, bool decode = true);

}  // namespace kiosk::content
