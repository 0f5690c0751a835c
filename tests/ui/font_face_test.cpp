// The font pages are rasterised from a face that reads its file (pread) instead of mapping it: the same
// glyphs, placed the same, as ImGui's own FreeType builder makes from the whole file in memory, while the
// process maps none of the 20 MB font.
#include <gtest/gtest.h>
#include <imgui_freetype.h>
#include <imgui_internal.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kiosk/render/font_face.hpp"
#include "kiosk/render/fonts.hpp"

namespace kiosk {
namespace {

render::FontFile cjk_font() {
  std::string error;
  const auto font = render::find_cjk_font("", error);
  return font ? *font : render::FontFile{};
}

ImVector<ImWchar> ranges_of(const char* text) {
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(ImFontAtlas().GetGlyphRangesDefault());  // Basic Latin and Latin-1
  builder.AddText(text);
  ImVector<ImWchar> out;
  builder.BuildRanges(&out);
  return out;
}

constexpr const char* kText =
    "风暴潮红色预警请立即远离海滩码头和栈道听从现场工作人员指挥空气质量優良°µ·—…％：，。（）";

// A page at `px` with whole-pixel glyphs and no oversampling, as the kiosk makes its pages.
ImFontConfig page_config(ImFontAtlas& atlas, float px, const ImVector<ImWchar>& ranges) {
  atlas.TexDesiredWidth = 1024;
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  ImFontConfig cfg;
  cfg.SizePixels = px;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.GlyphRanges = ranges.Data;
  return cfg;
}

// A page of the CJK face by ImGui's FreeType builder, from the file's bytes in memory.
void build_with_imgui(ImFontAtlas& atlas, const std::vector<char>& file, int index, float px,
                      const ImVector<ImWchar>& ranges) {
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  ImFontConfig cfg = page_config(atlas, px, ranges);
  cfg.FontData = const_cast<char*>(file.data());
  cfg.FontDataSize = static_cast<int>(file.size());
  cfg.FontDataOwnedByAtlas = true;  // lent, not copied; taken back before the atlas frees anything
  cfg.FontNo = index;
  atlas.AddFont(&cfg);
  ASSERT_TRUE(atlas.Build());
  for (ImFontConfig& c : atlas.ConfigData) c.FontDataOwnedByAtlas = false;
}

// The same page by the kiosk's builder, from a face that reads the file itself.
void build_from_face(ImFontAtlas& atlas, const render::FontFace& face, float px,
                     const ImVector<ImWchar>& ranges) {
  atlas.FontBuilderIO = render::stream_font_builder();
  ImFontConfig cfg = page_config(atlas, px, ranges);
  cfg.FontData = const_cast<render::FontFace**>(face.font_data());
  cfg.FontDataSize = sizeof(render::FontFace*);
  cfg.FontDataOwnedByAtlas = false;
  atlas.AddFont(&cfg);
  ASSERT_TRUE(atlas.Build());
}

// A glyph's pixels, read from its page through its texture coordinates.
std::vector<unsigned char> pixels_of(ImFontAtlas& atlas, const ImFontGlyph& g) {
  unsigned char* alpha = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsAlpha8(&alpha, &w, &h);
  const int x0 = static_cast<int>(std::lround(g.U0 * w)), y0 = static_cast<int>(std::lround(g.V0 * h));
  const int x1 = static_cast<int>(std::lround(g.U1 * w)), y1 = static_cast<int>(std::lround(g.V1 * h));
  std::vector<unsigned char> out;
  for (int y = y0; y < y1; ++y) out.insert(out.end(), alpha + y * w + x0, alpha + y * w + x1);
  return out;
}

bool maps_file(const std::string& path) {
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);)
    if (line.find(path) != std::string::npos) return true;
  return false;
}

TEST(FontFace, RasterisesEveryGlyphAsImGuisFreeTypeBuilderDoes) {
  const render::FontFile font = cjk_font();
  ASSERT_FALSE(font.path.empty()) << "no CJK font installed";
  std::ifstream in(font.path, std::ios::binary);
  const std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const render::FontFace face(font.path, font.index);
  ASSERT_TRUE(face.ok());
  const ImVector<ImWchar> ranges = ranges_of(kText);
  for (float px : {17.f, 26.f, 42.f, 55.f, 120.f}) {
    ImFontAtlas theirs, ours;
    build_with_imgui(theirs, file, font.index, px, ranges);
    build_from_face(ours, face, px, ranges);
    const ImFont& a = *theirs.Fonts[0];
    const ImFont& b = *ours.Fonts[0];
    EXPECT_EQ(a.Ascent, b.Ascent) << px << " px";
    EXPECT_EQ(a.Descent, b.Descent) << px << " px";
    ASSERT_EQ(a.Glyphs.Size, b.Glyphs.Size) << px << " px";
    for (int i = 0; i < a.Glyphs.Size; ++i) {
      const ImFontGlyph& ga = a.Glyphs[i];
      const ImFontGlyph* gb = b.FindGlyphNoFallback(static_cast<ImWchar>(ga.Codepoint));
      ASSERT_NE(gb, nullptr) << "U+" << std::hex << ga.Codepoint << " at " << std::dec << px << " px";
      EXPECT_EQ(ga.X0, gb->X0) << "U+" << std::hex << ga.Codepoint;
      EXPECT_EQ(ga.Y0, gb->Y0) << "U+" << std::hex << ga.Codepoint;
      EXPECT_EQ(ga.X1, gb->X1) << "U+" << std::hex << ga.Codepoint;
      EXPECT_EQ(ga.Y1, gb->Y1) << "U+" << std::hex << ga.Codepoint;
      EXPECT_EQ(ga.AdvanceX, gb->AdvanceX) << "U+" << std::hex << ga.Codepoint;
      EXPECT_EQ(pixels_of(theirs, ga), pixels_of(ours, *gb)) << "U+" << std::hex << ga.Codepoint;
    }
  }
}

TEST(FontFace, MapsNoneOfItsFileWhileAPageIsMade) {
  const render::FontFile font = cjk_font();
  ASSERT_FALSE(font.path.empty()) << "no CJK font installed";
  const render::FontFace face(font.path, font.index);
  ASSERT_TRUE(face.ok());
  ImFontAtlas atlas;
  build_from_face(atlas, face, 32, ranges_of(kText));
  EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(0x98CE), nullptr);  // 风
  EXPECT_FALSE(maps_file(font.path));
}

TEST(FontFace, SaysWhichCharactersItHas) {
  const render::FontFile font = cjk_font();
  ASSERT_FALSE(font.path.empty()) << "no CJK font installed";
  const render::FontFace face(font.path, font.index);
  ASSERT_TRUE(face.ok());
  EXPECT_TRUE(face.has(0x4E2D));   // 中
  EXPECT_FALSE(face.has(0xE000));  // private use
}

TEST(FontFace, IsNotOkForAFileThatIsNotAFont) {
  EXPECT_FALSE(render::FontFace("/nonexistent/font.ttc", 0).ok());
  EXPECT_FALSE(render::FontFace("/proc/self/status", 0).ok());
  EXPECT_FALSE(render::FontFace(KIOSK_CONTENT_DIR "/kiosk.toml", 0).ok());
}

}  // namespace
}  // namespace kiosk
