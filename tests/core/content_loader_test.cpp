// The content pack validator: every class of editor mistake is reported with its file, line,
// column and a message that says what to do; nothing is silently accepted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kiosk/core/content/content_loader.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

class ContentPackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write("kiosk.toml", "[kiosk]\nversion = \"1\"\ncity = { zh = \"城\", en = \"City\" }\n");
    write("strings.toml", "[nav]\nhome = { zh = \"首页\", en = \"Home\" }\n");
    // The lists a pack exists for, left empty on purpose (a test that needs one writes it).
    for (const char* file : {"stations.toml", "sources.toml", "waste.toml", "levels.toml"})
      write(file, "allow_empty = true\n");
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((fs::path(dir.path()) / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  ContentLoad load() { return load_content(dir.path()); }
  // The formatted diagnostics, one per line, for readable failure messages.
  static std::string all(const ContentLoad& l) {
    std::string s;
    for (const auto& d : l.diags.items()) s += d.format() + "\n";
    return s;
  }
  static std::string all_in(const ContentLoad& l, Lang lang) {
    std::string s;
    for (const auto& d : l.diags.items()) s += d.format(lang) + "\n";
    return s;
  }
  test::TempDir dir;
};

TEST_F(ContentPackTest, MinimalPackLoadsClean) {
  ContentLoad l = load();
  EXPECT_TRUE(l.diags.items().empty()) << all(l);
  EXPECT_EQ(l.pack.settings.city.en, "City");
  EXPECT_EQ(l.pack.strings.get("nav.home", Lang::zh), "首页");
}

TEST_F(ContentPackTest, HistoryRowsAboveTheCeilingAreRefusedWithTheCeiling) {
  write("kiosk.toml",
        "[kiosk]\nversion = \"1\"\ncity = { zh = \"城\", en = \"City\" }\n[data]\nhistory_rows = 9000000\n");
  ContentLoad l = load();
  EXPECT_NE(
      all(l).find(
          "kiosk.toml:5:16: error: 'history_rows' must be from 1000 to 500000 (the ceiling), not 9000000"),
      std::string::npos)
      << all(l);
  EXPECT_EQ(l.pack.settings.history_rows, 100000) << "the safe default stays";
}

TEST_F(ContentPackTest, HistoryRowsUnderTheCeilingAreTaken) {
  write("kiosk.toml",
        "[kiosk]\nversion = \"1\"\ncity = { zh = \"城\", en = \"City\" }\n[data]\nhistory_rows = 20000\n");
  ContentLoad l = load();
  EXPECT_TRUE(l.diags.items().empty()) << all(l);
  EXPECT_EQ(l.pack.settings.history_rows, 20000);
}

// The render crash of issue 19: a string looked up with a key strings.toml lacks.
TEST_F(ContentPackTest, AStringKeyTheFileLacksComesFromTheBuiltInText) {
  ContentLoad l = load();
  EXPECT_EQ(l.pack.strings.get("nav.home", Lang::zh), "首页");  // the pack's own text wins
  EXPECT_EQ(l.pack.strings.get("data.no_data", Lang::en), "No data");
  EXPECT_EQ(l.pack.strings.get("data.no_data", Lang::zh), "暂无数据");
}

TEST_F(ContentPackTest, AKeyNoneKnowsShowsItselfAndOutlivesTheCall) {
  ContentLoad l = load();
  const std::string& shown = l.pack.strings.get(std::string("nowhere.") + "to_be_found", Lang::en);
  std::string other(64, 'x');  // reuse the temporary's memory
  EXPECT_EQ(shown, "nowhere.to_be_found");
}

TEST_F(ContentPackTest, MissingStringsFileIsAnErrorButScreensKeepTheirWords) {
  fs::remove(dir / "strings.toml");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("strings.toml: error: file is missing"), std::string::npos) << all(l);
  EXPECT_EQ(l.pack.strings.get("nav.home", Lang::en), "Home");
}

TEST_F(ContentPackTest, TypoInKeySuggestsTheRightOne) {
  write("travel.toml",
        "[[tip]]\nid = \"bus\"\ntitel = { zh = \"公交\", en = \"Bus\" }\nbody = { zh = \"坐\", en = \"Ride\" "
        "}\n");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("travel.toml:3:1: error: unknown key 'titel' in [[tip]]; did you mean 'title'?"),
            std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, MissingRequiredKeyIsAnError) {
  write("travel.toml", "[[tip]]\nid = \"bus\"\nbody = { zh = \"坐\", en = \"Ride\" }\n");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("travel.toml:1:1: error: missing required key 'title' in [[tip]]"), std::string::npos)
      << all(l);
}

// toml++ reads an unquoted offset date-time itself; the quoted form editors already write still works.
TEST_F(ContentPackTest, AlertTimesMayBeTomlDateTimesOrQuoted) {
  write("alerts.toml",
        "[[alert]]\nid = \"a\"\ntitle = { zh = \"预警\", en = \"Alert\" }\n"
        "starts = 2026-12-01T08:00:00+08:00\nexpires = \"2026-12-03T20:00:00+08:00\"\n");
  ContentLoad l = load();
  ASSERT_EQ(l.pack.alerts.size(), 1u) << all(l);
  EXPECT_EQ(l.pack.alerts[0].starts, 1796083200);   // 2026-12-01T00:00:00Z
  EXPECT_EQ(l.pack.alerts[0].expires, 1796299200);  // 2026-12-03T12:00:00Z
}

TEST_F(ContentPackTest, AnAlertTimeWithoutItsOffsetIsNamed) {
  write("alerts.toml",
        "[[alert]]\nid = \"a\"\ntitle = { zh = \"预警\", en = \"Alert\" }\n"
        "starts = 2026-12-01T08:00:00\nexpires = \"2026-12-03 20:00\"\n");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("alerts.toml:4:10: error: 'starts' must be a time with its offset"),
            std::string::npos)
      << all(l);
  EXPECT_NE(all(l).find("alerts.toml:5:11: error: 'expires' must be a time with its offset"),
            std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, WrongTypeNamesWhatWasExpected) {
  write("stations.toml",
        "[[station]]\nid = \"a\"\nkind = \"air\"\nname = { zh = \"站\", en = \"S\" }\nlat = \"north\"\nlon = "
        "121.0\n");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("stations.toml:5:7: error: 'lat' must be a number, not a string"), std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, AStationCanBeLeftOutOfTheCityAqi) {
  write(
      "stations.toml",
      "[[station]]\nid = \"a\"\nkind = \"air\"\nname = { zh = \"站\", en = \"S\" }\nlat = 37.5\nlon = 121.0\n"
      "city = false\n[[station]]\nid = \"b\"\nkind = \"air\"\nname = { zh = \"站\", en = \"T\" }\n"
      "lat = 37.5\nlon = 121.0\n");
  ContentLoad l = load();
  EXPECT_EQ(all(l).find("stations.toml"), std::string::npos) << all(l);
  ASSERT_EQ(l.pack.stations.size(), 2u);
  EXPECT_FALSE(l.pack.stations[0].city);
  EXPECT_TRUE(l.pack.stations[1].city);
}

TEST_F(ContentPackTest, SyntaxErrorHasPosition) {
  write("travel.toml", "[[tip]]\nid = \"bus\ntitle = 1\n");
  ContentLoad l = load();
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.items().front().file, "travel.toml");
  EXPECT_EQ(l.diags.items().front().line, 2) << all(l);
}

// Found by fuzz_content: the TOML parser's message quoted the editor's text with its line break.
TEST_F(ContentPackTest, AnErrorQuotingTheFileStaysOneLine) {
  write("travel.toml", "[[tip]]\nid = \"bus\"\nshown = tru\n");
  ContentLoad l = load();
  ASSERT_TRUE(l.diags.has_errors());
  for (const Diagnostic& d : l.diags.items())
    EXPECT_EQ(d.format().find('\n'), std::string::npos) << d.format();
  EXPECT_NE(all(l).find("travel.toml:3:"), std::string::npos) << all(l);
}

TEST_F(ContentPackTest, MissingLanguageIsAWarning) {
  write("travel.toml",
        "[[tip]]\nid = \"bus\"\ntitle = { zh = \"公交\" }\nbody = { zh = \"坐\", en = \"Ride\" }\n");
  ContentLoad l = load();
  EXPECT_FALSE(l.diags.has_errors()) << all(l);
  EXPECT_NE(all(l).find("travel.toml:3:9: warning: 'title' has no English text (en)"), std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, DuplicateIdPointsAtItsIdAndNamesTheFirst) {
  write("travel.toml",
        "[[tip]]\nid = \"bus\"\ntitle = { zh = \"a\", en = \"a\" }\nbody = { zh = \"b\", en = \"b\" }\n"
        "[[tip]]\nid = \"bus\"\ntitle = { zh = \"a\", en = \"a\" }\nbody = { zh = \"b\", en = \"b\" }\n");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("travel.toml:6:6: error: duplicate tip id 'bus' (first defined at line 2)"),
            std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, ReferenceToMissingCategoryIsAnError) {
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"bottle\" }\ncategory = \"plastic\"\n");
  ContentLoad l = load();
  EXPECT_NE(all(l).find("waste item 'x' has category 'plastic', which waste.toml does not define"),
            std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, PathLeavingTheFolderIsRefused) {
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"b\" }\ncategory = \"other\"\n"
        "picture = \"../../etc/passwd\"\n");
  ContentLoad l = load();
  EXPECT_NE(
      all(l).find("waste.toml:5:11: error: 'picture': path '../../etc/passwd' leaves the content folder"),
      std::string::npos)
      << all(l);
}

TEST_F(ContentPackTest, AbsolutePathIsRefused) {
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"b\" }\ncategory = \"other\"\n"
        "picture = \"/etc/hostname\"\n");
  EXPECT_NE(all(load()).find("absolute path '/etc/hostname' is not allowed"), std::string::npos);
}

TEST_F(ContentPackTest, SymbolicLinkLeavingTheFolderIsNotFollowed) {
  fs::create_symlink("/etc/hostname", dir / "outside.png");
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"b\" }\ncategory = \"other\"\n"
        "picture = \"outside.png\"\n");
  EXPECT_NE(all(load()).find("is a link that leaves the content folder; it is not followed"),
            std::string::npos);
}

TEST_F(ContentPackTest, CorruptPictureIsReportedWhereItIsNamed) {
  write("pictures/broken.png", std::string("\x89PNG\r\n\x1a\n", 8) + "not really a png");
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"b\" }\ncategory = \"other\"\n"
        "picture = \"pictures/broken.png\"\n");
  ContentLoad l = load();
  EXPECT_NE(
      all(l).find("waste.toml:5:11: error: picture 'pictures/broken.png': the picture file is cut short or "
                  "damaged (perhaps not fully copied)"),
      std::string::npos)
      << all(l);
  EXPECT_NE(all_in(l, Lang::zh)
                .find("waste.toml:5:11: 错误：图片 'pictures/broken.png'：图片文件不完整（可能没有复制完）"),
            std::string::npos)
      << all_in(l, Lang::zh);
}

TEST_F(ContentPackTest, PictureThatIsNotPngOrJpegIsRefused) {
  write("pictures/a.gif", "GIF89a....");
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"b\" }\ncategory = \"other\"\n"
        "picture = \"pictures/a.gif\"\n");
  EXPECT_NE(all(load()).find("picture 'pictures/a.gif' is not a PNG or JPEG file"), std::string::npos);
}

TEST_F(ContentPackTest, PictureClaimingHugeSizeIsRefusedFromItsHeader) {
  // A PNG header that claims 60000x60000: refused before any pixel is decoded.
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\xea\x60\0\0\xea\x60\x08\x06\0\0\0\0\0\0\0", 33);
  write("pictures/huge.png", png);
  write("waste.toml",
        "[[item]]\nid = \"x\"\nname = { zh = \"瓶\", en = \"b\" }\ncategory = \"other\"\n"
        "picture = \"pictures/huge.png\"\n");
  EXPECT_NE(all(load()).find("is 60000x60000 pixels; pictures must be at most 4096x4096"), std::string::npos)
      << all(load());
}

TEST_F(ContentPackTest, EmptyRequiredFileIsAnError) {
  write("kiosk.toml", "");
  EXPECT_NE(all(load()).find("kiosk.toml: error: file is empty"), std::string::npos);
}

TEST_F(ContentPackTest, FileThatIsNotUtf8IsAnError) {
  write("travel.toml", "# \xff\xfe bad bytes\n");
  ContentLoad l = load();
  ASSERT_TRUE(l.diags.has_errors());
  EXPECT_EQ(l.diags.items().front().file, "travel.toml");
  EXPECT_EQ(l.diags.items().front().line, 1);
}

TEST_F(ContentPackTest, HugeFileIsRefusedWithoutParsing) {
  write("travel.toml", std::string(50u << 20, '#'));
  EXPECT_NE(all(load()).find("travel.toml: error: file is 50 MB; content files must be under 4 MB"),
            std::string::npos);
}

TEST_F(ContentPackTest, MissingFolderCannotBeRead) {
  ContentLoad l = load_content(dir / "nowhere");
  EXPECT_FALSE(l.readable);
}

TEST_F(ContentPackTest, EveryProblemIsReportedNotJustTheFirst) {
  write("travel.toml", "[[tip]]\nid = \"a\"\ntitel = 1\n[[tip]]\nid = \"b\"\nbodi = 2\n");
  ContentLoad l = load();
  EXPECT_GE(l.diags.error_count(), 4) << all(l);  // two unknown keys, two missing titles (and bodies)
}

TEST(BundledContent, DemoPackValidatesWithoutErrorsOrWarnings) {
  ContentLoad l = load_content(KIOSK_CONTENT_DIR);
  std::string report;
  for (const auto& d : l.diags.items()) report += d.format() + "\n";
  EXPECT_TRUE(l.diags.items().empty()) << report;
  EXPECT_FALSE(l.pack.stations.empty());
}

}  // namespace
}  // namespace kiosk
