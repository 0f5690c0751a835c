// A broken content pack never brings a command down: every content file missing, empty, saved in
// GBK or holding the wrong types goes through check-content, render and replay, which exit 0, 1 or 2
// (never with a signal), and the screens are still drawn, with built-in text where strings fail.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
const std::string kContent = KIOSK_CONTENT_DIR;
const std::string kNow = "--now=2026-11-28T10:00:00+08:00";

enum class Breakage { missing, empty, gbk, wrong_types };

struct Broken {
  const char* file;
  Breakage how;
};

std::string name_of(const ::testing::TestParamInfo<Broken>& info) {
  std::string f = info.param.file;
  f = f.substr(0, f.find('.'));
  const char* how[] = {"Missing", "Empty", "Gbk", "WrongTypes"};
  return f + how[static_cast<int>(info.param.how)];
}

// The bundled pack with one file broken the way an editor might break it.
void break_pack(const TempDir& pack, const Broken& b) {
  fs::copy(kContent, pack.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string path = pack / b.file;
  switch (b.how) {
    case Breakage::missing:
      fs::remove(path);
      break;
    case Breakage::empty:
      std::ofstream(path, std::ios::trunc);
      break;
    case Breakage::gbk:
      // "[home]\ntitle = { zh = "首页", en = "Home" }" as a Chinese Windows editor saves it (GBK).
      std::ofstream(path, std::ios::trunc | std::ios::binary)
          << "[home]\ntitle = { zh = \"\xca\xd7\xd2\xb3\", en = \"Home\" }\n";
      break;
    case Breakage::wrong_types:
      std::ofstream(path, std::ios::trunc)
          << "kiosk = 1\nhome = \"x\"\nitem = 3\ncategory = [1, 2]\nstation = "
             "true\nsource = 1.5\naqi = \"high\"\nnav = [\"a\"]\n";
      break;
  }
}

class BrokenPack : public ::testing::TestWithParam<Broken> {};

TEST_P(BrokenPack, CheckContentReportsItWithoutCrashing) {
  TempDir pack;
  break_pack(pack, GetParam());
  CommandResult r = run_kiosk({"check-content", pack.path()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(GetParam().file), std::string::npos) << r.out;
}

TEST_P(BrokenPack, RenderDrawsEveryScreenAndExitsOne) {
  TempDir pack, out;
  break_pack(pack, GetParam());
  CommandResult r =
      run_kiosk({"render", "--out", out.path(), "--content", pack.path(), kNow, "--size", "800x480"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(GetParam().file), std::string::npos) << r.err;
  for (const char* screen : {"home", "air", "water", "waste", "travel"})
    EXPECT_TRUE(fs::exists(out / (std::string(screen) + ".png"))) << screen;
}

TEST_P(BrokenPack, ReplayRunsThroughEveryScreen) {
  TempDir pack, out;
  break_pack(pack, GetParam());
  std::ofstream(out / "script.replay")
      << "key right\nkey right\nkey right\nkey right\nkey right\nshot last\n";
  CommandResult r = run_kiosk({"replay", out / "script.replay", "--out", out.path(), "--content", pack.path(),
                               kNow, "--size", "800x480"});
  EXPECT_LT(r.exit_code, 128) << r.err;
  EXPECT_TRUE(fs::exists(out / "last.png")) << r.err;
}

// The same decoding and limits as check-content: a picture cut short is an error for render too.
TEST(BrokenPicture, RenderDrawsAPlaceholderAndExitsOneWithAPlainMessage) {
  TempDir pack, out;
  fs::copy(kContent, pack.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string whole = slurp(pack / "pictures/bay-east-photo.png");
  std::ofstream(pack / "pictures/bay-east-photo.png", std::ios::binary | std::ios::trunc)
      << whole.substr(0, whole.size() / 2);
  CommandResult r = run_kiosk({"render", "--out", out.path(), "--content", pack.path(), kNow, "--size",
                               "800x480", "--screen", "bay"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("图片文件不完整（可能没有复制完）"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "bay.png"));
  CommandResult en = run_kiosk({"check-content", pack.path(), "--lang", "en"});
  EXPECT_EQ(en.exit_code, 1);
  EXPECT_NE(en.out.find("the picture file is cut short or damaged (perhaps not fully copied)"),
            std::string::npos)
      << en.out;
  EXPECT_NE(en.err.find(": 1 error(s), 0 warning(s)"), std::string::npos) << en.err;
  CommandResult zh = run_kiosk({"check-content", pack.path(), "--lang", "zh"});
  EXPECT_NE(zh.err.find("：1 个错误，0 个警告"), std::string::npos) << "the count in the editor's language\n"
                                                                    << zh.err;
}

INSTANTIATE_TEST_SUITE_P(
    EveryRequiredFile, BrokenPack,
    ::testing::Values(Broken{"strings.toml", Breakage::missing}, Broken{"strings.toml", Breakage::empty},
                      Broken{"strings.toml", Breakage::gbk}, Broken{"strings.toml", Breakage::wrong_types},
                      Broken{"kiosk.toml", Breakage::missing}, Broken{"kiosk.toml", Breakage::empty},
                      Broken{"kiosk.toml", Breakage::gbk}, Broken{"kiosk.toml", Breakage::wrong_types},
                      Broken{"waste.toml", Breakage::missing}, Broken{"waste.toml", Breakage::empty},
                      Broken{"waste.toml", Breakage::gbk}, Broken{"waste.toml", Breakage::wrong_types},
                      Broken{"stations.toml", Breakage::missing}, Broken{"stations.toml", Breakage::empty},
                      Broken{"stations.toml", Breakage::gbk}, Broken{"stations.toml", Breakage::wrong_types},
                      Broken{"sources.toml", Breakage::missing}, Broken{"sources.toml", Breakage::empty},
                      Broken{"sources.toml", Breakage::gbk}, Broken{"sources.toml", Breakage::wrong_types},
                      Broken{"levels.toml", Breakage::missing}, Broken{"levels.toml", Breakage::empty},
                      Broken{"levels.toml", Breakage::gbk}, Broken{"levels.toml", Breakage::wrong_types}),
    name_of);

}  // namespace
}  // namespace kiosk::test
