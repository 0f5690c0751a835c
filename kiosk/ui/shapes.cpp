#include "kiosk/ui/shapes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::ui {
namespace {

constexpr float kQuarterTurn = std::numbers::pi_v<float> / 2;

// What a shape is filled with: one colour (the atlas's white pixel), or a picture stretched over
// the box [min, max] from uv_min to uv_max.
struct Paint {
  ImU32 col = IM_COL32_WHITE;
  ImVec2 min, max, uv_min, uv_max;
  bool picture = false;

  ImVec2 uv(ImVec2 p) const {
    if (!picture) return ImGui::GetFontTexUvWhitePixel();
    return ImVec2(uv_min.x + (uv_max.x - uv_min.x) * (p.x - min.x) / (max.x - min.x),
                  uv_min.y + (uv_max.y - uv_min.y) * (p.y - min.y) / (max.y - min.y));
  }
};

// Segments for a quarter circle, so that no chord strays more than a third of a pixel from the arc.
int quarter_segments(float radius) {
  constexpr float kMaxError = 0.3f;
  if (radius <= kMaxError) return 1;
  const float step = 2 * std::acos(1 - kMaxError / radius);
  return std::clamp(static_cast<int>(std::ceil(kQuarterTurn / step)), 2, 32);
}

// Two triangles sharing a diagonal, each of one colour: SDL draws such a pair as a rectangle.
void fill_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, const Paint& paint) {
  if (max.x <= min.x || max.y <= min.y) return;
  dl->PrimReserve(6, 4);
  dl->PrimRectUV(min, max, paint.uv(min), paint.uv(max), paint.col);
}

// A quarter disc about `centre`, from `start` (radians, y down) a quarter turn clockwise. When the
// draw list anti-aliases fills, its outermost pixel fades out: inside the radius, so that the fade
// ends exactly where the straight, unfaded edges begin.
void fill_quarter(ImDrawList* dl, ImVec2 centre, float radius, float start, const Paint& paint) {
  const int n = quarter_segments(radius);
  const bool aa = (dl->Flags & ImDrawListFlags_AntiAliasedFill) != 0;
  const float inner = aa ? std::max(radius - 1, 0.0f) : radius;
  const float outer = radius;
  const ImU32 col = paint.col, clear = paint.col & ~IM_COL32_A_MASK;
  const int vertices = 1 + (n + 1) * (aa ? 2 : 1);
  const int indices = 3 * n + (aa ? 6 * n : 0);
  dl->PrimReserve(indices, vertices);
  const auto first = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  dl->PrimWriteVtx(centre, paint.uv(centre), col);
  for (int i = 0; i <= n; ++i) {
    const float a = start + kQuarterTurn * static_cast<float>(i) / static_cast<float>(n);
    const ImVec2 dir(std::cos(a), std::sin(a));
    const ImVec2 in(centre.x + dir.x * inner, centre.y + dir.y * inner);
    dl->PrimWriteVtx(in, paint.uv(in), col);
    if (!aa) continue;
    const ImVec2 out(centre.x + dir.x * outer, centre.y + dir.y * outer);
    dl->PrimWriteVtx(out, paint.uv(out), clear);
  }
  const int stride = aa ? 2 : 1;
  for (int i = 0; i < n; ++i) {
    const auto in0 = static_cast<ImDrawIdx>(first + 1 + i * stride);
    const auto in1 = static_cast<ImDrawIdx>(in0 + stride);
    dl->PrimWriteIdx(first);
    dl->PrimWriteIdx(in0);
    dl->PrimWriteIdx(in1);
    if (!aa) continue;
    const auto out0 = static_cast<ImDrawIdx>(in0 + 1);
    const auto out1 = static_cast<ImDrawIdx>(in1 + 1);
    dl->PrimWriteIdx(in0);
    dl->PrimWriteIdx(out0);
    dl->PrimWriteIdx(out1);
    dl->PrimWriteIdx(in0);
    dl->PrimWriteIdx(out1);
    dl->PrimWriteIdx(in1);
  }
}

// Three bands (the top and bottom ones stop short of their rounded corners) and a quarter disc in
// each rounded corner. `min` and `max` are whole pixels, so the pieces meet without a seam.
void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, float r, ImDrawFlags corners, const Paint& paint) {
  const float tl = (corners & ImDrawFlags_RoundCornersTopLeft) ? r : 0;
  const float tr = (corners & ImDrawFlags_RoundCornersTopRight) ? r : 0;
  const float bl = (corners & ImDrawFlags_RoundCornersBottomLeft) ? r : 0;
  const float br = (corners & ImDrawFlags_RoundCornersBottomRight) ? r : 0;
  const float top = std::max(tl, tr), bottom = std::max(bl, br);
  fill_rect(dl, ImVec2(min.x + tl, min.y), ImVec2(max.x - tr, min.y + top), paint);
  fill_rect(dl, ImVec2(min.x, min.y + top), ImVec2(max.x, max.y - bottom), paint);
  fill_rect(dl, ImVec2(min.x + bl, max.y - bottom), ImVec2(max.x - br, max.y), paint);
  if (tl > 0) fill_quarter(dl, ImVec2(min.x + r, min.y + r), r, 2 * kQuarterTurn, paint);
  if (tr > 0) fill_quarter(dl, ImVec2(max.x - r, min.y + r), r, 3 * kQuarterTurn, paint);
  if (br > 0) fill_quarter(dl, ImVec2(max.x - r, max.y - r), r, 0, paint);
  if (bl > 0) fill_quarter(dl, ImVec2(min.x + r, max.y - r), r, kQuarterTurn, paint);
}

ImVec2 whole_pixels(ImVec2 p) {
  return ImVec2(std::round(p.x), std::round(p.y));
}

ImDrawFlags corners_asked(ImDrawFlags corners, float& rounding) {
  if ((corners & ImDrawFlags_RoundCornersMask_) == 0) corners |= ImDrawFlags_RoundCornersAll;
  if (corners & ImDrawFlags_RoundCornersNone) rounding = 0;
  return corners;
}

}  // namespace

void fill_rounded_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding,
                       ImDrawFlags corners) {
  if ((col & IM_COL32_A_MASK) == 0 || max.x <= min.x || max.y <= min.y) return;
  corners = corners_asked(corners, rounding);
  min = whole_pixels(min);
  max = whole_pixels(max);
  const float r = std::round(std::min({rounding, (max.x - min.x) / 2, (max.y - min.y) / 2}));
  if (r < 1) {
    dl->AddRectFilled(min, max, col);
    return;
  }
  fill_rounded(dl, min, max, r, corners, Paint{col, {}, {}, {}, {}, false});
}

void fill_rounded_image(ImDrawList* dl, ImTextureID texture, ImVec2 min, ImVec2 max, float rounding,
                        ImVec2 uv_min, ImVec2 uv_max) {
  if (!texture || max.x <= min.x || max.y <= min.y) return;
  min = whole_pixels(min);
  max = whole_pixels(max);
  if (max.x <= min.x || max.y <= min.y) return;
  const float r = std::round(std::min({rounding, (max.x - min.x) / 2, (max.y - min.y) / 2}));
  dl->PushTextureID(texture);
  const Paint paint{IM_COL32_WHITE, min, max, uv_min, uv_max, true};
  if (r < 1)
    fill_rect(dl, min, max, paint);
  else
    fill_rounded(dl, min, max, r, ImDrawFlags_RoundCornersAll, paint);
  dl->PopTextureID();
}

void fill_circle(ImDrawList* dl, ImVec2 centre, float radius, ImU32 col) {
  if ((col & IM_COL32_A_MASK) == 0 || radius <= 0) return;
  const Paint paint{col, {}, {}, {}, {}, false};
  for (int q = 0; q < 4; ++q) fill_quarter(dl, centre, radius, static_cast<float>(q) * kQuarterTurn, paint);
}

}  // namespace kiosk::ui
