// The kiosk's command line as a user meets it: render writes every screen; bad input gets one
// clear line and a non-zero exit, with nothing half-written left behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
const std::string kContent = KIOSK_CONTENT_DIR;
const std::string kNow = "--now=2026-11-28T10:00:00+08:00";

TEST(Render, WritesOnePngPerScreen) {
  TempDir out;
  CommandResult r =
      run_kiosk({"render", "--out", out.path(), "--content", kContent, kNow, "--size", "1280x800"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"home", "air", "water", "bay", "waste", "travel"}) {
    const std::string png = out / (std::string(name) + ".png");
    ASSERT_TRUE(fs::exists(png)) << png;
    EXPECT_EQ(slurp(png).substr(1, 3), "PNG");
    EXPECT_GT(fs::file_size(png), 10000u);
  }
}

TEST(Render, OneScreenOnly) {
  TempDir out;
  CommandResult r = run_kiosk(
      {"render", "--out", out.path(), "--content", kContent, "--screen", "water", "--size", "800x480"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "water.png"));
  EXPECT_FALSE(fs::exists(out / "home.png"));
}

struct BadInput {
  std::vector<std::string> args;
  std::string message;
};

class RenderRefuses : public ::testing::TestWithParam<BadInput> {};

TEST_P(RenderRefuses, WithOneClearLine) {
  TempDir out;
  std::vector<std::string> args{"render", "--out", out / "shots", "--content", kContent};
  args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
  CommandResult r = run_kiosk(args);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  // Nothing half-written: no PNG, and no temporary files.
  if (fs::exists(out / "shots"))
    for (const auto& e : fs::directory_iterator(out / "shots")) ADD_FAILURE() << "left behind: " << e.path();
}

INSTANTIATE_TEST_SUITE_P(
    BadInputs, RenderRefuses,
    ::testing::Values(BadInput{{"--screen", "kitchen"}, "--screen 'kitchen' is not a screen"},
                      BadInput{{"--size", "0x0"}, "--size '0x0' is not a size like 1920x1080"},
                      BadInput{{"--size", "abc"}, "--size 'abc' is not a size like 1920x1080"},
                      BadInput{{"--lang", "fr"}, "--lang 'fr' must be zh or en"},
                      BadInput{{"--now", "yesterday"}, "--now 'yesterday' is not a time"}));

TEST(Run, AnUnknownRotationIsOneLine) {
  CommandResult r = run_kiosk({"--rotate", "45", "--content", kContent});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("--rotate: 45 not in {0,90,180,270}"), std::string::npos) << r.err;
}

TEST(Render, UnwritableOutIsOneLine) {
  CommandResult r = run_kiosk({"render", "--out", "/proc/kiosk-cannot-write-here", "--content", kContent});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("--out '/proc/kiosk-cannot-write-here' cannot be created"), std::string::npos)
      << r.err;
}

TEST(Render, NoChineseFontNamesThePackagesToInstall) {
  // A machine with no CJK font at all: fontconfig knows no fonts and the usual folders are empty.
  TempDir fonts;
  std::ofstream(fonts / "fonts.conf") << "<?xml version=\"1.0\"?><fontconfig></fontconfig>\n";
  setenv("FONTCONFIG_FILE", (fonts / "fonts.conf").c_str(), 1);
  setenv("KIOSK_FONT_DIR", fonts.path().c_str(), 1);
  TempDir out;
  CommandResult r = run_kiosk({"render", "--out", out.path(), "--content", kContent});
  unsetenv("FONTCONFIG_FILE");
  unsetenv("KIOSK_FONT_DIR");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("apt-get install fonts-noto-cjk"), std::string::npos) << r.err;
}

TEST(Render, AWrongFontPathInContentFallsBackToTheSystemFont) {
  TempDir content;
  fs::copy(kContent, content.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string settings = slurp(content / "kiosk.toml");
  settings.replace(settings.find("[kiosk]\n"), 8, "[kiosk]\nfont = \"/nonexistent/font.ttc\"\n");
  std::ofstream(content / "kiosk.toml") << settings;
  TempDir out;
  CommandResult r =
      run_kiosk({"render", "--out", out.path(), "--content", content.path(), "--screen", "home"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("font '/nonexistent/font.ttc' does not exist"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "home.png"));
}

TEST(Render, APackWithErrorsIsStillDrawnAndExitsOne) {
  TempDir content;
  fs::copy(kContent, content.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::ofstream(content / "travel.toml", std::ios::app) << "\n[[tip]]\nid = \"broken\"\n";
  TempDir out;
  CommandResult r =
      run_kiosk({"render", "--out", out.path(), "--content", content.path(), "--screen", "travel"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("travel.toml:"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "travel.png"));
}

TEST(Cli, UnknownOptionIsOneLine) {
  CommandResult r = run_kiosk({"render", "--colour", "red"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
}

TEST(Cli, EverySubcommandHasHelp) {
  for (const char* cmd : {"render", "replay", "check-content", "fetch", "aqi", "water"}) {
    CommandResult r = run_kiosk({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << ": " << r.out;
  }
}

TEST(Cli, NoDisplayPointsToRender) {
  // With no display at all, the kiosk says so in one line and points to `kiosk render`.
  std::string saved_display = getenv("DISPLAY") ? getenv("DISPLAY") : "";
  setenv("SDL_VIDEODRIVER", "x11", 1);
  unsetenv("DISPLAY");
  unsetenv("WAYLAND_DISPLAY");
  CommandResult r = run_kiosk({"--content", kContent});
  unsetenv("SDL_VIDEODRIVER");
  if (!saved_display.empty()) setenv("DISPLAY", saved_display.c_str(), 1);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("kiosk render"), std::string::npos) << r.err;
}

TEST(Cli, NoRealDisplayIsOneLineNotAnInvisibleKiosk) {
  // No X11, Wayland or DRM card, and no SDL_VIDEODRIVER asking for offscreen: no fallback to it.
  std::error_code ec;
  if (std::filesystem::exists("/dev/dri", ec)) GTEST_SKIP() << "this machine has a DRM device";
  std::string saved_display = getenv("DISPLAY") ? getenv("DISPLAY") : "";
  std::string saved_wayland = getenv("WAYLAND_DISPLAY") ? getenv("WAYLAND_DISPLAY") : "";
  unsetenv("SDL_VIDEODRIVER");
  unsetenv("DISPLAY");
  unsetenv("WAYLAND_DISPLAY");
  CommandResult r = run_kiosk({"--content", kContent, "--site", ""});
  if (!saved_display.empty()) setenv("DISPLAY", saved_display.c_str(), 1);
  if (!saved_wayland.empty()) setenv("WAYLAND_DISPLAY", saved_wayland.c_str(), 1);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("no display"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kiosk render"), std::string::npos) << r.err;
}

TEST(CheckContent, BundledPackHasNoProblems) {
  CommandResult r = run_kiosk({"check-content", kContent});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST(CheckContent, UnreadableFolderExitsTwo) {
  CommandResult r = run_kiosk({"check-content", "/nonexistent/content"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CheckContent, ErrorsExitOneWithPositions) {
  TempDir content;
  std::ofstream(content / "kiosk.toml")
      << "[kiosk]\nversion = \"1\"\ncity = { zh = \"城\", en = \"C\" }\ntitel = 1\n";
  std::ofstream(content / "strings.toml") << "";
  CommandResult r = run_kiosk({"check-content", content.path(), "--lang", "en"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("kiosk.toml:4:1: error: unknown key 'titel' in [kiosk]"), std::string::npos) << r.out;
  // Without --lang: the pack's language (Chinese unless kiosk.toml says otherwise).
  CommandResult zh = run_kiosk({"check-content", content.path()});
  EXPECT_EQ(zh.exit_code, 1);
  EXPECT_NE(zh.out.find("kiosk.toml:4:1: 错误：[kiosk] 里没有 'titel' 这个键"), std::string::npos) << zh.out;
}

}  // namespace
}  // namespace kiosk::test
