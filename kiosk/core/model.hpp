// The model the screens draw from: content joined with the latest data and evaluated by the
// standards. Rebuilt only when the content or the data snapshot changes, never per frame.
// Data flows one way: sources -> normalised readings (snapshot) -> this model -> screens.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/snapshot.hpp"

namespace kiosk {

// How old a value is and whether it can be trusted as current.
struct Freshness {
  UnixTime observed_at = 0;  // 0: never reported
  bool stale = false;        // older than its source's stale threshold
  bool demo = false;         // from a demo source
};

// A level or class as residents see it: number, name, colour (never colour alone on screen).
struct Grade {
  int level = 0;      // AQI level 1-6, or water class 1-6 (6 = worse than V / 4)
  std::string label;  // "II", "劣V", "3"…
  Text name;          // 良 / Good, II类 / Class II …
  std::string color;  // "#RRGGBB"
  Text meaning;       // water: what the class is fit for (levels.toml); empty for AQI levels
};

struct PollutantValue {
  std::string metric;  // e.g. pm25_1h
  double value = 0;    // below detection: the limit (0: none given), never a concentration
  std::string unit;
  std::optional<int> iaqi;
  ReadingFlag flag = ReadingFlag::none;

  bool below_detection() const { return flag == ReadingFlag::below_detection; }
};

// The recent values of one metric at one station, for trend charts.
struct MetricHistory {
  std::string metric;
  std::vector<HistoryPoint> points;  // hourly, oldest first, the last 7 days; a missing hour is a gap
};

struct AirStationView {
  const Station* station = nullptr;
  Freshness freshness;
  std::optional<int> aqi;
  Grade grade;
  std::vector<std::string> primary;  // metric keys, e.g. {"pm25_1h"}
  std::vector<std::string> missing;  // pollutants without a value, said so on screen
  Text health;                       // health effects of the level
  Text advice;                       // recommended measures
  std::vector<PollutantValue> pollutants;
  std::vector<MetricHistory> history;  // of the pollutants that have any, in pollutant order
};

// The city's AQI as China's national monitoring centre computes it (HJ 663-2013 §5-6): for each
// pollutant, the arithmetic mean of the concentrations of the city's stations that have a current
// value of it (stations.toml `city = false` and stale values are left out), then the index of those
// means by the standard in use (the real-time hourly report). When every value is stale, the same
// from the last values, with `stale` set.
struct CityAirView {
  std::optional<int> aqi;  // empty: no station with a current value, or not publishable
  Grade grade;
  std::vector<std::string> primary;   // metric keys
  std::string standard;               // "cn", "cn-2012", "us": the standard that computed it
  std::vector<PollutantValue> means;  // the city's mean concentrations, with their IAQI
  int stations = 0;                   // stations that gave at least one value
  int city_stations = 0;              // stations that count for the city figure
  UnixTime observed_at = 0;           // the oldest observation among the values averaged
  bool demo = false;                  // some value averaged came from a demo source
  bool stale = false;                 // no current value anywhere: the last city figure, from old values
  Text health;
  Text advice;
};

struct WaterStationView {
  const Station* station = nullptr;
  Freshness freshness;
  std::optional<Grade> grade;         // class; empty when no item could be evaluated
  std::vector<std::string> deciding;  // items whose class equals the result
  std::optional<Grade> tn_grade;      // lakes: total nitrogen, shown beside the class
  std::vector<PollutantValue> values;
};

struct BikeStationView {
  StationInfo info;  // info.service: a station that does not lend has no bikes "available"
  Freshness freshness;
  std::optional<int> bikes;
  std::optional<int> docks;  // never for a virtual station

  // Bikes a resident can take now (0 at a station that is not renting).
  int bikes_to_rent() const { return info.renting() && bikes ? *bikes : 0; }
};

struct TargetView {
  const Target* target = nullptr;
  std::optional<double> progress;  // 0..1 of the way from baseline to target
  std::string status;              // on_track | at_risk | achieved | missed | no_data
};

struct Model {
  std::string aqi_standard;  // the standard the AQI figures follow
  CityAirView city_air;
  std::vector<AirStationView> air;
  std::vector<WaterStationView> rivers;  // rivers and lakes
  std::vector<WaterStationView> sea;
  std::optional<double> sea_good_share;  // class 1+2 stations / stations evaluated, 0..1
  std::vector<BikeStationView> bikes;
  std::vector<TargetView> targets;
  bool plan_ended = false;   // today is after the plan's end date: its results are final
  UnixTime newest_data = 0;  // newest observation of any reading
  // The oldest of the values on screen: each station's (and bike station's) latest observation;
  // the status bar tells this one, so one old station is never hidden by a fresh one. 0: none.
  UnixTime oldest_data = 0;
  // When the next reading turns stale (0: none will): the model must be built again then, even if no
  // new data came, or the screen would call old data fresh.
  UnixTime next_stale_at = 0;
  bool any_demo = false;
  bool any_stale = false;
  int failing_sources = 0;

  // The station with the worst AQI among those with fresh data: shown second, after the city figure.
  const AirStationView* headline_air() const;
};

Model build_model(const ContentPack& content, const DataSnapshot& data, UnixTime now);

}  // namespace kiosk
