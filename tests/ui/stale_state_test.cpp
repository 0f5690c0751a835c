// One stale state everywhere: past its source's stale time a value keeps being shown, in grey and
// with when it was read ("最近一次 10:00（5 小时前）"), on every screen that shows it, and the status bar
// tells the age of the oldest value, never the newest. Driven on the simulated clock.
#include <gtest/gtest.h>

#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

using test::all_texts;
using test::shows;

constexpr double kFiveHours = 5 * 3600;

TEST(StaleState, FreshDataSaysNothingOfLastReadings) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  for (ui::ScreenId id : {ui::ScreenId::home, ui::ScreenId::air, ui::ScreenId::water}) {
    k.draw(id);
    EXPECT_FALSE(shows(k.app->record(), "最近一次")) << all_texts(k.app->record());
  }
}

TEST(StaleState, HomeShowsTheLastCityFigureWithItsTime) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::home);
  EXPECT_TRUE(shows(k.app->record(), "全市 AQI"));
  k.clock.advance(kFiveHours);
  k.draw(ui::ScreenId::home);
  const auto& r = k.app->record();
  EXPECT_TRUE(shows(r, "最近一次 10:00（5 小时前）")) << all_texts(r);
  EXPECT_TRUE(shows(r, "数据已过时")) << all_texts(r);
  EXPECT_TRUE(shows(r, "75")) << all_texts(r);  // the last figure stays, greyed
}

TEST(StaleState, AirScreenGreysTheCityFigureMarkersAndDetail) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.clock.advance(kFiveHours);
  k.draw(ui::ScreenId::air);
  const auto& r = k.app->record();
  EXPECT_TRUE(shows(r, "最近一次 10:00（5 小时前）")) << all_texts(r);  // city band and the detail
  EXPECT_TRUE(shows(r, "128 · 5 小时前")) << all_texts(r);              // a map marker
  EXPECT_TRUE(shows(r, "数据已过时")) << all_texts(r);  // in the detail, where the level's name was
}

TEST(StaleState, WaterScreenGreysMarkersAndDetail) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.clock.advance(kFiveHours);
  k.draw(ui::ScreenId::water);
  const auto& r = k.app->record();
  EXPECT_TRUE(shows(r, "最近一次 10:00（5 小时前）")) << all_texts(r);
  EXPECT_TRUE(shows(r, " · 5 小时前")) << all_texts(r);
}

TEST(StaleState, BikeCountsSayWhenTheyWereRead) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.clock.advance(kFiveHours);
  k.draw(ui::ScreenId::travel);
  EXPECT_TRUE(shows(k.app->record(), "最近一次")) << all_texts(k.app->record());
}

TEST(StaleState, StatusBarTellsTheOldestValue) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.clock.advance(kFiveHours);
  k.draw(ui::ScreenId::home);
  EXPECT_TRUE(shows(k.app->record(), "最旧数据：5 小时前")) << all_texts(k.app->record());
}

TEST(StaleState, EnglishSaysLastReading) {
  test::HeadlessKiosk k(1280, 800, Lang::en);
  ASSERT_TRUE(k.ok) << k.error;
  k.clock.advance(kFiveHours);
  k.draw(ui::ScreenId::air);
  k.app->set_lang(Lang::en);  // five idle hours brought the kiosk back to its first language
  k.draw(ui::ScreenId::air);
  EXPECT_TRUE(shows(k.app->record(), "last reading 10:00 (5 h ago)")) << all_texts(k.app->record());
}

}  // namespace
}  // namespace kiosk
