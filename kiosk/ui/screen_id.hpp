// The kiosk's screens by id and name: the table is core's (kiosk/core/screens.hpp), so that the
// content reader checks kiosk.toml's `screens` against the same rows the UI draws.
#pragma once
#include <ranges>

#include "kiosk/core/screens.hpp"

namespace kiosk::ui {

using kiosk::classroom_only;
using kiosk::screen_from_name;
using kiosk::screen_name;
using kiosk::screen_names;
using kiosk::ScreenId;

// Every screen in the table's order: `for (ScreenId id : kAllScreens)`.
inline constexpr auto kAllScreens = kScreens | std::views::transform(&ScreenInfo::id);

}  // namespace kiosk::ui
