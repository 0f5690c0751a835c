// A trend chart: one pollutant's recent hourly values as a line over the level bands of the AQI
// standard in use, with times in the city's zone. Missing hours are gaps in the line, never bridged.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/core/snapshot.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// One level's band behind the line, from the top of the band below it up to `top`.
struct TrendBand {
  double top = 0;     // concentration where the level ends; infinity for the open top level
  int level = 0;      // 1..6: the face drawn beside its name
  ImU32 color = 0;    // the level's colour; drawn lightened so the line and text read on it
  std::string label;  // the level's name: a band never depends on colour alone
};

struct TrendChart {
  std::span<const HistoryPoint> points;  // hourly, oldest first
  UnixTime from = 0, to = 0;             // the window shown, left to right
  std::vector<TrendBand> bands;          // bottom up; may be empty (no standard for this metric)
  double min_top = 0;                    // the value axis reaches at least this far (e.g. the end of "good")
  int decimals = 0;                      // of the value labels
  int zone_offset_minutes = 480;         // axis times in the city's zone
  bool daily_ticks = false;              // a tick per day ("11-25") instead of every 6 hours ("06:00")
  std::string empty_text;                // shown when no value falls in the window
  std::string axis_title;                // over the value axis: what and in which unit ("PM2.5 µg/m³")
  std::string last_label;                // the newest point's note ("90 µg/m³ → IAQI 128"); empty: value
  // Names of the days, Sunday first ("周日"…, "Sun"…): the 7-day view's ticks read "周四 11-26", and
  // the 24-hour view's midnight tick shows the date. Empty: dates only.
  std::vector<std::string> weekdays;
};

void draw_trend_chart(UiContext& ctx, const TrendChart& chart, ImVec2 min, ImVec2 max);

// --- pure parts, tested without a window ---

// Stretches of consecutive hours within [from, to]: points[first .. first + count). A step of more
// than `step` seconds between two points (a missing hour) starts a new stretch.
struct PointRun {
  std::size_t first = 0, count = 0;
};
std::vector<PointRun> trend_runs(std::span<const HistoryPoint> points, UnixTime from, UnixTime to,
                                 UnixTime step = 3600);

// A value axis from 0 to `top` in `step`s of 1, 2, 2.5 or 5 times a power of ten, with at most
// `max_ticks` steps and top >= max (top > 0 even when max is 0).
struct AxisScale {
  double top = 1, step = 1;
};
AxisScale nice_axis(double max, int max_ticks = 4);

}  // namespace kiosk::ui
