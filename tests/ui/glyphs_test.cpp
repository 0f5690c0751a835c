// Every character the installed CJK font has is drawn, at every size: alerts, later content and
// fetched names included, within a Pi 3's 2048x2048 texture limit. The corpus of rare characters is
// made here from GB 2312's first level (3,755 common characters, decoded with iconv), keeping those
// the font has and the demo pack does not use.
#include <gtest/gtest.h>
#include <iconv.h>
#include <imgui_internal.h>
#include <stb_truetype.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "kiosk/core/content/all_text.hpp"
#include "kiosk/render/fonts.hpp"
#include "support/editor_mistakes.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::set<unsigned> code_points(const std::string& s) {
  std::set<unsigned> out;
  const char* p = s.c_str();
  const char* end = p + s.size();
  while (p < end) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    p += n > 0 ? n : 1;
    out.insert(c);
  }
  return out;
}

// GB 2312 rows 16-55 (bytes B0A1-D7F9) hold the first-level characters.
std::vector<std::string> gb2312_level_one() {
  std::vector<std::string> out;
  iconv_t cd = iconv_open("UTF-8", "GB2312");
  if (cd == reinterpret_cast<iconv_t>(-1)) return out;
  for (int row = 0xB0; row <= 0xD7; ++row)
    for (int col = 0xA1; col <= 0xFE; ++col) {
      if (row == 0xD7 && col > 0xF9) break;
      char in[2] = {static_cast<char>(row), static_cast<char>(col)};
      char buf[8] = {};
      char* ip = in;
      char* op = buf;
      size_t il = 2, ol = sizeof buf;
      if (iconv(cd, &ip, &il, &op, &ol) != static_cast<size_t>(-1)) out.emplace_back(buf, op);
    }
  iconv_close(cd);
  return out;
}

// The first-level characters the kiosk's CJK font has and the demo pack does not use.
std::vector<std::string> rare_corpus() {
  std::string error;
  const auto font = render::find_cjk_font("", error);
  if (!font) return {};
  std::ifstream in(font->path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  stbtt_fontinfo info;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  const int offset = stbtt_GetFontOffsetForIndex(bytes, font->index);
  if (offset < 0 || !stbtt_InitFont(&info, bytes, offset)) return {};
  test::HeadlessKiosk demo(800, 480);
  const std::set<unsigned> used = code_points(all_text(demo.app->content()));
  std::vector<std::string> out;
  for (const std::string& ch : gb2312_level_one()) {
    const unsigned c = *code_points(ch).begin();
    if (!used.count(c) && stbtt_FindGlyphIndex(&info, static_cast<int>(c))) out.push_back(ch);
  }
  return out;
}

std::string join(const std::vector<std::string>& v, size_t from, size_t n) {
  std::string s;
  for (size_t i = from; i < std::min(v.size(), from + n); ++i) s += v[i];
  return s;
}

// A copy of the demo pack with a severe full-screen alert.
struct AlertPack {
  test::TempDir dir;
  std::string content() const { return dir / "content"; }
  AlertPack() { fs::copy(KIOSK_CONTENT_DIR, dir / "content", fs::copy_options::recursive); }
  void alert(const std::string& title, const std::string& body) const {
    std::ofstream(dir / "content/alerts.toml")
        << "[[alert]]\nid = \"rare\"\nlevel = \"severe\"\nfullscreen = true\n"
        << "title = { zh = \"" << title << "\", en = \"Storm surge: red alert\" }\n"
        << "body = { zh = \"" << body << "\", en = \"Leave beaches, piers and boardwalks now.\" }\n"
        << "starts = \"2026-11-28T08:00:00+08:00\"\nexpires = \"2026-11-29T20:00:00+08:00\"\n";
  }
};

// Every character of `text` has a glyph in every role the whole pack is rasterised for (and in the
// display role when `display`). The title page holds what titles have drawn: the frames show it whole.
void expect_whole(const test::HeadlessKiosk& k, const std::string& text, bool display,
                  const std::string& where) {
  const ui::FontSet& f = k.app->fonts();
  ASSERT_NE(f.title, nullptr);
  for (ImFont* font : {f.small, f.body, f.large}) {
    ASSERT_NE(font, nullptr);
    EXPECT_EQ(ui::missing_glyphs(*font, text), 0) << where << ": " << font->FontSize << " px";
  }
  if (display) {
    EXPECT_EQ(ui::missing_glyphs(*f.huge, text), 0) << where << ": display size";
  }
  for (const ImFontAtlas* page : k.app->font_pages().all()) {
    EXPECT_LE(page->TexWidth, 2048) << where;
    EXPECT_LE(page->TexHeight, 2048) << where;
  }
}

int missing_in_frame(const test::HeadlessKiosk& k, std::string& which) {
  int missing = 0;
  for (const ui::TextRun& r : k.app->record().runs)
    if (r.missing_glyphs) {
      missing += r.missing_glyphs;
      which += " '" + r.text + "'";
    }
  return missing;
}

TEST(Glyphs, StormSurgeAlertIsWholeAtEverySize) {
  AlertPack pack;
  pack.alert("风暴潮红色预警",
             "预计今天下午沿海出现 1.5 米以上风暴增水。请立即远离海滩、码头和栈道，听从现场工作人员指挥。");
  for (auto [w, h] : {std::pair{1920, 1080}, {1280, 800}, {800, 480}, {1080, 1920}}) {
    test::HeadlessKiosk k(w, h, Lang::zh, pack.content());
    ASSERT_TRUE(k.ok) << k.error;
    k.draw(ui::ScreenId::home);
    std::string which;
    EXPECT_EQ(missing_in_frame(k, which), 0) << w << "x" << h << which;
    bool title_drawn = false;
    for (const ui::TextRun& r : k.app->record().runs)
      title_drawn |= r.text.find("风暴潮") != std::string::npos;
    EXPECT_TRUE(title_drawn) << w << "x" << h;
  }
}

TEST(Glyphs, AlertOfFiveHundredRareCharactersIsWholeAtEverySize) {
  const std::vector<std::string> rare = rare_corpus();
  ASSERT_GE(rare.size(), 500u) << "first-level characters the font has and the pack lacks";
  AlertPack pack;
  const std::string title = join(rare, 0, 12), body = join(rare, 0, 500);
  pack.alert(title, body);
  for (auto [w, h] : {std::pair{1920, 1080}, {1280, 800}, {800, 480}, {1080, 1920}}) {
    test::HeadlessKiosk k(w, h, Lang::zh, pack.content());
    ASSERT_TRUE(k.ok) << k.error;
    k.draw(ui::ScreenId::home);
    const std::string where = std::to_string(w) + "x" + std::to_string(h);
    expect_whole(k, body, false, where);
    expect_whole(k, title, true, where);
    std::string which;
    EXPECT_EQ(missing_in_frame(k, which), 0) << where << which;
    k.app->toggle_large_text();  // every role one step up: the large role's text on the title page
    k.draw(ui::ScreenId::home);
    EXPECT_EQ(missing_in_frame(k, which), 0) << where << " in large text" << which;
  }
}

TEST(Glyphs, EveryFirstLevelCharacterFitsThePagesWhenTheyOverflow) {
  // 3,700 rare characters overflow a 2048² page at the large size: that page is rasterised smaller and
  // magnified, and every character still has its glyph at the role's size. In large text the alert's
  // body is drawn a step up, and the title page takes the same characters the same way.
  const std::vector<std::string> rare = rare_corpus();
  AlertPack pack;
  const std::string all = join(rare, 0, rare.size());
  pack.alert(join(rare, 0, 600), all);
  test::HeadlessKiosk k(1920, 1080, Lang::zh, pack.content());
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::home);
  expect_whole(k, all, false, "1920x1080");
  expect_whole(k, join(rare, 0, 600), true, "1920x1080");
  EXPECT_FLOAT_EQ(k.app->fonts().large->FontSize, ui::font_pixels(1).large) << "the role keeps its size";
  k.app->toggle_large_text();
  k.draw(ui::ScreenId::home);
  std::string which;
  EXPECT_EQ(missing_in_frame(k, which), 0) << "in large text" << which;
  EXPECT_FLOAT_EQ(k.app->fonts().title->FontSize, ui::font_pixels(1).title) << "the title keeps its size";
}

// Most of a pack is body text: at title size it filled the biggest page. The title page holds what
// titles have drawn, gets a new character the frame it first appears, and the other pages stay.
TEST(Glyphs, TheTitlePageHoldsWhatTitlesDrawAndGrowsAloneWhenTheyDrawMore) {
  test::HeadlessKiosk k(1920, 1080, Lang::zh);
  ASSERT_TRUE(k.ok) << k.error;
  const std::string pack = all_text(k.app->content());
  const ImFont* body = k.app->fonts().body;
  EXPECT_EQ(ui::missing_glyphs(*body, pack), 0) << "the body page holds the whole pack";
  for (bool large : {false, true}) {
    if (large) k.app->toggle_large_text();  // titles then draw what the large role drew
    for (ui::ScreenId s : {ui::ScreenId::home, ui::ScreenId::air, ui::ScreenId::water, ui::ScreenId::bay,
                           ui::ScreenId::waste, ui::ScreenId::travel}) {
      k.draw(s);
      std::string which;
      EXPECT_EQ(missing_in_frame(k, which), 0)
          << ui::screen_name(s) << (large ? " in large text" : "") << which;
    }
  }
  EXPECT_EQ(k.app->fonts().body, body) << "titles' new characters never rebuilt the body page";
  EXPECT_GT(ui::missing_glyphs(*k.app->fonts().title, pack), 0) << "not the whole pack at title size";
  EXPECT_LT(k.app->fonts().title->Glyphs.Size * 2, k.app->fonts().body->Glyphs.Size);
}

TEST(Glyphs, AlertAddedWhileRunningIsWhole) {
  const std::vector<std::string> rare = rare_corpus();
  ASSERT_GE(rare.size(), 100u);
  AlertPack pack;
  test::HeadlessKiosk k(1280, 800, Lang::zh, pack.content());
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::home);
  const std::string text = join(rare, 100, 100);
  EXPECT_GT(ui::missing_glyphs(*k.app->fonts().body, text), 0) << "not in the pack yet";
  pack.alert(join(rare, 100, 8), text);
  std::string error;
  ASSERT_TRUE(k.app->reload_content(error)) << error;
  k.draw(ui::ScreenId::home);
  expect_whole(k, text, false, "after the reload");
  std::string which;
  EXPECT_EQ(missing_in_frame(k, which), 0) << which;
}

TEST(Glyphs, FetchedStationNamesAreWhole) {
  for (Lang lang : {Lang::zh, Lang::en}) {
    test::HeadlessKiosk k(1280, 800, lang);
    ASSERT_TRUE(k.ok) << k.error;
    for (ui::ScreenId s : {ui::ScreenId::home, ui::ScreenId::air, ui::ScreenId::water, ui::ScreenId::bay,
                           ui::ScreenId::waste, ui::ScreenId::travel}) {
      k.draw(s);
      std::string which;
      EXPECT_EQ(missing_in_frame(k, which), 0) << ui::screen_name(s) << which;
    }
  }
}

// Start-up rasterises only what the first screen draws; the rest of the pack follows on a worker
// thread. Screens visited before that build is in are still whole, and the pages then hold the pack.
TEST(Glyphs, ScreensBeforeTheWholePackIsRasterisedAreWhole) {
  for (Lang lang : {Lang::zh, Lang::en}) {
    ManualClock clock(test::kTestNow);
    std::string error;
    auto display = render::HeadlessDisplay::create(1280, 800, error);
    ASSERT_TRUE(display) << error;
    KioskApp app(*display, clock);
    ASSERT_TRUE(app.start({KIOSK_CONTENT_DIR, lang}, error)) << error;
    app.set_feed(make_data_feed(app.content(), FetchMode::once, clock));
    ASSERT_TRUE(app.prepare(error)) << error;
    for (ui::ScreenId s :
         {ui::ScreenId::home, ui::ScreenId::air, ui::ScreenId::waste, ui::ScreenId::travel}) {
      app.show(s);
      app.frame(true);
      int missing = 0;
      std::string which;
      for (const ui::TextRun& r : app.record().runs)
        if (r.missing_glyphs) {
          missing += r.missing_glyphs;
          which += " '" + r.text + "'";
        }
      EXPECT_EQ(missing, 0) << ui::screen_name(s) << which;
    }
    app.wait_for_fonts();
    const std::string pack = all_text(app.content());
    EXPECT_EQ(ui::missing_glyphs(*app.fonts().body, pack), 0) << "the worker's pages hold the whole pack";
    EXPECT_EQ(ui::missing_glyphs(*app.fonts().small, pack), 0);
  }
}

// A frame that lacks glyphs replaces the pages before it is drawn again, and frees the old fonts. The
// second drawing must ask the new pages: the editor strip's check once read the freed ones (a crash
// under qemu, where the worker's pages come late). Without the worker's pages every frame takes that
// path; ASan sees any read of a freed font.
TEST(Glyphs, TheEditorStripIsWholeWhenAFrameReplacesThePages) {
  test::TempDir dir;
  const fs::path content = fs::path(dir.path()) / "content";
  fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  test::make_mistake(content, test::kEditorMistakes[0]);  // Chinese quotes: “ ” in the strip only
  ManualClock clock(test::kTestNow);
  std::string error;
  auto display = render::HeadlessDisplay::create(1280, 800, error);
  ASSERT_TRUE(display) << error;
  KioskApp app(*display, clock);
  AppOptions options{content, Lang::zh};
  options.editor = true;
  ASSERT_TRUE(app.start(options, error)) << error;
  app.set_whole_pack_glyphs(false);
  ASSERT_TRUE(app.prepare(error)) << error;
  ASSERT_NE(app.content_notice().find("“"), std::string::npos) << app.content_notice();
  for (ui::ScreenId s : {ui::ScreenId::home, ui::ScreenId::waste, ui::ScreenId::air}) {
    app.show(s);
    app.frame(true);
    std::string which;
    for (const ui::TextRun& r : app.record().runs)
      if (r.missing_glyphs) which += " '" + r.text + "'";
    EXPECT_TRUE(which.empty()) << ui::screen_name(s) << which;
    bool strip_drawn = false;
    for (const ui::TextRun& r : app.record().runs)
      strip_drawn = strip_drawn || r.text.find("“") != std::string::npos;
    EXPECT_TRUE(strip_drawn) << ui::screen_name(s);
  }
}

}  // namespace
}  // namespace kiosk
