// The pure parts of the trend chart: missing hours break the line, and the value axis is readable.
#include <gtest/gtest.h>

#include "kiosk/ui/trend_chart.hpp"

namespace kiosk::ui {
namespace {

std::vector<HistoryPoint> hours(std::initializer_list<int> which) {
  std::vector<HistoryPoint> out;
  for (int h : which) out.push_back({1'800'000'000 + h * 3600LL, static_cast<double>(h)});
  return out;
}

TEST(TrendRuns, ConsecutiveHoursAreOneLine) {
  auto points = hours({0, 1, 2, 3});
  auto runs = trend_runs(points, points.front().t, points.back().t);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, 0u);
  EXPECT_EQ(runs[0].count, 4u);
}

TEST(TrendRuns, AMissingHourIsAGapNeverBridged) {
  auto points = hours({0, 1, 2, 5, 6, 9});
  auto runs = trend_runs(points, points.front().t, points.back().t);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].count, 3u);  // 0 1 2
  EXPECT_EQ(runs[1].first, 3u);  // 5 6
  EXPECT_EQ(runs[1].count, 2u);
  EXPECT_EQ(runs[2].first, 5u);  // 9 alone: a dot
  EXPECT_EQ(runs[2].count, 1u);
}

TEST(TrendRuns, OnlyTheWindowCounts) {
  auto points = hours({0, 1, 2, 3, 4, 5});
  auto runs = trend_runs(points, points[2].t, points[4].t);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, 2u);
  EXPECT_EQ(runs[0].count, 3u);
  EXPECT_TRUE(trend_runs(points, points[5].t + 1, points[5].t + 7200).empty());
  EXPECT_TRUE(trend_runs({}, 0, 100).empty());
}

TEST(NiceAxis, TopCoversTheMaximumInRoundSteps) {
  auto a = nice_axis(60, 4);
  EXPECT_DOUBLE_EQ(a.step, 20);
  EXPECT_DOUBLE_EQ(a.top, 60);
  a = nice_axis(100, 4);
  EXPECT_DOUBLE_EQ(a.step, 25);
  EXPECT_DOUBLE_EQ(a.top, 100);
  a = nice_axis(137, 4);
  EXPECT_DOUBLE_EQ(a.step, 50);
  EXPECT_DOUBLE_EQ(a.top, 150);
  a = nice_axis(0.83, 4);
  EXPECT_DOUBLE_EQ(a.step, 0.25);
  EXPECT_DOUBLE_EQ(a.top, 1);
}

TEST(NiceAxis, NoDataStillGivesAnAxis) {
  auto a = nice_axis(0, 4);
  EXPECT_GT(a.top, 0);
  EXPECT_GT(a.step, 0);
}

}  // namespace
}  // namespace kiosk::ui
