// Validates a picture file for the content pack: PNG or JPEG, not corrupt, within size limits.
#pragma once
#include <filesystem>
#include <string>

namespace kiosk::content {

constexpr int kMaxPictureSide = 4096;
constexpr std::uintmax_t kMaxPictureBytes = 10u << 20;

// Empty when the picture is usable; otherwise what is wrong, phrased to follow "picture 'x' ".
// decode: also decode every pixel, to find corruption past the header.
std::string check_picture(const std::filesystem::path& file, bool decode = true);

}  // namespace kiosk::content
