// The city map (kiosk.toml [map]) with the monitoring stations placed by their coordinates, each
// marked by its level (colour, face and a short label: the AQI or the class) and tappable. Stations
// without recent data are grey and say "no data". Also the small option switch the map screens use
// (Map | List, 24 h | 7 d).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

struct MapMarker {
  const Station* station = nullptr;  // position, name and the id a tap selects
  std::optional<Grade> grade;        // empty: no current data (grey; "no data" unless a label is given)
  std::string label;                 // on the marker: the AQI number or the class ("45", "II"); for a
                                     // stale value, the last one with its age ("94 · 5 h ago"), in grey
  bool selected = false;
};

struct MapResult {
  int hidden = 0;    // stations outside the map's bounds: not drawn (the list view has them)
  float bottom = 0;  // the map's lower edge: it sits at the top of the area it was given
};

// Draws the map fitted into [min, max] (at its top) with its markers; markers that would overlap
// are moved apart, each with a line to its station's true position. A tapped marker selects its
// station.
MapResult map_view(UiContext& ctx, std::span<const MapMarker> markers, ImVec2 min, ImVec2 max);

// A legend: each grade as a pill (colour, face and name), then "no data" in its grey, in rows.
// Returns the height used; draws nothing when it would not fit in `max_height`.
// `title` (optional) leads the first row; `no_data` false leaves out the grey "no data" pill.
float map_legend(UiContext& ctx, std::span<const Grade> grades, ImVec2 pos, float width, float max_height,
                 const std::string& title = {}, bool no_data = true);

// Names listed in a sentence: "PM2.5、臭氧" in Chinese, "PM2.5, ozone" in English.
std::string join_names(const UiContext& ctx, std::span<const std::string> names);

// The largest of the fonts (largest first) at which grade_pill() fits in `width`; the last if none.
ImFont* pill_font(const UiContext& ctx, const Grade& grade, float width, std::span<ImFont* const> fonts);

// A row of options, one of them active, each at least touch-sized. Returns the index tapped this
// frame, or -1.
int option_switch(UiContext& ctx, std::string_view id, std::span<const std::string> labels, int active,
                  ImVec2 min, ImVec2 max);

// Width the switch needs for its labels in `font`.
float option_switch_width(const UiContext& ctx, std::span<const std::string> labels, ImFont* font);

}  // namespace kiosk::ui
