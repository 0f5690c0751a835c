#include "kiosk/render/fonts.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>
#include <stb_truetype.h>

#include "kiosk/core/log.hpp"

namespace kiosk::render {
namespace {

constexpr const char* kPackageHint =
    "install a CJK font: sudo apt-get install fonts-noto-cjk (or fonts-wqy-microhei), or set `font` in "
    "kiosk.toml";

// Read-only mapping of the font file: a 20 MB collection costs only the pages the rasteriser touches.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  void* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

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
std::optional<FontFile> find_symbol_font() {
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
ImVector<ImWchar> missing_from(const MappedFile& file, int face, const ImVector<ImWchar>& ranges) {
  ImVector<ImWchar> missing;
  stbtt_fontinfo info;
  const auto* data = static_cast<const unsigned char*>(file.data());
  const int offset = stbtt_GetFontOffsetForIndex(data, face);
  if (offset < 0 || !stbtt_InitFont(&info, data, offset)) return missing;
  ImFontGlyphRangesBuilder builder;
  bool any = false;
  for (int i = 0; i + 1 < ranges.Size; i += 2)
    for (unsigned c = ranges[i]; c <= ranges[i + 1]; ++c)
      if (c >= 0x20 && !stbtt_FindGlyphIndex(&info, static_cast<int>(c))) {
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
  std::vector<ImFontAtlas*> out{ImGui::GetIO().Fonts};
  for (const auto& p : pages) out.push_back(p.get());
  return out;
}

namespace {

struct Source {
  const MappedFile* file = nullptr;
  int index = 0;
  const MappedFile* symbol_file = nullptr;  // merged for the characters the CJK face lacks
  int symbol_index = 0;
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

// One role on one page. A page that would exceed max_side is rebuilt smaller, at most three times,
// each time by the area it lacks; the result is magnified back to px.
ImFont* build_page(ImFontAtlas& atlas, const Source& src, float px, const ImVector<ImWchar>& ranges,
                   int max_side, bool& shrunk) {
  float factor = 1;
  shrunk = false;
  for (int attempt = 0; attempt < 4; ++attempt) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexDesiredWidth = max_side < 2048 ? max_side : 2048;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ImFontConfig cfg;
    cfg.FontData = src.file->data();
    cfg.FontDataSize = static_cast<int>(src.file->size());
    // ImGui 1.86 copies font data it does not own, once per font: copies of a 20 MB collection.
    // Lending it the mapping as "owned" avoids the copies; ownership is taken back before any free.
    cfg.FontDataOwnedByAtlas = true;
    cfg.FontNo = src.index;
    // Whole pixel sizes: at 20.01 px (30 x 0.667) glyph quads end between pixels and lose their bottom
    // row, so 2 reads as 7 and B as R.
    cfg.SizePixels = std::floor(px * factor);
    cfg.OversampleH = 1;  // CJK gains nothing from horizontal oversampling; it would double the page
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.GlyphRanges = ranges.Data;
    ImFont* font = atlas.AddFont(&cfg);
    if (src.symbol_file) {
      ImFontConfig merge;
      merge.FontData = src.symbol_file->data();
      merge.FontDataSize = static_cast<int>(src.symbol_file->size());
      merge.FontDataOwnedByAtlas = true;  // taken back before any free, as above
      merge.FontNo = src.symbol_index;
      merge.SizePixels = cfg.SizePixels;
      merge.OversampleH = merge.OversampleV = 1;
      merge.PixelSnapH = true;
      merge.MergeMode = true;
      merge.GlyphRanges = src.symbol_glyphs->Data;
      atlas.AddFont(&merge);
    }
    // The atlas keeps pointers to the ranges until it is built; build now while they and the file live.
    const bool built = atlas.Build();
    for (ImFontConfig& c : atlas.ConfigData) c.FontDataOwnedByAtlas = false;  // the mapping is ours
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
    const double lacking = static_cast<double>(max_side) * max_side / (static_cast<double>(atlas.TexWidth) * atlas.TexHeight);
    factor *= static_cast<float>(std::sqrt(lacking) * 0.97);
  }
  atlas.Clear();
  return nullptr;
}

}  // namespace

bool build_fonts(const FontFile& font, const std::string& text, const std::string& display, float scale,
                 int max_side, ui::FontSet& out, FontPages& pages, AtlasInfo& info, std::string& error) {
  const auto start = std::chrono::steady_clock::now();
  MappedFile file(font.path);
  if (!file.data()) {
    error = "font '" + font.path + "' cannot be read; " + kPackageHint;
    return false;
  }
  ImVector<ImWchar> all_glyphs, display_glyphs;
  {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    builder.AddText(text.c_str(), text.c_str() + text.size());
    builder.AddText("°µ³²₂₃₅·—–…％：，。（）、");
    builder.BuildRanges(&all_glyphs);
  }
  {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    builder.AddText("—–…");
    builder.AddText(display.c_str(), display.c_str() + display.size());
    builder.BuildRanges(&display_glyphs);
  }

  // Characters the CJK face lacks come from a symbol font merged into each size.
  std::optional<FontFile> symbol_font;
  std::unique_ptr<MappedFile> symbol_file;
  ImVector<ImWchar> symbol_glyphs = missing_from(file, font.index, all_glyphs);
  if (!symbol_glyphs.empty() && (symbol_font = find_symbol_font()))
    symbol_file = std::make_unique<MappedFile>(symbol_font->path);
  if (symbol_file && !symbol_file->data()) symbol_file.reset();
  Source src{&file, font.index, symbol_file.get(), symbol_font ? symbol_font->index : 0, &symbol_glyphs};

  const ui::FontSizes sizes = ui::font_pixels(scale);
  info = AtlasInfo{};
  // Every page but io.Fonts is built aside first, so a failure leaves the fonts on screen alone.
  struct Role {
    float px;
    const ImVector<ImWchar>* ranges;
    ImFont* ui::FontSet::*slot;
  };
  const Role roles[] = {{sizes.body, &all_glyphs, &ui::FontSet::body},
                        {sizes.large, &all_glyphs, &ui::FontSet::large},
                        {sizes.title, &all_glyphs, &ui::FontSet::title},
                        {sizes.huge, &display_glyphs, &ui::FontSet::huge}};
  FontPages next;
  ui::FontSet set;
  auto count = [&](const ImFontAtlas& atlas, bool shrunk) {
    ++info.pages;
    info.width = std::max(info.width, atlas.TexWidth);
    info.height = std::max(info.height, atlas.TexHeight);
    info.area += static_cast<long long>(atlas.TexWidth) * atlas.TexHeight;
    for (ImFont* f : atlas.Fonts) info.glyphs += f->Glyphs.Size;
    info.shrunk += shrunk;
  };
  for (const Role& role : roles) {
    auto atlas = std::make_unique<ImFontAtlas>();
    bool shrunk = false;
    ImFont* f = build_page(*atlas, src, role.px, *role.ranges, max_side, shrunk);
    if (!f) {
      error = "font '" + font.path + "' could not be rasterised at " +
              std::to_string(static_cast<int>(role.px)) + " px within " + std::to_string(max_side) +
              " pixels";
      return false;
    }
    set.*role.slot = f;
    count(*atlas, shrunk);
    next.pages.push_back(std::move(atlas));
  }
  bool shrunk = false;
  set.small = build_page(*ImGui::GetIO().Fonts, src, sizes.small, all_glyphs, max_side, shrunk);
  if (!set.small) {
    error = "font '" + font.path + "' could not be rasterised";
    out = ui::FontSet{};
    pages = FontPages{};
    return false;
  }
  count(*ImGui::GetIO().Fonts, shrunk);
  out = set;
  pages = std::move(next);
  info.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace kiosk::render
