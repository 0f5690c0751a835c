// A hot reload makes the new pack's whole session on the reloader's worker: the frame that swaps it in
// builds no waste search (the pinyin dictionary and an index over every item), so a long waste list
// cannot freeze the screen; and when the worker cannot finish the session (no font), the one on screen
// stays whole.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/core/search/search_index.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr int kExtraItems = 3000;

class ReloadOffTheUiThread : public ::testing::Test {
 protected:
  void SetUp() override {
    content = fs::path(dir.path()) / "content";
    fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
    std::string error;
    display = render::HeadlessDisplay::create(800, 480, error);
    ASSERT_TRUE(display) << error;
    app = std::make_unique<KioskApp>(*display, clock);
    AppOptions options{content, Lang::en};
    options.watch_content = true;
    options.editor = true;
    // Called by the reloader's worker on a hot reload: the flag is shared with the test's thread.
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
    app->set_rasterize(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the watcher is watching
  }
  // Frames go on (real time: the reloader watches the file system) until `done` or ten seconds pass.
  template <typename Done>
  bool frames_until(Done done) {
    for (int i = 0; i < 200; ++i) {
      clock.advance(0.05);
      app->frame(true);
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  void add_waste_items(int count) {
    std::ofstream out(content / "waste.toml", std::ios::binary | std::ios::app);
    for (int i = 0; i < count; ++i)
      out << "\n[[item]]\nid = \"test-item-" << i << "\"\nname = { zh = \"测试纸杯" << i
          << "\", en = \"Test item " << i << "\" }\ncategory = \"other\"\n"
          << "aliases = [\"纸杯" << i << "\"]\ntip = { zh = \"测试。\", en = \"A test.\" }\n";
  }
  void edit_version(const std::string& from, const std::string& to) {
    std::string text = test::slurp(content / "kiosk.toml");
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(content / "kiosk.toml", std::ios::binary | std::ios::trunc) << text;
  }
  test::TempDir dir;
  fs::path content;
  ManualClock clock{test::kTestNow};
  std::unique_ptr<render::HeadlessDisplay> display;
  std::unique_ptr<KioskApp> app;
  std::atomic<bool> font_missing{false};
};

TEST_F(ReloadOffTheUiThread, ALongWasteListArrivesWithItsSearchAlreadyBuilt) {
  const size_t items = app->content().waste_items.size() + kExtraItems;
  const std::uint64_t built_here = search::waste_searches_built_on_this_thread();
  add_waste_items(kExtraItems);
  ASSERT_TRUE(frames_until([&] { return app->content().waste_items.size() == items; }))
      << app->content_notice();
  // The search on screen is the new pack's, and this (the UI) thread built none.
  EXPECT_EQ(app->search_index().item_count(), items);
  EXPECT_EQ(search::waste_searches_built_on_this_thread(), built_here);
  const search::Results found = app->search_index().find("Test item 2999");
  ASSERT_FALSE(found.hits.empty());
  EXPECT_EQ(app->content().waste_items[found.hits.front().item].id, "test-item-2999");
}

TEST_F(ReloadOffTheUiThread, NoFontForTheNewPackKeepsTheSessionOnScreenWhole) {
  const std::uint64_t search_id = app->search_index().id();
  font_missing = true;
  edit_version("2026.11-demo", "2026.12-edit");
  ASSERT_TRUE(frames_until([&] { return app->content_rejected() == 1; }));
  EXPECT_EQ(app->content().version, "2026.11-demo");
  EXPECT_EQ(app->search_index().id(), search_id);
  EXPECT_NE(app->content_notice().find("not loaded"), std::string::npos) << app->content_notice();
  EXPECT_NE(app->content_notice().find("(injected)"), std::string::npos) << app->content_notice();
  ASSERT_FALSE(app->model().air.empty());
  for (const AirStationView& a : app->model().air)  // the model still points into the pack on screen
    EXPECT_TRUE(a.station >= &app->content().stations.front() &&
                a.station <= &app->content().stations.back());
  EXPECT_TRUE(app->frame(true));
  // The font is back: the same edit is taken, whole.
  font_missing = false;
  edit_version("2026.12-edit", "2026.12-next");
  EXPECT_TRUE(frames_until([&] { return app->content().version == "2026.12-next"; }));
  EXPECT_NE(app->search_index().id(), search_id);
}

}  // namespace
}  // namespace kiosk
