// The demo pack agrees with itself: an item's category is this city's rule, which the sorting game
// and search share, so no tip may hedge it ("follow your local guide") or contradict it; and the
// residual-waste description's shells are the pack's residual-waste shells.
#include <gtest/gtest.h>

#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {
namespace {

const WasteItem* item(const ContentPack& pack, const std::string& id) {
  for (const WasteItem& i : pack.waste_items)
    if (i.id == id) return &i;
  return nullptr;
}

TEST(DemoPackWording, NoWasteTipHedgesTheCitysRule) {
  const ContentLoad l = load_content(KIOSK_CONTENT_DIR);
  for (const WasteItem& i : l.pack.waste_items) {
    EXPECT_EQ(i.tip.zh.find("本地指南"), std::string::npos) << i.id;
    EXPECT_EQ(i.tip.en.find("local guide"), std::string::npos) << i.id;
    EXPECT_EQ(i.tip.en.find("follow your local"), std::string::npos) << i.id;
  }
}

TEST(DemoPackWording, ShellsFollowOneRule) {
  const ContentLoad l = load_content(KIOSK_CONTENT_DIR);
  // Hard shells are residual waste, as the residual-waste description says; crab and shrimp shells
  // are food waste, as their tips say.
  ASSERT_NE(item(l.pack, "seashells"), nullptr);
  EXPECT_EQ(item(l.pack, "seashells")->category, "other");
  EXPECT_EQ(item(l.pack, "sea-urchin-shell")->category, "other");
  EXPECT_EQ(item(l.pack, "crab-shells")->category, "kitchen");
  EXPECT_EQ(item(l.pack, "shrimp-shells")->category, "kitchen");
  for (const WasteCategory& c : l.pack.waste_categories) {
    if (c.description.zh.find("贝壳") != std::string::npos) {
      EXPECT_EQ(c.id, "other");
    }
  }
}

}  // namespace
}  // namespace kiosk
