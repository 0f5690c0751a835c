// The pure half of carrying out a resident's intent: UI state + intent → UI state, with no window,
// clock, content or I/O, so tests check it directly. The app carries out the rest (the classroom
// game's moves, the admin view, the pointer and the missed-search count) and redraws when told.
#pragma once
#include <optional>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk {

struct UiState {
  ui::ScreenState screen;
  Lang lang = Lang::zh;
};

struct Reduction {
  UiState state;
  bool redraw = false;
  // A search on screen was replaced (false) or cleared (true), by typing or by leaving the screen:
  // the missed-search count's cue (kiosk/core/search/missed_searches.hpp).
  std::optional<bool> search_changed;
};

// nullopt for the intents the app carries out itself (play, admin_*, hold_pointer, search_missed).
std::optional<Reduction> reduce(const UiState& state, const ui::Intent& intent);

}  // namespace kiosk
