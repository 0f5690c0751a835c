// Filled rounded rectangles, rounded pictures and circles drawn so that no triangle is much bigger than the
// part of the shape it covers.
//
// ImGui fans a filled rounded rectangle (and a circle) out from one vertex, so every triangle spans
// the whole shape. SDL's software renderer, which draws `kiosk render` and any screen without GL, tests
// every pixel of each triangle's bounding box: a card cost forty times its area. Here the straight
// parts are plain rectangles (SDL fills those as rectangles), and each rounded corner is a small fan
// from its own centre with an anti-aliased rim, so a GPU draws the same picture.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

// As ImDrawList::AddRectFilled: `corners` takes ImDrawFlags_RoundCorners*, 0 meaning all four.
void fill_rounded_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding,
                       ImDrawFlags corners = 0);

// As ImDrawList::AddImageRounded (all four corners): the picture from uv_min to uv_max fills the box.
void fill_rounded_image(ImDrawList* dl, ImTextureID texture, ImVec2 min, ImVec2 max, float rounding,
                        ImVec2 uv_min = ImVec2(0, 0), ImVec2 uv_max = ImVec2(1, 1));

// As ImDrawList::AddCircleFilled, with the number of segments chosen from the radius.
void fill_circle(ImDrawList* dl, ImVec2 centre, float radius, ImU32 col);

}  // namespace kiosk::ui
