// The waste search as a resident types: Chinese names, full pinyin, initials, English and aliases,
// typos, heteronyms, ranking, and what still works without a pinyin dictionary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/core/search/search_text.hpp"
#include "support/run_command.hpp"

namespace kiosk::search {
namespace {

// A slice of a Rime dictionary in its real format: header, characters with weights, words.
constexpr const char* kDictionary =
    "# Rime dictionary\n"
    "---\n"
    "name: fixture\n"
    "version: \"1\"\n"
    "...\n"
    "\n"
    "矿\tkuang\n"
    "泉\tquan\n"
    "水\tshui\n"
    "瓶\tping\n"
    "电\tdian\n"
    "池\tchi\n"
    "干\tgan\t90%\n"
    "干\tqian\t10%\n"
    "鱼\tyu\n"
    "鳞\tlin\n"
    "和\the\t99.97%\n"
    "和\thuo\t0.02%\n"
    "和\thu\t0%\n"
    "和\than\t0%\n"
    "内\tnei\n"
    "脏\tzang\t60%\n"
    "脏\tzang\t5%\n"
    "银\tyin\n"
    "行\txing\t91.78%\n"
    "行\thang\t8.22%\n"
    "卡\tka\t80%\n"
    "卡\tqia\t20%\n"
    "银行\tyin hang\n"
    "塑\tsu\n"
    "料\tliao\n"
    "袋\tdai\n"
    "纽\tniu\n"
    "扣\tkou\n"
    "自\tzi\n"
    "胎\ttai\n"
    "车\tche\n"
    "车\tju\t1%\n"
    "号\thao\n"
    "# a comment line\n"
    "毫无关系\thao wu guan xi\n";

WasteItem item(std::string zh, std::string en, std::vector<std::string> aliases = {}) {
  WasteItem w;
  w.id = en;
  w.name = {std::move(zh), std::move(en)};
  w.aliases = std::move(aliases);
  w.category = "other";
  return w;
}

struct Fixture {
  std::vector<WasteItem> items;
  PinyinDictionary dictionary;
  SearchIndex index;
  explicit Fixture(std::vector<WasteItem> list, bool with_dictionary = true)
      : items(std::move(list)),
        dictionary(PinyinDictionary::parse(kDictionary, searchable_text(items))),
        index(items, with_dictionary ? &dictionary : nullptr) {}
  // English names of what a query finds, best first.
  std::vector<std::string> names(std::string_view q) const {
    std::vector<std::string> out;
    for (const Hit& h : index.find(q).hits) out.push_back(items[h.item].name.en);
    return out;
  }
  std::string first(std::string_view q) const {
    auto r = index.find(q);
    return r.hits.empty() ? "(nothing)" : items[r.hits.front().item].name.en;
  }
  Match first_match(std::string_view q) const { return index.find(q).hits.at(0).match; }
};

std::vector<WasteItem> household() {
  return {
      item("塑料袋", "Plastic bag"),
      item("矿泉水瓶", "Mineral water bottle", {"水瓶", "water bottle"}),
      item("干电池", "Dry battery", {"AA battery", "电池"}),
      item("纽扣电池", "Button cell battery", {"coin cell"}),
      item("鱼鳞和鱼内脏", "Fish scales and guts"),
      item("银行卡", "Bank card"),
      item("自行车内胎", "Bicycle inner tube"),
      item("牛奶盒（利乐包）", "Milk carton (Tetra Pak)", {"Tetra Pak", "利乐包"}),
  };
}

TEST(Search, InitialsFindBottle) {
  Fixture f(household());
  EXPECT_EQ(f.first("kqsp"), "Mineral water bottle");
  EXPECT_EQ(f.first_match("kqsp"), Match::initials);
  EXPECT_EQ(f.first("kqs"), "Mineral water bottle");  // while still typing
}

TEST(Search, FullPinyinFindsMineralWaterBottle) {
  Fixture f(household());
  EXPECT_EQ(f.first("kuangquanshuiping"), "Mineral water bottle");
  EXPECT_EQ(f.first_match("kuangquanshuiping"), Match::name_exact);
  EXPECT_EQ(f.first("kuangquan"), "Mineral water bottle");
  EXPECT_EQ(f.first_match("kuangquan"), Match::name_prefix);
  EXPECT_EQ(f.first("KuangQuan"), "Mineral water bottle");  // a physical keyboard's capitals
}

TEST(Search, PinyinFromALaterCharacterFindsTheItem) {
  Fixture f(household());
  EXPECT_EQ(f.first("quanshuiping"), "Mineral water bottle");
  EXPECT_EQ(f.first_match("quanshuiping"), Match::name_part);
}

TEST(Search, ChineseCharactersMatchAnywhereInTheName) {
  Fixture f(household());
  EXPECT_EQ(f.first("矿泉水瓶"), "Mineral water bottle");
  EXPECT_EQ(f.first("泉水"), "Mineral water bottle");
  EXPECT_EQ(f.first("利乐包"), "Milk carton (Tetra Pak)");
  EXPECT_EQ(f.first("（利乐包）"), "Milk carton (Tetra Pak)");  // punctuation does not matter
}

TEST(Search, EnglishNameMatchesAnyWordStartInAnyCase) {
  Fixture f(household());
  EXPECT_EQ(f.first("button"), "Button cell battery");
  EXPECT_EQ(f.first("CELL"), "Button cell battery");
  EXPECT_EQ(f.first("inner tu"), "Bicycle inner tube");
  EXPECT_EQ(f.names("ube"), std::vector<std::string>{});  // the middle of a word is not a word start
}

TEST(Search, EnglishAliasMatches) {
  Fixture f(household());
  EXPECT_EQ(f.first("coin"), "Button cell battery");
  EXPECT_EQ(f.first_match("coin"), Match::alias);
  EXPECT_EQ(f.first("tetra pak"), "Milk carton (Tetra Pak)");
  const Results r = f.index.find("coin cell");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(f.items[r.hits[0].item].aliases.at(static_cast<size_t>(r.hits[0].alias)), "coin cell");
}

TEST(Search, ChineseAliasMatchesByPinyinToo) {
  Fixture f(household());
  EXPECT_EQ(f.first("dianchi"), "Dry battery");  // 电池 is an alias; 纽扣电池 only has it inside
  EXPECT_EQ(f.first_match("dianchi"), Match::name_part);
}

TEST(Search, TypoStillFindsBattery) {
  Fixture f(household());
  EXPECT_EQ(f.first("batery"), "Dry battery");   // a letter missing
  EXPECT_EQ(f.first("battrey"), "Dry battery");  // two letters swapped: one edit
  EXPECT_EQ(f.first("bsttery"), "Dry battery");  // a neighbouring key
  EXPECT_EQ(f.first_match("batery"), Match::fuzzy_name);
  EXPECT_EQ(f.first("kuangquanshuiqing"), "Mineral water bottle");  // pinyin typos too
  EXPECT_EQ(f.first("kuangqunshuiqing"), "Mineral water bottle");   // 8+ letters: two edits
}

TEST(Search, ShortQueriesAreNotGuessed) {
  Fixture f(household());
  EXPECT_TRUE(f.names("bsg").empty());  // "bag" with a typo: too short to guess
  EXPECT_TRUE(f.names("xyzzy").empty());
  EXPECT_EQ(f.first("kuangqunshuiqing"), "Mineral water bottle");     // two edits in 16 letters
  EXPECT_EQ(f.names("kuanqunshuiqing"), std::vector<std::string>{});  // three is too many
}

TEST(Search, HeteronymReadingsAllMatch) {
  Fixture f(household());
  // 和 is "he" here, but "huo", "hu" and "han" are readings too: each finds the item.
  for (const char* q : {"yulinheyuneizang", "yulinhuoyuneizang", "yulinhuyuneizang", "yulinhanyuneizang"})
    EXPECT_EQ(f.first(q), "Fish scales and guts") << q;
  // 行 is mostly "xing", 干 mostly "gan": the other readings still find the item.
  EXPECT_EQ(f.first("zixingche"), "Bicycle inner tube");
  EXPECT_EQ(f.first("zihangche"), "Bicycle inner tube");
  EXPECT_EQ(f.first("qiandianchi"), "Dry battery");
  EXPECT_EQ(f.first("gandianchi"), "Dry battery");
}

TEST(Search, WordEntryGivesTheReadingInContext) {
  Fixture f(household());
  // 行 alone is mostly "xing"; in the dictionary word 银行 it is "hang", so that reading comes first.
  auto spelled = f.dictionary.spell("银行卡");
  ASSERT_TRUE(spelled.has_value());
  ASSERT_EQ(spelled->size(), 3u);
  EXPECT_EQ((*spelled)[1].front(), "hang");
  EXPECT_EQ((*spelled)[1].size(), 2u);  // "xing" is still there
  EXPECT_EQ(f.dictionary.spell("自行车")->at(1).front(), "xing");
  EXPECT_EQ(f.first_match("yinhangka"), Match::name_exact);
  EXPECT_EQ(f.first("yhk"), "Bank card");
}

TEST(Search, RankingPutsNamePrefixFirst) {
  Fixture f({
      item("", "Battle axe"),         // a typo away: last
      item("", "Flask", {"bottle"}),  // an alias
      item("", "Glass bottle"),       // a later word of the name
      item("", "Bottle cap"),         // the start of the name
      item("", "Bottle"),             // the whole name
  });
  EXPECT_EQ(f.names("bottle"),
            (std::vector<std::string>{"Bottle", "Bottle cap", "Glass bottle", "Flask", "Battle axe"}));
}

TEST(Search, InitialsRankAboveAliases) {
  Fixture f({
      item("", "Sandals", {"sliders"}),  // an alias: after initials
      item("塑料袋", "Plastic bag"),     // initials "sld"
      item("", "Slate"),                 // name prefix: first
  });
  EXPECT_EQ(f.names("sl"), (std::vector<std::string>{"Slate", "Plastic bag", "Sandals"}));
}

TEST(Search, ResultsAreLimitedButCounted) {
  std::vector<WasteItem> many;
  for (int i = 0; i < 100; ++i) many.push_back(item("", "Bottle " + std::to_string(i)));
  Fixture f(many);
  const Results r = f.index.find("bot", 10);
  EXPECT_EQ(r.hits.size(), 10u);
  EXPECT_EQ(r.total, 100u);
  EXPECT_EQ(f.items[r.hits[0].item].name.en, "Bottle 0");  // equal matches keep the content's order
}

TEST(Search, EmptyOrBlankQueryFindsNothing) {
  Fixture f(household());
  EXPECT_EQ(f.index.find("").total, 0u);
  EXPECT_EQ(f.index.find("  ,. ").total, 0u);
}

TEST(Search, MissingDictionaryStillMatchesChinese) {
  std::vector<WasteItem> items = household();
  log::set_quiet(true);
  SearchIndex index = build_waste_search(items, "/nonexistent/luna_pinyin.dict.yaml");
  log::set_quiet(false);
  EXPECT_FALSE(index.has_pinyin());
  auto first = [&](std::string_view q) {
    auto r = index.find(q);
    return r.hits.empty() ? std::string("(nothing)") : items[r.hits[0].item].name.en;
  };
  EXPECT_EQ(first("泉水"), "Mineral water bottle");
  EXPECT_EQ(first("battery"), "Dry battery");
  EXPECT_EQ(first("batery"), "Dry battery");
  EXPECT_EQ(first("kqsp"), "(nothing)");
}

TEST(Search, UnknownCharacterLeavesOnlyThatNameWithoutPinyin) {
  Fixture f({item("矿泉水瓶", "Mineral water bottle"), item("矿泉水罐", "Mineral water can")});
  EXPECT_EQ(f.names("kuangquanshui"),
            std::vector<std::string>{"Mineral water bottle"});  // 罐 is not in the fixture
  EXPECT_EQ(f.first("矿泉水罐"), "Mineral water can");
}

TEST(PinyinDictionary, ReadsOnlyTheCharactersOfTheItems) {
  PinyinDictionary d = PinyinDictionary::parse(kDictionary, "水和");
  EXPECT_EQ(d.character_count(), 2u);
  EXPECT_EQ(d.word_count(), 0u);  // 银行 and 毫无关系 use other characters
  ASSERT_NE(d.readings(U'和'), nullptr);
  EXPECT_EQ(*d.readings(U'和'), (std::vector<std::string>{"he", "huo", "hu", "han"}));  // by weight
  EXPECT_EQ(d.readings(U'瓶'), nullptr);
}

TEST(PinyinDictionary, DuplicateReadingsAreMerged) {
  PinyinDictionary d = PinyinDictionary::parse(kDictionary, "脏");
  EXPECT_EQ(*d.readings(U'脏'), std::vector<std::string>{"zang"});
}

TEST(PinyinDictionary, MissingFileIsOneLineNamingIt) {
  std::string error;
  EXPECT_FALSE(PinyinDictionary::load("/nonexistent/luna.dict.yaml", "水", error).has_value());
  EXPECT_EQ(error, "/nonexistent/luna.dict.yaml: cannot be read");
}

TEST(PinyinDictionary, AFileWithoutEntriesIsAnError) {
  test::TempDir dir;
  std::ofstream(dir / "empty.yaml") << "---\nname: x\n...\n";
  std::string error;
  EXPECT_FALSE(PinyinDictionary::load(dir / "empty.yaml", "水", error).has_value());
  EXPECT_NE(error.find("empty.yaml: no pinyin entries"), std::string::npos) << error;
}

TEST(SearchText, NormalisesWidthCasePunctuationAndSpaces) {
  EXPECT_EQ(normalise("  ＬＩ－ＩＯＮ  Battery "), "li ion battery");
  EXPECT_EQ(normalise("牛奶盒（利乐包）"), "牛奶盒 利乐包");
  EXPECT_EQ(normalise("X-ray"), "x ray");
  EXPECT_EQ(drop_last_code_point("kq矿"), "kq");
  EXPECT_EQ(drop_last_code_point("kq"), "k");
  EXPECT_EQ(drop_last_code_point(""), "");
  EXPECT_EQ(code_point_count("kq矿泉"), 4u);
}

TEST(SearchText, HyphenatedNamesMatchWithOrWithoutTheHyphen) {
  Fixture f({item("", "X-ray film"), item("", "Li-ion battery")});
  EXPECT_EQ(f.first("xray"), "X-ray film");
  EXPECT_EQ(f.first("x-ray"), "X-ray film");
  EXPECT_EQ(f.first("li ion"), "Li-ion battery");
  EXPECT_EQ(f.first("liion"), "Li-ion battery");
}

// The demo content with the real Debian dictionary, when installed (platform/setup.sh installs it).
TEST(SearchDemoContent, RealDictionaryFindsWhatResidentsType) {
  if (!std::filesystem::exists(kDefaultPinyinDictionary))
    GTEST_SKIP() << "rime-data-luna-pinyin not installed";
  ContentLoad load = load_content(KIOSK_CONTENT_DIR, PictureCheck::header);
  ASSERT_TRUE(load.readable);
  const auto& items = load.pack.waste_items;
  SearchIndex index = build_waste_search(items, kDefaultPinyinDictionary);
  ASSERT_TRUE(index.has_pinyin());
  auto first = [&](std::string_view q) {
    auto r = index.find(q);
    return r.hits.empty() ? std::string("(nothing)") : items[r.hits[0].item].id;
  };
  EXPECT_EQ(first("kuangquanshuiping"), "plastic-bottle");
  EXPECT_EQ(first("kqsp"), "plastic-bottle");
  EXPECT_EQ(first("矿泉水"), "plastic-bottle");
  EXPECT_EQ(first("kuaidizhixiang"), "cardboard-box");
  EXPECT_EQ(first("yulinheyuneizang"), "fish-scales-and-guts");
  EXPECT_EQ(first("diandongzixingchelidianchi"), "e-bike-lithium-battery");
  EXPECT_EQ(first("diandongzihangchelidianchi"), "e-bike-lithium-battery");
}

}  // namespace
}  // namespace kiosk::search
