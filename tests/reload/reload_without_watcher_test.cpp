// A reload without the content watcher (the admin view's "reload" in replay and render) starts the
// content again: when something fails half-way, the pack, its search, its font and the model built
// from it stay on screen together, and the options the kiosk was started with are kept.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

class ReloadWithoutWatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    content = fs::path(dir.path()) / "content";
    fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
    std::string error;
    display = render::HeadlessDisplay::create(800, 480, error);
    ASSERT_TRUE(display) << error;
    app = std::make_unique<KioskApp>(*display, clock);
    AppOptions options{content, Lang::en};
    options.editor = true;
    options.last_good_dir = fs::path(dir.path()) / "last-good";
    options.pinyin_dictionary = "/nowhere/luna_pinyin.dict.yaml";
    // The first start finds the font; a reload finds none while font_missing says so.
    options.find_font = [this](const std::string& configured, std::string& error) {
      if (font_missing) {
        error = "no font with Chinese characters found (injected)";
        return std::optional<render::FontFile>();
      }
      return render::find_cjk_font(configured, error);
    };
    ASSERT_TRUE(app->start(options, error)) << error;
    app->set_feed(make_data_feed(app->content(), FetchMode::once, clock));
    ASSERT_TRUE(app->prepare(error)) << error;
    app->show(ui::ScreenId::air);
    ASSERT_TRUE(app->frame(true));
  }
  void edit_pack() {
    std::string text = test::slurp((content / "kiosk.toml").string());
    text.replace(text.find("2026.11-demo"), 12, "2026.12-edit");
    std::ofstream(content / "kiosk.toml", std::ios::binary) << text;
  }
  // Every station the model shows is one of the pack's, not a pointer into a pack that was replaced.
  static bool model_points_into_pack(const KioskApp& app) {
    const auto& stations = app.content().stations;
    for (const AirStationView& a : app.model().air)
      if (stations.empty() || a.station < &stations.front() || a.station > &stations.back()) return false;
    return !app.model().air.empty();
  }
  test::TempDir dir;
  fs::path content;
  ManualClock clock{test::kTestNow};
  std::unique_ptr<render::HeadlessDisplay> display;
  std::unique_ptr<KioskApp> app;
  bool font_missing = false;
};

TEST_F(ReloadWithoutWatcher, AFontFailureMidReloadKeepsThePackOnScreenWhole) {
  edit_pack();
  font_missing = true;
  std::string error;
  EXPECT_FALSE(app->reload_content(error));
  EXPECT_EQ(error, "no font with Chinese characters found (injected)");
  EXPECT_EQ(app->content().version, "2026.11-demo");  // "content not reloaded" is true
  EXPECT_TRUE(model_points_into_pack(*app));
  clock.advance(1);
  EXPECT_TRUE(app->frame(true));  // the font is still there: the screen draws
  EXPECT_EQ(app->screen(), ui::ScreenId::air);
}

TEST_F(ReloadWithoutWatcher, AReloadKeepsTheOptionsTheKioskStartedWith) {
  edit_pack();
  font_missing = true;
  std::string error;
  EXPECT_FALSE(app->reload_content(error));
  font_missing = false;
  ASSERT_TRUE(app->reload_content(error)) << error;
  EXPECT_EQ(app->content().version, "2026.12-edit");
  EXPECT_TRUE(model_points_into_pack(*app));
  EXPECT_TRUE(app->options().editor);
  EXPECT_EQ(app->options().last_good_dir, fs::path(dir.path()) / "last-good");
  EXPECT_EQ(app->options().pinyin_dictionary, "/nowhere/luna_pinyin.dict.yaml");
  EXPECT_EQ(app->lang(), Lang::en);
  clock.advance(1);
  EXPECT_TRUE(app->frame(true));
}

}  // namespace
}  // namespace kiosk
