// Content pictures are kept at the size the screen draws them, not their own: the demo map is
// 1600x1000, and a 600-pixel-wide box needs a tenth of its pixels.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/render/display.hpp"
#include "kiosk/render/picture_cache.hpp"

namespace kiosk::render {
namespace {

class PictureCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    display_ = HeadlessDisplay::create(1920, 1080, error);
    ASSERT_TRUE(display_) << error;
    cache_ = std::make_unique<PictureCache>(display_->renderer());
    cache_->reset(KIOSK_CONTENT_DIR, 1920, 1080);
  }
  // Asks, waits for the decode as a frame would between frames, and asks again.
  ui::Picture settled(const std::string& path, ImVec2 box) {
    cache_->get(path, box);
    cache_->wait_idle();
    cache_->upload_ready();
    return cache_->get(path, box);
  }

  std::unique_ptr<HeadlessDisplay> display_;
  std::unique_ptr<PictureCache> cache_;
};

TEST_F(PictureCacheTest, APictureIsKeptNoBiggerThanTheBoxItIsDrawnIn) {
  const ui::Picture map = settled("pictures/map.png", ImVec2(600, 400));
  ASSERT_TRUE(map.texture);
  EXPECT_LE(map.width, 640);
  EXPECT_LE(map.height, 448);
  EXPECT_NEAR(static_cast<double>(map.width) / map.height, 1.6, 0.01);  // the map's own shape
  EXPECT_LE(cache_->bytes_in_use(), 640u * 400 * 4);
}

TEST_F(PictureCacheTest, ABiggerBoxLaterGetsASharperCopyAndTheFirstStaysUntilThen) {
  const ui::Picture small = settled("pictures/map.png", ImVec2(600, 400));
  ASSERT_TRUE(small.texture);
  const ui::Picture asked = cache_->get("pictures/map.png", ImVec2(1200, 800));
  EXPECT_EQ(asked.texture, small.texture);  // never a blank frame while the sharper copy decodes
  const ui::Picture big = settled("pictures/map.png", ImVec2(1200, 800));
  EXPECT_GT(big.width, small.width);
  EXPECT_LE(big.width, 1280);
  EXPECT_LE(cache_->bytes_in_use(), static_cast<size_t>(big.width) * big.height * 4);  // the first is gone
}

TEST_F(PictureCacheTest, APictureIsNeverMadeBiggerThanItIs) {
  const ui::Picture map = settled("pictures/map.png", ImVec2(1900, 1070));
  EXPECT_EQ(map.width, 1600);
  EXPECT_EQ(map.height, 1000);
  // Drawn smaller afterwards: the full-size copy serves, nothing is decoded again.
  cache_->get("pictures/map.png", ImVec2(300, 200));
  cache_->wait_idle();
  EXPECT_FALSE(cache_->upload_ready());
}

}  // namespace
}  // namespace kiosk::render
