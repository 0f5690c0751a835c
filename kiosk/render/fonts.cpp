#include "kiosk/render/fonts.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <fontconfig/fontconfig.h>

#include "kiosk/core/log.hpp"
#include "kiosk/render/font_face.hpp"

namespace kiosk::render {
namespace {

constexpr const char* kPackageHint =
    "install a CJK font: sudo apt-get install fonts-noto-cjk (or fonts-wqy-microhei), or set `font` in "
    "kiosk.toml";

bool covers_chinese(FcPattern* pattern) {
  FcCharSet* chars = nullptr;
  if (FcPatternGetCharSet(pattern, FC_CHARSET, 0, &chars) != FcResultMatch) return false;
  // 中 水 气: if a face has these it has the common Simplified set.
  return FcCharSetHasChar(chars, 0x4E2D) && FcCharSetHasChar(chars, 0x6C34) &&
         FcCharSetHasChar(chars, 0x6C14);
}

std::optional<FontFile> ask_fontconfig() {
  if (!FcInit()) return std::nullopt;
  std::optional<FontFile> found;
  // Families in order of preference; the sans faces read best from a distance.
  for (const char* family :
       {"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Sans CJK", "Droid Sans Fallback"}) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcPatternAddInteger(pattern, FC_WEIGHT, FC_WEIGHT_REGULAR);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    if (match) {
      FcChar8* file = nullptr;
      int index = 0;
      if (covers_chinese(match) && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        found = FontFile{reinterpret_cast<const char*>(file), index};
      }
      FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    if (found) break;
  }
  return found;
}

// Latin and symbol font for the few characters CJK fonts lack (Noto Sans CJK has no subscript ₂).
// Asked once: every build needs it, and a fontconfig match costs milliseconds.
std::optional<FontFile> ask_symbol_font();
std::optional<FontFile> find_symbol_font() {
  static const std::optional<FontFile> found = ask_symbol_font();
  return found;
}
std::optional<FontFile> ask_symbol_font() {
  if (!FcInit()) return std::nullopt;
  std::optional<FontFile> found;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("DejaVu Sans"));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
      FcPatternGetInteger(match, FC_INDEX, 0, &index);
      found = FontFile{reinterpret_cast<const char*>(file), index};
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return found;
}

// The code points of `ranges` that the face has no glyph for.
ImVector<ImWchar> missing_from(const FontFace& face, const ImVector<ImWchar>& ranges) {
  ImVector<ImWchar> missing;
  ImFontGlyphRangesBuilder builder;
  bool any = false;
  for (int i = 0; i + 1 < ranges.Size; i += 2)
    for (unsigned c = ranges[i]; c <= ranges[i + 1]; ++c)
      if (c >= 0x20 && !face.has(c)) {
        builder.AddChar(static_cast<ImWchar>(c));
        any = true;
      }
  if (any) builder.BuildRanges(&missing);
  return missing;
}

}  // namespace

std::optional<FontFile> find_cjk_font(const std::string& configured, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!configured.empty()) {
    if (fs::is_regular_file(configured, ec)) return FontFile{configured, 0};
    // A wrong path in the content must not keep the kiosk dark: say so and use what the system has.
    log::warning("font '" + configured + "' does not exist; using the system's Chinese font instead");
  }
  if (auto f = ask_fontconfig()) return f;
  // fontconfig missing or its cache broken: Debian's own paths (face 2 of the Noto collection is SC).
  // KIOSK_FONT_DIR replaces the usual folders (tests, unusual images).
  const char* dir_override = std::getenv("KIOSK_FONT_DIR");
  const std::string dir = dir_override ? dir_override : "";
  const FontFile known[] = {
      {dir.empty() ? "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
                   : dir + "/NotoSansCJK-Regular.ttc",
       2},
      {dir.empty() ? "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" : dir + "/wqy-microhei.ttc", 0},
      {dir.empty() ? "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc" : dir + "/wqy-zenhei.ttc", 0}};
  for (const auto& f : known)
    if (fs::is_regular_file(f.path, ec)) return f;
  error = std::string("no font with Chinese characters found; ") + kPackageHint;
  return std::nullopt;
}

std::vector<ImFontAtlas*> FontPages::all() const {
  std::vector<ImFontAtlas*> out;
  for (const auto& p : pages)
    if (p) out.push_back(p.get());
  return out;
}

namespace {

struct Source {
  const FontFace* face = nullptr;
  const FontFace* symbol_face = nullptr;  // merged for the characters the CJK face lacks
  const ImVector<ImWchar>* symbol_glyphs = nullptr;
};

// Scales a font rasterised at a smaller size back to `px`: positions and advances grow, the texture
// does not.
void magnify(ImFont& font, float px) {
  const float k = px / font.FontSize;
  font.FontSize = px;
  font.Ascent *= k;
  font.Descent *= k;
  // Whole pixels, as a glyph rasterised at its size has: a quad edge between pixels loses a row.
  for (ImFontGlyph& g : font.Glyphs) {
    const float w = std::round((g.X1 - g.X0) * k), h = std::round((g.Y1 - g.Y0) * k);
    g.X0 = std::round(g.X0 * k);
    g.Y0 = std::round(g.Y0 * k);
    g.X1 = g.X0 + w;
    g.Y1 = g.Y0 + h;
    g.AdvanceX = std::round(g.AdvanceX * k);
  }
  font.BuildLookupTable();
}

int ranges_size(const ImVector<ImWchar>& ranges) {
  int n = 0;
  for (int i = 0; i + 1 < ranges.Size; i += 2) n += ranges[i + 1] - ranges[i] + 1;
  return n;
}

// One role on one page. A page that would exceed max_side is rebuilt smaller, at most three times,
// each time by the area it lacks; the result is magnified back to px.
ImFont* build_page(ImFontAtlas& atlas, const Source& src, float px, const ImVector<ImWchar>& ranges,
                   int max_side, bool& shrunk) {
  float factor = 1;
  shrunk = false;
  bool widest = false;  // a page too tall is first made as wide as allowed, then rasterised smaller
  for (int attempt = 0; attempt < 5; ++attempt) {
    atlas.Clear();
    atlas.FontBuilderIO = stream_font_builder();
    // As narrow as the glyphs allow: a frame's few hundred glyphs need no 2048-wide page.
    const double area = 1.3 * ranges_size(ranges) * (px * factor + 2) * (px * factor + 2);
    int width = 256;
    while (width < 2048 && static_cast<double>(width) * width < area) width *= 2;
    atlas.TexDesiredWidth = widest ? max_side : std::min(width, max_side);
    // Only as tall as the glyphs: a power-of-two height left up to half of a page's texels unused
    // (4 MiB of textures at 1920x1080). A v coordinate is then inexact (on a page 131 texels tall a
    // glyph's rows came back as 41.99999), which SDL's software renderer cut to a row short; the
    // renderer backend copies glyphs itself and rounds (split_rects).
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ImFontConfig cfg;
    // ImGui copies the font data it does not own: here a pointer to the face, which reads the file itself.
    cfg.FontData = const_cast<FontFace**>(src.face->font_data());
    cfg.FontDataSize = sizeof(FontFace*);
    cfg.FontDataOwnedByAtlas = false;
    // Whole pixel sizes: at 20.01 px (30 x 0.667) glyph quads end between pixels and lose their bottom
    // row, so 2 reads as 7 and B as R.
    cfg.SizePixels = std::floor(px * factor);
    cfg.OversampleH = 1;  // CJK gains nothing from horizontal oversampling; it would double the page
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.GlyphRanges = ranges.Data;
    ImFont* font = atlas.AddFont(&cfg);
    if (src.symbol_face) {
      ImFontConfig merge;
      merge.FontData = const_cast<FontFace**>(src.symbol_face->font_data());
      merge.FontDataSize = sizeof(FontFace*);
      merge.FontDataOwnedByAtlas = false;
      merge.SizePixels = cfg.SizePixels;
      merge.OversampleH = merge.OversampleV = 1;
      merge.PixelSnapH = true;
      merge.MergeMode = true;
      merge.GlyphRanges = src.symbol_glyphs->Data;
      atlas.AddFont(&merge);
    }
    // The atlas keeps pointers to the ranges until it is built; build now while they and the faces live.
    const bool built = atlas.Build();
    if (!built) {
      atlas.Clear();
      return nullptr;
    }
    atlas.ClearInputData();  // ranges and file data are only needed while building
    if (atlas.TexWidth <= max_side && atlas.TexHeight <= max_side) {
      if (factor < 1) magnify(*font, std::floor(px));
      shrunk = factor < 1;
      return font;
    }
    if (!widest && atlas.TexWidth < max_side) {
      widest = true;
      continue;
    }
    const double lacking =
        static_cast<double>(max_side) * max_side / (static_cast<double>(atlas.TexWidth) * atlas.TexHeight);
    factor *= static_cast<float>(std::sqrt(lacking) * 0.97);
  }
  atlas.Clear();
  return nullptr;
}

}  // namespace

GlyphText glyph_text_of(const std::string& text, const std::string& display) {
  GlyphText out;
  out.latin1 = true;
  for (int r = 0; r < kFontRoles; ++r) out.roles[r] = text;
  out.roles[static_cast<int>(FontRole::huge)] = display;
  out.roles[static_cast<int>(FontRole::large_title)].clear();
  return out;
}

std::optional<FontBuild> build_font_pages(const FontFile& font, const GlyphText& text, float scale,
                                          int max_side, std::string& error, const std::atomic<bool>* cancel,
                                          unsigned roles) {
  const auto start = std::chrono::steady_clock::now();
  FontFace face(font.path, font.index);
  if (!face.ok()) {
    error = "font '" + font.path + "' cannot be read; " + kPackageHint;
    return std::nullopt;
  }
  // A pack's pages have Latin-1 (names of foreign places); a frame's own (text.latin1 false) only ASCII.
  static const ImWchar kLatin1[] = {0x0020, 0x00FF, 0};
  static const ImWchar kAscii[] = {0x0020, 0x007E, 0};
  static const ImWchar kProbe[] = {0x0020, 0x0020, 0x003F, 0x003F, 0};
  // The huge role draws figures (an AQI, a score "7 / 10") and alert titles: at 120 px each spare letter
  // costs its page about 10,000 texels, so a pack's huge page holds figures and the titles only.
  static const ImWchar kFigures[] = {0x0020, 0x0020, 0x002D, 0x0039, 0x003F, 0x003F, 0};
  const ImWchar* latin = text.probe ? kProbe : text.latin1 ? kLatin1 : kAscii;
  ImVector<ImWchar> ranges[kFontRoles];
  ImVector<ImWchar> every;  // for the symbol font's share
  {
    ImFontGlyphRangesBuilder all;
    for (int r = 0; r < kFontRoles; ++r) {
      if (!(roles & (1u << r))) continue;
      ImFontGlyphRangesBuilder builder;
      // A frame's huge role holds what it draws and no spare letters; the large title role only ever
      // holds what it has drawn.
      const bool huge = r == static_cast<int>(FontRole::huge);
      const bool as_drawn = r == static_cast<int>(FontRole::large_title);
      builder.AddRanges(as_drawn ? kProbe : !huge || text.probe ? latin : text.latin1 ? kFigures : kProbe);
      const std::string& t = text.roles[r];
      builder.AddText(t.c_str(), t.c_str() + t.size());
      if (!text.probe && !as_drawn) builder.AddText(huge ? "—–…" : "°µ³²₂₃₅·—–…％：，。（）、");
      builder.BuildRanges(&ranges[r]);
      for (int i = 0; i + 1 < ranges[r].Size; i += 2)
        for (unsigned c = ranges[r][i]; c <= ranges[r][i + 1]; ++c) all.AddChar(static_cast<ImWchar>(c));
    }
    all.BuildRanges(&every);
  }

  // Characters the CJK face lacks come from a symbol font merged into each size.
  std::optional<FontFile> symbol_font;
  std::unique_ptr<FontFace> symbol_face;
  ImVector<ImWchar> symbol_glyphs = missing_from(face, every);
  if (!symbol_glyphs.empty() && (symbol_font = find_symbol_font()))
    symbol_face = std::make_unique<FontFace>(symbol_font->path, symbol_font->index);
  if (symbol_face && !symbol_face->ok()) symbol_face.reset();
  Source src{&face, symbol_face.get(), &symbol_glyphs};

  const ui::FontSizes sizes = ui::font_pixels(scale);
  FontBuild out;
  const float px[kFontRoles] = {sizes.small, sizes.body, sizes.large,
                                sizes.title, sizes.huge, sizes.large_title};
  for (int r = 0; r < kFontRoles; ++r) {
    if (cancel && cancel->load()) {
      error = "cancelled";
      return std::nullopt;
    }
    if (!(roles & (1u << r))) {
      out.pages.pages.push_back(nullptr);
      continue;
    }
    auto atlas = std::make_unique<ImFontAtlas>();
    bool shrunk = false;
    ImFont* f = build_page(*atlas, src, px[r], ranges[r], max_side, shrunk);
    if (!f) {
      error = "font '" + font.path + "' could not be rasterised at " +
              std::to_string(static_cast<int>(px[r])) + " px within " + std::to_string(max_side) + " pixels";
      return std::nullopt;
    }
    out.set.*kRoleSlots[r] = f;
    ++out.info.pages;
    out.info.width = std::max(out.info.width, atlas->TexWidth);
    out.info.height = std::max(out.info.height, atlas->TexHeight);
    out.info.area += static_cast<long long>(atlas->TexWidth) * atlas->TexHeight;
    for (ImFont* font_on_page : atlas->Fonts) out.info.glyphs += font_on_page->Glyphs.Size;
    out.info.shrunk += shrunk;
    float used = 0;
    for (ImFont* font_on_page : atlas->Fonts)
      for (const ImFontGlyph& g : font_on_page->Glyphs) used = std::max(used, g.V1);
    out.info.sizes += std::to_string(atlas->TexWidth) + "x" + std::to_string(atlas->TexHeight) + "(" +
                      std::to_string(static_cast<int>(used * 100)) + "%) ";
    out.pages.pages.push_back(std::move(atlas));
  }
  out.info.build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace kiosk::render
