// Large text draws every role a step up, titles included: a bay page's title stays above its summary
// (which takes the title's normal size), every character whole.
#include <gtest/gtest.h>

#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

// The biggest run of `text` in the last frame, or none.
const ui::TextRun* biggest_run(const test::HeadlessKiosk& k, const std::string& text) {
  const ui::TextRun* best = nullptr;
  for (const ui::TextRun& r : k.app->record().runs)
    if (r.text == text && (!best || r.px > best->px)) best = &r;
  return best;
}

TEST(LargeText, ABayPagesTitleGrowsAStepLikeEveryOtherRole) {
  for (auto [w, h] : {std::pair{800, 480}, {1920, 1080}, {1080, 1920}})
    for (Lang lang : {Lang::en, Lang::zh}) {
      SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + (lang == Lang::zh ? " zh" : " en"));
      test::HeadlessKiosk k(w, h, lang);
      ASSERT_TRUE(k.ok) << k.error;
      const BayPage& bay = k.app->content().bays.front();
      k.app->select(bay.id);
      k.draw(ui::ScreenId::bay);
      const ui::TextRun* normal = biggest_run(k, bay.name.in(lang));
      ASSERT_NE(normal, nullptr);
      const float normal_px = normal->px;

      k.app->toggle_large_text();
      k.draw(ui::ScreenId::bay);
      const ui::TextRun* large = biggest_run(k, bay.name.in(lang));
      ASSERT_NE(large, nullptr);
      EXPECT_GE(large->px, 1.3f * normal_px);
      EXPECT_EQ(large->missing_glyphs, 0);
      for (const ui::TextRun& r : k.app->record().runs) {
        if (r.text == bay.name.in(lang)) continue;
        EXPECT_LT(r.px, large->px) << r.text;
      }
    }
}

}  // namespace
}  // namespace kiosk
