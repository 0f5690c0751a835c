// The start's full decode of every picture, on a worker: it reports what it exists for (a picture the
// header check let through) and nothing else, however the folder changes while it runs.
#include <gtest/gtest.h>

#include <filesystem>
#include <string_view>

#include "kiosk/app/full_picture_check.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "support/editor_mistakes.hpp"
#include "support/temp_dir.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

const test::EditorMistake& mistake(std::string_view name) {
  for (const test::EditorMistake& m : test::kEditorMistakes)
    if (m.name == name) return m;
  throw std::invalid_argument(std::string(name));
}

struct StartedPack {
  test::TempDir dir;
  fs::path content = fs::path(dir.path()) / "content";
  ContentLoad load;
  explicit StartedPack(const char* mistake_before_start = nullptr) {
    fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
    if (mistake_before_start) test::make_mistake(content, mistake(mistake_before_start));
    load = load_content(content, PictureCheck::header);
  }
};

TEST(FullPictureCheck, APictureCutShortIsANewErrorWhereThePictureIsNamed) {
  StartedPack started("CutShortJpeg");
  ASSERT_FALSE(started.load.diags.has_errors()) << "the header check lets a picture cut short through";
  FullPictureCheck check;
  check.start(started.load.pack, started.load.diags, Lang::en);
  const std::optional<FullPictureCheck::Result> r = check.take(true);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->new_errors.size(), 1u);
  EXPECT_NE(r->new_errors[0].find("bays.toml:"), std::string::npos) << r->new_errors[0];
  EXPECT_NE(r->new_errors[0].find(mistake("CutShortJpeg").en), std::string::npos) << r->new_errors[0];
  EXPECT_EQ(r->all.error_count(), 1);
}

// An editor who breaks a text file while the check runs hears of it from the reloader, as "not loaded";
// this check read the text files once before, and told the strip the pack on screen had the problem.
TEST(FullPictureCheck, ATextFileBrokenWhileItRunsIsNotItsToReport) {
  StartedPack started;
  ASSERT_FALSE(started.load.diags.has_errors());
  test::make_mistake(started.content, mistake("MissingLevels"));
  FullPictureCheck check;
  check.start(started.load.pack, started.load.diags, Lang::en);
  const std::optional<FullPictureCheck::Result> r = check.take(true);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->new_errors.empty()) << r->new_errors.front();
  EXPECT_EQ(r->all.error_count(), 0);
}

TEST(FullPictureCheck, SaysNothingOnceAnotherPackIsOnScreen) {
  StartedPack started("CutShortJpeg");
  FullPictureCheck check;
  check.start(started.load.pack, started.load.diags, Lang::en);
  check.forget();
  EXPECT_FALSE(check.take(true));
}

}  // namespace
}  // namespace kiosk
