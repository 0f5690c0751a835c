// What a resident asked for, as the screens return it and the app carries it out between frames:
// one small struct per kind of intent, held in a std::variant so that each carries exactly its own
// payload. Each kind has a name (kIntentNames, in the variant's order) for replay scripts, logs and
// test output.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/classroom/classroom.hpp"
#include "kiosk/ui/screen_id.hpp"
#include "kiosk/ui/screen_state.hpp"

namespace kiosk::ui {

struct GoTo {
  ScreenId screen = ScreenId::home;
};
struct ToggleLanguage {};
struct ToggleLargeText {};  // accessibility: bigger text everywhere
struct ToggleContrast {};   // accessibility: the high-contrast theme
// The station to show on the air or water screen (the one on show); its view stays as it is.
struct SelectStation {
  std::string station;
};
struct SetAirView {
  AirView view;
};
struct SetWaterView {
  bool list = false;
};
// A bay's page (or the plan) on the bay screen; closes the open hotspot.
struct SelectBay {
  std::string page;
};
// A hotspot on the bay map opens; the open one closes on a second tap.
struct ToggleHotspot {
  int hotspot = 0;
};
struct SelectCategory {
  std::string category;
};
// The waste search's new text (a key typed, a backspace, or cleared); closes the open card.
struct Search {
  std::string text;
};
// The waste item whose card to show; empty closes the card.
struct OpenItem {
  std::string item;
};
// "Nothing found" is on screen for this normalised term (the missed-search count).
struct SearchMissed {
  std::string term;
};
// The finger is dragging something of the screen's: this press is no swipe.
struct HoldPointer {};
// A step in the classroom game or quiz.
struct Play {
  classroom::Move move;
};
// The hidden admin corner is held this frame (the app times the gesture).
struct AdminCorner {};
// A key typed on the admin PIN keypad.
struct AdminKey {
  enum class Kind { digit, erase, enter };
  Kind kind = Kind::digit;
  int digit = 0;  // 0..9, for Kind::digit
};
// A button of the admin view.
struct AdminAction {
  enum class Kind { close, reload, schedule, quit };
  Kind kind = Kind::close;
};

using Intent = std::variant<GoTo, ToggleLanguage, ToggleLargeText, ToggleContrast, SelectStation, SetAirView,
                            SetWaterView, SelectBay, ToggleHotspot, SelectCategory, Search, OpenItem,
                            SearchMissed, HoldPointer, Play, AdminCorner, AdminKey, AdminAction>;

// The names, in the variant's order: the one place that says what each kind is called.
inline constexpr std::array<std::string_view, std::variant_size_v<Intent>> kIntentNames = {
    "go_to",        "toggle_language", "toggle_large_text", "toggle_contrast", "select_station",
    "set_air_view", "set_water_view",  "select_bay",        "toggle_hotspot",  "select_category",
    "search",       "open_item",       "search_missed",     "hold_pointer",    "play",
    "admin_corner", "admin_key",       "admin_action",
};

inline std::string_view intent_name(const Intent& intent) {
  return kIntentNames[intent.index()];
}

// std::visit(Overloaded{[](const GoTo&) {…}, [](const Search&) {…}, [](const auto&) {…}}, intent)
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

// The intent and its payload in one line ("set_air_view list 7d metric=o3_1h"), for logs and tests.
std::string describe(const Intent& intent);

// The intent that opens `id` on `screen` as a tap would (a station, a bay page, a waste category);
// nullopt on a screen with nothing to open.
std::optional<Intent> select_on(ScreenId screen, std::string id);

}  // namespace kiosk::ui
