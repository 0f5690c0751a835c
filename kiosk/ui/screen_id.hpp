// The kiosk's screens by name, as used on the command line, in replay scripts and in kiosk.toml.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::ui {

enum class ScreenId { home, air, water, bay, waste, travel };

constexpr ScreenId kAllScreens[] = {ScreenId::home, ScreenId::air,   ScreenId::water,
                                    ScreenId::bay,  ScreenId::waste, ScreenId::travel};

const char* screen_name(ScreenId id);
std::optional<ScreenId> screen_from_name(std::string_view name);

}  // namespace kiosk::ui
