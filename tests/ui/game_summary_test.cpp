// The sorting game's summary tells the class what happened: praise only for a round sorted whole and
// right, never for one whose time ran out before anything was sorted.
#include <gtest/gtest.h>

#include <algorithm>

#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

bool shows(const KioskApp& app, const std::string& text) {
  const auto& texts = app.record().texts;
  return std::any_of(texts.begin(), texts.end(),
                     [&](const std::string& t) { return t.find(text) != std::string::npos; });
}

TEST(GameSummary, TimeRunningOutBeforeAnySortIsNoWellDone) {
  for (Lang lang : {Lang::en, Lang::zh}) {
    ManualClock clock(test::kTestNow);
    std::string error;
    auto display = render::HeadlessDisplay::create(1280, 800, error);
    ASSERT_TRUE(display) << error;
    KioskApp app(*display, clock);
    ASSERT_TRUE(app.start({KIOSK_CONTENT_DIR, lang, true}, error)) << error;
    app.set_feed(make_data_feed(app.content(), FetchMode::once, clock));
    ASSERT_TRUE(app.prepare(error)) << error;
    app.show(ui::ScreenId::game);
    app.classroom_move({classroom::Move::Kind::start_game});
    app.frame(true);
    clock.advance(120);  // past the 90-second round, well before the lesson's idle reset; nothing sorted
    app.frame(true);
    app.frame(true);
    const Strings& s = app.content().strings;
    EXPECT_TRUE(shows(app, s.get("game.time_up", lang))) << "the summary is on screen";
    EXPECT_FALSE(shows(app, s.get("game.perfect", lang)));
    EXPECT_TRUE(shows(app, s.get("game.none_wrong", lang)));
  }
}

}  // namespace
}  // namespace kiosk
