// levels.toml: the bundled words load cleanly, say what the standards say, and editors' mistakes
// are reported with their position.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/standards/aqi.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
namespace st = kiosk::standards;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A scratch content folder holding one file.
class ScratchContent {
 public:
  ScratchContent(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name, std::ios::binary) << text;
  }
  fs::path dir() const { return folder_.path(); }

 private:
  kiosk::test::TempDir folder_;
};

std::vector<kiosk::Diagnostic> about(const kiosk::ContentLoad& load, const std::string& file) {
  std::vector<kiosk::Diagnostic> out;
  for (const auto& d : load.diags.items())
    if (d.file == file) out.push_back(d);
  return out;
}

std::string all(const std::vector<kiosk::Diagnostic>& diags) {
  std::string s;
  for (const auto& d : diags) s += d.format() + "\n";
  return s;
}

int line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string bundled() {
  return read_text(fs::path(KIOSK_CONTENT_DIR) / "levels.toml");
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST(LevelTexts, BundledLevelsAndTargetsLoadWithoutErrorsOrWarnings) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  EXPECT_EQ(all(about(load, "levels.toml")), "");
  EXPECT_EQ(all(about(load, "targets.toml")), "");
  EXPECT_EQ(load.pack.levels.aqi.size(), 18u);
  EXPECT_EQ(load.pack.levels.sensitive.size(), 5u);
  EXPECT_EQ(load.pack.levels.water.size(), 11u);
}

TEST(LevelTexts, EveryLevelOfEveryStandardHasBothLanguages) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const auto& levels = load.pack.levels;
  for (auto standard : {st::AqiStandard::cn2026, st::AqiStandard::cn2012, st::AqiStandard::us})
    for (int level = 1; level <= 6; ++level) {
      SCOPED_TRACE(std::string(st::levels_key(standard)) + " " + std::to_string(level));
      const auto* t = levels.aqi_level(st::levels_key(standard), level);
      ASSERT_NE(t, nullptr);
      for (const kiosk::Text* text : {&t->name, &t->category, &t->health, &t->advice}) {
        EXPECT_FALSE(text->zh.empty());
        EXPECT_FALSE(text->en.empty());
      }
      // The content's category names are the standards' own.
      const auto& official = st::aqi_level_style(standard, level);
      if (standard == st::AqiStandard::us)
        EXPECT_EQ(t->category.en, official.category_en);
      else
        EXPECT_EQ(t->category.zh, official.category_zh);
    }
}

TEST(LevelTexts, Hj633_2026WordingIsUsedForCn) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const auto* l3 = load.pack.levels.aqi_level("cn", 3);
  ASSERT_NE(l3, nullptr);
  EXPECT_EQ(l3->health.zh, "敏感人群症状有轻度加剧，健康人群出现刺激症状");
  EXPECT_EQ(l3->advice.zh,
            "青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼");
  const auto* l5 = load.pack.levels.aqi_level("cn", 5);
  EXPECT_EQ(l5->health.zh, "心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状");
}

TEST(LevelTexts, Hj633_2012KeepsItsOwnWording) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const auto& levels = load.pack.levels;
  EXPECT_EQ(levels.aqi_level("cn-2012", 3)->health.zh, "易感人群症状有轻度加剧，健康人群出现刺激症状");
  EXPECT_EQ(levels.aqi_level("cn-2012", 4)->health.zh,
            "进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响");
  EXPECT_EQ(levels.aqi_level("cn-2012", 4)->advice.zh,
            "儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻练，一般人群适量减少户外运动");
  EXPECT_EQ(levels.aqi_level("cn-2012", 5)->advice.zh,
            "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动");
  EXPECT_EQ(levels.aqi_level("cn-2012", 1)->advice.zh, levels.aqi_level("cn", 1)->advice.zh);
}

TEST(LevelTexts, SensitiveGroupsByPollutantKey) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const auto* pm = load.pack.levels.sensitive_group("cn", st::pollutant_of("pm25_1h"));
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(pm->groups.zh,
            "患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人");
  EXPECT_EQ(load.pack.levels.sensitive_group("cn", "co")->groups.zh, "患有心血管系统疾病的人");
  EXPECT_EQ(load.pack.levels.sensitive_group("cn-2012", "co"), nullptr);
}

TEST(LevelTexts, UsBeyondTheAqiLabelAndWaterWords) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const auto& levels = load.pack.levels;
  EXPECT_EQ(levels.aqi_level("us", 6)->beyond.en, "Beyond the AQI");
  EXPECT_EQ(levels.water_class("surface", "I")->quality.zh, "优");
  EXPECT_EQ(levels.water_class("surface", "II")->quality.zh, "优");
  EXPECT_EQ(levels.water_class("surface", "III")->quality.zh, "良好");
  EXPECT_EQ(levels.water_class("surface", "IV")->quality.zh, "轻度污染");
  EXPECT_EQ(levels.water_class("surface", "V")->quality.zh, "中度污染");
  EXPECT_EQ(levels.water_class("surface", "劣V")->quality.zh, "重度污染");
  EXPECT_EQ(levels.water_class("sea", "劣4")->name.zh, "劣四类");
}

TEST(LevelTexts, TypoIsAnErrorAtItsLineWithASuggestion) {
  std::string text = replace_first(bundled(), "advice = { zh = \"各类人群可正常活动\"",
                                   "advise = { zh = \"各类人群可正常活动\"");
  ScratchContent scratch("levels.toml", text);
  auto diags = about(kiosk::load_content(scratch.dir()), "levels.toml");
  std::string messages = all(diags);
  EXPECT_NE(messages.find("levels.toml:" + std::to_string(line_of(text, "advise = ")) +
                          ":1: error: unknown key 'advise'"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("did you mean 'advice'"), std::string::npos) << messages;
  EXPECT_NE(messages.find("missing required key 'advice'"), std::string::npos) << messages;
}

TEST(LevelTexts, MissingEnglishIsAWarningAtItsLine) {
  std::string text =
      replace_first(bundled(), "category = { zh = \"良\", en = \"Good\" }", "category = { zh = \"良\" }");
  ScratchContent scratch("levels.toml", text);
  auto diags = about(kiosk::load_content(scratch.dir()), "levels.toml");
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].severity, kiosk::Severity::warning);
  EXPECT_EQ(diags[0].line, line_of(text, "category = { zh = \"良\" }"));
  EXPECT_NE(diags[0].message.find("no English text"), std::string::npos);
}

TEST(LevelTexts, ChangedOfficialCategoryIsAWarning) {
  std::string text =
      replace_first(bundled(), "category = { zh = \"轻度污染\"", "category = { zh = \"轻污染\"");
  ScratchContent scratch("levels.toml", text);
  auto diags = about(kiosk::load_content(scratch.dir()), "levels.toml");
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].severity, kiosk::Severity::warning);
  EXPECT_NE(diags[0].message.find("'轻度污染'"), std::string::npos);
}

TEST(LevelTexts, MissingAndDuplicateLevelsAreErrors) {
  std::string text = replace_first(bundled(), "standard = \"us\"\nlevel = 6", "standard = \"us\"\nlevel = 5");
  ScratchContent scratch("levels.toml", text);
  std::string messages = all(about(kiosk::load_content(scratch.dir()), "levels.toml"));
  EXPECT_NE(messages.find("duplicate level 5 of 'us' (first defined at line"), std::string::npos) << messages;
  EXPECT_NE(messages.find("no [[aqi_level]] for level 6 of 'us'"), std::string::npos) << messages;
}

TEST(LevelTexts, UnknownWaterClassIsAnError) {
  std::string text = replace_first(bundled(), "class = \"劣4\"", "class = \"5\"");
  ScratchContent scratch("levels.toml", text);
  std::string messages = all(about(kiosk::load_content(scratch.dir()), "levels.toml"));
  EXPECT_NE(messages.find("'class' is '5'; expected one of: 1, 2, 3, 4, 劣4"), std::string::npos) << messages;
  EXPECT_NE(messages.find("no [[water_class]] for class '劣4' of 'sea'"), std::string::npos) << messages;
}
