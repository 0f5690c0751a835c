#include "kiosk/render/font_face.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_internal.h>
#include <stb_rect_pack.h>

namespace kiosk::render {

struct FontStream {
  FT_StreamRec rec{};
};

namespace {

// FreeType's stream callback: a count of 0 is a seek, which succeeds (0) when the position exists.
unsigned long read_at(FT_Stream stream, unsigned long offset, unsigned char* buffer, unsigned long count) {
  if (count == 0) return offset <= stream->size ? 0 : 1;
  const int fd = static_cast<int>(stream->descriptor.value);
  unsigned long done = 0;
  while (done < count) {
    const ssize_t n = ::pread(fd, buffer + done, count - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<unsigned long>(n);
  }
  return done;
}

void close_stream(FT_Stream) {}  // the FontFace closes its file

// FreeType's 26.6 fixed point, rounded up to whole pixels.
float ceil_pixels(FT_Pos v) {
  return static_cast<float>((v + 63) & -64) / 64.0f;
}

}  // namespace

FontFace::FontFace(const std::string& path, int index) : stream_(std::make_unique<FontStream>()) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd_ < 0 || ::fstat(fd_, &st) != 0 || st.st_size <= 0) return;
  if (FT_Init_FreeType(&library_) != 0) {
    library_ = nullptr;
    return;
  }
  FT_StreamRec& s = stream_->rec;
  s.size = static_cast<unsigned long>(st.st_size);
  s.descriptor.value = fd_;
  s.read = read_at;
  s.close = close_stream;
  FT_Open_Args args{};
  args.flags = FT_OPEN_STREAM;
  args.stream = &s;
  FT_Face face = nullptr;
  if (FT_Open_Face(library_, &args, index, &face) != 0) return;
  if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
    FT_Done_Face(face);
    return;
  }
  face_ = face;
}

FontFace::~FontFace() {
  if (face_) FT_Done_Face(face_);
  if (library_) FT_Done_FreeType(library_);
  if (fd_ >= 0) ::close(fd_);
}

bool FontFace::has(unsigned codepoint) const {
  return face_ && FT_Get_Char_Index(face_, codepoint) != 0;
}

namespace {

struct RasterGlyph {
  ImWchar codepoint = 0;
  int width = 0, height = 0, left = 0, top = 0;
  float advance = 0;
  size_t pixels = 0;  // offset into the build's bitmap store
};

struct FaceGlyphs {
  ImFontConfig* cfg = nullptr;
  float ascender = 0, descender = 0;
  std::vector<RasterGlyph> glyphs;
  std::vector<stbrp_rect> rects;
};

// Sets the face to the config's size as ImGui's FreeType builder does: the size is the real height.
void set_size(FT_Face face, float px, FaceGlyphs& src) {
  FT_Size_RequestRec req{};
  req.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
  req.height = static_cast<FT_Long>(px * 64);
  FT_Request_Size(face, &req);
  src.ascender = ceil_pixels(face->size->metrics.ascender);
  src.descender = ceil_pixels(face->size->metrics.descender);
}

bool build_from_faces(ImFontAtlas* atlas) {
  IM_ASSERT(atlas->ConfigData.Size > 0);
  ImFontAtlasBuildInit(atlas);
  atlas->TexID = nullptr;
  atlas->TexWidth = atlas->TexHeight = 0;
  atlas->TexUvScale = ImVec2(0, 0);
  atlas->TexUvWhitePixel = ImVec2(0, 0);
  atlas->ClearTexData();
  atlas->TexPixelsUseColors = false;

  // 1. Each source's glyphs, rasterised: a character a font already has from an earlier source is skipped,
  // so a merged symbol font adds only what the first lacks.
  const int padding = atlas->TexGlyphPadding;
  std::vector<FaceGlyphs> sources(static_cast<size_t>(atlas->ConfigData.Size));
  std::vector<std::vector<bool>> taken(static_cast<size_t>(atlas->Fonts.Size));
  std::vector<unsigned char> bitmaps;
  long long surface = 0;
  for (int i = 0; i < atlas->ConfigData.Size; ++i) {
    ImFontConfig& cfg = atlas->ConfigData[i];
    FaceGlyphs& src = sources[static_cast<size_t>(i)];
    src.cfg = &cfg;
    const FontFace* font = *static_cast<FontFace* const*>(cfg.FontData);
    if (!font || !font->ok()) return false;
    FT_Face face = font->face();
    set_size(face, cfg.SizePixels, src);
    const int dst = atlas->Fonts.index_from_ptr(atlas->Fonts.find(cfg.DstFont));
    std::vector<bool>& seen = taken[static_cast<size_t>(dst)];
    seen.resize(IM_UNICODE_CODEPOINT_MAX + 1);
    const ImWchar* ranges = cfg.GlyphRanges ? cfg.GlyphRanges : atlas->GetGlyphRangesDefault();
    for (const ImWchar* r = ranges; r[0] && r[1]; r += 2)
      for (unsigned c = r[0]; c <= r[1] && c <= IM_UNICODE_CODEPOINT_MAX; ++c) {
        if (seen[c]) continue;
        const FT_UInt index = FT_Get_Char_Index(face, c);
        if (!index) continue;
        seen[c] = true;
        if (FT_Load_Glyph(face, index, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0) continue;
        FT_GlyphSlot slot = face->glyph;
        if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) continue;
        const FT_Bitmap& bm = slot->bitmap;
        RasterGlyph g;
        g.codepoint = static_cast<ImWchar>(c);
        g.width = static_cast<int>(bm.width);
        g.height = static_cast<int>(bm.rows);
        g.left = slot->bitmap_left;
        g.top = slot->bitmap_top;
        g.advance = ceil_pixels(slot->advance.x);
        g.pixels = bitmaps.size();
        bitmaps.resize(bitmaps.size() + static_cast<size_t>(g.width) * g.height);
        for (int y = 0; y < g.height; ++y)
          std::memcpy(bitmaps.data() + g.pixels + static_cast<size_t>(y) * g.width, bm.buffer + y * bm.pitch,
                      static_cast<size_t>(g.width));
        stbrp_rect rect{};
        rect.w = static_cast<stbrp_coord>(g.width + padding);
        rect.h = static_cast<stbrp_coord>(g.height + padding);
        surface += static_cast<long long>(rect.w) * rect.h;
        src.glyphs.push_back(g);
        src.rects.push_back(rect);
      }
  }

  // 2. Packed into a texture of the desired width, as tall as the glyphs need; ImGui's own rectangles
  // (the white pixel, the baked lines) first, in the top left corner.
  if (atlas->TexDesiredWidth > 0) {
    atlas->TexWidth = atlas->TexDesiredWidth;
  } else {
    const double side = std::sqrt(static_cast<double>(surface)) + 1;
    atlas->TexWidth = side >= 4096 * 0.7 ? 4096 : side >= 2048 * 0.7 ? 2048 : side >= 1024 * 0.7 ? 1024 : 512;
  }
  std::vector<stbrp_node> nodes(static_cast<size_t>(atlas->TexWidth - padding));
  stbrp_context pack{};
  stbrp_init_target(&pack, atlas->TexWidth, 1024 * 32, nodes.data(), static_cast<int>(nodes.size()));
  ImFontAtlasBuildPackCustomRects(atlas, &pack);
  for (FaceGlyphs& src : sources) {
    if (src.rects.empty()) continue;
    stbrp_pack_rects(&pack, src.rects.data(), static_cast<int>(src.rects.size()));
    for (const stbrp_rect& r : src.rects)
      if (r.was_packed) atlas->TexHeight = std::max(atlas->TexHeight, r.y + r.h);
  }
  atlas->TexHeight = (atlas->Flags & ImFontAtlasFlags_NoPowerOfTwoHeight)
                         ? atlas->TexHeight + 1
                         : ImUpperPowerOfTwo(atlas->TexHeight);
  atlas->TexUvScale =
      ImVec2(1.0f / static_cast<float>(atlas->TexWidth), 1.0f / static_cast<float>(atlas->TexHeight));
  const size_t texels = static_cast<size_t>(atlas->TexWidth) * static_cast<size_t>(atlas->TexHeight);
  atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(texels));
  std::memset(atlas->TexPixelsAlpha8, 0, texels);

  // 3. Glyphs copied to their places and added to their fonts, with the first source's ascent.
  for (FaceGlyphs& src : sources) {
    ImFontConfig& cfg = *src.cfg;
    ImFont* font = cfg.DstFont;
    ImFontAtlasBuildSetupFont(atlas, font, &cfg, src.ascender, src.descender);
    const float off_x = cfg.GlyphOffset.x;
    const float off_y = cfg.GlyphOffset.y + IM_ROUND(font->Ascent);
    for (size_t i = 0; i < src.glyphs.size(); ++i) {
      const stbrp_rect& r = src.rects[i];
      if (!r.was_packed) continue;
      const RasterGlyph& g = src.glyphs[i];
      const int tx = r.x + padding, ty = r.y + padding;
      for (int y = 0; y < g.height; ++y)
        std::memcpy(atlas->TexPixelsAlpha8 + static_cast<size_t>(ty + y) * atlas->TexWidth + tx,
                    bitmaps.data() + g.pixels + static_cast<size_t>(y) * g.width,
                    static_cast<size_t>(g.width));
      const float x0 = static_cast<float>(g.left) + off_x, y0 = static_cast<float>(-g.top) + off_y;
      const float w = static_cast<float>(atlas->TexWidth), h = static_cast<float>(atlas->TexHeight);
      font->AddGlyph(&cfg, g.codepoint, x0, y0, x0 + static_cast<float>(g.width),
                     y0 + static_cast<float>(g.height), static_cast<float>(tx) / w,
                     static_cast<float>(ty) / h, static_cast<float>(tx + g.width) / w,
                     static_cast<float>(ty + g.height) / h, g.advance);
    }
  }
  ImFontAtlasBuildFinish(atlas);
  return true;
}

}  // namespace

const ImFontBuilderIO* stream_font_builder() {
  static const ImFontBuilderIO io{build_from_faces};
  return &io;
}

}  // namespace kiosk::render
