#include "kiosk/ui/shapes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::ui {
namespace {

constexpr float kQuarterTurn = std::numbers::pi_v<float> / 2;

// Segments for a quarter circle, so that no chord strays more than a third of a pixel from the arc.
int quarter_segments(float radius) {
  constexpr float kMaxError = 0.3f;
  if (radius <= kMaxError) return 1;
  const float step = 2 * std::acos(1 - kMaxError / radius);
  return std::clamp(static_cast<int>(std::ceil(kQuarterTurn / step)), 2, 32);
}

void fill_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col) {
  if (max.x > min.x && max.y > min.y) dl->AddRectFilled(min, max, col);
}

// A quarter disc about `centre`, from `start` (radians, y down) a quarter turn clockwise. When the
// draw list anti-aliases fills, its outermost pixel fades out: inside the radius, so that the fade
// ends exactly where the straight, unfaded edges begin.
void fill_quarter(ImDrawList* dl, ImVec2 centre, float radius, float start, ImU32 col) {
  const int n = quarter_segments(radius);
  const bool aa = (dl->Flags & ImDrawListFlags_AntiAliasedFill) != 0;
  const float inner = aa ? std::max(radius - 1, 0.0f) : radius;
  const float outer = radius;
  const ImU32 clear = col & ~IM_COL32_A_MASK;
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const int vertices = 1 + (n + 1) * (aa ? 2 : 1);
  const int indices = 3 * n + (aa ? 6 * n : 0);
  dl->PrimReserve(indices, vertices);
  const auto first = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  dl->PrimWriteVtx(centre, uv, col);
  for (int i = 0; i <= n; ++i) {
    const float a = start + kQuarterTurn * static_cast<float>(i) / static_cast<float>(n);
    const ImVec2 dir(std::cos(a), std::sin(a));
    dl->PrimWriteVtx(ImVec2(centre.x + dir.x * inner, centre.y + dir.y * inner), uv, col);
    if (aa) dl->PrimWriteVtx(ImVec2(centre.x + dir.x * outer, centre.y + dir.y * outer), uv, clear);
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

}  // namespace

void fill_rounded_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding,
                       ImDrawFlags corners) {
  if ((col & IM_COL32_A_MASK) == 0 || max.x <= min.x || max.y <= min.y) return;
  if ((corners & ImDrawFlags_RoundCornersMask_) == 0) corners |= ImDrawFlags_RoundCornersAll;
  if (corners & ImDrawFlags_RoundCornersNone) rounding = 0;
  // Whole pixels, so that the bands and the corners meet without a seam in any renderer.
  min = ImVec2(std::round(min.x), std::round(min.y));
  max = ImVec2(std::round(max.x), std::round(max.y));
  const float r = std::round(std::min({rounding, (max.x - min.x) / 2, (max.y - min.y) / 2}));
  if (r < 0.5f) {
    dl->AddRectFilled(min, max, col);
    return;
  }
  const float tl = (corners & ImDrawFlags_RoundCornersTopLeft) ? r : 0;
  const float tr = (corners & ImDrawFlags_RoundCornersTopRight) ? r : 0;
  const float bl = (corners & ImDrawFlags_RoundCornersBottomLeft) ? r : 0;
  const float br = (corners & ImDrawFlags_RoundCornersBottomRight) ? r : 0;
  // Three bands: the top and bottom ones stop short of their rounded corners.
  const float top = std::max(tl, tr), bottom = std::max(bl, br);
  fill_rect(dl, ImVec2(min.x + tl, min.y), ImVec2(max.x - tr, min.y + top), col);
  fill_rect(dl, ImVec2(min.x, min.y + top), ImVec2(max.x, max.y - bottom), col);
  fill_rect(dl, ImVec2(min.x + bl, max.y - bottom), ImVec2(max.x - br, max.y), col);
  if (tl > 0) fill_quarter(dl, ImVec2(min.x + r, min.y + r), r, 2 * kQuarterTurn, col);
  if (tr > 0) fill_quarter(dl, ImVec2(max.x - r, min.y + r), r, 3 * kQuarterTurn, col);
  if (br > 0) fill_quarter(dl, ImVec2(max.x - r, max.y - r), r, 0, col);
  if (bl > 0) fill_quarter(dl, ImVec2(min.x + r, max.y - r), r, kQuarterTurn, col);
}

void fill_circle(ImDrawList* dl, ImVec2 centre, float radius, ImU32 col) {
  if ((col & IM_COL32_A_MASK) == 0 || radius <= 0) return;
  for (int q = 0; q < 4; ++q) fill_quarter(dl, centre, radius, static_cast<float>(q) * kQuarterTurn, col);
}

}  // namespace kiosk::ui
