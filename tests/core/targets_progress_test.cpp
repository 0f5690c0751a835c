// The plan targets' progress and status rule (target_progress.hpp), case by case.
#include <gtest/gtest.h>

#include "kiosk/core/target_progress.hpp"

using kiosk::Target;
using kiosk::TargetStatus;

namespace {

int day(const char* date) {
  auto d = kiosk::parse_iso_date(date);
  EXPECT_TRUE(d.has_value()) << date;
  return d.value_or(0);
}

// Baseline at the end of 2022, deadline at the end of 2025: the plan's period.
Target up(double baseline, double target, std::optional<double> current,
          const char* current_date = "2024-06-30") {
  Target t;
  t.id = "t";
  t.direction = "up";
  t.baseline = baseline;
  t.baseline_year = 2022;
  t.target = target;
  t.deadline = "2025-12-31";
  t.current = current;
  t.current_date = current_date;
  return t;
}

Target with_direction(Target t, const char* direction) {
  t.direction = direction;
  return t;
}

const int kMid2025 = day("2025-06-30");
const int kAfter = day("2026-11-28");

}  // namespace

TEST(TargetProgress, NoCurrentValueIsNoData) {
  auto p = kiosk::target_progress(up(0, 100, std::nullopt), kMid2025);
  EXPECT_EQ(p.status, TargetStatus::no_data);
  EXPECT_FALSE(p.percent.has_value());
  EXPECT_EQ(kiosk::target_progress(up(0, 100, std::nullopt), kAfter).status, TargetStatus::no_data);
}

TEST(TargetProgress, NoTargetValueIsNoData) {
  Target t = up(0, 100, 50);
  t.target.reset();
  EXPECT_EQ(kiosk::target_progress(t, kMid2025).status, TargetStatus::no_data);
}

TEST(TargetProgress, AheadOfTheStraightPathIsOnTrack) {
  // 2024-06-30 is 547 of the 1096 days from 2022-12-31 to 2025-12-31: 49.9 % of the time.
  auto p = kiosk::target_progress(up(0, 100, 50), kMid2025);
  EXPECT_EQ(p.status, TargetStatus::on_track);
  EXPECT_DOUBLE_EQ(*p.percent, 50.0);
  EXPECT_NEAR(*p.expected_percent, 100.0 * 547 / 1096, 1e-9);
}

TEST(TargetProgress, BehindTheStraightPathIsAtRisk) {
  auto p = kiosk::target_progress(up(0, 100, 49), kMid2025);
  EXPECT_EQ(p.status, TargetStatus::at_risk);
  EXPECT_DOUBLE_EQ(*p.percent, 49.0);
}

TEST(TargetProgress, PathIsComparedAtTheCurrentValuesDateNotToday) {
  // Same value, measured later: the path expects more by then.
  auto p = kiosk::target_progress(up(0, 100, 50, "2025-06-30"), kMid2025);
  EXPECT_EQ(p.status, TargetStatus::at_risk);
}

TEST(TargetProgress, ReachingTheTargetBeforeTheDeadlineIsAchieved) {
  auto p = kiosk::target_progress(up(30, 37, 37.2), kMid2025);
  EXPECT_EQ(p.status, TargetStatus::achieved);
  EXPECT_TRUE(p.met);
  EXPECT_DOUBLE_EQ(*p.percent, 100.0);
}

TEST(TargetProgress, AfterTheDeadlineMetIsAchievedAndUnmetIsMissed) {
  EXPECT_EQ(kiosk::target_progress(up(0, 100, 100, "2025-12-31"), kAfter).status, TargetStatus::achieved);
  auto missed = kiosk::target_progress(up(0, 100, 99, "2025-12-31"), kAfter);
  EXPECT_EQ(missed.status, TargetStatus::missed);
  EXPECT_TRUE(missed.past_deadline);
  // Judged on the latest value, even one measured before the deadline.
  EXPECT_EQ(kiosk::target_progress(up(0, 100, 99, "2024-06-30"), kAfter).status, TargetStatus::missed);
}

TEST(TargetProgress, TheDeadlineDayItselfIsNotPast) {
  auto p = kiosk::target_progress(up(0, 100, 99, "2025-12-31"), day("2025-12-31"));
  EXPECT_FALSE(p.past_deadline);
  EXPECT_EQ(p.status, TargetStatus::at_risk);
  EXPECT_TRUE(kiosk::target_progress(up(0, 100, 99, "2025-12-31"), day("2026-01-01")).past_deadline);
}

TEST(TargetProgress, DownTargetCountsTheWayFromBaselineDown) {
  Target pm = with_direction(up(31, 29, 30), "down");  // PM2.5 31 -> 29; 30 is half way
  auto p = kiosk::target_progress(pm, kMid2025);
  EXPECT_DOUBLE_EQ(*p.percent, 50.0);
  EXPECT_EQ(p.status, TargetStatus::on_track);
  pm.current = 30.5;
  EXPECT_EQ(kiosk::target_progress(pm, kMid2025).status, TargetStatus::at_risk);
  pm.current = 29;
  EXPECT_EQ(kiosk::target_progress(pm, kMid2025).status, TargetStatus::achieved);
  pm.current = 29.1;
  EXPECT_EQ(kiosk::target_progress(pm, kAfter).status, TargetStatus::missed);
}

TEST(TargetProgress, DownTargetOfZeroIsMetOnlyAtZero) {
  Target rivers = with_direction(up(2, 0, 1), "down");
  EXPECT_EQ(kiosk::target_progress(rivers, kMid2025).status, TargetStatus::on_track);  // 50 % vs 49.9 %
  rivers.current = 0;
  EXPECT_EQ(kiosk::target_progress(rivers, kAfter).status, TargetStatus::achieved);
}

TEST(TargetProgress, DownTargetWithoutBaselineCannotBeJudgedUntilMet) {
  Target t = with_direction(up(31, 29, 30), "down");
  t.baseline.reset();
  auto p = kiosk::target_progress(t, kMid2025);
  EXPECT_EQ(p.status, TargetStatus::no_data);
  EXPECT_FALSE(p.percent.has_value());
  t.current = 28;
  EXPECT_EQ(kiosk::target_progress(t, kMid2025).status, TargetStatus::achieved);
}

TEST(TargetProgress, WorseThanBaselineClampsToZeroPercent) {
  auto p = kiosk::target_progress(with_direction(up(31, 29, 33), "down"), kMid2025);
  EXPECT_DOUBLE_EQ(*p.percent, 0.0);
  EXPECT_EQ(p.status, TargetStatus::at_risk);
}

TEST(TargetProgress, UpWithoutBaselineStartsFromZero) {
  Target t = up(0, 25000, 13000);
  t.baseline.reset();
  auto p = kiosk::target_progress(t, kMid2025);
  EXPECT_DOUBLE_EQ(*p.percent, 52.0);
  EXPECT_EQ(p.status, TargetStatus::on_track);
}

TEST(TargetProgress, WithoutBaselineYearThePaceCannotBeJudged) {
  Target t = up(0, 100, 50);
  t.baseline_year = 0;
  auto p = kiosk::target_progress(t, kMid2025);
  EXPECT_EQ(p.status, TargetStatus::no_data);
  EXPECT_DOUBLE_EQ(*p.percent, 50.0);
  EXPECT_FALSE(p.expected_percent.has_value());
}

TEST(TargetProgress, ExclusiveTargetMustBePassed) {
  Target t = up(15, 30, 30);
  t.exclusive = true;  // "more than 300,000 t/day"
  EXPECT_FALSE(kiosk::target_progress(t, kAfter).met);
  EXPECT_EQ(kiosk::target_progress(t, kAfter).status, TargetStatus::missed);
  t.current = 30.5;
  EXPECT_EQ(kiosk::target_progress(t, kAfter).status, TargetStatus::achieved);
}

TEST(TargetProgress, CountBehavesLikeUp) {
  Target bays = with_direction(up(0, 3, 2, "2025-12-31"), "count");
  EXPECT_EQ(kiosk::target_progress(bays, kAfter).status, TargetStatus::missed);
  EXPECT_NEAR(*kiosk::target_progress(bays, kAfter).percent, 200.0 / 3, 1e-9);
  bays.current = 3;
  EXPECT_EQ(kiosk::target_progress(bays, kAfter).status, TargetStatus::achieved);
}

TEST(TargetProgress, MilestoneIsDoneOrNot) {
  Target m = with_direction(up(0, 1, 0, "2023-06-30"), "milestone");
  m.deadline = "2023-12-31";
  m.target.reset();  // a milestone's target defaults to 1 (done)
  auto before = kiosk::target_progress(m, day("2023-07-01"));
  EXPECT_EQ(before.status, TargetStatus::at_risk);
  EXPECT_DOUBLE_EQ(*before.percent, 0.0);
  EXPECT_EQ(kiosk::target_progress(m, day("2024-01-01")).status, TargetStatus::missed);
  m.current = 0.6;  // 60 % of the plants retrofitted by mid-2023: ahead of the path (49.6 %)
  EXPECT_EQ(kiosk::target_progress(m, day("2023-07-01")).status, TargetStatus::on_track);
  m.current = 1;
  EXPECT_EQ(kiosk::target_progress(m, day("2023-07-01")).status, TargetStatus::achieved);
  EXPECT_EQ(kiosk::target_progress(m, day("2024-01-01")).status, TargetStatus::achieved);
}

TEST(TargetProgress, LevelTargetIsHeldWithinFivePercent) {
  Target fish = with_direction(up(178, 180, 182), "level");  // stable at 1.8 million t
  EXPECT_EQ(kiosk::target_progress(fish, kMid2025).status, TargetStatus::on_track);
  EXPECT_EQ(kiosk::target_progress(fish, kAfter).status, TargetStatus::achieved);
  fish.current = 189;  // exactly 5 % above
  EXPECT_EQ(kiosk::target_progress(fish, kAfter).status, TargetStatus::achieved);
  fish.current = 190;
  EXPECT_EQ(kiosk::target_progress(fish, kMid2025).status, TargetStatus::at_risk);
  EXPECT_EQ(kiosk::target_progress(fish, kAfter).status, TargetStatus::missed);
  EXPECT_NEAR(*kiosk::target_progress(fish, kAfter).percent, 100.0 * 180 / 190, 1e-9);
  fish.current = 160;
  EXPECT_EQ(kiosk::target_progress(fish, kAfter).status, TargetStatus::missed);
}

TEST(TargetProgress, LevelTargetWithItsOwnTolerance) {
  Target fish = with_direction(up(178, 180, 183), "level");
  fish.tolerance = 2;
  EXPECT_EQ(kiosk::target_progress(fish, kAfter).status, TargetStatus::missed);
  fish.current = 178;
  EXPECT_EQ(kiosk::target_progress(fish, kAfter).status, TargetStatus::achieved);
}

TEST(TargetProgress, StatusKeys) {
  EXPECT_STREQ(kiosk::status_key(TargetStatus::on_track), "on_track");
  EXPECT_STREQ(kiosk::status_key(TargetStatus::at_risk), "at_risk");
  EXPECT_STREQ(kiosk::status_key(TargetStatus::achieved), "achieved");
  EXPECT_STREQ(kiosk::status_key(TargetStatus::missed), "missed");
  EXPECT_STREQ(kiosk::status_key(TargetStatus::no_data), "no_data");
}

TEST(TargetDates, IsoDatesAreCheckedAgainstTheCalendar) {
  EXPECT_EQ(kiosk::parse_iso_date("1970-01-01"), 0);
  EXPECT_EQ(kiosk::parse_iso_date("2026-03-01"), 20513);
  EXPECT_TRUE(kiosk::parse_iso_date("2024-02-29").has_value());
  EXPECT_FALSE(kiosk::parse_iso_date("2025-02-29").has_value());
  EXPECT_FALSE(kiosk::parse_iso_date("2025-13-01").has_value());
  EXPECT_FALSE(kiosk::parse_iso_date("2025-12-32").has_value());
  EXPECT_FALSE(kiosk::parse_iso_date("2025-1-01").has_value());
  EXPECT_FALSE(kiosk::parse_iso_date("2025/12/31").has_value());
  EXPECT_FALSE(kiosk::parse_iso_date("").has_value());
}

TEST(TargetDates, LocalDayFollowsTheCitysClock) {
  // 2026-02-28 16:00 UTC is already 2026-03-01 in China (UTC+8).
  EXPECT_EQ(kiosk::local_day(1772294400, 480), *kiosk::parse_iso_date("2026-03-01"));
  EXPECT_EQ(kiosk::local_day(1772294400, 0), *kiosk::parse_iso_date("2026-02-28"));
  EXPECT_EQ(kiosk::local_day(-1, 0), -1);
}
