// The whole of a text drawn shortened. Only secondary text is ever shortened with "…" (the layout check
// fails on any other), and a tap on the shortened line shows it whole in a card over the screen; a tap
// anywhere closes the card. Which text is open is the UI's own state (UI thread only), closed when the
// screen changes, so an idle reset to home closes it too.
#pragma once
#include <string_view>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// Called for a line drawn shortened in [min, max]: a tap there (press and release inside the line, the
// line's height grown to a finger's) opens `whole`.
void offer_full_text(UiContext& ctx, std::string_view whole, ImVec2 min, ImVec2 max);

// The open text's card, above the screen; draws nothing while none is open.
void draw_full_text(UiContext& ctx);

// Closes the card (tests; the app closes it on a screen change by itself).
void close_full_text();

}  // namespace kiosk::ui
