// The kiosk's screens, one row each: the id code uses, the name the command line, replay scripts and
// kiosk.toml use, its string keys and whether only classroom mode shows it. Core reads it to check
// kiosk.toml's `screens`; the UI binds each row to its icon, draw function and home tile
// (kiosk/ui/screens.cpp), and a test checks that both list the same screens in the same order.
// README.md ("How to add a screen") says what a new screen needs.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// In the order of kScreens, which is the navigation bar's order.
enum class ScreenId { home, air, water, bay, waste, travel, game, quiz };

struct ScreenInfo {
  ScreenId id;
  const char* name;           // `--screen NAME`, `expect screen NAME`, kiosk.toml `screens`
  std::string_view nav_key;   // strings.toml: its label in the navigation bar
  std::string_view tile_key;  // strings.toml: its tile's title on home; empty: no tile
  bool classroom_only =
      false;  // shown only in classroom mode (`kiosk --classroom`), never listed in kiosk.toml
};

inline constexpr ScreenInfo kScreens[] = {
    {ScreenId::home, "home", "nav.home", ""},
    {ScreenId::air, "air", "nav.air", "home.air"},
    {ScreenId::water, "water", "nav.water", "home.water"},
    {ScreenId::bay, "bay", "nav.bay", "home.bay"},
    {ScreenId::waste, "waste", "nav.waste", "home.waste"},
    {ScreenId::travel, "travel", "nav.travel", "home.travel"},
    {ScreenId::game, "game", "nav.game", "", true},
    {ScreenId::quiz, "quiz", "nav.quiz", "", true},
};

constexpr bool screens_in_id_order() {
  for (std::size_t i = 0; i < std::size(kScreens); ++i)
    if (static_cast<std::size_t>(kScreens[i].id) != i) return false;
  return true;
}
static_assert(screens_in_id_order(), "kScreens lists the screens in ScreenId's order, one row each");

constexpr const ScreenInfo& screen_info(ScreenId id) {
  return kScreens[static_cast<std::size_t>(id)];
}
constexpr bool classroom_only(ScreenId id) {
  return screen_info(id).classroom_only;
}
constexpr const char* screen_name(ScreenId id) {
  return screen_info(id).name;
}

std::optional<ScreenId> screen_from_name(std::string_view name);
// "home, air, water, bay, waste, travel, game, quiz": for messages that list the screens.
std::string screen_names();
// The screens kiosk.toml may list (all but the classroom's): its `screens` default and check.
std::vector<std::string> resident_screen_names();

}  // namespace kiosk
