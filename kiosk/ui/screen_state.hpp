// What each screen remembers during a visit, one plain struct a screen. The app holds them in
// ScreenState (ui_context.hpp); a new screen starts from the defaults and an idle reset returns
// every one of them to its defaults.
#pragma once
#include <string>

namespace kiosk::ui {

// How the air screen shows its stations and the chosen station's trend.
struct AirView {
  bool list = false;   // the station list instead of the map
  bool week = false;   // the trend over 7 days instead of 24 hours
  std::string metric;  // the pollutant charted; empty: the station's main pollutant
  bool operator==(const AirView&) const = default;
};

struct AirState {
  std::string station;  // the station chosen; empty: the one with the worst air
  AirView view;         // kept when another station is chosen
};

struct WaterState {
  std::string station;  // the station chosen; empty: the first river station
  bool list = false;    // the station list instead of the map; kept when another station is chosen
};

struct BayState {
  std::string page;  // a bay's id or the plan; empty: the first bay
  int hotspot = -1;  // the hotspot open on the bay's map; -1: none
};

struct WasteState {
  std::string category;  // the category card shown; empty: the first
  std::string search;    // the text typed into the search
  std::string item;      // the item whose card is open, if any
};

}  // namespace kiosk::ui
