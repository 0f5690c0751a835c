// Hot reload: a good edit appears without a restart, a bad edit never reaches residents, and a
// folder replaced by another (an editor's rename) is followed.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/app/content_reloader.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

void replace_in_file(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = test::slurp(file.string());
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

// Waits (real time: the reloader watches the file system) until the reloader has a result.
std::optional<ReloadResult> wait_for(ContentReloader& r, double seconds = 10) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (auto load = r.take()) return load;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

class ContentReload : public ::testing::Test {
 protected:
  void SetUp() override {
    content = fs::path(dir.path()) / "content";
    fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  }
  test::TempDir dir;
  fs::path content;
};

TEST_F(ContentReload, AGoodEditIsValidatedAndKeptAsLastGood) {
  ContentReloader reloader(content, fs::path(dir.path()) / "last-good", 0.2);
  reloader.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  replace_in_file(content / "strings.toml", "air = { zh = \"空气质量\"", "air = { zh = \"今天的空气\"");
  auto load = wait_for(reloader);
  ASSERT_TRUE(load);
  EXPECT_FALSE(load->problems.has_errors());
  ASSERT_TRUE(load->session) << load->error;
  EXPECT_EQ(load->session->pack.strings.get("home.air", Lang::zh), "今天的空气");
  EXPECT_TRUE(fs::exists(fs::path(dir.path()) / "last-good" / "strings.toml"));
  EXPECT_NE(test::slurp(dir / "last-good/strings.toml").find("今天的空气"), std::string::npos);
}

TEST_F(ContentReload, ABadEditIsReportedWithItsPosition) {
  ContentReloader reloader(content, {}, 0.2);
  reloader.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  replace_in_file(content / "travel.toml", "[[tip]]\nid =", "[[tip]]\ntitel = 1\nid =");
  auto load = wait_for(reloader);
  ASSERT_TRUE(load);
  ASSERT_TRUE(load->problems.has_errors());
  EXPECT_FALSE(load->session) << "a pack with errors is never prepared to be swapped in";
  bool found = false;
  for (const auto& d : load->problems.items())
    found = found ||
            d.format().find("unknown key 'titel' in [[tip]]; did you mean 'title'?") != std::string::npos;
  EXPECT_TRUE(found);
}

TEST_F(ContentReload, AReplacedFolderIsFollowed) {
  ContentReloader reloader(content, {}, 0.2);
  reloader.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // An editor prepares a new copy beside it and swaps the folders.
  const fs::path next = fs::path(dir.path()) / "content.next";
  fs::copy(content, next, fs::copy_options::recursive);
  replace_in_file(next / "strings.toml", "air = { zh = \"空气质量\"", "air = { zh = \"新的空气\"");
  fs::rename(content, fs::path(dir.path()) / "content.old");
  fs::rename(next, content);
  auto air = [](const std::optional<ReloadResult>& r) {
    return r && r->session ? r->session->pack.strings.get("home.air", Lang::zh) : std::string();
  };
  std::optional<ReloadResult> load;
  for (int i = 0; i < 3 && air(load) != "新的空气"; ++i) load = wait_for(reloader);
  EXPECT_EQ(air(load), "新的空气");
}

TEST_F(ContentReload, ASwappedSymlinkIsFollowed) {
  // platform/fleet's content pull: two copies and a link to the live one, swapped with rename(2).
  const fs::path a = fs::path(dir.path()) / "packs/a", b = fs::path(dir.path()) / "packs/b";
  fs::create_directories(a.parent_path());
  fs::rename(content, a);
  fs::copy(a, b, fs::copy_options::recursive);
  const fs::path current = fs::path(dir.path()) / "current";
  fs::create_directory_symlink("packs/a", current);
  ContentReloader reloader(current, {}, 0.2);
  reloader.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  replace_in_file(b / "strings.toml", "air = { zh = \"空气质量\"", "air = { zh = \"新的空气\"");
  EXPECT_FALSE(wait_for(reloader, 1)) << "the staging copy is not live";
  fs::create_directory_symlink("packs/b", fs::path(dir.path()) / "current.new");
  fs::rename(fs::path(dir.path()) / "current.new", current);
  auto load = wait_for(reloader);
  ASSERT_TRUE(load) << "the swap was not noticed";
  ASSERT_TRUE(load->session) << load->error;
  EXPECT_EQ(load->session->pack.strings.get("home.air", Lang::zh), "新的空气");
}

// The running app: the good edit shows up on screen; the bad one never does.
TEST_F(ContentReload, TheRunningKioskSwapsGoodContentAndKeepsItThroughABadEdit) {
  std::string error;
  auto display = render::HeadlessDisplay::create(1280, 800, error);
  ManualClock clock(test::kTestNow);
  KioskApp app(*display, clock);
  AppOptions options{content, Lang::zh};
  options.watch_content = true;
  ASSERT_TRUE(app.start(options, error)) << error;
  ASSERT_TRUE(app.prepare(error)) << error;
  app.set_rasterize(false);
  auto shows = [&](const std::string& text) {
    for (int i = 0; i < 200; ++i) {
      clock.advance(0.05);
      app.frame(true);
      for (const auto& t : app.record().texts)
        if (t.find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  ASSERT_TRUE(shows("空气质量"));
  replace_in_file(content / "strings.toml", "air = { zh = \"空气质量\"", "air = { zh = \"今天的空气\"");
  EXPECT_TRUE(shows("今天的空气"));
  // Now a mistake: the kiosk must keep showing the good version.
  replace_in_file(content / "kiosk.toml", "[kiosk]", "[kiosk]\nlanguag = \"zh\"");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_TRUE(shows("今天的空气"));
  EXPECT_EQ(app.content().strings.get("home.air", Lang::zh), "今天的空气");
}

TEST(LastGoodCopy, IsReplacedWholeOrNotAtAll) {
  test::TempDir dir;
  const fs::path a = fs::path(dir.path()) / "a", to = fs::path(dir.path()) / "copy";
  fs::create_directories(a);
  std::ofstream(a / "one.toml") << "x = 1\n";
  std::string error;
  ASSERT_TRUE(copy_folder_atomically(a, to, error)) << error;
  std::ofstream(a / "one.toml") << "x = 2\n";
  ASSERT_TRUE(copy_folder_atomically(a, to, error)) << error;
  EXPECT_EQ(test::slurp((to / "one.toml").string()), "x = 2\n");
  EXPECT_FALSE(fs::exists(to.string() + ".new"));
  EXPECT_FALSE(fs::exists(to.string() + ".old"));
}

TEST(LastGoodCopy, ACopyThatFailsValidationNeverReplacesTheOldOne) {
  test::TempDir dir;
  const fs::path a = fs::path(dir.path()) / "a", to = fs::path(dir.path()) / "copy";
  fs::create_directories(a);
  std::ofstream(a / "one.toml") << "x = 1\n";
  std::string error;
  ASSERT_TRUE(copy_folder_atomically(a, to, error)) << error;
  std::ofstream(a / "one.toml") << "x = ";  // changed (half-written) after it was validated
  auto validate = [](const fs::path& copy, std::string& problem) {
    problem = "one.toml is cut short";
    return test::slurp((copy / "one.toml").string()) != "x = ";
  };
  EXPECT_FALSE(copy_folder_atomically(a, to, error, validate));
  EXPECT_NE(error.find("did not validate (one.toml is cut short)"), std::string::npos) << error;
  EXPECT_EQ(test::slurp((to / "one.toml").string()), "x = 1\n");
  EXPECT_FALSE(fs::exists(to.string() + ".new"));
}

}  // namespace
}  // namespace kiosk
