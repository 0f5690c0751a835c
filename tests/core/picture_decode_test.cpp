// The picture loader: good pictures are decoded and scaled down to the screen; broken, fake and
// oversized ones are refused with a reason, before any pixel is decoded where possible.
#include <gtest/gtest.h>

#include <fstream>

#include <stb_image_write.h>

#include "kiosk/core/content/picture_decode.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

void write_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3, 128);
  ASSERT_TRUE(stbi_write_png(path.c_str(), w, h, 3, rgb.data(), w * 3));
}

TEST(PictureDecode, ScalesDownToFitTheScreenKeepingTheShape) {
  test::TempDir dir;
  write_png(dir / "wide.png", 2000, 1000);
  std::string error;
  auto image = decode_picture(dir / "wide.png", 800, 480, error);
  ASSERT_TRUE(image) << error;
  EXPECT_EQ(image->width, 800);
  EXPECT_EQ(image->height, 400);
  EXPECT_EQ(image->rgba.size(), 800u * 400u * 4u);
}

TEST(PictureDecode, NeverScalesUp) {
  test::TempDir dir;
  write_png(dir / "small.png", 100, 50);
  std::string error;
  auto image = decode_picture(dir / "small.png", 1920, 1080, error);
  ASSERT_TRUE(image) << error;
  EXPECT_EQ(image->width, 100);
}

TEST(PictureDecode, CorruptPictureIsRefused) {
  test::TempDir dir;
  write_png(dir / "a.png", 64, 64);
  std::string bytes = test::slurp(dir / "a.png");
  std::ofstream(dir / "cut.png", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  std::string error;
  EXPECT_FALSE(decode_picture(dir / "cut.png", 800, 480, error));
  EXPECT_NE(error.find("is corrupt"), std::string::npos) << error;
}

TEST(PictureDecode, HugeClaimIsRefusedBeforeDecoding) {
  test::TempDir dir;
  std::ofstream(dir / "huge.png", std::ios::binary)
      << std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\xea\x60\0\0\xea\x60\x08\x06\0\0\0\0\0\0\0", 33);
  std::string error;
  EXPECT_FALSE(decode_picture(dir / "huge.png", 800, 480, error));
  EXPECT_NE(error.find("60000x60000"), std::string::npos) << error;
}

TEST(PictureDecode, TextFileNamedPngIsRefused) {
  test::TempDir dir;
  std::ofstream(dir / "fake.png") << "hello";
  std::string error;
  EXPECT_FALSE(decode_picture(dir / "fake.png", 800, 480, error));
  EXPECT_NE(error.find("is not a PNG or JPEG file"), std::string::npos) << error;
}

}  // namespace
}  // namespace kiosk
