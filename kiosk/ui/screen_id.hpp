// The kiosk's screens by name, as used on the command line, in replay scripts and in kiosk.toml.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::ui {

enum class ScreenId { home, air, water, bay, waste, travel, game, quiz };

constexpr ScreenId kAllScreens[] = {ScreenId::home,  ScreenId::air,    ScreenId::water, ScreenId::bay,
                                    ScreenId::waste, ScreenId::travel, ScreenId::game,  ScreenId::quiz};

// The sorting game and the quiz are shown only in classroom mode (`kiosk --classroom`).
constexpr bool classroom_only(ScreenId id) { return id == ScreenId::game || id == ScreenId::quiz; }

const char* screen_name(ScreenId id);
std::optional<ScreenId> screen_from_name(std::string_view name);
// "home, air, water, bay, waste, travel, game, quiz": for messages that list the screens.
std::string screen_names();

}  // namespace kiosk::ui
