// English mode reads as English: bike stations by their English names where the source has them,
// and one bike is "1 bike", never "1 bikes".
#include <gtest/gtest.h>

#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

using test::shows;

TEST(TravelWording, EnglishShowsEnglishStationNamesAndCorrectPlurals) {
  test::HeadlessKiosk k(1280, 800, Lang::en);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::travel);
  const auto& r = k.app->record();
  EXPECT_TRUE(shows(r, "Harbour Square"));
  EXPECT_FALSE(shows(r, "港城广场"));
  EXPECT_TRUE(shows(r, "1 bike · 15 docks"));  // the demo's Beach Road
  EXPECT_FALSE(shows(r, "1 bikes"));
}

TEST(TravelWording, ChineseKeepsChineseStationNames) {
  test::HeadlessKiosk k(1280, 800, Lang::zh);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::travel);
  EXPECT_TRUE(shows(k.app->record(), "港城广场"));
}

}  // namespace
}  // namespace kiosk
