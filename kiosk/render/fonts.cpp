#include "kiosk/render/fonts.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
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

bool build_fonts(const FontFile& font, const std::string& text, float scale, int max_side, ui::FontSet& out,
                 AtlasInfo& info, std::string& error) {
  const auto start = std::chrono::steady_clock::now();
  MappedFile file(font.path);
  if (!file.data()) {
    error = "font '" + font.path + "' cannot be read; " + kPackageHint;
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.TexDesiredWidth = max_side < 2048 ? max_side : 2048;
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

  ImVector<ImWchar> all_glyphs, latin_glyphs;
  {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddText(text.c_str(), text.c_str() + text.size());
    builder.AddText("°µ³²₂₃₅·—–…％：，。（）、");
    builder.BuildRanges(&all_glyphs);
  }
  {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddText("—–…");
    builder.BuildRanges(&latin_glyphs);
  }

  // Characters the CJK face lacks come from a symbol font merged into each size.
  std::optional<FontFile> symbol_font;
  std::unique_ptr<MappedFile> symbol_file;
  ImVector<ImWchar> symbol_glyphs = missing_from(file, font.index, all_glyphs);
  if (!symbol_glyphs.empty() && (symbol_font = find_symbol_font()))
    symbol_file = std::make_unique<MappedFile>(symbol_font->path);
  if (symbol_file && !symbol_file->data()) symbol_file.reset();

  const ui::FontSizes sizes;
  auto add = [&](float px, const ImVector<ImWchar>& ranges) {
    ImFontConfig cfg;
    cfg.FontData = file.data();
    cfg.FontDataSize = static_cast<int>(file.size());
    // ImGui 1.86 copies font data it does not own, once per font: five copies of a 20 MB collection.
    // Lending it the mapping as "owned" avoids the copies; ownership is taken back before any free.
    cfg.FontDataOwnedByAtlas = true;
    cfg.FontNo = font.index;
    cfg.SizePixels = px * scale;
    cfg.OversampleH = 1;  // CJK gains nothing from horizontal oversampling; it would double the atlas
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.GlyphRanges = ranges.Data;
    ImFont* added = atlas.AddFont(&cfg);
    if (symbol_file) {
      ImFontConfig merge;
      merge.FontData = symbol_file->data();
      merge.FontDataSize = static_cast<int>(symbol_file->size());
      merge.FontDataOwnedByAtlas = true;  // taken back before any free, as above
      merge.FontNo = symbol_font->index;
      merge.SizePixels = px * scale;
      merge.OversampleH = merge.OversampleV = 1;
      merge.PixelSnapH = true;
      merge.MergeMode = true;
      merge.GlyphRanges = symbol_glyphs.Data;
      atlas.AddFont(&merge);
    }
    return added;
  };
  out.small = add(sizes.small, all_glyphs);
  out.body = add(sizes.body, all_glyphs);
  out.large = add(sizes.large, all_glyphs);
  out.title = add(sizes.title, all_glyphs);
  out.huge = add(sizes.huge, latin_glyphs);
  // The atlas keeps pointers to the ranges until it is built; build now while they and the file live.
  const bool built = atlas.Build();
  for (ImFontConfig& cfg : atlas.ConfigData)
    cfg.FontDataOwnedByAtlas = false;  // the mapping is ours to unmap
  if (!built) {
    error = "font '" + font.path + "' could not be rasterised";
    atlas.Clear();
    return false;
  }
  // Glyph ranges and file data are only needed while building.
  atlas.ClearInputData();
  info.width = atlas.TexWidth;
  info.height = atlas.TexHeight;
  info.glyphs = 0;
  for (ImFont* f : atlas.Fonts) info.glyphs += f->Glyphs.Size;
  info.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (atlas.TexWidth > max_side || atlas.TexHeight > max_side) {
    error = "the font atlas (" + std::to_string(atlas.TexWidth) + "x" + std::to_string(atlas.TexHeight) +
            ") exceeds the GPU's " + std::to_string(max_side) +
            " pixel limit; shorten the content or use fewer characters";
    return false;
  }
  return true;
}

}  // namespace kiosk::render
