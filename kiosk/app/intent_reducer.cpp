// UI state + intent → UI state (see intent_reducer.hpp).
#include "kiosk/app/intent_reducer.hpp"

namespace kiosk {
namespace {

Reduction go_to(const UiState& from, ui::ScreenId screen) {
  Reduction r{from, true};
  if (from.screen.screen == screen) return r;
  r.search_changed = true;  // leaving a search that found nothing
  // A new screen starts fresh, but the visitor's choices stay until the idle reset: accessibility
  // modes, and the classroom round in progress.
  ui::ScreenState next{screen, {}};
  next.large_text = from.screen.large_text;
  next.high_contrast = from.screen.high_contrast;
  next.classroom = from.screen.classroom;
  r.state.screen = std::move(next);
  return r;
}

}  // namespace

std::optional<Reduction> reduce(const UiState& state, const ui::Intent& intent) {
  using Kind = ui::Intent::Kind;
  if (intent.kind == Kind::go_to) return go_to(state, intent.screen);
  Reduction r{state, true};
  ui::ScreenState& s = r.state.screen;
  switch (intent.kind) {
    case Kind::toggle_language:
      r.state.lang = state.lang == Lang::zh ? Lang::en : Lang::zh;
      return r;
    case Kind::toggle_large_text:
      s.large_text = !s.large_text;
      return r;
    case Kind::toggle_contrast:
      s.high_contrast = !s.high_contrast;
      return r;
    case Kind::select:
      s.selected = intent.id;
      s.detail.clear();
      return r;
    case Kind::select_detail:
      s.detail = s.detail == intent.id ? std::string() : intent.id;  // a second tap closes it
      return r;
    case Kind::back:
      s.selected.clear();
      return r;
    case Kind::search:
      if (intent.id != s.search) r.search_changed = intent.id.empty();
      s.search = intent.id;
      s.item.clear();
      return r;
    case Kind::open_item:
      s.item = intent.id;
      return r;
    default:
      return std::nullopt;
  }
}

}  // namespace kiosk
