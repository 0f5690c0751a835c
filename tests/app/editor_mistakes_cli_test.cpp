// Every editor mistake of issue 19 through check-content and render: exit 1 (never a signal), the
// message at the value to fix, in English and in Chinese. The same table runs through hot reload in
// tests/reload/editor_mistakes_reload_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/editor_mistakes.hpp"
#include "support/run_command.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

class EditorMistakeOnTheCommandLine : public ::testing::TestWithParam<EditorMistake> {
 protected:
  void SetUp() override {
    fs::copy(KIOSK_CONTENT_DIR, pack.path(),
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    where = make_mistake(pack.path(), GetParam());
  }
  TempDir pack;
  std::string where;
};

TEST_P(EditorMistakeOnTheCommandLine, CheckContentSaysWhereAndHowInEnglish) {
  CommandResult r = run_kiosk({"check-content", pack.path(), "--lang", "en"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  const std::string line = where + ": error: " + GetParam().en;
  EXPECT_NE(r.out.find(line), std::string::npos) << "expected: " << line << "\n" << r.out;
}

TEST_P(EditorMistakeOnTheCommandLine, CheckContentSaysWhereAndHowInChinese) {
  CommandResult r = run_kiosk({"check-content", pack.path(), "--lang", "zh"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  const std::string line = where + ": 错误：" + GetParam().zh;
  EXPECT_NE(r.out.find(line), std::string::npos) << "expected: " << line << "\n" << r.out;
}

TEST_P(EditorMistakeOnTheCommandLine, RenderReportsItExitsOneAndStillDraws) {
  TempDir out;
  CommandResult r = run_kiosk({"render", "--content", pack.path(), "--out", out.path(), "--size", "800x480",
                               "--screen", "home", "--lang", "en", "--now=2026-11-28T10:00:00+08:00"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(where + ": error: " + GetParam().en), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "home.png")) << r.err;
}

INSTANTIATE_TEST_SUITE_P(EveryMistake, EditorMistakeOnTheCommandLine, ::testing::ValuesIn(kEditorMistakes),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace kiosk::test
