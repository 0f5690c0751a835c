// Every editor mistake of issue 19 (the table in support/editor_mistakes.hpp) made on a running kiosk
// in --editor mode: the screen keeps the last good content, the editor strip says "content problem"
// with the position and the fix in the pack's language, and the last good copy is not replaced.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/app/kiosk_app.hpp"
#include "support/editor_mistakes.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// What residents see, in numbers: a change to any of them would mean the broken pack was taken.
std::vector<size_t> shown_lists(const ContentPack& pack) {
  return {pack.waste_items.size(), pack.waste_categories.size(), pack.stations.size(),      pack.bays.size(),
          pack.quiz.size(),        pack.levels.aqi.size(),       pack.strings.by_key.size()};
}

class MistakeOnARunningKiosk : public ::testing::TestWithParam<test::EditorMistake> {};

TEST_P(MistakeOnARunningKiosk, KeepsTheLastGoodContentAndSaysWhatToFix) {
  const test::EditorMistake& m = GetParam();
  test::TempDir dir;
  const fs::path content = fs::path(dir.path()) / "content", last_good = fs::path(dir.path()) / "last-good";
  fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  fs::copy(KIOSK_CONTENT_DIR, last_good, fs::copy_options::recursive);
  std::string error;
  auto display = render::HeadlessDisplay::create(1280, 800, error);
  ManualClock clock(test::kTestNow);
  KioskApp app(*display, clock);
  AppOptions options{content, Lang::zh};
  options.watch_content = true;
  options.editor = true;
  options.last_good_dir = last_good;
  ASSERT_TRUE(app.start(options, error)) << error;
  ASSERT_TRUE(app.prepare(error)) << error;
  app.set_rasterize(false);
  const std::vector<size_t> before = shown_lists(app.content());
  ASSERT_GT(before[0], 50u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  const std::string where = test::make_mistake(content, m);

  for (int i = 0; i < 200 && app.content_notice().empty(); ++i) {
    clock.advance(0.05);
    app.frame(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // The strip says "content problem", not loaded, where, and the fix, in the pack's language.
  EXPECT_NE(app.content_notice().find("内容问题"), std::string::npos) << app.content_notice();
  EXPECT_NE(app.content_notice().find("未载入"), std::string::npos) << app.content_notice();
  EXPECT_NE(app.content_notice().find(where + ": 错误：" + m.zh), std::string::npos)
      << "expected: " << where << ": 错误：" << m.zh << "\n"
      << app.content_notice();
  // The strip is drawn with every character of its message (no '?' for a glyph the pack never used).
  app.frame(true);
  bool strip_drawn = false;
  for (const auto& t : app.record().texts)
    strip_drawn = strip_drawn || t.find("内容问题") != std::string::npos;
  EXPECT_TRUE(strip_drawn);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const std::string& notice = app.content_notice();
  for (const char *p = notice.c_str(), *end = p + notice.size(); p < end;) {
    unsigned c = 0;
    p += std::max(1, ImTextCharFromUtf8(&c, p, end));
    EXPECT_TRUE(c < 0x20 || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) << "U+" << std::hex << c;
  }
  // Residents still see the last good pack, and the last good copy is the good one.
  EXPECT_EQ(shown_lists(app.content()), before);
  EXPECT_EQ(test::slurp(last_good / m.file), test::slurp(fs::path(KIOSK_CONTENT_DIR) / m.file));
}

// A pack that passes every check but lost more than half of its waste items (a file saved in two
// steps) is taken, and the editor is warned in the strip and the log.
TEST(ListShrinkingOnARunningKiosk, IsAppliedWithAWarning) {
  test::TempDir dir;
  const fs::path content = fs::path(dir.path()) / "content";
  fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  std::string error;
  auto display = render::HeadlessDisplay::create(1280, 800, error);
  ManualClock clock(test::kTestNow);
  KioskApp app(*display, clock);
  AppOptions options{content, Lang::zh};
  options.watch_content = true;
  options.editor = true;
  ASSERT_TRUE(app.start(options, error)) << error;
  ASSERT_TRUE(app.prepare(error)) << error;
  app.set_rasterize(false);
  const size_t items = app.content().waste_items.size();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string text = test::slurp(content / "waste.toml");
  size_t cut = 0;  // the 30th "[[item]]" (the first is in the comment at the top): 29 items stay
  for (int i = 0; i < 31; ++i) cut = text.find("[[item]]", cut + 1);
  std::ofstream(content / "waste.toml", std::ios::binary | std::ios::trunc) << text.substr(0, cut);
  for (int i = 0; i < 200 && app.content().waste_items.size() == items; ++i) {
    clock.advance(0.05);
    app.frame(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(app.content().waste_items.size(), 29u);
  EXPECT_NE(app.content_notice().find("waste.toml: 警告：新的内容只有 29 个垃圾分类物品（原来 " +
                                      std::to_string(items) + " 个）；请确认文件已完整保存"),
            std::string::npos)
      << app.content_notice();
}

INSTANTIATE_TEST_SUITE_P(EveryMistake, MistakeOnARunningKiosk, ::testing::ValuesIn(test::kEditorMistakes),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace kiosk
