// QR codes for content links: the right version for the length, a readable structure, and a clean
// failure for what cannot be encoded.
#include <gtest/gtest.h>

#include "kiosk/core/qr.hpp"

namespace kiosk {
namespace {

// Byte-mode capacities at level M (ISO/IEC 18004 Table 7): version 1 holds 14 bytes, 2 holds 26,
// 3 holds 42, 4 holds 62, 40 holds 2331.
TEST(QrEncode, KnownUrlGivesVersionThreeOf29Modules) {
  const std::string url = "https://sthj.example.gov.cn/bays/taozi";  // 38 bytes
  auto qr = encode_qr(url);
  ASSERT_TRUE(qr.has_value());
  EXPECT_EQ(qr->version, 3);
  EXPECT_EQ(qr->size, 29);
  EXPECT_EQ(qr->modules.size(), 29u * 29u);
}

TEST(QrEncode, VersionGrowsExactlyAtTheCapacityLimits) {
  struct Case {
    size_t bytes;
    int version;
  };
  for (Case c : {Case{1, 1}, Case{14, 1}, Case{15, 2}, Case{26, 2}, Case{27, 3}, Case{42, 3}, Case{43, 4},
                 Case{62, 4}, Case{2331, 40}}) {
    auto qr = encode_qr(std::string(c.bytes, 'a'));
    ASSERT_TRUE(qr.has_value()) << c.bytes;
    EXPECT_EQ(qr->version, c.version) << c.bytes << " bytes";
    EXPECT_EQ(qr->size, 17 + 4 * c.version) << c.bytes << " bytes";
  }
}

// The three finder patterns: a dark 7x7 ring around a light ring around a dark 3x3 centre, in the
// top-left, top-right and bottom-left corners, and a light separator beside each.
TEST(QrEncode, FinderPatternsSitInThreeCorners) {
  auto qr = encode_qr("https://sthj.example.gov.cn/travel/bike-share");
  ASSERT_TRUE(qr.has_value());
  const int n = qr->size;
  auto finder_at = [&](int x0, int y0) {
    for (int y = 0; y < 7; ++y)
      for (int x = 0; x < 7; ++x) {
        const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
        const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
        if (qr->dark(x0 + x, y0 + y) != (ring || centre)) return false;
      }
    return true;
  };
  EXPECT_TRUE(finder_at(0, 0));
  EXPECT_TRUE(finder_at(n - 7, 0));
  EXPECT_TRUE(finder_at(0, n - 7));
  EXPECT_FALSE(finder_at(n - 7, n - 7));
  for (int i = 0; i < 8; ++i)
    EXPECT_FALSE(qr->dark(7, i)) << "separator right of the top-left finder, row " << i;
}

TEST(QrEncode, SameTextSameCode) {
  auto a = encode_qr("https://sthj.example.gov.cn/");
  auto b = encode_qr("https://sthj.example.gov.cn/");
  auto c = encode_qr("https://sthj.example.gov.cn/x");
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a->modules, b->modules);
  EXPECT_NE(a->modules, c->modules);
}

TEST(QrEncode, AbsurdlyLongTextFailsCleanly) {
  std::string error;
  EXPECT_FALSE(encode_qr(std::string(2332, 'a'), &error).has_value());
  EXPECT_EQ(error, "QR code: 2332 bytes do not fit in the largest code (2331 bytes at level M)");
  EXPECT_FALSE(encode_qr(std::string(1 << 16, 'a'), &error).has_value());
  EXPECT_NE(error.find("do not fit"), std::string::npos) << error;
}

TEST(QrEncode, EmptyTextFailsCleanly) {
  std::string error;
  EXPECT_FALSE(encode_qr("", &error).has_value());
  EXPECT_EQ(error, "QR code: the text is empty");
}

}  // namespace
}  // namespace kiosk
