// Rounded cards and circles drawn as small pieces: the same shape as ImGui's, with no triangle that
// reaches across it (which SDL's software renderer pays for pixel by pixel over its whole box).
#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "kiosk/ui/shapes.hpp"

namespace kiosk::ui {
namespace {

struct Triangle {
  ImVec2 p[3];
  float alpha[3];
  float box_area() const {
    const float x0 = std::min({p[0].x, p[1].x, p[2].x}), x1 = std::max({p[0].x, p[1].x, p[2].x});
    const float y0 = std::min({p[0].y, p[1].y, p[2].y}), y1 = std::max({p[0].y, p[1].y, p[2].y});
    return (x1 - x0) * (y1 - y0);
  }
  float area() const {
    return std::abs((p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y)) / 2;
  }
  // The area it paints, weighted by how opaque its corners are: a fading rim counts about half.
  float coverage() const { return area() * (alpha[0] + alpha[1] + alpha[2]) / 3; }
  bool contains(ImVec2 q) const {
    auto side = [&](ImVec2 a, ImVec2 b) { return (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x); };
    const float d0 = side(p[0], p[1]), d1 = side(p[1], p[2]), d2 = side(p[2], p[0]);
    return (d0 >= 0 && d1 >= 0 && d2 >= 0) || (d0 <= 0 && d1 <= 0 && d2 <= 0);
  }
};

class Shapes : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // tests leave no imgui.ini behind
    io.Fonts->AddFontDefault();
    io.Fonts->Build();
    io.DisplaySize = ImVec2(1000, 1000);
    ImGui::NewFrame();
    dl_ = IM_NEW(ImDrawList)(ImGui::GetDrawListSharedData());
    dl_->_ResetForNewFrame();
    dl_->Flags = ImDrawListFlags_AntiAliasedFill;
    dl_->PushClipRectFullScreen();
  }
  void TearDown() override {
    IM_DELETE(dl_);
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }

  std::vector<Triangle> triangles() const {
    std::vector<Triangle> out;
    for (int i = 0; i + 2 < dl_->IdxBuffer.Size; i += 3) {
      Triangle t{};
      for (int k = 0; k < 3; ++k) {
        const ImDrawVert& v = dl_->VtxBuffer[dl_->IdxBuffer[i + k]];
        t.p[k] = v.pos;
        t.alpha[k] = static_cast<float>((v.col >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
      }
      out.push_back(t);
    }
    return out;
  }
  float coverage() const {
    float sum = 0;
    for (const Triangle& t : triangles()) sum += t.coverage();
    return sum;
  }
  bool painted_opaque(ImVec2 q) const {
    for (const Triangle& t : triangles())
      if (t.alpha[0] == 1 && t.alpha[1] == 1 && t.alpha[2] == 1 && t.contains(q)) return true;
    return false;
  }
  // Triangles bigger than a corner's square: only the halves of the straight bands may be.
  int big_triangles(float radius) const {
    int n = 0;
    for (const Triangle& t : triangles()) n += t.box_area() > (radius + 1) * (radius + 1);
    return n;
  }

  ImDrawList* dl_ = nullptr;
};

constexpr float kPi = std::numbers::pi_v<float>;

TEST_F(Shapes, ARoundedCardHasNoTriangleReachingAcrossIt) {
  fill_rounded_rect(dl_, ImVec2(100, 100), ImVec2(700, 400), IM_COL32_WHITE, 16);
  EXPECT_LE(big_triangles(16), 6);  // three bands, two triangles each
  EXPECT_GT(triangles().size(), 6u);
}

TEST_F(Shapes, ARoundedCardCoversWhatImGuisOwnWouldWithinItsRim) {
  const float r = 16;
  fill_rounded_rect(dl_, ImVec2(100, 100), ImVec2(700, 400), IM_COL32_WHITE, r);
  const float rounded_area = 600 * 300 - (4 - kPi) * r * r;
  const float rim = 2 * kPi * r;  // one pixel fading along the four arcs
  EXPECT_NEAR(coverage(), rounded_area, rim);
  EXPECT_TRUE(painted_opaque(ImVec2(400, 100.5f)));      // the top edge is straight and whole
  EXPECT_FALSE(painted_opaque(ImVec2(100.5f, 100.5f)));  // the corner itself is cut away
}

TEST_F(Shapes, OnlyTheCornersAskedForAreRounded) {
  fill_rounded_rect(dl_, ImVec2(0, 0), ImVec2(200, 100), IM_COL32_WHITE, 20, ImDrawFlags_RoundCornersTop);
  EXPECT_FALSE(painted_opaque(ImVec2(0.5f, 0.5f)));
  EXPECT_FALSE(painted_opaque(ImVec2(199.5f, 0.5f)));
  EXPECT_TRUE(painted_opaque(ImVec2(0.5f, 99.5f)));
  EXPECT_TRUE(painted_opaque(ImVec2(199.5f, 99.5f)));
}

TEST_F(Shapes, APillIsTwoHalfDiscsBetweenStraightBands) {
  fill_rounded_rect(dl_, ImVec2(0, 0), ImVec2(300, 60), IM_COL32_WHITE, 30);
  EXPECT_NEAR(coverage(), 240 * 60 + kPi * 30 * 30, 2 * kPi * 30);
  EXPECT_LE(big_triangles(30), 6);
}

TEST_F(Shapes, ACircleIsFourSmallFansAroundItsCentre) {
  fill_circle(dl_, ImVec2(500, 500), 40, IM_COL32(0, 0, 0, 255));
  EXPECT_EQ(big_triangles(40), 0);
  EXPECT_NEAR(coverage(), kPi * 40 * 40, 2 * kPi * 40);
  EXPECT_TRUE(painted_opaque(ImVec2(500, 500)));
  EXPECT_FALSE(painted_opaque(ImVec2(500, 459.5f)));
}

TEST_F(Shapes, NothingIsDrawnForAClearColourOrAnEmptyBox) {
  fill_rounded_rect(dl_, ImVec2(0, 0), ImVec2(100, 100), IM_COL32(255, 255, 255, 0), 10);
  fill_rounded_rect(dl_, ImVec2(50, 50), ImVec2(50, 90), IM_COL32_WHITE, 10);
  fill_circle(dl_, ImVec2(10, 10), 0, IM_COL32_WHITE);
  EXPECT_TRUE(triangles().empty());
}

}  // namespace
}  // namespace kiosk::ui
