// The intent reducer: what a tap does to the UI state, checked without a window, clock or content.
#include <gtest/gtest.h>

#include "kiosk/app/intent_reducer.hpp"

namespace kiosk {
namespace {

using Kind = ui::Intent::Kind;

UiState on(ui::ScreenId screen) {
  UiState s;
  s.screen.screen = screen;
  return s;
}

TEST(IntentReducer, ANewScreenStartsFreshButKeepsTheVisitorsChoices) {
  UiState s = on(ui::ScreenId::air);
  s.screen.selected = "station-3";
  s.screen.large_text = true;
  s.screen.high_contrast = true;
  s.screen.search = "bottle";
  s.lang = Lang::en;
  auto r = reduce(s, {Kind::go_to, ui::ScreenId::water, {}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state.screen.screen, ui::ScreenId::water);
  EXPECT_TRUE(r->state.screen.selected.empty());
  EXPECT_TRUE(r->state.screen.search.empty());
  EXPECT_TRUE(r->state.screen.large_text);
  EXPECT_TRUE(r->state.screen.high_contrast);
  EXPECT_EQ(r->state.lang, Lang::en);
  EXPECT_EQ(r->search_changed, true);  // leaving counts as clearing the search
  EXPECT_TRUE(r->redraw);
}

TEST(IntentReducer, GoingToTheScreenOnShowKeepsItsSelection) {
  UiState s = on(ui::ScreenId::air);
  s.screen.selected = "station-3";
  auto r = reduce(s, {Kind::go_to, ui::ScreenId::air, {}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state.screen.selected, "station-3");
  EXPECT_FALSE(r->search_changed);
}

TEST(IntentReducer, SelectingClosesTheOpenDetailAndASecondTapOnADetailClosesIt) {
  UiState s = on(ui::ScreenId::bay);
  s.screen.detail = "beach";
  auto r = reduce(s, {Kind::select, ui::ScreenId::bay, "bay-2"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state.screen.selected, "bay-2");
  EXPECT_TRUE(r->state.screen.detail.empty());
  r = reduce(r->state, {Kind::select_detail, ui::ScreenId::bay, "pier"});
  EXPECT_EQ(r->state.screen.detail, "pier");
  r = reduce(r->state, {Kind::select_detail, ui::ScreenId::bay, "pier"});
  EXPECT_TRUE(r->state.screen.detail.empty());
  r = reduce(r->state, {Kind::back, ui::ScreenId::bay, {}});
  EXPECT_TRUE(r->state.screen.selected.empty());
}

TEST(IntentReducer, TogglesFlipLanguageLargeTextAndContrast) {
  UiState s = on(ui::ScreenId::home);
  auto r = reduce(s, {Kind::toggle_language, ui::ScreenId::home, {}});
  EXPECT_EQ(r->state.lang, Lang::en);
  r = reduce(r->state, {Kind::toggle_large_text, ui::ScreenId::home, {}});
  EXPECT_TRUE(r->state.screen.large_text);
  r = reduce(r->state, {Kind::toggle_contrast, ui::ScreenId::home, {}});
  EXPECT_TRUE(r->state.screen.high_contrast);
  r = reduce(r->state, {Kind::toggle_language, ui::ScreenId::home, {}});
  EXPECT_EQ(r->state.lang, Lang::zh);
}

TEST(IntentReducer, TypingASearchClosesTheOpenCardAndCuesTheMissedSearchCount) {
  UiState s = on(ui::ScreenId::waste);
  s.screen.item = "battery";
  auto r = reduce(s, {Kind::search, ui::ScreenId::waste, "bot"});
  EXPECT_EQ(r->state.screen.search, "bot");
  EXPECT_TRUE(r->state.screen.item.empty());
  EXPECT_EQ(r->search_changed, false);
  r = reduce(r->state, {Kind::search, ui::ScreenId::waste, "bot"});
  EXPECT_FALSE(r->search_changed);  // the same text is no change
  r = reduce(r->state, {Kind::search, ui::ScreenId::waste, ""});
  EXPECT_EQ(r->search_changed, true);
  r = reduce(r->state, {Kind::open_item, ui::ScreenId::waste, "bottle"});
  EXPECT_EQ(r->state.screen.item, "bottle");
}

TEST(IntentReducer, LeavesTheClassroomAdminAndPointerToTheApp) {
  const UiState s = on(ui::ScreenId::game);
  for (Kind kind : {Kind::classroom, Kind::admin_corner, Kind::admin_key, Kind::admin_action,
                    Kind::hold_pointer, Kind::search_missed})
    EXPECT_FALSE(reduce(s, {kind, ui::ScreenId::game, {}})) << static_cast<int>(kind);
}

}  // namespace
}  // namespace kiosk
