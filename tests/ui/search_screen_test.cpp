// The waste search screen in a headless kiosk: physical keyboards type into it (Chinese too,
// through an input method), searches that find nothing are counted, an idle reset clears the
// search, and the on-screen keyboard is touch-sized and low on the screen at every size.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>

#include "kiosk/core/search/search_index.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

using test::shows;

void text_input(test::HeadlessKiosk& k, const char* text) {
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  std::snprintf(e.text.text, sizeof e.text.text, "%s", text);
  k.app->handle_event(e);
}

void key(test::HeadlessKiosk& k, SDL_Keycode code) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = code;
  k.app->handle_event(e);
}

// Time passes in display frames, as on a screen.
void run(test::HeadlessKiosk& k, double seconds) {
  for (double t = 0; t < seconds; t += 1.0 / 60) {
    k.clock.advance(1.0 / 60);
    k.app->frame();
  }
}

// The index over every item is built beside the first frame, not before it; the waste screen, the
// first to search, finds what the pack has all the same.
TEST(SearchScreen, TheSearchIsBuiltBesideTheFirstFrameAndReadyForTheWasteScreen) {
  const std::uint64_t built_here = search::waste_searches_built_on_this_thread();
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  EXPECT_EQ(search::waste_searches_built_on_this_thread(), built_here);
  k.draw(ui::ScreenId::home);
  k.app->show(ui::ScreenId::waste);
  text_input(k, "电池");
  run(k, 0.2);
  EXPECT_TRUE(shows(k.app->record(), "充电电池")) << test::all_texts(k.app->record());
  EXPECT_EQ(k.app->search_index().item_count(), k.app->content().waste_items.size());
}

TEST(SearchScreen, PhysicalKeyboardTypesChineseIntoTheSearch) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::waste);
  text_input(k, "矿泉水");
  run(k, 0.1);
  EXPECT_TRUE(shows(k.app->record(), "也叫：矿泉水瓶"));
  EXPECT_TRUE(shows(k.app->record(), "塑料饮料瓶"));
}

TEST(SearchScreen, BackspaceKeyDeletesTheLastCharacter) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::waste);
  text_input(k, "kqspz");
  run(k, 0.1);
  EXPECT_TRUE(shows(k.app->record(), "kqspz"));
  key(k, SDLK_BACKSPACE);
  run(k, 0.1);
  EXPECT_FALSE(shows(k.app->record(), "kqspz"));
  EXPECT_TRUE(shows(k.app->record(), "也叫：矿泉水瓶"));
}

TEST(SearchScreen, ANoResultSearchIsCounted) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::waste);
  text_input(k, "Surf Board");
  run(k, 1);
  EXPECT_TRUE(shows(k.app->record(), "没有找到"));
  EXPECT_TRUE(k.app->missed_searches().counts().empty());  // still reading, maybe typing on
  run(k, 4);
  ASSERT_EQ(k.app->missed_searches().counts().size(), 1u);
  EXPECT_EQ(k.app->missed_searches().counts().at("surf board"), 1);  // the normalised term, nothing else
}

TEST(SearchScreen, AFoundSearchIsNotCounted) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::waste);
  text_input(k, "battery");
  run(k, 5);
  key(k, SDLK_RETURN);
  run(k, 0.1);
  EXPECT_TRUE(k.app->missed_searches().counts().empty());
}

TEST(SearchScreen, IdleResetClearsTheSearch) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::waste);
  text_input(k, "dianchi");
  run(k, 0.1);
  ASSERT_TRUE(shows(k.app->record(), "dianchi"));
  run(k, k.app->content().settings.idle_seconds + 2);
  EXPECT_EQ(k.app->screen(), ui::ScreenId::home);
  k.draw(ui::ScreenId::waste);
  EXPECT_FALSE(shows(k.app->record(), "dianchi"));
}

class KeyboardAtSize : public ::testing::TestWithParam<std::tuple<int, int>> {};

TEST_P(KeyboardAtSize, KeysAreTouchSizedAndInTheLowerPartOfTheScreen) {
  auto [w, h] = GetParam();
  test::HeadlessKiosk k(w, h);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::waste);
  const ui::Layout l = ui::make_layout(ImVec2(static_cast<float>(w), static_cast<float>(h)));
  int keys = 0;
  for (const auto& t : k.app->record().tappables) {
    const bool key = (t.label.size() == 1 && std::isalnum(static_cast<unsigned char>(t.label[0]))) ||
                     t.label == "空格" || t.label == "删除";
    if (!key) continue;
    ++keys;
    EXPECT_GE(t.max.x - t.min.x + 0.5f, l.touch) << t.label << " at " << w << "x" << h;
    EXPECT_GE(t.max.y - t.min.y + 0.5f, l.touch) << t.label << " at " << w << "x" << h;
    EXPECT_GE(t.min.y, static_cast<float>(h) / 3) << t.label << " at " << w << "x" << h;  // lower two thirds
    EXPECT_LE(t.max.x, static_cast<float>(w)) << t.label;
  }
  EXPECT_EQ(keys, 26 + 10 + 2);
}

INSTANTIATE_TEST_SUITE_P(Sizes, KeyboardAtSize,
                         ::testing::Values(std::make_tuple(1920, 1080), std::make_tuple(1280, 800),
                                           std::make_tuple(800, 480), std::make_tuple(1080, 1920)));

}  // namespace
}  // namespace kiosk
