// The mistakes a content editor makes, each with the position of the value to fix and a message in
// both languages that says what was done and how to fix it (issue 19).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/content/parse_problems.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

class EditorMistake : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(KIOSK_CONTENT_DIR, dir.path(),
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary | std::ios::trunc) << text;
  }
  // Every diagnostic, one per line, in `lang`.
  std::string shown(Lang lang) {
    std::string s;
    const ContentLoad load = load_content(dir.path());
    for (const auto& d : load.diags.items()) s += d.format(lang) + "\n";
    return s;
  }
  void expect(const std::string& en, const std::string& zh) {
    const std::string e = shown(Lang::en), z = shown(Lang::zh);
    EXPECT_NE(e.find(en), std::string::npos) << e;
    EXPECT_NE(z.find(zh), std::string::npos) << z;
  }
  test::TempDir dir;
};

const std::string kCategory =
    "[[category]]\nid = \"recyclable\"\nname = { zh = \"可回收物\", en = \"Recyclable\" }\n"
    "color = \"#1F6FB5\"\n";
const std::string kItemHead = "[[item]]\nname = { zh = \"瓶\", en = \"Bottle\" }\n";

TEST_F(EditorMistake, ChineseQuotesPointAtTheQuote) {
  write("waste.toml",
        kCategory + "[[item]]\nname = { zh = “瓶”, en = \"Bottle\" }\ncategory = \"recyclable\"\n");
  expect("waste.toml:6:15: error: Chinese quotes “ ” are not TOML quotes; change them to \"",
         "waste.toml:6:15: 错误：把中文引号 “ ” 改成英文引号 \"");
}

TEST_F(EditorMistake, FullWidthEqualsSign) {
  write("waste.toml", kCategory + "[[item]]\nname ＝ { zh = \"瓶\", en = \"Bottle\" }\n");
  expect("waste.toml:6:6: error: the full-width equals sign ＝ must be the ASCII =",
         "waste.toml:6:6: 错误：把全角等号 ＝ 改成英文等号 =");
}

TEST_F(EditorMistake, ChineseColonInsteadOfEquals) {
  write("waste.toml", kCategory + kItemHead + "category：\"recyclable\"\n");
  expect("waste.toml:7:9: error: the Chinese colon ： must be an ASCII = between key and value",
         "waste.toml:7:9: 错误：键和值之间要用英文等号 =，不能用中文冒号 ：");
}

TEST_F(EditorMistake, ChineseComma) {
  write("waste.toml", kCategory + "[[item]]\nname = { zh = \"瓶\"， en = \"Bottle\" }\n");
  expect("waste.toml:6:18: error: the Chinese comma ， must be the ASCII ,",
         "waste.toml:6:18: 错误：把中文逗号 ， 改成英文逗号 ,");
}

TEST_F(EditorMistake, MissingClosingQuote) {
  write("waste.toml", kCategory + "[[item]]\nname = { zh = \"瓶, en = \"Bottle\" }\n");
  expect("waste.toml:6:15: error: a text is missing its closing quote \"",
         "waste.toml:6:15: 错误：文字缺少结尾的英文引号 \"");
}

TEST_F(EditorMistake, MissingClosingQuoteAtTheEndOfTheLine) {
  write("waste.toml", kCategory + kItemHead + "category = \"recyclable\ntip = { zh = \"a\", en = \"b\" }\n");
  expect("waste.toml:7:12: error: a text is missing its closing quote \"", "文字缺少结尾的英文引号");
}

TEST_F(EditorMistake, DuplicatedKey) {
  write("waste.toml", kCategory + "color = \"#1F6FB5\"\n");
  expect("waste.toml:5:1: error: this key or table is given twice; keep one",
         "waste.toml:5:1: 错误：同一个键或表写了两次");
}

TEST_F(EditorMistake, NumberWithAUnit) {
  write("waste.toml", kCategory + "weight = 60kg\n");
  expect("waste.toml:5:12: error: a number has letters after it; numbers have no units (60, not 60s)",
         "waste.toml:5:12: 错误：数字后面不能有单位或文字（写 60，不写 60s）");
}

TEST_F(EditorMistake, TextWithoutQuotes) {
  write("waste.toml", kCategory + "[[item]]\nname = { zh = 瓶, en = \"Bottle\" }\n");
  expect("waste.toml:6:15: error: this value is not TOML: a text needs straight quotes",
         "waste.toml:6:15: 错误：这个值的写法不对：文字要加英文引号");
}

TEST_F(EditorMistake, DuplicatedTableNamesIt) {
  write("waste.toml",
        kCategory + "[[item]]\nname = { zh = \"瓶\", en = \"Bottle\" }\nname = { zh = \"瓶\" }\n");
  expect("waste.toml:7:1: error: this key or table is given twice; keep one ('name' is given again here)",
         "waste.toml:7:1: 错误：同一个键或表写了两次：请删掉一个（'name' 在这里又写了一次）");
}

TEST_F(EditorMistake, FileSavedAsGbk) {
  write("waste.toml", kCategory + "[[item]]\nname = { zh = \"\xca\xd7\xd2\xb3\", en = \"Bottle\" }\n");
  expect("waste.toml:6:16: error: the file is not saved as UTF-8",
         "waste.toml:6:16: 错误：文件不是 UTF-8 编码（可能是记事本保存的 GBK）：请把文件另存为 UTF-8");
}

TEST_F(EditorMistake, BackslashInAPictureSaysUseSlash) {
  write("waste.toml",
        kCategory + kItemHead + "category = \"recyclable\"\npicture = \"pictures\\bay-east-photo.png\"\n");
  expect(
      "waste.toml:8:11: error: 'picture': a backslash \\ in a path starts an escape in TOML; use / in paths: "
      "\"pictures/bay-east-photo.png\"",
      "waste.toml:8:11: 错误：'picture'：路径里请用 / 而不是 \\，写成 \"pictures/bay-east-photo.png\"");
}

TEST_F(EditorMistake, PictureNameInTheWrongCaseNamesTheFile) {
  write("waste.toml",
        kCategory + kItemHead + "category = \"recyclable\"\npicture = \"pictures/Bay-East-Photo.png\"\n");
  expect(
      "waste.toml:8:11: error: 'picture': 'pictures/Bay-East-Photo.png' does not exist; the file is "
      "'pictures/bay-east-photo.png' (capital and small letters must match)",
      "文件名是 'pictures/bay-east-photo.png'（大小写必须一致）");
}

TEST_F(EditorMistake, MistypedPictureSuggestsTheClosestFile) {
  write("waste.toml",
        kCategory + kItemHead + "category = \"recyclable\"\npicture = \"pictures/bay-est-photo.png\"\n");
  expect("does not exist; did you mean 'pictures/bay-east-photo.png'?",
         "是不是 'pictures/bay-east-photo.png'？");
}

TEST_F(EditorMistake, WrongCategoryPointsAtTheValueAndListsTheValidOnes) {
  write("waste.toml", kCategory + kItemHead + "category = \"recycle\"\n");
  expect(
      "waste.toml:7:12: error: waste item '瓶' has category 'recycle', which waste.toml does not define; did "
      "you "
      "mean 'recyclable'? The categories are: recyclable",
      "waste.toml:7:12: 错误：物品 '瓶' 的类别 'recycle' 在 waste.toml 里没有定义；是不是 "
      "'recyclable'？可用的类别：recyclable");
}

TEST_F(EditorMistake, CategoryFarFromAnyListsTheValidOnesWithoutAGuess) {
  write("waste.toml", kCategory + kItemHead + "category = \"glass\"\n");
  expect(
      "waste.toml:7:12: error: waste item '瓶' has category 'glass', which waste.toml does not define; the "
      "categories are: recyclable",
      "waste.toml:7:12: 错误：物品 '瓶' 的类别 'glass' 在 waste.toml 里没有定义；可用的类别：recyclable");
}

TEST_F(EditorMistake, WrongColourPointsAtTheColour) {
  write("waste.toml",
        "[[category]]\nid = \"recyclable\"\nname = { zh = \"可回收物\", en = \"R\" }\ncolor = \"blue\"\n" +
            kItemHead + "category = \"recyclable\"\n");
  expect("waste.toml:4:9: error: 'color' must look like \"#1F6FB5\", not 'blue'",
         "waste.toml:4:9: 错误：'color' 必须写成 \"#1F6FB5\" 这样");
}

TEST_F(EditorMistake, WrongAnswerPointsAtTheAnswer) {
  std::string quiz = test::slurp(dir / "quiz.toml");
  const size_t at = quiz.find("answer = ");
  quiz.replace(at, quiz.find('\n', at) - at, "answer = 5");
  write("quiz.toml", quiz);
  expect("quiz.toml:18:10: error: 'answer' must be the number of one of the choices (1 to 4)",
         "quiz.toml:18:10: 错误：'answer' 必须是其中一个选项的序号（1 到 4）");
}

TEST_F(EditorMistake, WrongSourceListsTheValidOnes) {
  std::string stations = test::slurp(dir / "stations.toml");
  const size_t at = stations.find("source = \"");
  stations.replace(at, stations.find('\n', at) - at, "source = \"bureau\"");
  write("stations.toml", stations);
  expect(
      "stations.toml:11:10: error: station 'air-harbour' names source 'bureau', which sources.toml does not "
      "define; "
      "the sources are: demo-air, demo-water, demo-sea, demo-bikes",
      "stations.toml:11:10: 错误：站点 'air-harbour' 的来源 'bureau' 在 sources.toml "
      "里没有定义；可用的来源：demo-air, demo-water, demo-sea, demo-bikes");
}

TEST_F(EditorMistake, MisspeltKeyInChinese) {
  write("waste.toml",
        kCategory + "[[item]]\nnmae = { zh = \"瓶\", en = \"Bottle\" }\ncategory = \"recyclable\"\n");
  expect("waste.toml:6:1: error: unknown key 'nmae' in [[item]]; did you mean 'name'?",
         "waste.toml:6:1: 错误：[[item]] 里没有 'nmae' 这个键；是不是 'name'？");
}

TEST_F(EditorMistake, WrongTypeInChinese) {
  write("waste.toml", kCategory + "[[item]]\nname = \"瓶\"\ncategory = \"recyclable\"\n");
  expect(
      "waste.toml:6:8: error: 'name' must be a table like",
      "waste.toml:6:8: 错误：'name' 的类型不对：应为{ zh = \"…\", en = \"…\" } 这样的中英文对照，这里是文字");
}

TEST_F(EditorMistake, PictureOutsideTheFolderInChinese) {
  write("waste.toml", kCategory + kItemHead + "category = \"recyclable\"\npicture = \"../x.png\"\n");
  expect("waste.toml:8:11: error: 'picture': path '../x.png' leaves the content folder",
         "waste.toml:8:11: 错误：'picture'：路径 '../x.png' 不在内容文件夹里");
}

TEST_F(EditorMistake, DuplicateIdInChinese) {
  write("waste.toml", kCategory + kItemHead + "id = \"a\"\ncategory = \"recyclable\"\n" + kItemHead +
                          "id = \"a\"\ncategory = \"recyclable\"\n");
  expect("waste.toml:11:6: error: duplicate waste item id 'a' (first defined at line 7)",
         "waste.toml:11:6: 错误：id 'a' 重复了（第 7 行已经用过）；请换一个 id");
}

TEST_F(EditorMistake, EmptyWasteFileIsAnError) {
  write("waste.toml", "");
  expect("waste.toml: error: file is empty, so the waste guide (categories and items) would be empty",
         "waste.toml: 错误：文件是空的，垃圾分类指南（类别和物品）将为空");
}

TEST_F(EditorMistake, DeletedWasteFileIsAnError) {
  fs::remove(dir / "waste.toml");
  expect("waste.toml: error: file is missing, so the waste guide (categories and items) would be empty",
         "waste.toml: 错误：文件不存在，垃圾分类指南（类别和物品）将为空");
}

TEST_F(EditorMistake, WasteWithoutItemsIsAnError) {
  write("waste.toml", kCategory);
  expect("waste.toml: error: no entries: the waste guide", "waste.toml: 错误：没有任何条目");
}

TEST_F(EditorMistake, AnEmptyListSaidOnPurposeIsAccepted) {
  write("waste.toml", "allow_empty = true\n");
  EXPECT_EQ(shown(Lang::en).find("waste.toml"), std::string::npos) << shown(Lang::en);
}

TEST_F(EditorMistake, AllowEmptyMustBeTrueOrFalse) {
  write("waste.toml", "allow_empty = \"yes\"\n" + kCategory);
  expect("waste.toml:1:15: error: 'allow_empty' must be true or false", "'allow_empty' 只能是 true 或 false");
}

TEST_F(EditorMistake, EmptyLevelsFileIsOneError) {
  write("levels.toml", "");
  const std::string e = shown(Lang::en);
  EXPECT_EQ(test::count_lines(e), 1) << e;
  EXPECT_NE(e.find("levels.toml: error: file is empty, so the AQI levels' names and advice would be empty"),
            std::string::npos)
      << e;
}

TEST_F(EditorMistake, PictureCutShortSaysSoPlainly) {
  const std::string whole = test::slurp(dir / "pictures/bay-east-photo.png");
  write("pictures/bay-east-photo.png", whole.substr(0, whole.size() / 2));
  expect("the picture file is cut short or damaged (perhaps not fully copied)",
         "图片文件不完整（可能没有复制完）");
}

// Many mistakes at once in the files whose checks spoke English only: every message they give has
// its Chinese text too, and points somewhere in the file.
TEST_F(EditorMistake, EveryMessageOfTargetsBaysSourcesAndSettingsHasChineseText) {
  write("targets.toml", R"([[action]]
number = 12
title = { zh = "行动", en = "Action" }

[[action]]
number = 1
title = { zh = "行动", en = "Action" }

[[target]]
id = "Bay_Wetland"
title = { zh = "湿地", en = "Wetland" }
area = "bay"
direction = "up"
target = 1
deadline = "2025-13-45"
action = 5
baseline_year = 1800
tolerance = -1
current = 0.5

[[target]]
id = "Bay_Wetland"
title = { zh = "里程碑", en = "Milestone" }
area = "bay"
direction = "milestone"
deadline = "2025-12-31"
current = 2
current_date = "soon"
current_source = { zh = "局", en = "Bureau" }
)");
  write("bays.toml", R"([[bay]]
id = "a-bay"
name = { zh = "湾", en = "Bay" }
level = "national"
summary = { zh = "湾", en = "Bay" }
photos = [1, "../x.png", "pictures/bay-tazi-photo.png"]
targets = ["no-such-target"]

[[bay.hotspot]]
x = 2
y = 0.5
label = { zh = "点", en = "Spot" }
)");
  write("sources.toml", R"([[source]]
id = "demo-air"
platform = "no-such-platform"
url = "ftp://example.com/air"
refresh_seconds = 1
stale_seconds = -1
zone = "Asia/Shanghai"
ca_file = "ca.pem"
max_body_bytes = 10
page_size = 0
max_pages = 0

[[source]]
id = "demo-water"
platform = "kiosk-feed"
url = "file:///etc/passwd"
query = { key = { env = "A", file = "/b" }, other = { file = "relative" }, third = [1] }

[[source]]
id = "demo-sea"
platform = "kiosk-feed"
url = "demo/sea.json"

[[source]]
id = "demo-bikes"
platform = "kiosk-feed"
url = "../outside.json"
)");
  const std::string kiosk = R"([kiosk]
version = "1"
city = { zh = "滨海市", en = "Coastal City" }
language = "fr"
screens = ["home", "weather"]
zone = "Asia/Shanghai"

[idle]
reset_seconds = 1
attract_seconds = 1

[schedule]
every_day = "7-22"

[map]
picture = "pictures/map.png"
west = 122.0
east = 121.0
south = 37.0
north = 38.0

[admin]
pin_hash = "1234"

[metrics]
interval_seconds = 1
)";
  write("kiosk.toml", kiosk);
  const ContentLoad load = load_content(dir.path());
  std::map<std::string, int> per_file;
  for (const auto& d : load.diags.items()) {
    ++per_file[d.file];
    EXPECT_FALSE(d.message_zh.empty()) << d.format(Lang::en);
    EXPECT_GT(d.line, 0) << d.format(Lang::en);
  }
  EXPECT_GE(per_file["targets.toml"], 10);
  EXPECT_GE(per_file["bays.toml"], 5);
  EXPECT_GE(per_file["sources.toml"], 12);
  EXPECT_GE(per_file["kiosk.toml"], 5);
}

TEST(Utf8, FindsTheFirstByteThatIsNotUtf8) {
  EXPECT_FALSE(content::find_invalid_utf8("a = \"瓶\"\n"));
  auto at = content::find_invalid_utf8("a = 1\nb = \"\xca\xd7\xd2\xb3\"\n");
  ASSERT_TRUE(at);
  EXPECT_EQ(at->line, 2);
  EXPECT_EQ(at->column, 6);
}

}  // namespace
}  // namespace kiosk
