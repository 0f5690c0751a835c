// targets.toml: the bundled plan loads cleanly with every measurable target of the city plan, and
// editors' mistakes are reported with their position.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/target_progress.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

class ScratchContent {
 public:
  explicit ScratchContent(const std::string& text) {
    std::ofstream(folder_ / "targets.toml", std::ios::binary) << text;
  }
  fs::path dir() const { return folder_.path(); }

 private:
  kiosk::test::TempDir folder_;
};

std::string messages_about_targets(const fs::path& dir) {
  auto load = kiosk::load_content(dir);
  std::string s;
  for (const auto& d : load.diags.items())
    if (d.file == "targets.toml") s += d.format() + "\n";
  return s;
}

constexpr const char* kAction =
    "[[action]]\nnumber = 5\ntitle = { zh = \"海洋保护行动\", en = \"Ocean protection\" }\n\n";

std::string target(const std::string& extra, const std::string& id = "bay-wetland-restored") {
  return "[[target]]\nid = \"" + id +
         "\"\ntitle = { zh = \"滨海湿地修复面积\", en = \"Coastal wetland restored\" }\narea = \"bay\"\n"
         "action = 5\ndirection = \"up\"\ntarget = 120\ndeadline = \"2025-12-31\"\n" +
         extra + "\n";
}

}  // namespace

TEST(TargetsContent, BundledPlanHasElevenActionsAndEveryMeasurableTarget) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const auto& pack = load.pack;
  ASSERT_EQ(pack.actions.size(), 11u);
  for (int i = 0; i < 11; ++i) {
    EXPECT_EQ(pack.actions[static_cast<size_t>(i)].number, i + 1);
    EXPECT_FALSE(pack.actions[static_cast<size_t>(i)].title.zh.empty());
    EXPECT_FALSE(pack.actions[static_cast<size_t>(i)].title.en.empty());
  }
  // city-plan.md lists 24 rows; the city green-space row holds two figures.
  EXPECT_EQ(pack.targets.size(), 25u);
  std::set<std::string> areas;
  for (const auto& t : pack.targets) areas.insert(t.area);
  EXPECT_EQ(areas, (std::set<std::string>{"air", "bay", "ocean", "water", "transport", "green_life", "soil",
                                          "city"}));
}

TEST(TargetsContent, BayScreenTargetsExist) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  for (const char* id : {"bay-natural-shoreline", "bay-wetland-restored", "bay-national-beautiful",
                         "bay-provincial-beautiful", "bay-rivers-worse-than-v", "bay-nearshore-good-share"}) {
    const kiosk::Target* t = load.pack.target(id);
    ASSERT_NE(t, nullptr) << id;
    EXPECT_EQ(t->area, "bay");
    EXPECT_EQ(t->action, 5);
  }
  EXPECT_EQ(load.pack.target("bay-natural-shoreline")->target, 37);
  EXPECT_EQ(load.pack.target("bay-wetland-restored")->target, 120);
  EXPECT_EQ(load.pack.target("bay-national-beautiful")->target, 1);
  EXPECT_EQ(load.pack.target("bay-provincial-beautiful")->target, 3);
  EXPECT_EQ(load.pack.target("bay-rivers-worse-than-v")->target, 0);
  EXPECT_EQ(load.pack.target("bay-rivers-worse-than-v")->direction, "down");
  // The plan leaves the nearshore share blank: the content's figure is a labelled placeholder.
  EXPECT_TRUE(load.pack.target("bay-nearshore-good-share")->target_demo);
}

TEST(TargetsContent, EveryTargetIsComplete) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  const int today = *kiosk::parse_iso_date("2026-11-28");
  for (const auto& t : load.pack.targets) {
    SCOPED_TRACE(t.id);
    EXPECT_FALSE(t.title.zh.empty());
    EXPECT_FALSE(t.title.en.empty());
    EXPECT_TRUE(kiosk::parse_iso_date(t.deadline).has_value());
    EXPECT_TRUE(kiosk::parse_iso_date(t.current_date).has_value());
    EXPECT_TRUE(t.current.has_value());
    EXPECT_TRUE(t.demo);  // every current value in the bundled content is demo data
    EXPECT_FALSE(t.current_source.empty());
    EXPECT_GE(t.action, 1);
    EXPECT_LE(t.action, 11);
    EXPECT_NE(kiosk::target_progress(t, today).status, kiosk::TargetStatus::no_data);
  }
}

TEST(TargetsContent, PlansOwnFiguresAndDirections) {
  auto load = kiosk::load_content(KIOSK_CONTENT_DIR);
  auto check = [&](const char* id, double target, const char* direction, const char* deadline) {
    const kiosk::Target* t = load.pack.target(id);
    ASSERT_NE(t, nullptr) << id;
    EXPECT_EQ(t->target, target) << id;
    EXPECT_EQ(t->direction, direction) << id;
    EXPECT_EQ(t->deadline, deadline) << id;
  };
  check("air-pm25-annual", 29, "down", "2025-12-31");
  check("air-cement-ultra-low", 1, "milestone", "2023-12-31");
  check("ocean-marine-ranches", 50, "up", "2025-12-31");
  check("ocean-aquatic-output", 180, "level", "2025-12-31");
  check("water-rural-sewage", 55, "up", "2025-12-31");
  check("water-desalination", 30, "up", "2025-12-31");
  check("water-recycled-use", 55, "up", "2025-12-31");
  check("transport-charging-piles", 25000, "up", "2025-12-31");
  check("transport-postal-commuter-new-energy", 80, "up", "2025-12-31");
  check("transport-bulk-green-modes", 90, "up", "2025-12-31");
  check("green-travel-areas", 50, "up", "2023-12-31");
  check("green-public-bodies", 100, "up", "2023-12-31");
  check("soil-hazard-checks", 100, "up", "2025-12-31");
  EXPECT_TRUE(load.pack.target("water-desalination")->exclusive);
}

TEST(TargetsContent, DuplicateIdIsAnErrorNamingTheFirstLine) {
  ScratchContent scratch(std::string(kAction) + target("") + target(""));
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("duplicate target id 'bay-wetland-restored' (first defined at line 5)"), std::string::npos)
      << m;
}

TEST(TargetsContent, BadDateIsAnErrorAtItsPosition) {
  ScratchContent scratch(std::string(kAction) + target("current = 3\ncurrent_date = \"2025-13-01\"\n"
                                                       "current_source = { zh = \"演示\", en = \"Demo\" }"));
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("targets.toml:14:16: error: 'current_date' is '2025-13-01'"), std::string::npos) << m;
}

TEST(TargetsContent, UnknownActionIsAnError) {
  std::string text = std::string(kAction) + target("");
  text.replace(text.find("action = 5\ndirection"), 10, "action = 4");
  ScratchContent scratch(text);
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("names action 4, which no [[action]] defines"), std::string::npos) << m;
}

TEST(TargetsContent, TypoIsReportedWithASuggestion) {
  ScratchContent scratch(std::string(kAction) + target("baseline_yaer = 2022"));
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("unknown key 'baseline_yaer' in [[target]]; did you mean 'baseline_year'?"),
            std::string::npos)
      << m;
}

TEST(TargetsContent, CurrentWithoutDateOrSourceIsAWarning) {
  ScratchContent scratch(std::string(kAction) + target("current = 3"));
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("warning: target 'bay-wetland-restored' has a 'current' value without 'current_date'"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("without 'current_source'"), std::string::npos) << m;
}

TEST(TargetsContent, MilestoneCurrentOutsideZeroToOneIsAnError) {
  std::string text = std::string(kAction) + target(
                                                "current = 2\ncurrent_date = \"2023-12-31\"\n"
                                                "current_source = { zh = \"演示\", en = \"Demo\" }");
  text.replace(text.find("direction = \"up\""), 16, "direction = \"milestone\"");
  ScratchContent scratch(text);
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("a milestone's 'current' is 0 (not done) to 1 (done)"), std::string::npos) << m;
}

TEST(TargetsContent, IdMustBeKebabCase) {
  ScratchContent scratch(std::string(kAction) + target("", "Bay_Wetland"));
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("target id 'Bay_Wetland' must be lower-case words joined by '-'"), std::string::npos) << m;
}

TEST(TargetsContent, ToleranceIsOnlyForLevelTargets) {
  ScratchContent scratch(std::string(kAction) + target("tolerance = 3"));
  std::string m = messages_about_targets(scratch.dir());
  EXPECT_NE(m.find("'tolerance' is only for direction = \"level\""), std::string::npos) << m;
}
