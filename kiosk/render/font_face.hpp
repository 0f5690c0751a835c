// A FreeType face that reads its file with pread() instead of mapping it, and the ImGui font builder that
// rasterises atlas pages from such faces (issue 13, item 7).
//
// Why: ImGui's own FreeType builder takes the font as bytes in memory. A mapped 20 MB CJK collection
// costs the process every 4 KiB page a glyph outline, a subroutine or a metric lies on, and the kernel
// maps up to 64 KiB around each fault: 7 to 9 MiB of PSS while a thousand characters are rasterised.
// Read through a stream, the process holds only what FreeType copies out (the cmap, the CFF
// subroutines and index offsets: about 2.4 MiB of heap while the face is open, for Noto Sans CJK); the
// file's pages stay in the page cache, shared and reclaimable.
//
// The builder rasterises as ImGui 1.86's FreeType builder does with ImGuiFreeTypeBuilderFlags_LightHinting
// (sizes requested as real dimensions, light hinting, no embedded bitmaps, glyphs placed from their
// bitmap's left and top, advances rounded up to whole pixels), so pages and frames come out the same.
#pragma once
#include <memory>
#include <string>

#include <imgui.h>

struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace kiosk::render {

// One face of a font file, open for the life of this object. Not shared between threads.
class FontFace {
 public:
  FontFace(const std::string& path, int index);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  bool ok() const { return face_ != nullptr; }
  bool has(unsigned codepoint) const;  // the face has a glyph for it
  FT_FaceRec_* face() const { return face_; }

  // Pass as ImFontConfig::FontData (with FontDataSize = sizeof(FontFace*)) to an atlas whose
  // FontBuilderIO is stream_font_builder(): ImGui copies the pointer, not the file.
  FontFace* const* font_data() const { return &self_; }

 private:
  FontFace* self_ = this;
  int fd_ = -1;
  FT_LibraryRec_* library_ = nullptr;  // one per face: faces of different threads never share one
  FT_FaceRec_* face_ = nullptr;
  std::unique_ptr<struct FontStream> stream_;
};

// ImGui's font builder interface, rasterising from FontFace objects named by each config's FontData.
const ImFontBuilderIO* stream_font_builder();

}  // namespace kiosk::render
