// The model tells the screens what is fresh: a reading older than its source's stale time is marked
// stale, and the model says when the next reading will turn stale, so the app builds it again then
// even if no new data comes (an old value must never go on being shown as current).
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/model.hpp"

namespace kiosk {
namespace {

constexpr UnixTime kObserved = 1795831200;  // 2026-11-28 10:00 China time

struct OneAirStation {
  ContentPack content;
  DataSnapshot data;
  OneAirStation() {
    Station s;
    s.id = "air-1";
    s.kind = "air";
    s.source = "air-feed";
    content.stations.push_back(s);
    SourceStatus status;
    status.id = "air-feed";
    status.state = SourceState::ok;
    status.stale_seconds = 3600;
    data.sources.push_back(status);
    data.latest.push_back({"air-feed", "air-1", "pm25_1h", 40, "ug/m3", kObserved, kObserved + 60});
  }
};

TEST(Model, AReadingWithinItsStaleTimeIsFresh) {
  OneAirStation f;
  const Model m = build_model(f.content, f.data, kObserved + 3600);
  ASSERT_EQ(m.air.size(), 1u);
  EXPECT_FALSE(m.air[0].freshness.stale);
  EXPECT_EQ(m.air[0].freshness.observed_at, kObserved);
}

TEST(Model, AReadingPastItsStaleTimeIsStale) {
  OneAirStation f;
  const Model m = build_model(f.content, f.data, kObserved + 3601);
  ASSERT_EQ(m.air.size(), 1u);
  EXPECT_TRUE(m.air[0].freshness.stale);
  EXPECT_TRUE(m.any_stale);
}

TEST(Model, SaysWhenTheNextReadingTurnsStale) {
  OneAirStation f;
  EXPECT_EQ(build_model(f.content, f.data, kObserved + 600).next_stale_at, kObserved + 3601);
  // Already stale: nothing more will turn.
  EXPECT_EQ(build_model(f.content, f.data, kObserved + 4000).next_stale_at, 0);
}

// [SECTION] The city's AQI (HJ 663: per pollutant the mean of the city's stations, then the index)

// Three city stations with every pollutant of the real-time report; PM2.5 differs between them.
struct ThreeAirStations {
  ContentPack content;
  DataSnapshot data;
  explicit ThreeAirStations(const double (&pm25)[3]) {
    SourceStatus status;
    status.id = "air-feed";
    status.state = SourceState::ok;
    status.stale_seconds = 3600;
    data.sources.push_back(status);
    for (int i = 0; i < 3; ++i) {
      Station s;
      s.id = "air-" + std::to_string(i + 1);
      s.kind = "air";
      s.source = "air-feed";
      content.stations.push_back(s);
      auto add = [&](const char* metric, double value, const char* unit) {
        data.latest.push_back({"air-feed", s.id, metric, value, unit, kObserved, kObserved + 60});
      };
      if (pm25[i] >= 0) add("pm25_1h", pm25[i], "ug/m3");
      add("pm10_1h", 20, "ug/m3");
      add("so2_1h", 5, "ug/m3");
      add("no2_1h", 10, "ug/m3");
      add("co_1h", 0.4, "mg/m3");
      add("o3_1h", 30, "ug/m3");
      add("o3_8h", 30, "ug/m3");  // HJ 633-2012's real-time report also expects it
    }
  }
};

TEST(CityAir, IsTheIndexOfTheStationsMeanNotTheWorstStation) {
  ThreeAirStations f({20, 40, 90});  // mean PM2.5 50 ug/m3 -> IAQI 80 (HJ 633-2026); 90 alone -> 128
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 80);
  EXPECT_EQ(m.city_air.grade.level, 2);
  EXPECT_EQ(m.city_air.primary, std::vector<std::string>{"pm25_1h"});
  EXPECT_EQ(m.city_air.stations, 3);
  EXPECT_EQ(m.city_air.standard, "cn");
  ASSERT_NE(m.headline_air(), nullptr);
  EXPECT_EQ(*m.headline_air()->aqi, 128);
  EXPECT_EQ(m.headline_air()->station->id, "air-3");
}

TEST(CityAir, AStationWithoutAValueIsLeftOutOfThatPollutantsMeanOnly) {
  ThreeAirStations f({20, 40, -1});  // no PM2.5 at the third station: mean 30 -> IAQI 43
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 43);
  EXPECT_EQ(m.city_air.stations, 3);  // its other pollutants still count
  ASSERT_FALSE(m.city_air.means.empty());
  EXPECT_EQ(m.city_air.means.front().metric, "pm25_1h");
  EXPECT_DOUBLE_EQ(m.city_air.means.front().value, 30);
}

TEST(CityAir, AStationMarkedNotForTheCityIsLeftOut) {
  ThreeAirStations f({20, 40, 90});
  f.content.stations[2].city = false;
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 43);
  EXPECT_EQ(m.city_air.city_stations, 2);
  EXPECT_EQ(m.city_air.stations, 2);
  // The station itself is still shown with its own index.
  EXPECT_EQ(m.air.size(), 3u);
  EXPECT_EQ(*m.air[2].aqi, 128);
}

TEST(CityAir, StaleValuesAreLeftOut) {
  ThreeAirStations f({20, 40, 90});
  for (Reading& r : f.data.latest)
    if (r.station == "air-3") r.observed_at = kObserved - 7200;
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 43);
  EXPECT_EQ(m.city_air.stations, 2);
}

TEST(CityAir, WithNoCurrentValueAnywhereTheLastFigureIsMarkedStale) {
  ThreeAirStations f({20, 40, 90});
  const Model fresh = build_model(f.content, f.data, kObserved + 600);
  EXPECT_FALSE(fresh.city_air.stale);
  const Model m = build_model(f.content, f.data, kObserved + 7200);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 80);
  EXPECT_TRUE(m.city_air.stale);
  EXPECT_EQ(m.city_air.observed_at, kObserved);
}

TEST(CityAir, NoValueAtAllGivesNoCityFigure) {
  ThreeAirStations f({20, 40, 90});
  f.data.latest.clear();
  const Model m = build_model(f.content, f.data, kObserved + 600);
  EXPECT_FALSE(m.city_air.aqi);
  EXPECT_EQ(m.city_air.stations, 0);
  EXPECT_EQ(m.city_air.city_stations, 3);
}

TEST(CityAir, AValueUnderTheDetectionLimitIsShownAsSuchAndNeverEntersAnIndex) {
  ThreeAirStations f({20, 40, 90});
  for (Reading& r : f.data.latest)
    if (r.station == "air-3" && r.metric == "so2_1h") {
      r.value = 1000;  // a limit that, read as a concentration, would make SO2 the main pollutant
      r.flag = ReadingFlag::below_detection;
    }
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 80);  // as before: the city's SO2 is the mean of the other two stations
  for (const PollutantValue& p : m.city_air.means) {
    if (p.metric == "so2_1h") {
      EXPECT_DOUBLE_EQ(p.value, 5);
    }
  }
  const AirStationView& third = m.air[2];
  ASSERT_TRUE(third.aqi);
  EXPECT_EQ(*third.aqi, 128);
  EXPECT_EQ(third.primary, std::vector<std::string>{"pm25_1h"});
  const auto so2 = std::find_if(third.pollutants.begin(), third.pollutants.end(),
                                [](const PollutantValue& p) { return p.metric == "so2_1h"; });
  ASSERT_NE(so2, third.pollutants.end());
  EXPECT_TRUE(so2->below_detection());
  EXPECT_FALSE(so2->iaqi);
  // It has a value on screen ("< 1000"), so it is not listed as having none.
  EXPECT_EQ(std::count(third.missing.begin(), third.missing.end(), "so2_1h"), 0);
}

TEST(CityAir, AStationWithAPollutantUnderItsLimitStillHasAnIndex) {
  ThreeAirStations f({20, 40, 90});
  for (Reading& r : f.data.latest)
    if (r.station == "air-1" && r.metric == "so2_1h") r.flag = ReadingFlag::below_detection;
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.air[0].aqi);  // 20 ug/m3 of PM2.5 and the rest low: an index under 100, published
  EXPECT_LT(*m.air[0].aqi, 100);
  EXPECT_TRUE(m.air[0].missing.empty());
}

TEST(CityAir, APollutantEveryStationFoundUnderItsLimitHoldsBackNoCityIndex) {
  ThreeAirStations f({20, 40, 30});
  for (Reading& r : f.data.latest)
    if (r.metric == "so2_1h") r.flag = ReadingFlag::below_detection;
  const Model m = build_model(f.content, f.data, kObserved + 600);
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 43);  // PM2.5 30 ug/m3; no SO2 mean, and no "NA" for it
}

// [SECTION] Bike share: stations that do not lend, virtual stations

struct TwoBikeStations {
  ContentPack content;
  DataSnapshot data;
  TwoBikeStations(StationService service, bool is_virtual) {
    SourceStatus status;
    status.id = "bikes";
    status.state = SourceState::ok;
    status.stale_seconds = 600;
    data.sources.push_back(status);
    for (const char* id : {"bike-1", "bike-2"}) {
      StationInfo info;
      info.source = "bikes";
      info.id = id;
      info.name_en = id;
      data.stations.push_back(info);
      data.latest.push_back({"bikes", id, "bikes_available", 6, "count", kObserved, kObserved});
      data.latest.push_back({"bikes", id, "docks_available", 4, "count", kObserved, kObserved});
    }
    data.stations[1].service = service;
    data.stations[1].is_virtual = is_virtual;
  }
};

TEST(Bikes, AStationThatIsNotRentingHasNoBikesToTake) {
  for (StationService service : {StationService::closed, StationService::no_rentals}) {
    const TwoBikeStations f(service, false);
    const Model m = build_model(f.content, f.data, kObserved + 60);
    ASSERT_EQ(m.bikes.size(), 2u);
    EXPECT_EQ(m.bikes[0].bikes_to_rent(), 6);
    EXPECT_EQ(m.bikes[1].bikes_to_rent(), 0);
    EXPECT_EQ(m.bikes[1].info.service, service);
  }
  const TwoBikeStations rentals_only(StationService::no_returns, false);
  EXPECT_EQ(build_model(rentals_only.content, rentals_only.data, kObserved + 60).bikes[1].bikes_to_rent(), 6);
}

TEST(Bikes, AVirtualStationHasNoDocks) {
  const TwoBikeStations f(StationService::open, true);
  const Model m = build_model(f.content, f.data, kObserved + 60);
  ASSERT_EQ(m.bikes.size(), 2u);
  EXPECT_EQ(m.bikes[0].docks, 4);
  EXPECT_FALSE(m.bikes[1].docks);
  EXPECT_EQ(m.bikes[1].bikes, 6);
}

TEST(Model, TheOldestValueOnScreenIsTold) {
  ThreeAirStations f({20, 40, 90});
  for (Reading& r : f.data.latest)
    if (r.station == "air-2") r.observed_at = kObserved - 5 * 3600;
  const Model m = build_model(f.content, f.data, kObserved + 600);
  EXPECT_EQ(m.oldest_data, kObserved - 5 * 3600);
  EXPECT_EQ(m.newest_data, kObserved);
}

TEST(CityAir, FollowsTheDeploymentsStandard) {
  ThreeAirStations f({20, 40, 90});
  f.content.settings.aqi_standard = "cn-2012";  // PM2.5 50 -> 50 + 50 x 15/40 = 68.75 -> 69
  const Model m = build_model(f.content, f.data, kObserved + 600);
  EXPECT_EQ(m.city_air.standard, "cn-2012");
  ASSERT_TRUE(m.city_air.aqi);
  EXPECT_EQ(*m.city_air.aqi, 69);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// [SECTION] The plan after its end date

struct PlanWithTwoTargets {
  ContentPack content;
  DataSnapshot data;
  PlanWithTwoTargets() {
    content.plan.end = "2025-12-31";
    auto target = [&](const char* id, double current) {
      Target t;
      t.id = id;
      t.direction = "up";
      t.baseline = 80;
      t.baseline_year = 2022;
      t.target = 90;
      t.deadline = "2025-12-31";
      t.current = current;
      t.current_date = "2025-12-31";
      content.targets.push_back(t);
    };
    target("reached", 92);
    target("short", 88);
  }
};

TEST(Plan, RunsUntilItsEndDate) {
  PlanWithTwoTargets f;
  const Model m = build_model(f.content, f.data, 1767110400);  // 2025-12-31 00:00 China time (UTC+8)
  EXPECT_FALSE(m.plan_ended);
  EXPECT_EQ(m.targets[1].status, "at_risk");
}

TEST(Plan, AfterItsEndDateTheResultsAreFinal) {
  PlanWithTwoTargets f;
  const Model m = build_model(f.content, f.data, kObserved);  // 2026-11-28
  EXPECT_TRUE(m.plan_ended);
  ASSERT_EQ(m.targets.size(), 2u);
  EXPECT_EQ(m.targets[0].status, "achieved");
  EXPECT_EQ(m.targets[1].status, "missed");
  // The bar runs from the baseline to the target: 88 is 80 % of the way from 80 to 90.
  ASSERT_TRUE(m.targets[1].progress);
  EXPECT_NEAR(*m.targets[1].progress, 0.8, 1e-9);
}

TEST(Plan, WithoutAnEndDateItNeverEnds) {
  PlanWithTwoTargets f;
  f.content.plan.end.clear();
  EXPECT_FALSE(build_model(f.content, f.data, kObserved).plan_ended);
}

}  // namespace
}  // namespace kiosk
