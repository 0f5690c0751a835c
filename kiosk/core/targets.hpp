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

struct Target {
  std::string id;
  Text title;
  std::string area;   // air | bay | ocean | water | transport | green_life | soil | city
  int action = 0;     // the plan action it belongs to (1-11)
  Text unit;
  std::string direction;  // up | down | count | milestone | level
  std::optional<double> baseline;
  int baseline_year = 0;
  std::optional<double> target;
  std::string deadline;   // YYYY-MM-DD
  std::optional<double> current;
  std::string current_date;  // YYYY-MM-DD
  Text current_source;
  bool demo = false;         // current value is demo data
  std::string url;
};

}  // namespace kiosk
