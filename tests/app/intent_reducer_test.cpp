// The intent reducer: what a tap does to the UI state, checked without a window, clock or content.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/app/intent_reducer.hpp"

namespace kiosk::ui {
// gtest prints an intent by its name and payload ("set_air_view list 7d").
void PrintTo(const Intent& intent, std::ostream* out) {
  *out << describe(intent);
}
}  // namespace kiosk::ui

namespace kiosk {
namespace {

UiState on(ui::ScreenId screen) {
  UiState s;
  s.screen.screen = screen;
  return s;
}

// Applies the intents in turn, as the app does between frames; each must be the reducer's.
UiState after(UiState s, std::initializer_list<ui::Intent> intents) {
  for (const ui::Intent& intent : intents) {
    std::optional<Reduction> r = reduce(s, intent);
    EXPECT_TRUE(r) << ui::describe(intent);
    if (r) s = r->state;
  }
  return s;
}

ui::AirView week_list() {
  ui::AirView v;
  v.list = true;
  v.week = true;
  return v;
}

TEST(IntentReducer, ANewScreenStartsFreshButKeepsTheVisitorsChoices) {
  UiState s = on(ui::ScreenId::air);
  s.screen.air.station = "station-3";
  s.screen.air.view = week_list();
  s.screen.large_text = true;
  s.screen.high_contrast = true;
  s.screen.waste.search = "bottle";
  s.lang = Lang::en;
  auto r = reduce(s, ui::GoTo{ui::ScreenId::water});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state.screen.screen, ui::ScreenId::water);
  EXPECT_TRUE(r->state.screen.air.station.empty());
  EXPECT_EQ(r->state.screen.air.view, ui::AirView{});
  EXPECT_TRUE(r->state.screen.waste.search.empty());
  EXPECT_TRUE(r->state.screen.large_text);
  EXPECT_TRUE(r->state.screen.high_contrast);
  EXPECT_EQ(r->state.lang, Lang::en);
  EXPECT_EQ(r->search_changed, true);  // leaving counts as clearing the search
  EXPECT_TRUE(r->redraw);
}

TEST(IntentReducer, GoingToTheScreenOnShowKeepsItsSelection) {
  UiState s = on(ui::ScreenId::air);
  s.screen.air.station = "station-3";
  auto r = reduce(s, ui::GoTo{ui::ScreenId::air});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state.screen.air.station, "station-3");
  EXPECT_FALSE(r->search_changed);
}

TEST(IntentReducer, ChoosingSevenDaysKeepsTheChosenStation) {
  ui::AirView week;
  week.week = true;
  const UiState s = after(on(ui::ScreenId::air), {ui::SelectStation{"south-hills"}, ui::SetAirView{week}});
  EXPECT_EQ(s.screen.air.station, "south-hills");
  EXPECT_TRUE(s.screen.air.view.week);
  EXPECT_FALSE(s.screen.air.view.list);
}

TEST(IntentReducer, AnotherAirStationKeepsTheListThePeriodAndThePollutant) {
  ui::AirView view = week_list();
  view.metric = "o3_1h";
  const UiState s = after(on(ui::ScreenId::air), {ui::SetAirView{view}, ui::SelectStation{"university"}});
  EXPECT_EQ(s.screen.air.station, "university");
  EXPECT_EQ(s.screen.air.view, view);
}

TEST(IntentReducer, AnotherWaterStationKeepsTheListView) {
  const UiState s = after(on(ui::ScreenId::water), {ui::SetWaterView{true}, ui::SelectStation{"reservoir"}});
  EXPECT_EQ(s.screen.water.station, "reservoir");
  EXPECT_TRUE(s.screen.water.list);
  EXPECT_TRUE(s.screen.air.station.empty());  // a water station is never the air screen's
}

TEST(IntentReducer, BackToTheMapKeepsTheChosenWaterStation) {
  const UiState s = after(on(ui::ScreenId::water),
                          {ui::SetWaterView{true}, ui::SelectStation{"bay-7"}, ui::SetWaterView{false}});
  EXPECT_EQ(s.screen.water.station, "bay-7");
  EXPECT_FALSE(s.screen.water.list);
}

TEST(IntentReducer, AHotspotOpensAndASecondTapClosesIt) {
  UiState s = after(on(ui::ScreenId::bay), {ui::ToggleHotspot{2}});
  EXPECT_EQ(s.screen.bay.hotspot, 2);
  s = after(s, {ui::ToggleHotspot{1}});
  EXPECT_EQ(s.screen.bay.hotspot, 1);  // another one replaces it
  s = after(s, {ui::ToggleHotspot{1}});
  EXPECT_EQ(s.screen.bay.hotspot, -1);
}

TEST(IntentReducer, AnotherBayClosesTheOpenHotspot) {
  const UiState s = after(on(ui::ScreenId::bay), {ui::ToggleHotspot{0}, ui::SelectBay{"eastern-coast"}});
  EXPECT_EQ(s.screen.bay.page, "eastern-coast");
  EXPECT_EQ(s.screen.bay.hotspot, -1);
}

TEST(IntentReducer, TogglesFlipLanguageLargeTextAndContrast) {
  UiState s = after(on(ui::ScreenId::home), {ui::ToggleLanguage{}});
  EXPECT_EQ(s.lang, Lang::en);
  s = after(s, {ui::ToggleLargeText{}});
  EXPECT_TRUE(s.screen.large_text);
  s = after(s, {ui::ToggleContrast{}});
  EXPECT_TRUE(s.screen.high_contrast);
  s = after(s, {ui::ToggleLanguage{}});
  EXPECT_EQ(s.lang, Lang::zh);
}

TEST(IntentReducer, TypingASearchClosesTheOpenCardAndCuesTheMissedSearchCount) {
  UiState s = on(ui::ScreenId::waste);
  s.screen.waste.item = "battery";
  auto r = reduce(s, ui::Search{"bot"});
  EXPECT_EQ(r->state.screen.waste.search, "bot");
  EXPECT_TRUE(r->state.screen.waste.item.empty());
  EXPECT_EQ(r->search_changed, false);
  r = reduce(r->state, ui::Search{"bot"});
  EXPECT_FALSE(r->search_changed);  // the same text is no change
  r = reduce(r->state, ui::Search{""});
  EXPECT_EQ(r->search_changed, true);
  r = reduce(r->state, ui::OpenItem{"bottle"});
  EXPECT_EQ(r->state.screen.waste.item, "bottle");
}

TEST(IntentReducer, ACategoryCardLeavesTheSearchToItsOwnIntent) {
  UiState s = on(ui::ScreenId::waste);
  s.screen.waste.search = "bot";
  s = after(s, {ui::SelectCategory{"kitchen"}});
  EXPECT_EQ(s.screen.waste.category, "kitchen");
  EXPECT_EQ(s.screen.waste.search, "bot");
}

TEST(IntentReducer, LeavesTheClassroomAdminAndPointerToTheApp) {
  const UiState s = on(ui::ScreenId::game);
  for (const ui::Intent& intent : std::initializer_list<ui::Intent>{
           ui::Play{}, ui::AdminCorner{}, ui::AdminKey{ui::AdminKey::Kind::digit, 4},
           ui::AdminAction{ui::AdminAction::Kind::reload}, ui::HoldPointer{}, ui::SearchMissed{"kqsp"}})
    EXPECT_FALSE(reduce(s, intent)) << ui::describe(intent);
}

TEST(IntentNames, EveryKindHasItsOwnName) {
  std::set<std::string_view> seen;
  for (std::string_view name : ui::kIntentNames) {
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(seen.insert(name).second) << name;
  }
}

TEST(IntentNames, AnIntentReadsAsItsNameAndPayload) {
  ui::AirView view = week_list();
  view.metric = "o3_1h";
  EXPECT_EQ(ui::describe(ui::SetAirView{view}), "set_air_view list 7d metric=o3_1h");
  EXPECT_EQ(ui::describe(ui::GoTo{ui::ScreenId::water}), "go_to water");
  EXPECT_EQ(ui::describe(ui::ToggleHotspot{2}), "toggle_hotspot 2");
  EXPECT_EQ(ui::describe(ui::AdminAction{ui::AdminAction::Kind::quit}), "admin_action quit");
  EXPECT_EQ(ui::describe(ui::AdminKey{ui::AdminKey::Kind::digit, 7}), "admin_key 7");
  EXPECT_EQ(ui::describe(ui::ToggleContrast{}), "toggle_contrast");
}

TEST(IntentNames, SelectingOpensWhatTheScreenShows) {
  EXPECT_EQ(ui::select_on(ui::ScreenId::air, "a")->index(), ui::Intent(ui::SelectStation{}).index());
  EXPECT_EQ(ui::select_on(ui::ScreenId::water, "w")->index(), ui::Intent(ui::SelectStation{}).index());
  EXPECT_EQ(ui::select_on(ui::ScreenId::bay, "b")->index(), ui::Intent(ui::SelectBay{}).index());
  EXPECT_EQ(ui::select_on(ui::ScreenId::waste, "c")->index(), ui::Intent(ui::SelectCategory{}).index());
  EXPECT_FALSE(ui::select_on(ui::ScreenId::travel, "t"));
}

}  // namespace
}  // namespace kiosk
