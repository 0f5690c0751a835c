// Every screen draws real items at every supported size, in both languages, and is never blank.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

using test::shows;

struct PixelStats {
  int distinct_colours = 0;
  double non_background = 0;  // fraction of pixels that differ from the background
};

PixelStats stats(const SDL_Surface* s, ImU32 background) {
  std::set<Uint32> colours;
  long differ = 0;
  const auto* px = static_cast<const unsigned char*>(s->pixels);
  for (int y = 0; y < s->h; y += 2)
    for (int x = 0; x < s->w; x += 2) {
      const unsigned char* p = px + y * s->pitch + x * 4;
      Uint32 rgb = p[0] | (p[1] << 8) | (p[2] << 16);
      if (colours.size() < 5000) colours.insert(rgb);
      differ += rgb != (background & 0xFFFFFF);
    }
  return {static_cast<int>(colours.size()), static_cast<double>(differ) / ((s->w / 2) * (s->h / 2))};
}

class EveryScreen : public ::testing::TestWithParam<std::tuple<int, int>> {};

TEST_P(EveryScreen, DrawsSomethingAtThisSize) {
  auto [w, h] = GetParam();
  test::HeadlessKiosk k(w, h);
  ASSERT_TRUE(k.ok) << k.error;
  for (ui::ScreenId id : ui::kAllScreens) {
    k.draw(id);
    PixelStats s = stats(k.display->surface(), ui::Theme{}.background);
    EXPECT_GT(s.distinct_colours, 50) << ui::screen_name(id) << " at " << w << "x" << h;
    EXPECT_GT(s.non_background, 0.25) << ui::screen_name(id) << " at " << w << "x" << h;
    EXPECT_GT(k.app->record().texts.size(), 10u) << ui::screen_name(id);
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, EveryScreen,
                         ::testing::Values(std::make_tuple(1920, 1080), std::make_tuple(1280, 800),
                                           std::make_tuple(800, 480), std::make_tuple(1080, 1920)));

TEST(Screens, ShowRealItemsFromTheModel) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  const ContentPack& c = k.app->content();
  k.draw(ui::ScreenId::air);
  EXPECT_TRUE(shows(k.app->record(), c.stations.front().name.zh));
  k.draw(ui::ScreenId::waste);
  EXPECT_TRUE(shows(k.app->record(), c.waste_categories.front().name.zh));
  k.draw(ui::ScreenId::travel);
  EXPECT_TRUE(shows(k.app->record(), c.tips.front().title.zh));
  k.draw(ui::ScreenId::bay);
  EXPECT_TRUE(shows(k.app->record(), c.strings.get("bay.plan_title", Lang::zh)));
}

TEST(Screens, DemoDataIsMarkedAsDemo) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::home);
  EXPECT_TRUE(shows(k.app->record(), "演示数据"));
}

TEST(Screens, EnglishShowsEnglish) {
  test::HeadlessKiosk k(1920, 1080, Lang::en);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::home);
  EXPECT_TRUE(shows(k.app->record(), "Air quality"));
  EXPECT_FALSE(shows(k.app->record(), "空气质量"));
}

TEST(Screens, EveryNavigationItemIsAtLeastATouchTargetTall) {
  test::HeadlessKiosk k(800, 480);
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::home);
  int nav = 0;
  for (const auto& t : k.app->record().tappables) {
    EXPECT_GE(t.max.y - t.min.y, 38.0f) << t.label;  // 64 px at 1080p, scaled, never below 0.6
    EXPECT_GE(t.max.x - t.min.x, 38.0f) << t.label;
    nav += t.label == k.app->content().strings.get("nav.air", Lang::zh);
  }
  EXPECT_EQ(nav, 1);
}

// A key missing from strings.toml shows as the key itself ("air.level_title"): never on a bundled screen.
TEST(Screens, NoScreenShowsAStringKeyInsteadOfText) {
  const std::regex key("[a-z_]+\\.[a-z_.]+");
  for (Lang lang : {Lang::zh, Lang::en}) {
    test::HeadlessKiosk k(1920, 1080, lang);
    ASSERT_TRUE(k.ok) << k.error;
    std::set<std::string> sections;  // "air" of "air.title"; a web address is not a key
    for (const auto& [name, text] : k.app->content().strings.by_key)
      sections.insert(name.substr(0, name.find('.')));
    for (ui::ScreenId id : ui::kAllScreens) {
      k.draw(id);
      for (const std::string& t : k.app->record().texts)
        EXPECT_FALSE(std::regex_match(t, key) && sections.count(t.substr(0, t.find('.'))))
            << ui::screen_name(id) << " shows '" << t << "'";
    }
  }
}

// Frames are drawn only when something changes: a minute with nobody touching the screen costs the
// clock's minute change, not 3,600 frames. (Within the idle time, so no reset or attract.)
TEST(Screens, AStillScreenDrawsAlmostNoFrames) {
  test::HeadlessKiosk k;
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::air);
  for (int i = 0; i < 120; ++i) {  // let the opening settle (scroll areas, pictures)
    k.clock.advance(1.0 / 60);
    k.app->frame(false);
  }
  int drawn = 0;
  for (int i = 0; i < 50 * 60; ++i) {  // 50 s at 60 Hz
    k.clock.advance(1.0 / 60);
    drawn += k.app->frame(false) ? 1 : 0;
  }
  EXPECT_LE(drawn, 4) << "frames drawn in 50 still seconds";
}

TEST(Screens, HomeHasTilesOnlyForTheScreensThePackEnables) {
  namespace fs = std::filesystem;
  test::TempDir dir;
  const fs::path content = fs::path(dir.path()) / "content";
  fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  std::ifstream in(content / "kiosk.toml");
  const std::string settings((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream(content / "kiosk.toml") << std::regex_replace(
      settings, std::regex("\nscreens = [^\n]*"), "\nscreens = [\"home\", \"air\", \"waste\", \"travel\"]");
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    test::HeadlessKiosk k(w, h, Lang::zh, content.string());
    ASSERT_TRUE(k.ok) << k.error;
    k.draw(ui::ScreenId::home);
    std::set<std::string> labels;
    for (const auto& t : k.app->record().tappables) labels.insert(t.label);
    const Strings& s = k.app->content().strings;
    EXPECT_TRUE(labels.count(s.get("home.air", Lang::zh)));
    EXPECT_TRUE(labels.count(s.get("home.waste", Lang::zh)));
    EXPECT_TRUE(labels.count(s.get("home.travel", Lang::zh)));
    EXPECT_FALSE(labels.count(s.get("home.water", Lang::zh))) << "water is not enabled";
    EXPECT_FALSE(labels.count(s.get("home.bay", Lang::zh))) << "bay is not enabled";
  }
}

}  // namespace
}  // namespace kiosk
