// The screen table: core's rows (name, string keys, classroom-only) and the UI's (icon, draw function,
// home tile) list the same screens in the same order, and everything that names a screen reads them.
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/ui/screens.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

TEST(ScreenTable, CoreAndUiListTheSameScreensInOrder) {
  auto views = ui::screen_views();
  ASSERT_EQ(views.size(), std::size(kScreens));
  for (std::size_t i = 0; i < views.size(); ++i) {
    EXPECT_EQ(views[i].id, kScreens[i].id) << kScreens[i].name;
    EXPECT_NE(views[i].draw, nullptr) << kScreens[i].name;
    EXPECT_EQ(&ui::screen_view(kScreens[i].id), &views[i]) << kScreens[i].name;
    EXPECT_EQ(screen_from_name(kScreens[i].name), kScreens[i].id);
  }
  EXPECT_EQ(screen_from_name("weather"), std::nullopt);
}

TEST(ScreenTable, AScreenWithAHomeTileHasItsTitleAndTheOthersNone) {
  for (const ui::ScreenView& v : ui::screen_views()) {
    const ScreenInfo& info = screen_info(v.id);
    EXPECT_EQ(v.tile != nullptr, !info.tile_key.empty()) << info.name;
    EXPECT_TRUE(!v.leading_tile || v.tile) << info.name << ": a leading tile needs a tile";
    EXPECT_FALSE(info.classroom_only && v.tile) << info.name << ": home never shows a classroom screen";
  }
}

TEST(ScreenTable, EveryScreenHasItsLabelsInBothLanguages) {
  ContentLoad l = load_content(KIOSK_CONTENT_DIR);
  ASSERT_TRUE(l.readable);
  for (const ScreenInfo& s : kScreens)
    for (std::string_view key : {s.nav_key, s.tile_key}) {
      if (key.empty()) continue;
      auto it = l.pack.strings.by_key.find(std::string(key));
      ASSERT_NE(it, l.pack.strings.by_key.end()) << s.name << ": content/strings.toml lacks " << key;
      EXPECT_FALSE(it->second.zh.empty()) << key;
      EXPECT_FALSE(it->second.en.empty()) << key;
    }
}

TEST(ScreenTable, KioskTomlListsResidentScreensOnly) {
  EXPECT_EQ(Settings{}.screens, (std::vector<std::string>{"home", "air", "water", "bay", "waste", "travel"}));
  test::TempDir dir;
  std::ofstream(dir / "kiosk.toml") << "[kiosk]\nversion = \"1\"\ncity = { zh = \"城\", en = \"City\" }\n"
                                       "screens = [\"home\", \"air\", \"quiz\"]\n";
  std::ofstream(dir / "strings.toml") << "[nav]\nhome = { zh = \"首页\", en = \"Home\" }\n";
  for (const char* file : {"stations.toml", "sources.toml", "waste.toml", "levels.toml"})
    std::ofstream(dir / file) << "allow_empty = true\n";
  ContentLoad l = load_content(dir.path());
  ASSERT_EQ(l.diags.error_count(), 1);
  EXPECT_EQ(
      l.diags.items().front().format(),
      "kiosk.toml:4:11: error: 'screens' is 'quiz'; expected one of: home, air, water, bay, waste, travel");
}

}  // namespace
}  // namespace kiosk
