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
  ui::ScreenState next;
  next.screen = screen;
  next.large_text = from.screen.large_text;
  next.high_contrast = from.screen.high_contrast;
  next.classroom = from.screen.classroom;
  r.state.screen = std::move(next);
  return r;
}

}  // namespace

std::optional<Reduction> reduce(const UiState& state, const ui::Intent& intent) {
  Reduction r{state, true};
  ui::ScreenState& s = r.state.screen;
  return std::visit(ui::Overloaded{
                        [&](const ui::GoTo& i) -> std::optional<Reduction> { return go_to(state, i.screen); },
                        [&](const ui::ToggleLanguage&) -> std::optional<Reduction> {
                          r.state.lang = state.lang == Lang::zh ? Lang::en : Lang::zh;
                          return r;
                        },
                        [&](const ui::ToggleLargeText&) -> std::optional<Reduction> {
                          s.large_text = !s.large_text;
                          return r;
                        },
                        [&](const ui::ToggleContrast&) -> std::optional<Reduction> {
                          s.high_contrast = !s.high_contrast;
                          return r;
                        },
                        [&](const ui::SelectStation& i) -> std::optional<Reduction> {
                          // The view (map or list, period, pollutant) stays: the visitor compares stations in
                          // it.
                          if (s.screen == ui::ScreenId::air) s.air.station = i.station;
                          if (s.screen == ui::ScreenId::water) s.water.station = i.station;
                          return r;
                        },
                        [&](const ui::SetAirView& i) -> std::optional<Reduction> {
                          s.air.view = i.view;
                          return r;
                        },
                        [&](const ui::SetWaterView& i) -> std::optional<Reduction> {
                          s.water.list = i.list;
                          return r;
                        },
                        [&](const ui::SelectBay& i) -> std::optional<Reduction> {
                          s.bay.page = i.page;
                          s.bay.hotspot = -1;  // its hotspots are another bay's
                          return r;
                        },
                        [&](const ui::ToggleHotspot& i) -> std::optional<Reduction> {
                          s.bay.hotspot =
                              s.bay.hotspot == i.hotspot ? -1 : i.hotspot;  // a second tap closes it
                          return r;
                        },
                        [&](const ui::SelectCategory& i) -> std::optional<Reduction> {
                          s.waste.category = i.category;
                          return r;
                        },
                        [&](const ui::Search& i) -> std::optional<Reduction> {
                          if (i.text != s.waste.search) r.search_changed = i.text.empty();
                          s.waste.search = i.text;
                          s.waste.item.clear();
                          return r;
                        },
                        [&](const ui::OpenItem& i) -> std::optional<Reduction> {
                          s.waste.item = i.item;
                          return r;
                        },
                        // The app carries out the rest: they need its clock, content, input or admin rules.
                        [](const auto&) -> std::optional<Reduction> { return std::nullopt; },
                    },
                    intent);
}

}  // namespace kiosk
