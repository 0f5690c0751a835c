// After the plan's end date the plan overview gives its final results, and content can add the next
// plan's targets beside it: a target due after the plan's end is listed under the next plan and left
// out of the final count.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

TEST(PlanNext, TheNextPlansTargetsStandBesideTheFinalResults) {
  TempDir dir;
  fs::copy(KIOSK_CONTENT_DIR, dir / "content", fs::copy_options::recursive);
  std::ofstream(dir / "content/targets.toml", std::ios::app) << R"(
[[target]]
id = "next-pm25"
title = { zh = "下一期PM2.5目标", en = "Next plan PM2.5" }
area = "air"
action = 6
unit = { zh = "微克/立方米", en = "µg/m³" }
direction = "down"
target = 25
deadline = "2030-12-31"
baseline = 28
baseline_year = 2025
current = 27
current_date = "2026-10-31"
)";
  std::ofstream(dir / "t.replay") << "tap \"美丽海湾\"\ntap \"城市建设行动方案目标\"\n"
                                     "expect text \"本方案已于 2025-12-31 结束\"\n"
                                     "expect text \"下一期方案目标\"\n"
                                     "expect text \"下一期PM2.5目标\"\n";
  CommandResult r = run_kiosk({"replay", dir / "t.replay", "--out", dir / "out", "--content", dir / "content",
                               "--size", "1280x800", "--now", "2026-11-28T10:00:00+08:00"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(PlanNext, WithoutLaterTargetsThereIsNoNextPlanSection) {
  TempDir dir;
  std::ofstream(dir / "t.replay") << "tap \"美丽海湾\"\ntap \"城市建设行动方案目标\"\n"
                                     "expect text \"下一期方案目标\"\n";
  CommandResult r =
      run_kiosk({"replay", dir / "t.replay", "--out", dir / "out", "--content", KIOSK_CONTENT_DIR, "--size",
                 "1280x800", "--now", "2026-11-28T10:00:00+08:00"});
  EXPECT_EQ(r.exit_code, 1);
}

}  // namespace
}  // namespace kiosk::test
