// The city plan's targets (targets.toml) and how far along each one is.
#pragma once
#include <optional>
#include <string>

#include "kiosk/core/text.hpp"

namespace kiosk {

// One of the plan's eleven actions, for grouping targets on the plan overview.
struct PlanAction {
  int number = 0;
  Text title;
};

// The plan itself (targets.toml [plan]): after its end date the screens say it has ended and show
// the final results instead of a plan still running.
struct PlanInfo {
  Text title;
  std::string end;  // YYYY-MM-DD, the plan's last day; empty: not given
};

// One measurable target. How progress and status follow from these fields: target_progress.hpp.
struct Target {
  std::string id;
  Text title;
  std::string area;  // air | bay | ocean | water | transport | green_life | soil | city
  int action = 0;    // the plan action it belongs to (1-11)
  Text unit;
  // up: more is better, reached at >= target; down: less is better, reached at <= target;
  // count: things done (bays built, pilots), like up; milestone: done (1) or not (0), or the
  // fraction done (0..1); level: hold the value near target (within `tolerance`).
  std::string direction;           // up | down | count | milestone | level
  std::optional<double> baseline;  // value at the end of baseline_year; up/count/milestone: 0 if absent
  int baseline_year = 0;           // 0: unknown, so the pace cannot be judged
  bool baseline_demo = false;      // the baseline is demo data, not the plan's
  std::optional<double> target;
  bool target_demo = false;  // the plan leaves the figure blank; this one is a placeholder for editors
  Text target_note;          // the plan's own words when a number cannot say it ("1–2", "basically full")
  bool exclusive = false;    // the target must be passed, not just reached ("> 300,000 t/day")
  std::optional<double> tolerance;  // level: how far from target still counts as held (default 5 %)
  std::string deadline;             // YYYY-MM-DD
  std::optional<double> current;
  std::string current_date;  // YYYY-MM-DD
  Text current_source;
  bool demo = false;  // current value is demo data
  std::string url;
};

}  // namespace kiosk
