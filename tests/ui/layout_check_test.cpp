// The layout check (kiosk/ui/layout_check.hpp): first on frames broken on purpose, so each rule is
// seen to fail; then on the kiosk's screens and states at the four sizes, both languages and the three
// themes. ctest runs a representative part of that matrix; KIOSK_LAYOUT_FULL=1 runs all of it
// (see README, "The layout check").
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/input.hpp"
#include "kiosk/ui/layout_check.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

const ui::LayoutFrame kFrame{"air", 1280, 800, "zh", "normal"};
const ImVec4 kScreen(0, 0, 1280, 800);

ui::TextRun run(const std::string& text, float x, float y, float w, float px, ImVec4 clip = kScreen) {
  return {text, ImVec2(x, y), ImVec2(x + w, y + px), clip, px, 0, false};
}

std::vector<std::string> kinds(const ui::FrameRecord& r) {
  std::vector<std::string> out;
  for (const auto& p : check_layout(r, kFrame, ui::make_layout_rules(1280, 800))) out.push_back(p.what);
  return out;
}

TEST(LayoutCheck, AWholeFramePasses) {
  ui::FrameRecord r;
  r.runs = {run("PM2.5 21", 100, 100, 90, 26), run("近24小时", 100, 140, 90, 26)};
  r.tappables.push_back({"近24小时", ImVec2(90, 130), ImVec2(200, 180)});
  EXPECT_TRUE(kinds(r).empty());
}

TEST(LayoutCheck, AQuestionMarkGlyphFails) {
  ui::FrameRecord r;
  r.runs = {run("风暴潮", 100, 100, 90, 26)};
  r.runs[0].missing_glyphs = 2;
  EXPECT_EQ(kinds(r), std::vector<std::string>{"missing glyph"});
}

TEST(LayoutCheck, AGlyphBottomCutByItsClipFails) {
  ui::FrameRecord r;
  // A chip whose clip ends 6 px above the text's bottom: 2 reads as 7.
  r.runs = {run("近24小时", 100, 100, 90, 26, ImVec4(90, 95, 200, 120))};
  const auto k = kinds(r);
  ASSERT_EQ(k.size(), 1u);
  EXPECT_EQ(k[0], "outside its clip");
  const auto problems = check_layout(r, kFrame, ui::make_layout_rules(1280, 800));
  EXPECT_NE(problems[0].message.find("air 1280x800 zh normal"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[0].message.find("近24小时"), std::string::npos) << problems[0].message;
}

TEST(LayoutCheck, AFractionalPixelSizeFails) {
  // The 1280x800 chips: 30 px x 0.667 drew 20.01 px glyphs whose bottom row fell between pixels.
  ui::FrameRecord r;
  r.runs = {run("GB 3838-2002", 100, 100, 120, 26.01f)};
  EXPECT_EQ(kinds(r), std::vector<std::string>{"outside its clip"});
}

TEST(LayoutCheck, OverlappingRunsFail) {
  ui::FrameRecord r;
  r.runs = {run("Bays & plan", 100, 100, 120, 26), run("Waste sorting", 200, 100, 140, 26)};
  EXPECT_EQ(kinds(r), std::vector<std::string>{"overlap"});
}

TEST(LayoutCheck, ShortenedMainTextFailsButSecondaryTextMayBeShortened) {
  ui::FrameRecord r;
  r.runs = {run("Hazardo…", 100, 100, 90, 26)};
  r.runs[0].truncated = true;
  EXPECT_EQ(kinds(r), std::vector<std::string>{"truncated"});
  r.runs[0].role = ui::TextRole::title;
  EXPECT_EQ(kinds(r), std::vector<std::string>{"truncated"});
  r.runs = {run("Source: Our World i…", 100, 100, 90, 17)};
  r.runs[0].truncated = true;
  r.runs[0].role = ui::TextRole::source;
  EXPECT_TRUE(kinds(r).empty());
  r.runs[0].role = ui::TextRole::caption;
  EXPECT_TRUE(kinds(r).empty());
}

TEST(LayoutCheck, TextAndTargetsUnderTheMinimumsFail) {
  ui::FrameRecord r;
  r.runs = {run("tiny", 100, 100, 30, 10)};
  EXPECT_EQ(kinds(r), std::vector<std::string>{"too small"});
  r.runs.clear();
  r.tappables.push_back({"key", ImVec2(0, 0), ImVec2(37, 35)});
  EXPECT_EQ(kinds(r), std::vector<std::string>{"too small"});
}

TEST(LayoutCheck, OnlyTimestampsAndSourcesMayBeSixteenPixelsOrLess) {
  ui::FrameRecord r;
  r.runs = {run("观测 10:00 · 12 分钟前", 100, 100, 200, 16)};
  r.runs[0].role = ui::TextRole::caption;
  EXPECT_EQ(kinds(r), std::vector<std::string>{"too small"});
  r.runs[0].role = ui::TextRole::timestamp;
  EXPECT_TRUE(kinds(r).empty());
  r.runs[0].role = ui::TextRole::source;
  EXPECT_TRUE(kinds(r).empty());
}

TEST(LayoutCheck, BodyTextUnderThePanelsMinimumFails) {
  // 1280x800 (a 10-inch panel): body text at least 26 px; a 24 px caption is fine.
  ui::FrameRecord r;
  r.runs = {run("Lightly polluted", 100, 100, 200, 24)};
  EXPECT_EQ(kinds(r), std::vector<std::string>{"too small"});
  r.runs[0].role = ui::TextRole::caption;
  EXPECT_TRUE(kinds(r).empty());
  EXPECT_GE(ui::make_layout_rules(800, 480).min_body_px, 22);
  EXPECT_GE(ui::make_layout_rules(1280, 800).min_body_px, 26);
}

TEST(FontSizes, APublicScreensLadder) {
  for (auto [w, h] : {std::pair{1920, 1080}, {1280, 800}, {800, 480}, {1080, 1920}}) {
    const ui::FontSizes px = ui::font_pixels(ui::make_layout(ImVec2(w, h)).scale);
    SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
    EXPECT_GT(px.small, 16);
    EXPECT_GE(px.body, w == 800 ? 22 : 26);
    // Large text draws each role one step up: every step is at least 1.3x.
    EXPECT_GE(px.body, 1.3f * px.small);
    EXPECT_GE(px.large, 1.3f * px.body);
    EXPECT_GE(px.title, 1.3f * px.large);
    EXPECT_GE(px.large_title, 1.3f * px.title);
    for (float v : {px.small, px.body, px.large, px.title, px.huge, px.large_title})
      EXPECT_EQ(v, std::floor(v));
  }
}

TEST(LayoutCheck, RowsScrolledOutOfTheirListAreNotProblems) {
  ui::FrameRecord r;
  const ImVec4 list(0, 100, 600, 400);
  r.runs = {run("half out at the bottom", 10, 390, 200, 26, list), run("gone", 10, 500, 60, 26, list)};
  EXPECT_TRUE(kinds(r).empty());
}

TEST(LayoutCheck, ABigNumberHalfScrolledOutOfAShortPageIsNotAProblem) {
  ui::FrameRecord r;
  const ImVec4 page(0, 234, 776, 388);  // the air page under a banner at 800x480
  r.runs = {run("128", 50, 322, 84, 72, page)};
  EXPECT_TRUE(kinds(r).empty());
  r.runs = {run("128", 50, 322, 84, 80, ImVec4(0, 300, 776, 388))};  // a box hardly taller than the number
  EXPECT_EQ(kinds(r), std::vector<std::string>{"outside its clip"});
}

TEST(LayoutDump, OneJsonObjectPerRunAndTarget) {
  ui::FrameRecord r;
  r.runs = {run("PM2.5 \"21\"", 10, 20, 90, 26)};
  r.tappables.push_back({"空气", ImVec2(0, 700), ImVec2(100, 800)});
  const std::string dump = ui::layout_dump(r, kFrame);
  EXPECT_EQ(std::count(dump.begin(), dump.end(), '\n'), 2);
  EXPECT_NE(dump.find("\"kind\":\"text\",\"text\":\"PM2.5 \\\"21\\\"\",\"x\":10,\"y\":20,\"w\":90,\"h\":26"),
            std::string::npos)
      << dump;
  EXPECT_NE(dump.find("\"px\":26,\"missing_glyphs\":0,\"truncated\":false,\"role\":\"body\"}"),
            std::string::npos)
      << dump;
  EXPECT_NE(dump.find("\"kind\":\"tap\",\"text\":\"空气\""), std::string::npos) << dump;
}

// [SECTION] The kiosk's own screens

struct Matrix {
  test::TempDir dir;
  std::string content;
  Matrix() {
    content = dir / "content";
    fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  }
  void alert(bool severe) const {
    std::ofstream(fs::path(content) / "alerts.toml")
        << "[[alert]]\nid = \"storm-surge\"\nlevel = \"" << (severe ? "severe" : "warning") << "\"\n"
        << "fullscreen = " << (severe ? "true" : "false") << "\n"
        << "title = { zh = \"风暴潮红色预警\", en = \"Storm surge: red alert\" }\n"
           "body = { zh = \"预计今天下午沿海出现 1.5 米以上风暴增水。请立即远离海滩、码头和栈道，听从现场工作"
           "人员指挥。\", en = \"A storm surge of over 1.5 m is expected on the coast this afternoon. Leave "
           "beaches, piers and boardwalks now and follow the instructions of staff on site.\" }\n"
           "starts = \"2026-11-28T08:00:00+08:00\"\nexpires = \"2026-11-29T20:00:00+08:00\"\n";
  }
};

struct Case {
  int w, h;
  Lang lang;
  bool large, contrast;
};

std::vector<std::string> check_screens(const std::string& content, const Case& c,
                                       const std::vector<ui::ScreenId>& screens) {
  test::HeadlessKiosk k(c.w, c.h, c.lang, content);
  if (!k.ok) return {k.error};
  if (c.large) k.app->toggle_large_text();
  if (c.contrast) k.app->toggle_high_contrast();
  std::vector<std::string> out;
  const ui::LayoutRules rules = ui::make_layout_rules(c.w, c.h);
  for (ui::ScreenId s : screens) {
    k.draw(s);
    for (const auto& p : check_layout(k.app->record(), k.app->layout_frame(), rules))
      out.push_back(p.message);
  }
  return out;
}

bool full_matrix() {
  const char* v = std::getenv("KIOSK_LAYOUT_FULL");
  return v && *v && std::string(v) != "0";
}

std::string report(const std::vector<std::string>& problems) {
  std::string s;
  const size_t shown = full_matrix() ? problems.size() : 40;
  for (size_t i = 0; i < problems.size() && i < shown; ++i) s += problems[i] + "\n";
  if (problems.size() > shown) s += "… and " + std::to_string(problems.size() - shown) + " more\n";
  return s;
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (auto [w, h] : {std::pair{1920, 1080}, {1280, 800}, {800, 480}, {1080, 1920}})
    for (Lang lang : {Lang::zh, Lang::en})
      for (int theme = 0; theme < 3; ++theme) out.push_back({w, h, lang, theme == 1, theme == 2});
  if (full_matrix()) return out;
  // Representative: every size in both languages, the themes at the sizes where they break first.
  return {{1920, 1080, Lang::zh, false, false}, {1280, 800, Lang::en, false, false},
          {800, 480, Lang::zh, false, false},   {800, 480, Lang::en, false, false},
          {1080, 1920, Lang::en, false, false}, {800, 480, Lang::en, true, false},
          {1280, 800, Lang::zh, false, true}};
}

const std::vector<ui::ScreenId> kScreens{ui::ScreenId::home, ui::ScreenId::air,   ui::ScreenId::water,
                                         ui::ScreenId::bay,  ui::ScreenId::waste, ui::ScreenId::travel};

TEST(LayoutCheck, EveryScreenIsWholeAtEverySizeLanguageAndTheme) {
  Matrix m;
  std::vector<std::string> problems;
  for (const Case& c : cases()) {
    auto p = check_screens(m.content, c, kScreens);
    problems.insert(problems.end(), p.begin(), p.end());
  }
  EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s):\n" << report(problems);
}

// States worth checking beyond each screen's first look: a selected station and bay page, a category and
// search results, and classroom mode's game, quiz and quiz summary.
std::vector<std::string> check_states(const std::string& content, const Case& c) {
  ManualClock clock(test::kTestNow);
  std::string error;
  auto display = render::HeadlessDisplay::create(c.w, c.h, error);
  KioskApp app(*display, clock);
  AppOptions options{content, c.lang, true};
  if (!app.start(options, error)) return {error};
  app.set_feed(make_data_feed(app.content(), FetchMode::once, clock));
  if (!app.prepare(error)) return {error};
  if (c.large) app.toggle_large_text();
  if (c.contrast) app.toggle_high_contrast();
  const ui::LayoutRules rules = ui::make_layout_rules(c.w, c.h);
  std::vector<std::string> out;
  auto check = [&] {
    for (int i = 0; i < 2; ++i) {
      app.frame(true);
      clock.advance(1.0 / 60);
    }
    for (const auto& p : check_layout(app.record(), app.layout_frame(), rules)) out.push_back(p.message);
  };
  const ContentPack& pack = app.content();
  app.show(ui::ScreenId::air);
  for (const Station& s : pack.stations)
    if (s.kind == "air") {
      app.select(s.id);
      break;
    }
  check();
  app.show(ui::ScreenId::bay);
  if (!pack.bays.empty()) app.select(pack.bays.front().id);
  check();
  app.show(ui::ScreenId::waste);
  if (!pack.waste_categories.empty()) app.select(pack.waste_categories.front().id);
  check();
  app.show(ui::ScreenId::travel);
  app.show(ui::ScreenId::waste);
  app.search("kqsp");
  check();
  app.show(ui::ScreenId::game);
  app.classroom_move({classroom::Move::Kind::start_game});
  check();
  app.show(ui::ScreenId::quiz);
  app.classroom_move({classroom::Move::Kind::start_quiz});
  check();
  for (int q = 0; q < 20; ++q) {  // every answer the first choice: some right, most wrong
    app.classroom_move({classroom::Move::Kind::answer, {}, 0});
    app.classroom_move({classroom::Move::Kind::next_question});
  }
  check();
  return out;
}

TEST(LayoutCheck, SelectedItemsSearchAndClassroomAreWhole) {
  Matrix m;
  std::vector<std::string> problems;
  for (const Case& c : cases()) {
    auto p = check_states(m.content, c);
    problems.insert(problems.end(), p.begin(), p.end());
  }
  EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s):\n" << report(problems);
}

TEST(LayoutCheck, AlertsAreWholeAtEverySize) {
  for (bool severe : {false, true}) {
    Matrix m;
    m.alert(severe);
    std::vector<std::string> problems;
    for (const Case& c : cases()) {
      auto p = check_screens(m.content, c, {ui::ScreenId::home, ui::ScreenId::air});
      problems.insert(problems.end(), p.begin(), p.end());
    }
    EXPECT_TRUE(problems.empty()) << (severe ? "severe: " : "banner: ") << problems.size() << " problem(s):\n"
                                  << report(problems);
  }
}

bool shows(const ui::FrameRecord& r, const std::string& text) {
  return std::any_of(r.runs.begin(), r.runs.end(), [&](const ui::TextRun& run) {
    return run.text == text && run.max.y > run.clip.y && run.min.y < run.clip.w;
  });
}

// Captions the check lets be shortened, but which read badly shortened: at 800x480 in large text the
// waste screen's category cards take the content's short names, and home's bays tile puts its first
// target's title whole above its figures (they read "Hazardous …", "Residual W…" and "N…").
TEST(LayoutCheck, CategoryCardsAndTheBayTitleAt800x480InLargeTextAreWhole) {
  for (Lang lang : {Lang::zh, Lang::en}) {
    SCOPED_TRACE(lang == Lang::zh ? "zh" : "en");
    test::HeadlessKiosk k(800, 480, lang);
    ASSERT_TRUE(k.ok) << k.error;
    k.app->toggle_large_text();
    const ContentPack& pack = k.app->content();
    k.draw(ui::ScreenId::waste);
    for (const WasteCategory& c : pack.waste_categories)
      EXPECT_TRUE(shows(k.app->record(), c.name.in(lang)) || shows(k.app->record(), c.short_name.in(lang)))
          << c.id << " is not whole on its card";
    k.draw(ui::ScreenId::home);
    const auto bay = std::find_if(pack.targets.begin(), pack.targets.end(),
                                  [](const Target& t) { return t.area == "bay"; });
    ASSERT_NE(bay, pack.targets.end());
    const std::string& title = bay->title.in(lang);
    for (const ui::TextRun& r : k.app->record().runs)
      if (r.truncated) {
        const std::string kept = r.text.substr(0, r.text.rfind("…"));
        EXPECT_FALSE(title.starts_with(kept))  // "…" alone too
            << "'" << r.text << "' shortens the bays tile's first title";
      }
  }
}

// [SECTION] The air screen as one page (800x480 under a banner)

// A finger's drag from one point to another, resting before it lifts so the page does not glide on:
// it moves by the drag alone (less the few pixels before a press becomes a scroll).
void drag(test::HeadlessKiosk& k, ImVec2 from, ImVec2 to) {
  auto finger = [&](Uint32 type, ImVec2 at, bool down) {
    k.app->handle_event(finger_event(type, at.x, at.y, k.clock.monotonic(), down));
  };
  auto tick = [&] {
    k.clock.advance(1.0 / 60);
    k.app->frame();
  };
  finger(SDL_MOUSEMOTION, from, false);
  finger(SDL_MOUSEBUTTONDOWN, from, true);
  tick();
  for (int i = 1; i <= 8; ++i) {
    const float t = static_cast<float>(i) / 8;
    finger(SDL_MOUSEMOTION, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true);
    tick();
  }
  for (int i = 0; i < 8; ++i) tick();
  finger(SDL_MOUSEBUTTONUP, to, false);
  for (int i = 0; i < 60 && k.app->wants_frame(); ++i) tick();
}

struct PageCase {
  Lang lang;
  bool large, list;
};

// The matrix sees the first view of a page that scrolls (in large text: see one_page() in
// screen_air.cpp); here a finger follows it to the end and every view on the way is checked, with the
// map and with the station list. Each view is some 25 frames: ctest walks two of the four cases,
// KIOSK_LAYOUT_FULL=1 all of them.
TEST(LayoutCheck, AirUnderABannerAt800x480IsWholeAllTheWayDown) {
  Matrix m;
  m.alert(false);
  std::vector<PageCase> cases{{Lang::en, true, false}, {Lang::zh, true, true}};
  if (full_matrix()) cases.insert(cases.end(), {{Lang::zh, true, false}, {Lang::en, true, true}});
  for (const auto& [lang, large, list] : cases) {
    SCOPED_TRACE(std::string(lang == Lang::zh ? "zh" : "en") + (large ? " large" : "") +
                 (list ? " list" : " map"));
    test::HeadlessKiosk k(800, 480, lang, m.content);
    ASSERT_TRUE(k.ok) << k.error;
    if (large) k.app->toggle_large_text();
    k.draw(ui::ScreenId::air);
    const ui::LayoutRules rules = ui::make_layout_rules(800, 480);
    const std::string& list_label = k.app->content().strings.get("map.list", lang);
    std::vector<std::string> problems;
    std::string last;
    int views = 0;
    bool tapped_list = false;
    for (; views < 40; ++views) {
      const ui::FrameRecord& r = k.app->record();
      for (const auto& p : check_layout(r, k.app->layout_frame(), rules)) problems.push_back(p.message);
      if (list && !tapped_list)
        for (const auto& t : r.tappables)
          if (t.label == list_label && t.min.y >= t.clip.y && t.max.y <= t.clip.w) {
            const ImVec2 centre((t.min.x + t.max.x) / 2, (t.min.y + t.max.y) / 2);
            drag(k, centre, centre);  // a tap
            tapped_list = true;
            break;
          }
      const std::string now = ui::layout_dump(k.app->record(), k.app->layout_frame());
      if (now == last) break;  // the drag moved nothing: the end is in view
      last = now;
      drag(k, ImVec2(760, 370), ImVec2(760, 260));
    }
    EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s):\n" << report(problems);
    EXPECT_GE(views, 3) << "the page should scroll through several views";
    EXPECT_EQ(tapped_list, list);
    // At the end: the chosen station's pollutant chips, under its chart.
    EXPECT_TRUE(shows(k.app->record(), "PM2.5")) << "the page should end with the pollutant chips";
  }
}

}  // namespace
}  // namespace kiosk
