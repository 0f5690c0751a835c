// Line breaking for Chinese and English, colour contrast, and the renderer's clip planning.
#include <gtest/gtest.h>

#include <imgui.h>

#include "kiosk/render/sdl_renderer_backend.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {
namespace {

// The default ImGui font (13 px, ASCII) is enough to test breaking rules; CJK code points fall back
// to '?', which has an advance too.
class TextLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // tests leave no imgui.ini behind
    ImGui::GetIO().Fonts->AddFontDefault();
    ImGui::GetIO().Fonts->Build();
    font = ImGui::GetIO().Fonts->Fonts[0];
  }
  void TearDown() override { ImGui::DestroyContext(); }
  float width(const char* s) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s).x; }
  ImFont* font = nullptr;
};

TEST_F(TextLayout, EnglishBreaksAtSpaces) {
  auto lines = break_lines(*font, font->FontSize, "clean and dry only", width("clean and dry"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "clean and dry");
  EXPECT_EQ(lines[1].text, "only");
}

TEST_F(TextLayout, ChineseBreaksBetweenCharactersButNotBeforeClosingPunctuation) {
  // Six characters, room for three: the comma must not start the second line.
  const char* text = "空气质，量好";
  const float one = font->GetCharAdvance(0x7A7A);
  auto lines = break_lines(*font, font->FontSize, text, one * 3.5f);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_NE(std::string(lines[1].text).rfind("，", 0), 0u) << "line 2 starts with a comma";
}

TEST_F(TextLayout, NewlinesAlwaysBreak) {
  auto lines = break_lines(*font, font->FontSize, "a\nb", 1000);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text, "b");
}

TEST(Theme, TextOnLevelColoursReadsAtAALevel) {
  for (const char* hex : {"#00E400", "#FFFF00", "#FF7E00", "#FF0000", "#99004C", "#7E0023", "#8F3F97"}) {
    const ImU32 bg = color_from_hex(hex);
    EXPECT_GE(contrast_ratio(bg, text_on(bg)), 4.5) << hex;
  }
}

TEST(Theme, BodyTextContrastIsAtLeastAA) {
  Theme t;
  EXPECT_GE(contrast_ratio(t.text, t.surface), 4.5);
  EXPECT_GE(contrast_ratio(t.text_muted, t.surface), 4.5);
  EXPECT_GE(contrast_ratio(t.text_muted, t.background), 4.5);
  EXPECT_GE(contrast_ratio(t.on_bar, t.bar), 4.5);
  EXPECT_GE(contrast_ratio(t.on_bar_muted, t.bar), 4.5);
  EXPECT_GE(contrast_ratio(t.on_accent, t.accent), 4.5);
}

TEST(Theme, SmallScreensKeepFingerSizedTargets) {
  Layout l = make_layout(ImVec2(800, 480));
  EXPECT_GE(l.touch, 38.0f);
  Layout big = make_layout(ImVec2(1920, 1080));
  EXPECT_FLOAT_EQ(big.touch, 64.0f);
}

// An ImGui frame with the default font and one draw list, for the renderer's pure parts.
struct DrawListFrame {
  explicit DrawListFrame(ImVec2 size) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // tests leave no imgui.ini behind
    io.Fonts->AddFontDefault();
    io.Fonts->Build();
    io.DisplaySize = size;
    ImGui::NewFrame();
    dl = IM_NEW(ImDrawList)(ImGui::GetDrawListSharedData());
    dl->_ResetForNewFrame();
  }
  ~DrawListFrame() {
    IM_DELETE(dl);
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
  ImDrawList* dl = nullptr;
};

TEST(RendererBackend, ClipRectsAreScaledClampedAndEmptyOnesDropped) {
  DrawListFrame frame(ImVec2(50, 50));
  ImDrawList* dl = frame.dl;
  dl->PushClipRect(ImVec2(-10, -10), ImVec2(50, 40));
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(10, 10), IM_COL32_WHITE);
  dl->PopClipRect();
  dl->PushClipRect(ImVec2(200, 200), ImVec2(300, 300));  // entirely off a 100x100 framebuffer
  dl->AddRectFilled(ImVec2(210, 210), ImVec2(220, 220), IM_COL32_WHITE);
  dl->PopClipRect();
  ImDrawData data;
  ImDrawList* lists[] = {dl};
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(50, 50);
  data.FramebufferScale = ImVec2(2, 2);
  auto calls = render::plan_draw_calls(data, ImVec2(2, 2), 100, 100);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].clip.x, 0);
  EXPECT_EQ(calls[0].clip.y, 0);
  EXPECT_EQ(calls[0].clip.w, 100);
  EXPECT_EQ(calls[0].clip.h, 80);
}

// SDL's software renderer fills solid rectangles instead of copying the white texel over them; what is
// not a solid rectangle stays triangles, in drawing order.
TEST(RendererBackend, SolidRectanglesAreSplitFromTheTrianglesAroundThemInOrder) {
  using Kind = render::DrawPiece::Kind;
  DrawListFrame frame(ImVec2(200, 200));
  ImDrawList* dl = frame.dl;
  const ImGuiIO& io = ImGui::GetIO();
  dl->PushClipRectFullScreen();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(200, 200), IM_COL32(240, 244, 248, 255));        // the panel
  dl->AddTriangleFilled(ImVec2(10, 10), ImVec2(50, 10), ImVec2(30, 40), IM_COL32_BLACK);  // a shape
  dl->AddRectFilled(ImVec2(20, 60), ImVec2(120, 90), IM_COL32(16, 46, 68, 28));           // a shadow
  const auto pieces =
      render::split_rects(dl->VtxBuffer.Data, dl->IdxBuffer.Data, static_cast<unsigned>(dl->IdxBuffer.Size),
                          io.Fonts->TexUvWhitePixel);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].kind, Kind::solid);
  EXPECT_EQ(pieces[0].max.x, 200);
  EXPECT_EQ(pieces[0].col, IM_COL32(240, 244, 248, 255));
  EXPECT_EQ(pieces[1].kind, Kind::triangles);
  EXPECT_EQ(pieces[1].first, 6u);
  EXPECT_GE(pieces[1].count, 3u);
  EXPECT_EQ(pieces[2].kind, Kind::solid);
  EXPECT_EQ(pieces[2].min.y, 60);
  EXPECT_EQ(pieces[2].col, IM_COL32(16, 46, 68, 28));
}

TEST(RendererBackend, GlyphQuadsAreCopiedFromWholeTexelsOfTheirPage) {
  using Kind = render::DrawPiece::Kind;
  DrawListFrame frame(ImVec2(200, 200));
  ImDrawList* dl = frame.dl;
  dl->PushClipRectFullScreen();
  // A glyph 20 texels tall on a page 131 texels tall, as ImFont::RenderText draws it.
  const float h = 131;
  dl->PrimReserve(6, 4);
  dl->PrimRectUV(ImVec2(10, 10), ImVec2(24, 30), ImVec2(3 / 256.f, 42 / h), ImVec2(17 / 256.f, 62 / h),
                 IM_COL32(16, 46, 68, 255));
  dl->AddTriangleFilled(ImVec2(10, 10), ImVec2(50, 10), ImVec2(30, 40), IM_COL32_BLACK);
  const auto pieces = render::split_rects(dl->VtxBuffer.Data, dl->IdxBuffer.Data,
                                          static_cast<unsigned>(dl->IdxBuffer.Size), ImVec2(0.5f, 0.5f));
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].kind, Kind::copy);
  EXPECT_EQ(pieces[0].col, IM_COL32(16, 46, 68, 255));
  EXPECT_EQ(pieces[1].kind, Kind::triangles);
  const SDL_Rect source = render::source_rect(pieces[0].uv_min, pieces[0].uv_max, 256, 131);
  EXPECT_EQ(source.x, 3);
  EXPECT_EQ(source.y, 42);
  EXPECT_EQ(source.w, 14);
  EXPECT_EQ(source.h, 20) << "every row of the glyph, none cut";
}

}  // namespace
}  // namespace kiosk::ui
