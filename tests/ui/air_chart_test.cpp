// The air screen's trend chart reads right: the axis says what and in which unit, the level bands'
// concentration edges are the axis labels, the newest point says its value and sub-index, and the
// 24-hour view dates its midnight. (The 7-day view's day names and the shared scale:
// tests/replay/chart.replay.)
#include <gtest/gtest.h>

#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

using test::all_texts;
using test::shows_exactly;

TEST(AirChart, AxisTitleBandEdgesAndTheNewestPointAnnotated) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::air);  // the highest station, 开发区站: PM2.5 90 ug/m3, IAQI 128
  const auto& r = k.app->record();
  EXPECT_TRUE(shows_exactly(r, "PM2.5  µg/m³")) << all_texts(r);
  EXPECT_TRUE(shows_exactly(r, "90 µg/m³ → IAQI 128")) << all_texts(r);
  // HJ 633-2026 PM2.5: 35 and 60 end "excellent" and "good", 115 "lightly polluted".
  EXPECT_TRUE(shows_exactly(r, "35")) << all_texts(r);
  EXPECT_TRUE(shows_exactly(r, "60")) << all_texts(r);
  EXPECT_TRUE(shows_exactly(r, "115")) << all_texts(r);
  EXPECT_TRUE(shows_exactly(r, "11-28")) << all_texts(r);  // the 24-hour view's midnight is dated
}

}  // namespace
}  // namespace kiosk
