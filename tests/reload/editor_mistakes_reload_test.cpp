// Every editor mistake of issue 19 made on a running kiosk in --editor mode: the screen keeps the
// last good content (all 92 waste items), the editor strip says "content problem" with the position
// and the fix in the pack's language, and the last good copy is not replaced.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/app/kiosk_app.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

struct Mistake {
  const char* name;
  const char* file;
  const char* from;  // replaced in the bundled file ("" replaces the whole file)
  const char* to;
  const char* notice;  // in the strip, in Chinese (the bundled pack's language)
};

const Mistake kMistakes[] = {
    {"ChineseQuotes", "waste.toml", "name = { zh = \"可回收物\"", "name = { zh = “可回收物”",
     "waste.toml:21:15: 错误：把中文引号 “ ” 改成英文引号 \""},
    {"FullWidthEquals", "waste.toml", "id = \"recyclable\"", "id ＝ \"recyclable\"",
     "waste.toml:20:4: 错误：把全角等号 ＝ 改成英文等号 ="},
    {"ChineseColon", "waste.toml", "id = \"recyclable\"", "id：\"recyclable\"",
     "waste.toml:20:3: 错误：键和值之间要用英文等号 =，不能用中文冒号 ："},
    {"ChineseComma", "waste.toml", "zh = \"可回收物\", en", "zh = \"可回收物\"， en",
     "waste.toml:21:21: 错误：把中文逗号 ， 改成英文逗号 ,"},
    {"MissingQuote", "waste.toml", "id = \"recyclable\"", "id = \"recyclable", "waste.toml:20:6: 错误：文字缺少结尾的英文引号"},
    {"DuplicatedKey", "waste.toml", "id = \"recyclable\"", "id = \"recyclable\"\nid = \"recyclable\"",
     "waste.toml:21:1: 错误：同一个键或表写了两次"},
    {"WrongCategory", "waste.toml", "category = \"recyclable\"", "category = \"recycle\"",
     "的类别 'recycle' 在 waste.toml 里没有定义；可用的类别：recyclable, hazardous, kitchen, other"},
    {"Gbk", "waste.toml", "name = { zh = \"可回收物\"", "name = { zh = \"\xbf\xc9\xbb\xd8\xca\xd5\xce\xef\"",
     "waste.toml:21:16: 错误：文件不是 UTF-8 编码（可能是记事本保存的 GBK）：请把文件另存为 UTF-8"},
    {"EmptyWaste", "waste.toml", "", "", "waste.toml: 错误：文件是空的，垃圾分类指南（类别和物品）将为空"},
    {"HalfSaved", "waste.toml", "", "[[category]]\nid = \"recyclable\"\nname = { zh = \"可回收物\", en = \"R\" }\ncolor = \"#1565C0\"\n",
     "waste.toml: 错误：没有任何条目"},
    {"EmptyStrings", "strings.toml", "", "", "strings.toml: 错误：文件是空的"},
    {"EmptyLevels", "levels.toml", "", "", "levels.toml: 错误：文件是空的"},
};

class MistakeOnARunningKiosk : public ::testing::TestWithParam<Mistake> {};

TEST_P(MistakeOnARunningKiosk, KeepsTheLastGoodContentAndSaysWhatToFix) {
  const Mistake& m = GetParam();
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
  const size_t items = app.content().waste_items.size();
  ASSERT_GT(items, 50u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  std::string text = test::slurp(content / m.file);
  if (*m.from) {
    const auto at = text.find(m.from);
    ASSERT_NE(at, std::string::npos) << m.from;
    text.replace(at, std::string(m.from).size(), m.to);
  } else {
    text = m.to;
  }
  std::ofstream(content / m.file, std::ios::binary | std::ios::trunc) << text;

  for (int i = 0; i < 200 && app.content_notice().empty(); ++i) {
    clock.advance(0.05);
    app.frame(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(app.content_notice().find("内容问题"), std::string::npos) << app.content_notice();
  EXPECT_NE(app.content_notice().find("未载入"), std::string::npos) << app.content_notice();
  EXPECT_NE(app.content_notice().find(m.notice), std::string::npos) << app.content_notice();
  // The strip is drawn with every character of its message (no '?' for a glyph the pack never used).
  app.frame(true);
  bool strip_drawn = false;
  for (const auto& t : app.record().texts) strip_drawn = strip_drawn || t.find("内容问题") != std::string::npos;
  EXPECT_TRUE(strip_drawn);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const std::string& notice = app.content_notice();
  for (const char* p = notice.c_str(), *end = p + notice.size(); p < end;) {
    unsigned c = 0;
    p += std::max(1, ImTextCharFromUtf8(&c, p, end));
    EXPECT_TRUE(c < 0x20 || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) << "U+" << std::hex << c;
  }
  // Residents still see the last good pack, and the last good copy is the good one.
  EXPECT_EQ(app.content().waste_items.size(), items);
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
  EXPECT_NE(app.content_notice().find("waste.toml: 警告：新的内容只有 29 个垃圾分类物品（原来 " + std::to_string(items) +
                                      " 个）；请确认文件已完整保存"),
            std::string::npos)
      << app.content_notice();
}

INSTANTIATE_TEST_SUITE_P(EveryMistake, MistakeOnARunningKiosk, ::testing::ValuesIn(kMistakes),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace kiosk
