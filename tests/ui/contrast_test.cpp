// Text must read at 4.5:1 or better in every theme, measured on the rendered pixels: for each text
// drawn, the strongest ink pixel in its box against the box's background.
#include <gtest/gtest.h>

#include <map>

#include "kiosk/ui/theme.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

ImU32 pixel(const SDL_Surface* s, int x, int y) {
  const auto* p = static_cast<const unsigned char*>(s->pixels) + y * s->pitch + x * 4;
  return IM_COL32(p[0], p[1], p[2], 255);
}

struct Worst {
  double ratio = 100;
  std::string where;
};

// The most common colour in the box is its background; the pixel furthest from it is the ink.
double measured_contrast(const SDL_Surface* s, const ui::FrameRecord::TextBox& box) {
  const int x0 = std::max(0, static_cast<int>(box.min.x)),
            x1 = std::min(s->w - 1, static_cast<int>(box.max.x));
  const int y0 = std::max(0, static_cast<int>(box.min.y)),
            y1 = std::min(s->h - 1, static_cast<int>(box.max.y));
  std::map<ImU32, int> counts;
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) ++counts[pixel(s, x, y)];
  if (counts.empty()) return 100;
  ImU32 background = counts.begin()->first;
  int most = 0;
  for (auto [c, n] : counts)
    if (n > most) {
      most = n;
      background = c;
    }
  double best = 1;
  for (auto [c, n] : counts) best = std::max(best, ui::contrast_ratio(c, background));
  return best;
}

class TextContrast : public ::testing::TestWithParam<bool> {};

TEST_P(TextContrast, EveryTextOnEveryScreenReadsAtAA) {
  const bool high_contrast = GetParam();
  test::HeadlessKiosk k(1920, 1080);
  ASSERT_TRUE(k.ok) << k.error;
  Worst worst;
  for (ui::ScreenId id : {ui::ScreenId::home, ui::ScreenId::air, ui::ScreenId::water, ui::ScreenId::bay,
                          ui::ScreenId::waste, ui::ScreenId::travel}) {
    if (high_contrast && k.app->screen() == ui::ScreenId::home && id == ui::ScreenId::home)
      k.app->toggle_high_contrast();  // once: the mode stays on while the visitor moves between screens
    k.draw(id);
    const SDL_Surface* s = k.display->surface();
    for (const auto& box : k.app->record().text_boxes) {
      if (box.max.x - box.min.x < 8 || box.max.y - box.min.y < 8) continue;  // nothing measurable
      const double r = measured_contrast(s, box);
      if (r < worst.ratio) {
        worst.ratio = r;
        worst.where = std::string(ui::screen_name(id)) + " at " +
                      std::to_string(static_cast<int>(box.min.x)) + "," +
                      std::to_string(static_cast<int>(box.min.y));
      }
    }
  }
  EXPECT_GE(worst.ratio, 4.5) << "weakest text: " << worst.where;
}

INSTANTIATE_TEST_SUITE_P(Themes, TextContrast, ::testing::Values(false, true), [](const auto& info) {
  return info.param ? std::string("HighContrast") : std::string("Light");
});

}  // namespace
}  // namespace kiosk
