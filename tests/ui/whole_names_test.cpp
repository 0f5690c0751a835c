// Names and captions residents read to know what a figure is: never shortened with "…", at any size,
// language or text size. The layout check lets captions be shortened; these must not be.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/app/input.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

// The run that shows `whole` shortened ("Development Z…"), or empty when no run does.
std::string shortened(const ui::FrameRecord& r, const std::string& whole) {
  for (const ui::TextRun& run : r.runs)
    if (run.truncated && whole.starts_with(run.text.substr(0, run.text.rfind("…")))) return run.text;
  return {};
}

// A finger's tap on the target labelled `label`; false when there is none.
bool tap(test::HeadlessKiosk& k, const std::string& label) {
  for (const auto& t : k.app->record().tappables) {
    if (t.label != label) continue;
    const ImVec2 at((t.min.x + t.max.x) / 2, (t.min.y + t.max.y) / 2);
    const auto finger = [&](Uint32 type, bool down) {
      k.app->handle_event(finger_event(type, at.x, at.y, k.clock.monotonic(), down));
      k.clock.advance(1.0 / 60);
      k.app->frame(true);
    };
    finger(SDL_MOUSEMOTION, false);
    finger(SDL_MOUSEBUTTONDOWN, true);
    finger(SDL_MOUSEBUTTONUP, false);
    k.app->frame(true);
    return true;
  }
  return false;
}

TEST(WholeNames, EveryStationInTheAirListAt800x480InLargeText) {
  for (Lang lang : {Lang::en, Lang::zh}) {
    SCOPED_TRACE(lang == Lang::zh ? "zh" : "en");
    test::HeadlessKiosk k(800, 480, lang);
    ASSERT_TRUE(k.ok) << k.error;
    k.app->toggle_large_text();
    k.draw(ui::ScreenId::air);
    ASSERT_TRUE(tap(k, k.app->content().strings.get("map.list", lang)));
    k.draw(ui::ScreenId::air);
    const ui::FrameRecord& r = k.app->record();
    for (const Station& s : k.app->content().stations) {
      if (s.kind != "air") continue;
      const std::string& name = s.name.in(lang);
      // In the list: its row is a target named after it, and the name is on it whole.
      EXPECT_TRUE(
          std::any_of(r.tappables.begin(), r.tappables.end(), [&](const auto& t) { return t.label == name; }))
          << name << " has no row";
      EXPECT_EQ(shortened(r, name), "") << name << " is shortened";
    }
  }
}

// The captions that say what home's water figures count ("3 / 4" of what): on two lines, or beside their
// figure, where one line is too narrow (800x480), never "Sections at clas…".
TEST(WholeNames, HomeWaterCaptionsAtEverySizeLanguageAndTextSize) {
  test::at_every_size_language_and_text_size([](test::HeadlessKiosk& k, int, Lang lang) {
    k.draw(ui::ScreenId::home);
    for (const char* key : {"water.rivers_good", "water.sea_good_share"}) {
      const std::string& caption = k.app->content().strings.get(key, lang);
      EXPECT_TRUE(test::shows_exactly(k.app->record(), caption)) << caption;
      EXPECT_EQ(shortened(k.app->record(), caption), "");
    }
  });
}

}  // namespace
}  // namespace kiosk
